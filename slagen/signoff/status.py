"""Where an agreement stands in sign-off: its fingerprint and each party's approval.

Stage: sign-off.
"""

from __future__ import annotations

from typing import Any

from slagen.core.errors import CheckFailed
from slagen.core.model import Agreement
from slagen.core.validate import validate_text
from slagen.signoff.extract import extract_agreement

__all__ = ["approval_status", "draft_reason", "format_status"]


def approval_status(agreement: Agreement, file: str) -> dict[str, Any]:
    """The fingerprint and, per party, ``current``, ``stale`` or ``pending`` with the approval shown."""
    parties = []
    for party in agreement.parties:
        current = agreement.current_approval(party.id)
        earlier = [a for a in agreement.approvals if a.party == party.id]
        shown = current or (max(earlier, key=lambda a: a.date) if earlier else None)
        parties.append(
            {
                "id": party.id,
                "status": "current" if current else "stale" if earlier else "pending",
                "name": shown.name if shown else None,
                "title": shown.title if shown else None,
                "date": shown.date.isoformat() if shown else None,
                "fingerprint": shown.fingerprint if shown else None,
            }
        )
    return {
        "file": file,
        "id": agreement.id,
        "revision": agreement.revision.number,
        "fingerprint": agreement.fingerprint,
        "approved": agreement.is_approved,
        "parties": parties,
    }


def format_status(status: dict[str, Any]) -> str:
    """``sha256:…  FILE`` (as sha256sum prints), then one line per party."""
    lines = [f"{status['fingerprint']}  {status['file']}"]
    for party in status["parties"]:
        who = ""
        if party["name"]:
            who = f" — {party['name']}" + (f", {party['title']}" if party["title"] else "")
            who += f", {party['date']}"
        lines.append(f"  {party['id']}: {party['status']}{who}")
    return "\n".join(lines) + "\n"


def draft_reason(pdf_bytes: bytes) -> str:
    """Why the signed PDF may not be what the parties agreed, or ``""``."""
    try:
        result = validate_text(extract_agreement(pdf_bytes), "agreement.yaml (embedded)")
    except CheckFailed as exc:
        return exc.message
    agreement = result.agreement
    if agreement is None:
        return "the embedded agreement.yaml is not a valid agreement"
    pending = [p.id for p in agreement.parties if agreement.current_approval(p.id) is None]
    if pending:
        return (
            "this PDF is a draft: " + ", ".join(pending) + " had not approved its content "
            "(slagen approve, then render again before signing)"
        )
    return ""

"""What ``slagen verify`` found: the report objects and their human-readable form.

The JSON form is :meth:`VerificationReport.as_dict`; the text form is
:func:`format_report`, a few lines per signature, then the embedded agreement
and the source check.

Stage: sign-off.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = ["EmbeddedReport", "SignatureReport", "VerificationReport", "format_report"]


@dataclass
class SignatureReport:
    field_name: str
    signer: str  # the subject's common name
    subject: str
    issuer: str
    signing_time: str | None  # ISO, as claimed by the signer
    intact: bool  # the signed bytes are unchanged
    valid: bool  # and the cryptographic signature verifies
    coverage: str  # "whole document" | "signed revision, later only signatures" | "modified after signing"
    trust: str  # "trusted" | "self-signed" | "untrusted" | "not checked" (a broken signature)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class EmbeddedReport:
    present: bool
    stated_fingerprint: str | None  # in the PDF's metadata
    fingerprint: str | None  # recomputed from the embedded YAML
    agreement: str | None = None  # id, revision
    approved_by: list[str] = field(default_factory=list)  # parties with a current approval
    parties: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


@dataclass
class VerificationReport:
    file: str
    signatures: list[SignatureReport]
    embedded: EmbeddedReport
    source: dict[str, Any] | None = None  # {"path", "fingerprint", "matches", "identical"}
    # With --allowed-signers: each party's approval and the signed commit that proves it.
    approvals: list[dict[str, Any]] | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.all_problems

    @property
    def all_problems(self) -> list[str]:
        found = [
            f"signature `{s.field_name}` ({s.signer}): {p}"
            for s in self.signatures
            for p in s.problems
        ]
        return [*self.problems, *found, *self.embedded.problems]

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["ok"] = self.ok
        data["problems"] = self.all_problems
        return data


def _mark(ok: bool) -> str:
    return "ok" if ok else "FAILED"


def format_report(report: VerificationReport) -> str:
    """A few lines per signature, then the embedded agreement and the source check."""
    lines = [f"{report.file}: {len(report.signatures)} signature(s)"]
    for i, sig in enumerate(report.signatures, 1):
        lines += [
            f"  {i}. {sig.signer} (field {sig.field_name}) — {_mark(sig.ok)}",
            f"     signed at   {sig.signing_time or 'unknown'} (the signer's clock)",
            f"     integrity   {'intact' if sig.intact and sig.valid else 'BROKEN'}; {sig.coverage}",
            f"     trust       {sig.trust}; issued by {sig.issuer}",
        ]
        lines += [f"     problem:    {p}" for p in sig.problems]
    emb = report.embedded
    if emb.present:
        lines.append(
            f"  embedded agreement.yaml: {emb.agreement or 'invalid'} — {_mark(not emb.problems)}"
        )
        lines.append(
            f"     fingerprint {emb.fingerprint or '—'} (PDF states {emb.stated_fingerprint or 'none'})"
        )
        if emb.agreement:
            draft = len(emb.approved_by) < len(emb.parties)
            lines.append(
                "     approved by "
                + (", ".join(emb.approved_by) or "no party")
                + (" (a draft: not every party approved this content in the YAML)" if draft else "")
            )
    else:
        lines.append("  embedded agreement.yaml: missing — FAILED")
    lines += [f"     problem:    {p}" for p in emb.problems]
    if report.source is not None:
        src = report.source
        same = (
            "byte-identical"
            if src["identical"]
            else "same content"
            if src["matches"]
            else "DIFFERENT content"
        )
        lines.append(f"  source {src['path']}: {same} — {_mark(src['matches'])}")
    if report.approvals is not None:
        lines.append("  approvals proven in git:")
        lines += [f"     {a['party']}: {a['text']}" for a in report.approvals]
    lines += [f"  problem: {p}" for p in report.problems]
    lines.append("verified: every check passed" if report.ok else "NOT verified")
    return "\n".join(lines) + "\n"

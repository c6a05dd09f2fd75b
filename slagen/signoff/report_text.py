"""The human-readable form of a :class:`~slagen.signoff.verify.VerificationReport`."""

from __future__ import annotations

from slagen.signoff.verify import VerificationReport

__all__ = ["format_report"]


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
    lines += [f"  problem: {p}" for p in report.problems]
    lines.append("verified: every check passed" if report.ok else "NOT verified")
    return "\n".join(lines) + "\n"

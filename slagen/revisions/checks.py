"""The reset checks: is the new version a proper new revision of the old one?

1. Content changed but ``revision.number`` did not go up → error
   ``revision-not-incremented``.
2. A new revision changes computed targets of months before its own
   ``revision.date`` → warning ``rewriting-history`` naming the months (docs/targets.md).
   Months dropped by a shortened period are not rewritten: that is the other
   valid way to reset. Capacity is not a target: more reps from July change
   the available hours of every month, which is no rewrite.
3. The old ``history`` plus the old ``revision`` must appear in the new
   ``history`` → error ``history-missing`` / ``history-changed``; an edited
   summary of a past revision is a warning ``history-edited``.

Stage: revisions.
"""

from __future__ import annotations

from slagen.core.errors import Finding
from slagen.core.loader import Document
from slagen.core.model import Agreement, RevisionEntry
from slagen.core.scalars import month_of
from slagen.revisions.fields import FieldChange
from slagen.revisions.targets import TargetsDiff

__all__ = ["reset_checks"]


def _brief(changes: list[FieldChange], limit: int = 3) -> str:
    labels = list(dict.fromkeys(c.label for c in changes))
    more = f" and {len(labels) - limit} more" if len(labels) > limit else ""
    return ", ".join(labels[:limit]) + more


def rewritten_months(targets: TargetsDiff, before: str) -> tuple[list[str], list[str], list[str]]:
    """Revenue months, lead months and segment names whose targets changed before ``before``."""
    revenue: set[str] = set()
    names: dict[str, None] = {}
    for seg in targets.segments:
        for row in seg.months:
            if row.month < before and row.status == "changed":
                revenue.add(row.month)
                names.setdefault(seg.name, None)
    lead = {
        m.month
        for m in targets.months
        if m.month < before and m.status == "changed" and any(d.changed for d in m.values.values())
    }
    return sorted(revenue), sorted(lead), list(names)


def _same_text(a: str, b: str) -> bool:
    return a.split() == b.split()


def _history_findings(doc: Document, old: Agreement, new: Agreement) -> list[Finding]:
    findings = []
    expected: list[RevisionEntry] = [*old.history, old.revision]
    by_number = {h.number: (i, h) for i, h in enumerate(new.history)}
    for entry in expected:
        if entry.number not in by_number:
            findings.append(
                doc.finding(
                    ("history",),
                    "history-missing",
                    f"revision {entry.number} ({entry.date}) is missing from history; earlier revisions "
                    "must carry over into the new one",
                    hint=f"add to history: {{number: {entry.number}, date: {entry.date}, summary: …}} "
                    "with the summary it had",
                    at_key=True,
                )
            )
            continue
        i, found = by_number[entry.number]
        if found.date != entry.date:
            findings.append(
                doc.finding(
                    ("history", i, "date"),
                    "history-changed",
                    f"history entry {entry.number} says {found.date}, but revision {entry.number} took effect "
                    f"on {entry.date}",
                    hint=f"restore date: {entry.date}",
                )
            )
        elif not _same_text(found.summary, entry.summary):
            findings.append(
                doc.finding(
                    ("history", i, "summary"),
                    "history-edited",
                    f"the summary of revision {entry.number} was edited after the fact",
                    severity="warning",
                    hint="keep past summaries as they were signed",
                )
            )
    return findings


def reset_checks(
    old: Agreement,
    new: Agreement,
    new_doc: Document,
    changes: list[FieldChange],
    targets: TargetsDiff,
) -> list[Finding]:
    """The findings of the three reset checks, located in the new file."""
    findings: list[Finding] = []
    content = [c for c in changes if c.section != "approvals"]
    if not content and not targets.changed:
        return findings
    if new.revision.number <= old.revision.number:
        findings.append(
            new_doc.finding(
                ("revision", "number"),
                "revision-not-incremented",
                f"the content changed ({_brief(content)}) but revision.number is {new.revision.number}, "
                f"not above the old revision {old.revision.number}",
                hint=f"make it revision {old.revision.number + 1}: set revision.number, date and summary, "
                f"and add revision {old.revision.number} to history",
            )
        )
        return findings
    before = month_of(new.revision.date)
    revenue, lead, names = rewritten_months(targets, before)
    if revenue or lead:
        where = []
        if revenue:
            where.append("revenue months " + ", ".join(revenue) + " (" + ", ".join(names) + ")")
        if lead:
            where.append("lead months " + ", ".join(lead))
        findings.append(
            new_doc.finding(
                ("revision", "date"),
                "rewriting-history",
                f"rewriting history: revision {new.revision.number} takes effect on {new.revision.date} but "
                "changes the computed targets of earlier months: " + "; ".join(where),
                severity="warning",
                hint="keep earlier months as signed (write the input as a month map that changes from "
                f"{before}), or shorten the period to start at {before}",
            )
        )
    findings.extend(_history_findings(new_doc, old, new))
    return findings

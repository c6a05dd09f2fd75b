"""``slagen diff --format md``: a pull-request comment.

A summary table and the reset checks come first; the details are folded in
``<details>`` blocks. That HTML is slagen's own; every piece of user text goes
through :func:`slagen.documents.markdown.md_text`, which escapes Markdown punctuation and
``<``, ``>``, ``&`` and ``|``, so an agreement can neither inject HTML nor break
a table. Prose changes are marked with ``<del>``/``<ins>`` around escaped words.

Stage: revisions.
"""

from __future__ import annotations

from decimal import Decimal

from slagen.core.targets import TargetTable
from slagen.documents.markdown import md_text
from slagen.revisions.fields import FieldChange
from slagen.revisions.result import DiffResult
from slagen.revisions.targets import Delta, MonthDelta
from slagen.revisions.text_format import delta_text, trim_words
from slagen.revisions.values import format_value

__all__ = ["diff_markdown"]

CELL_LIMIT = 160
# GitHub refuses comments over 65,536 characters; 4 tables × 120 rows × ~130 stay below.
MAX_TABLE_ROWS = 120
ICON_BY_SEVERITY = {"error": "❌", "warning": "⚠️"}


def _cell(value: object) -> str:
    text = format_value(value)
    if len(text) > CELL_LIMIT:
        text = text[: CELL_LIMIT - 1] + "…"
    return md_text(text) or "—"


def _prose(change: FieldChange) -> str:
    pieces = []
    for w in trim_words(change.words):
        text = md_text(w.text)
        pieces.append(
            f"<del>{text}</del>"
            if w.op == "delete"
            else f"<ins>{text}</ins>"
            if w.op == "insert"
            else text
        )
    return " ".join(pieces)


def _delta(field: str, d: Delta) -> str:
    return delta_text(field, d)  # slagen's own numbers: nothing to escape


def _new_value(field: str, d: Delta) -> str:
    """The new value with its change: ``6,784 (+134, +2.0%)``."""
    text = delta_text(field, d)
    return text.split(" → ", 1)[1] if " → " in text else text


def _peak(table: TargetTable) -> str:
    checks = [(m.capacity.utilization, m.month) for m in table.monthly if m.capacity is not None]
    if not checks:
        return "—"
    value, month = max(checks)
    return f"{(value * 100).quantize(Decimal('0.1'))}% ({month})"


def _details(title: str, body: list[str]) -> list[str]:
    return ["", f"<details><summary>{title}</summary>", "", *body, "", "</details>"]


def _capped(rows: list[str], header: int = 2) -> list[str]:
    """A table cut to :data:`MAX_TABLE_ROWS` rows, so the comment stays under GitHub's limit."""
    extra = len(rows) - header - MAX_TABLE_ROWS
    if extra <= 0:
        return rows
    return [
        *rows[: header + MAX_TABLE_ROWS],
        "",
        f"… and {extra} more rows: run `slagen diff --format json` for all of them.",
    ]


def _month_rows(months: tuple[MonthDelta, ...], first: str) -> list[str]:
    rows = []
    for m in months:
        v = m.values
        capacity = _delta("utilization", m.capacity["utilization"]) if m.capacity else "—"
        status = "" if m.status == "changed" else f" ({m.status})"
        rows.append(
            f"| {first}{m.month}{status} | {_delta('leads_needed', v['leads_needed'])} | "
            f"{_delta('customers_needed', v['customers_needed'])} | "
            f"{_delta('marketing_revenue_goal', v['marketing_revenue_goal'])} | {capacity} |"
        )
    return rows


def diff_markdown(result: DiffResult) -> str:
    """The comment: summary table, checks, then folded details."""
    old, new = result.old_agreement, result.new_agreement
    t = result.targets
    lines = [
        f"### slagen diff: `{new.id}` revision {old.revision.number} → {new.revision.number}",
        "",
    ]
    if not result.changed:
        return "\n".join([*lines, "No changes."]) + "\n"
    total = t.total
    lines += [
        "| | Old | New |",
        "| --- | --- | --- |",
        f"| Revision | {old.revision.number} ({old.revision.date}) | {new.revision.number} ({new.revision.date}) |",
        f"| Period | {old.period.start} – {old.period.end} | {new.period.start} – {new.period.end} |",
        (
            f"| Changes | | {result.count('changed')} changed, {result.count('added')} added, "
            f"{result.count('removed')} removed; targets of {sum(len(s.months) for s in t.segments)} "
            "segment-months moved |"
        ),
        "",
    ]
    if result.old_targets.segments or result.new_targets.segments:
        lines[6:6] = [
            (
                f"| Leads needed (period) | {total['leads_needed'].old:,} | "
                f"{_new_value('leads_needed', total['leads_needed'])} |"
            ),
            (
                f"| Customers needed (period) | {total['customers_needed'].old:,} | "
                f"{_new_value('customers_needed', total['customers_needed'])} |"
            ),
            f"| Peak capacity use | {_peak(result.old_targets)} | {_peak(result.new_targets)} |",
        ]
    if result.findings:
        lines.append("**Reset checks**")
        lines.append("")
        for f in result.findings:
            hint = f" — {md_text(f.hint)}" if f.hint else ""
            lines.append(
                f"- {ICON_BY_SEVERITY.get(f.severity, '')} **{f.severity}** "
                f"`{f.path}`: {md_text(f.message)}{hint}"
            )
    else:
        lines.append("**Reset checks** ✅ passed")
    fields = [c for c in result.changes if not c.words]
    if fields:
        rows = ["| Field | Old | New |", "| --- | --- | --- |"]
        for c in fields:
            rows.append(
                f"| {md_text(c.label)} | {_cell(c.old) if c.kind != 'added' else '—'} | "
                f"{_cell(c.new) if c.kind != 'removed' else '—'} |"
            )
        lines += _details(f"Field changes ({len(fields)})", _capped(rows))
    prose = [c for c in result.changes if c.words]
    if prose:
        body = []
        for c in prose:
            body += [f"**{md_text(c.label)}**", "", _prose(c), ""]
        lines += _details(f"Text changes ({len(prose)})", body[:-1])
    if t.segments:
        rows = [
            "| Segment · month | Leads | Customers | Marketing goal | Capacity |",
            "| --- | --- | --- | --- | --- |",
        ]
        for seg in t.segments:
            rows += _month_rows(seg.months, f"{md_text(seg.name)} · ")
        lines += _details(
            f"Lead targets by segment and revenue month ({len(rows) - 2})", _capped(rows)
        )
    if t.months:
        rows = [
            "| Lead month | Leads | Customers | Marketing goal | Capacity |",
            "| --- | --- | --- | --- | --- |",
            *_month_rows(t.months, ""),
        ]
        lines += _details(f"Monthly SLA totals and capacity ({len(t.months)})", _capped(rows))
    return "\n".join(lines) + "\n"

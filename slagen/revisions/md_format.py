"""``slagen diff --format md``: a pull-request comment.

A summary table and the reset checks come first; the details are folded in
``<details>`` blocks. That HTML is slagen's own; every piece of user text goes
through :func:`slagen.documents.markdown.md_text`, which escapes Markdown punctuation and
``<``, ``>``, ``&`` and ``|``, so an agreement can neither inject HTML nor break
a table. Prose changes are marked with ``<del>``/``<ins>`` around escaped words;
a text rewritten for the most part (fewer than half its words kept) is shown as
the old paragraph deleted and the new one inserted.

Stage: revisions.
"""

from __future__ import annotations

from slagen.core.targets import TargetTable
from slagen.documents.markdown import md_text
from slagen.revisions.check_wording import finding_words
from slagen.revisions.fields import FieldChange
from slagen.revisions.labels import N_
from slagen.revisions.result import DiffResult
from slagen.revisions.targets import Delta, MonthDelta
from slagen.revisions.text_format import trim_words
from slagen.revisions.wording import Wording
from slagen.revisions.words import replaced_whole

__all__ = ["diff_markdown"]

CELL_LIMIT = 160
# GitHub refuses comments over 65,536 characters; 4 tables × 120 rows × ~130 stay below.
MAX_TABLE_ROWS = 120
ICON_BY_SEVERITY = {"error": "❌", "warning": "⚠️"}


def _cell(text: str) -> str:
    if len(text) > CELL_LIMIT:
        text = text[: CELL_LIMIT - 1] + "…"
    return md_text(text) or "—"


def _prose(change: FieldChange) -> str:
    whole = replaced_whole(change.old, change.new)
    if whole is not None:
        return f"<del>{md_text(whole[0])}</del>\n\n<ins>{md_text(whole[1])}</ins>"
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


def _new_value(w: Wording, field: str, d: Delta) -> str:
    """The new value with its change: ``6,784 (+134, +2.0%)``."""
    text = w.delta(field, d)
    return text.split(" → ", 1)[1] if " → " in text else text


def _peak(table: TargetTable, w: Wording) -> str:
    checks = [(m.capacity.utilization, m.month) for m in table.monthly if m.capacity is not None]
    if not checks:
        return "—"
    value, month = max(checks)
    return f"{w.number('utilization', value)} ({month})"


def _details(title: str, body: list[str]) -> list[str]:
    return ["", f"<details><summary>{title}</summary>", "", *body, "", "</details>"]


def _capped(rows: list[str], w: Wording, header: int = 2) -> list[str]:
    """A table cut to :data:`MAX_TABLE_ROWS` rows, so the comment stays under GitHub's limit."""
    extra = len(rows) - header - MAX_TABLE_ROWS
    if extra <= 0:
        return rows
    return [
        *rows[: header + MAX_TABLE_ROWS],
        "",
        w.t(
            N_("… and %(extra)s more rows: run `slagen diff --format json` for all of them."),
            extra=extra,
        ),
    ]


def _month_rows(months: tuple[MonthDelta, ...], first: str, w: Wording) -> list[str]:
    rows = []
    for m in months:
        v = m.values
        capacity = w.delta("utilization", m.capacity["utilization"]) if m.capacity else "—"
        status = "" if m.status == "changed" else f" ({w.kind(m.status)})"
        rows.append(
            f"| {first}{m.month}{status} | {w.delta('leads_needed', v['leads_needed'])} | "
            f"{w.delta('customers_needed', v['customers_needed'])} | "
            f"{w.delta('marketing_revenue_goal', v['marketing_revenue_goal'])} | {capacity} |"
        )
    return rows


def diff_markdown(result: DiffResult) -> str:
    """The comment: summary table, checks, then folded details, in the new revision's language."""
    w = Wording(result)
    _ = w.t
    words = {
        k: _(k)
        for k in (
            N_("Old"),
            N_("New"),
            N_("Revision"),
            N_("Period"),
            N_("Leads needed (period)"),
            N_("Customers needed (period)"),
            N_("Peak capacity use"),
            N_("Reset checks"),
            N_("passed"),
            N_("Field"),
            N_("Segment · month"),
            N_("Lead month"),
        )
    }
    old, new = result.old_agreement, result.new_agreement
    t = result.targets
    lines = [
        "### "
        + _(
            "slagen diff: %(id)s revision %(old)s → %(new)s",
            id=f"`{new.id}`",
            old=old.revision.number,
            new=new.revision.number,
        ),
        "",
    ]
    if not result.changed:
        return "\n".join([*lines, _("No changes.")]) + "\n"
    total = t.total
    segment_months = sum(len(s.months) for s in t.segments)
    lines += [
        f"| | {words['Old']} | {words['New']} |",
        "| --- | --- | --- |",
        (
            f"| {words['Revision']} | {old.revision.number} ({w.date(old.revision.date)}) | "
            f"{new.revision.number} ({w.date(new.revision.date)}) |"
        ),
        (
            f"| {words['Period']} | {w.date(old.period.start)} – {w.date(old.period.end)} | "
            f"{w.date(new.period.start)} – {w.date(new.period.end)} |"
        ),
        "| "
        + _("Changes")
        + " | | "
        + _(
            "%(changed)s changed, %(added)s added, %(removed)s removed; targets of "
            "%(months)s segment-months moved",
            changed=result.count("changed"),
            added=result.count("added"),
            removed=result.count("removed"),
            months=segment_months,
        )
        + " |",
        "",
    ]
    if result.old_targets.segments or result.new_targets.segments:
        lines[6:6] = [
            (
                f"| {words['Leads needed (period)']} | {w.number('leads_needed', total['leads_needed'].old)} | "
                f"{_new_value(w, 'leads_needed', total['leads_needed'])} |"
            ),
            (
                f"| {words['Customers needed (period)']} | "
                f"{w.number('customers_needed', total['customers_needed'].old)} | "
                f"{_new_value(w, 'customers_needed', total['customers_needed'])} |"
            ),
            (
                f"| {words['Peak capacity use']} | {_peak(result.old_targets, w)} | "
                f"{_peak(result.new_targets, w)} |"
            ),
        ]
    if result.findings:
        lines.append(f"**{words['Reset checks']}**")
        lines.append("")
        for f in result.findings:
            message, hint_text = finding_words(f, result, w)
            hint = f" — {md_text(hint_text)}" if hint_text else ""
            where = w.where(f)
            lines.append(
                f"- {ICON_BY_SEVERITY.get(f.severity, '')} **{w.severity(f.severity)}** "
                + (f"{md_text(where)}: " if where else "")
                + f"{md_text(message)}{hint}"
            )
    else:
        lines.append(f"**{words['Reset checks']}** ✅ {words['passed']}")
    fields = [c for c in result.changes if not c.words]
    if fields:
        rows = [f"| {words['Field']} | {words['Old']} | {words['New']} |", "| --- | --- | --- |"]
        for c in fields:
            old_cell = _cell(w.change_value(c, "old")) if c.kind != "added" else "—"
            new_cell = _cell(w.change_value(c, "new")) if c.kind != "removed" else "—"
            rows.append(f"| {md_text(w.label(c))} | {old_cell} | {new_cell} |")
        lines += _details(_("Field changes (%(count)s)", count=len(fields)), _capped(rows, w))
    prose = [c for c in result.changes if c.words]
    if prose:
        body = []
        for c in prose:
            body += [f"**{md_text(w.label(c))}**", "", _prose(c), ""]
        lines += _details(_("Text changes (%(count)s)", count=len(prose)), body[:-1])
    columns = " | ".join([_("Leads"), _("Customers"), _("Marketing goal"), _("Capacity")])
    if t.segments:
        rows = [f"| {words['Segment · month']} | {columns} |", "| --- | --- | --- | --- | --- |"]
        for seg in t.segments:
            rows += _month_rows(seg.months, f"{md_text(seg.name)} · ", w)
        lines += _details(
            _("Lead targets by segment and revenue month (%(count)s)", count=len(rows) - 2),
            _capped(rows, w),
        )
    if t.months:
        rows = [
            f"| {words['Lead month']} | {columns} |",
            "| --- | --- | --- | --- | --- |",
            *_month_rows(t.months, "", w),
        ]
        lines += _details(
            _("Monthly SLA totals and capacity (%(count)s)", count=len(t.months)), _capped(rows, w)
        )
    return "\n".join(lines) + "\n"

"""``slagen diff`` for the terminal: one line per change, colour when it helps.

Colour (ANSI) only when asked: the command passes ``color=True`` when stdout
is a terminal or ``--color`` was given. Without colour, deletions and
insertions in prose read ``[-old-]{+new+}`` (git's ``--word-diff`` notation). A
text rewritten for the most part (fewer than half its words kept) reads as the
old text removed and the new one added, each on its own line.

Stage: revisions.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from slagen.revisions.check_wording import finding_words
from slagen.revisions.fields import FieldChange, WordOp
from slagen.revisions.labels import N_
from slagen.revisions.result import DiffResult
from slagen.revisions.targets import Delta, MonthDelta
from slagen.revisions.values import format_value
from slagen.revisions.wording import Wording
from slagen.revisions.words import replaced_whole

__all__ = ["diff_text", "trim_words"]

CONTEXT_WORDS = 6
SIGN_BY_KIND = {"added": "+", "removed": "-", "changed": "~"}
MONTH_LABELS = {
    "leads_needed": N_("leads"),
    "customers_needed": N_("customers"),
    "marketing_revenue_goal": N_("marketing goal"),
}


class _Style:
    def __init__(self, color: bool) -> None:
        self.color = color

    def wrap(self, code: str, text: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.color and text else text

    def old(self, text: str) -> str:
        return self.wrap("31", text)

    def new(self, text: str) -> str:
        return self.wrap("32", text)

    def head(self, text: str) -> str:
        return self.wrap("1", text)

    def dim(self, text: str) -> str:
        return self.wrap("2", text)

    def severity(self, text: str, severity: str) -> str:
        return self.wrap("1;31" if severity == "error" else "1;33", text)


def trim_words(words: tuple[WordOp, ...], context: int = CONTEXT_WORDS) -> list[WordOp]:
    """The word diff with long unchanged runs cut to ``context`` words around each change."""
    out = []
    for i, w in enumerate(words):
        if w.op != "equal":
            out.append(w)
            continue
        parts = w.text.split()
        first, last = i == 0, i == len(words) - 1
        keep_head = [] if first else parts[:context]
        keep_tail = [] if last else parts[-context:]
        if len(parts) <= len(keep_head) + len(keep_tail) + 1:
            out.append(w)
        else:
            text = " ".join(keep_head + ["…"] + keep_tail)
            out.append(WordOp("equal", text))
    return out


def _prose(change: FieldChange, style: _Style) -> str:
    pieces = []
    for w in trim_words(change.words):
        if w.op == "delete":
            pieces.append(style.old(w.text) if style.color else f"[-{w.text}-]")
        elif w.op == "insert":
            pieces.append(style.new(w.text) if style.color else f"{{+{w.text}+}}")
        else:
            pieces.append(w.text)
    return " ".join(pieces)


def _short(text: str, limit: int = 100) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _change_line(c: FieldChange, style: _Style, w: Wording) -> str:
    sign = SIGN_BY_KIND[c.kind]
    label = w.label(c)
    whole = replaced_whole(c.old, c.new) if c.words else None
    if whole is not None:
        old_text = style.old(whole[0]) if style.color else f"[-{whole[0]}-]"
        new_text = style.new(whole[1]) if style.color else f"{{+{whole[1]}+}}"
        return f"  {sign} {label}:\n      {old_text}\n      {new_text}"
    if c.words:
        return f"  {sign} {label}: {_prose(c, style)}"
    old, new = _short(w.change_value(c, "old")), _short(w.change_value(c, "new"))
    if c.kind == "added":
        return f"  {style.new(sign)} {label}: {style.new(new)}"
    if c.kind == "removed":
        return f"  {style.old(sign)} {label}: {style.old(old)}"
    return f"  {sign} {label}: {style.old(old)} → {style.new(new)}"


def _number(field: str, value: object) -> str:
    if value is None:
        return "—"
    if field == "utilization":
        assert isinstance(value, Decimal)
        return f"{(value * 100).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}%"
    if field in (
        "marketing_revenue_goal",
        "revenue_goal",
        "lead_value_needed",
        "needed_hours",
        "available_hours",
    ):
        return f"{value:,.2f}"
    return format_value(value)


def delta_text(field: str, d: Delta, style: _Style | None = None) -> str:
    """``147 → 167 (+20, +13.6%)``; a missing side prints as ``—``."""
    style = style or _Style(False)
    if d.old == d.new:
        return _number(field, d.new)
    text = f"{style.old(_number(field, d.old))} → {style.new(_number(field, d.new))}"
    diff = d.diff
    if diff is not None and diff != 0 and field != "utilization":
        sign = "+" if diff > 0 else "−"
        pct = d.pct
        text += (
            f" ({sign}{_number(field, abs(diff))}"
            + (f", {'+' if pct > 0 else '−'}{abs(pct)}%" if pct is not None else "")
            + ")"
        )
    return text


def _month_line(m: MonthDelta, style: _Style, w: Wording) -> str:
    parts = [
        f"{w.t(label)} {w.delta(field, m.values[field], style.old, style.new)}"
        for field, label in MONTH_LABELS.items()
        if m.values[field].changed
    ]
    if m.capacity is not None and m.capacity["utilization"].changed:
        utilization = w.delta("utilization", m.capacity["utilization"], style.old, style.new)
        parts.append(w.t(N_("capacity")) + " " + utilization)
    status = "" if m.status == "changed" else f" ({w.kind(m.status)})"
    lead = ""
    if m.lead_month[0] and m.lead_month[1] and m.lead_month[0] != m.lead_month[1]:
        lead = " " + w.t(
            N_("lead month %(old)s → %(new)s"), old=m.lead_month[0], new=m.lead_month[1]
        )
    return f"    {m.month}{status}{lead}  " + "   ".join(parts)


def diff_text(result: DiffResult, *, color: bool = False) -> str:
    """The whole report as terminal text, in the new revision's language."""
    style = _Style(color)
    w = Wording(result)
    _ = w.t
    old, new = result.old_agreement, result.new_agreement
    lines = [
        style.head(
            _(
                "%(id)s: revision %(old)s (%(old_date)s) → revision %(new)s (%(new_date)s)",
                id=new.id,
                old=old.revision.number,
                old_date=w.date(old.revision.date),
                new=new.revision.number,
                new_date=w.date(new.revision.date),
            )
        ),
        style.dim(f"  {result.old_source.name} → {result.new_source.name}"),
    ]
    if not result.changed:
        return "\n".join([*lines, "", _("No changes.")]) + "\n"
    if result.findings:
        lines += ["", style.head(_("Reset checks"))]
        for f in result.findings:
            where = w.where(f)
            message, hint_text = finding_words(f, result, w)
            hint = style.dim(" (" + _("hint: %(hint)s", hint=hint_text) + ")") if hint_text else ""
            lines.append(
                f"  {style.severity(w.severity(f.severity), f.severity)}: "
                f"{where + ': ' if where else ''}{message}{hint}"
            )
    else:
        lines += ["", style.head(_("Reset checks")) + ": " + _("passed")]
    if result.changes:
        lines += [
            "",
            style.head(
                _(
                    "Changes (%(changed)s changed, %(added)s added, %(removed)s removed)",
                    changed=result.count("changed"),
                    added=result.count("added"),
                    removed=result.count("removed"),
                )
            ),
        ]
        lines += [_change_line(c, style, w) for c in result.changes]
    t = result.targets
    if t.changed:
        lines += ["", style.head(_("Lead targets"))]
        for seg in t.segments:
            status = (
                ""
                if seg.status == "changed"
                else " — " + _("segment %(status)s", status=w.kind(seg.status))
            )
            lines.append(f"  {seg.name} ({seg.id}){status}, " + _("by revenue month"))
            lines += [_month_line(m, style, w) for m in seg.months]
        if t.months:
            lines.append("  " + _("Monthly SLA totals, by lead month"))
            lines += [_month_line(m, style, w) for m in t.months]
        lines.append(
            "  "
            + _(
                "Period total: leads %(leads)s, customers %(customers)s",
                leads=w.delta("leads_needed", t.total["leads_needed"], style.old, style.new),
                customers=w.delta(
                    "customers_needed", t.total["customers_needed"], style.old, style.new
                ),
            )
        )
    return "\n".join(lines) + "\n"

"""``slagen diff`` for the terminal: one line per change, colour when it helps.

Colour (ANSI) only when asked: the command passes ``color=True`` when stdout
is a terminal or ``--color`` was given. Without colour, deletions and
insertions in prose read ``[-old-]{+new+}`` (git's ``--word-diff`` notation).

Stage: revisions.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from slagen.revisions.fields import FieldChange, WordOp
from slagen.revisions.result import DiffResult
from slagen.revisions.targets import Delta, MonthDelta
from slagen.revisions.values import format_value

__all__ = ["diff_text", "trim_words"]

CONTEXT_WORDS = 6
SIGN_BY_KIND = {"added": "+", "removed": "-", "changed": "~"}
MONTH_LABELS = {
    "leads_needed": "leads",
    "customers_needed": "customers",
    "marketing_revenue_goal": "marketing goal",
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

    def severity(self, severity: str) -> str:
        return self.wrap("1;31" if severity == "error" else "1;33", severity)


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


def _short(value: object, limit: int = 100) -> str:
    text = format_value(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _change_line(c: FieldChange, style: _Style) -> str:
    sign = SIGN_BY_KIND[c.kind]
    if c.words:
        return f"  {sign} {c.label}: {_prose(c, style)}"
    if c.kind == "added":
        return f"  {style.new(sign)} {c.label}: {style.new(_short(c.new))}"
    if c.kind == "removed":
        return f"  {style.old(sign)} {c.label}: {style.old(_short(c.old))}"
    return f"  {sign} {c.label}: {style.old(_short(c.old))} → {style.new(_short(c.new))}"


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


def _month_line(m: MonthDelta, style: _Style) -> str:
    parts = [
        f"{label} {delta_text(field, m.values[field], style)}"
        for field, label in MONTH_LABELS.items()
        if m.values[field].changed
    ]
    if m.capacity is not None and m.capacity["utilization"].changed:
        parts.append("capacity " + delta_text("utilization", m.capacity["utilization"], style))
    status = "" if m.status == "changed" else f" ({m.status})"
    lead = ""
    if m.lead_month[0] and m.lead_month[1] and m.lead_month[0] != m.lead_month[1]:
        lead = f" lead month {m.lead_month[0]} → {m.lead_month[1]}"
    return f"    {m.month}{status}{lead}  " + "   ".join(parts)


def diff_text(result: DiffResult, *, color: bool = False) -> str:
    """The whole report as terminal text."""
    style = _Style(color)
    old, new = result.old_agreement, result.new_agreement
    lines = [
        style.head(
            f"{new.id}: revision {old.revision.number} ({old.revision.date}) → "
            f"revision {new.revision.number} ({new.revision.date})"
        ),
        style.dim(f"  {result.old_source.name} → {result.new_source.name}"),
    ]
    if not result.changed:
        return "\n".join([*lines, "", "No changes."]) + "\n"
    if result.findings:
        lines += ["", style.head("Reset checks")]
        lines += [
            f"  {style.severity(f.severity)}: {f.path + ': ' if f.path else ''}{f.message}"
            + (style.dim(f" (hint: {f.hint})") if f.hint else "")
            for f in result.findings
        ]
    if result.changes:
        lines += [
            "",
            style.head(
                f"Changes ({result.count('changed')} changed, {result.count('added')} added, "
                f"{result.count('removed')} removed)"
            ),
        ]
        lines += [_change_line(c, style) for c in result.changes]
    t = result.targets
    if t.changed:
        lines += ["", style.head("Lead targets")]
        for seg in t.segments:
            status = "" if seg.status == "changed" else f" — segment {seg.status}"
            lines.append(f"  {seg.name} ({seg.id}){status}, by revenue month")
            lines += [_month_line(m, style) for m in seg.months]
        if t.months:
            lines.append("  Monthly SLA totals, by lead month")
            lines += [_month_line(m, style) for m in t.months]
        lines.append(
            "  Period total: leads "
            + delta_text("leads_needed", t.total["leads_needed"], style)
            + ", customers "
            + delta_text("customers_needed", t.total["customers_needed"], style)
        )
    return "\n".join(lines) + "\n"

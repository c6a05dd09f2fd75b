"""Consequences and cancellation conditions as the report states them.

On stdout each condition is one line (``[TRIGGERED] Consequence 2: …``); in the
documents they are a status table: the condition, its rule, the months judged
with their values, and whether it is met, not met or has no data yet.

Stage: actuals.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from slagen.actuals.conditions import ConditionResult
from slagen.actuals.wording import Formats, word
from slagen.formats.i18n import format_month

if TYPE_CHECKING:
    from slagen.actuals import PerformanceReport
    from slagen.actuals.output import Table


def segment_names(report: PerformanceReport) -> dict[str, str]:
    """Segment id → display name (ids never reach the documents' text)."""
    return {s.id: s.name for s in report.table.segments}


def _rule(result: ConditionResult, f: Formats, lang: str) -> tuple[str, bool]:
    cond = result.condition
    metric = word("revenue_pct_metric" if cond.metric == "revenue_pct" else cond.metric, lang)
    is_count = cond.metric == "avg_attempts_unconnected"
    threshold = f.count(cond.threshold, 1) if is_count else f.pct(cond.threshold)
    rule = word(
        "below" if cond.below is not None else "above", lang, metric=metric, value=threshold
    )
    return rule, is_count


def _recent(result: ConditionResult, f: Formats, lang: str, is_count: bool) -> str:
    return "; ".join(
        f"{format_month(c.month, lang, short=True)} "
        f"{f.count(c.value, 1) if is_count else f.pct(c.value)}{' ✗' if c.met else ''}"
        for c in result.months[-3:]
    )


def condition_line(result: ConditionResult, report: PerformanceReport) -> str:
    """``[TRIGGERED] Consequence 2: … — leads delivered below 100 %: 2 of 2 months (…)``."""
    lang = report.agreement.language
    f = Formats(lang, report.agreement.currency)
    cond = result.condition
    rule, is_count = _rule(result, f, lang)
    if result.triggered:
        status = word("triggered" if result.kind == "consequence" else "met", lang)
    else:
        status = word("not_triggered", lang)
    if cond.for_months == 1:
        progress = word("streak_one", lang)
    else:
        progress = word(
            "streak", lang, streak=min(result.streak, cond.for_months), needed=cond.for_months
        )
    recent = _recent(result, f, lang, is_count) or word("no_complete", lang)
    kind = word(result.kind, lang)
    text = " ".join(result.text.split())
    line = f"[{status}] {kind} {result.index + 1}: {text} — {rule}: {progress} ({recent})"
    names = segment_names(report)
    if result.segments_met:
        parts = [
            f"{names.get(seg, seg)} {', '.join(months[-3:])}"
            for seg, months in result.segments_met.items()
        ]
        line += f"; {word('segments_met', lang)}: {'; '.join(parts)}"
    if result.segments_triggered and not result.triggered:
        triggered = ", ".join(names.get(s, s) for s in result.segments_triggered)
        line += f"; {word('segments_triggered', lang)}: {triggered}"
    return line


def status_of(result: ConditionResult) -> str:
    """``met`` (the condition holds: the consequence applies), ``not_met`` or ``no_data``."""
    if result.triggered:
        return "met"
    if not any(c.value is not None for c in result.months):
        return "no_data"
    return "not_met"


def status_table(report: PerformanceReport) -> Table:
    """One row per condition: condition, rule and streak, months judged, status."""
    from slagen.actuals.output import Table

    lang = report.agreement.language
    f = Formats(lang, report.agreement.currency)
    names = segment_names(report)
    rows: list[list[str]] = []
    statuses: list[str] = []
    for result in report.conditions:
        cond = result.condition
        rule, is_count = _rule(result, f, lang)
        needed = (
            word("streak_one", lang)
            if cond.for_months == 1
            else word("for_months", lang, count=cond.for_months)
        )
        condition = f"{word(result.kind, lang)} {result.index + 1}: {' '.join(result.text.split())}"
        judged = _recent(result, f, lang, is_count) or word("no_data", lang)
        alone = [names.get(s, s) for s in result.segments_triggered]
        if alone and not result.triggered:
            judged += f"; {word('segments_triggered', lang)}: {', '.join(alone)}"
        status = status_of(result)
        rows.append([condition, f"{rule}, {needed}", judged, word(f"status_{status}", lang)])
        statuses.append(status)
    headers = [word(k, lang) for k in ("condition", "rule", "months_judged", "status")]
    return Table(headers, rows, kind="status", row_classes=statuses)

"""How one month row of the report's tables reads: its label, and "no data" after the actuals.

A month wholly after the last day the actuals cover is shown as no data, never as
0 % delivered: nothing was measured in it, which is not the same as nothing done.

Stage: actuals.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from slagen.actuals.metrics import MonthMetrics, ScopeMetrics
from slagen.actuals.wording import word
from slagen.formats.i18n import format_month

if TYPE_CHECKING:
    from slagen.actuals import PerformanceReport


def month_label(row: MonthMetrics, lang: str) -> str:
    if row.month == "period":
        return word("period", lang)
    label = format_month(row.month, lang, short=True)
    return f"{label} ({word('to_date', lang)})" if row.status == "to_date" else label


def no_data(report: PerformanceReport, row: MonthMetrics) -> bool:
    """A month wholly after the actuals end: shown as no data, never as 0 %."""
    end = report.data_end
    return end is not None and row.month != "period" and row.month > f"{end:%Y-%m}"


def month_cells(
    report: PerformanceReport, row: MonthMetrics, cells: list[str], keep: int
) -> list[str]:
    """``cells`` of a month row, or its first ``keep`` cells and "no data" after them."""
    if not no_data(report, row):
        return cells
    lang = report.agreement.language
    return [*cells[:keep], word("no_data", lang), *["—"] * (len(cells) - keep - 1)]


def scope_label(scope: ScopeMetrics, lang: str, report: PerformanceReport | None = None) -> str:
    """A segment's name; a group by its name, else by its segments' (its id is no display name)."""
    if scope.kind == "total":
        return word("total", lang)
    if scope.kind == "group":
        if scope.name != scope.id:  # named in `targets.groups`
            return word("group", lang, id=scope.name)
        members = (
            [] if report is None else [s.name for s in report.table.segments if s.group == scope.id]
        )
        return word("group", lang, id=" + ".join(members) if members else scope.id)
    return scope.name

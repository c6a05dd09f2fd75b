"""Every ``when`` of ``consequences`` and ``cancellation`` evaluated month by month.

Only complete months count: a month still in progress is shown but cannot
start or break a streak. A condition with ``for_months: N`` is **triggered**
when its latest complete month ends a run of at least N consecutive months in
which it was met; ``streak`` says how close it is ("2 of 3 months"). A month
without a value (nothing needed, no leads handed off) breaks a streak.

Conditions are evaluated on the total of all segments; the months in which each
segment on its own met the condition are listed too.

Stage: actuals.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from slagen.actuals.metrics import MonthMetrics, ScopeMetrics
from slagen.core.model import Agreement, Condition


@dataclass(frozen=True)
class MonthCheck:
    month: str
    value: Decimal | None
    met: bool
    streak: int


@dataclass(frozen=True)
class ConditionResult:
    kind: str  # consequence | cancellation
    index: int
    text: str  # the trigger (consequences) or the text (cancellation)
    action: str
    owner: str | None
    condition: Condition
    months: tuple[MonthCheck, ...]
    streak: int  # at the latest complete month
    triggered: bool
    triggered_months: tuple[str, ...]
    segments_met: dict[str, tuple[str, ...]]  # segment id → months it met the condition alone
    segments_triggered: tuple[str, ...]  # segments whose own streak reaches for_months


def metric_value(metric: str, row: MonthMetrics) -> Decimal | None:
    """The observed value of a condition metric in one month."""
    if metric == "leads_delivered_pct":
        return row.leads_delivered_pct
    if metric == "first_attempt_on_time_pct":
        return row.speed.on_time_pct
    if metric == "avg_attempts_unconnected":
        return row.depth.average_attempts
    if metric == "revenue_pct":
        return row.revenue_pct
    raise ValueError(f"unknown condition metric {metric!r}")


def evaluate(
    condition: Condition, rows: tuple[MonthMetrics, ...], data_end: str | None = None
) -> tuple[MonthCheck, ...]:
    """Checks of the complete months; none after ``data_end`` (``YYYY-MM``, the last
    month with data): a month without data is not yet measurable, never a month
    where nothing happened."""
    checks = []
    streak = 0
    for row in rows:
        if not row.complete or (data_end is not None and row.month > data_end):
            continue
        value = metric_value(condition.metric, row)
        met = value is not None and condition.is_met(value)
        streak = streak + 1 if met else 0
        checks.append(MonthCheck(row.month, value, met, streak))
    return tuple(checks)


def _relevant(condition: Condition, rows: tuple[MonthMetrics, ...]) -> tuple[MonthMetrics, ...]:
    # Delivery conditions only make sense in months that needed leads; revenue
    # ones in months that had a goal (a pre-period lead month has none).
    if condition.metric == "leads_delivered_pct":
        return tuple(r for r in rows if r.goals.leads_needed)
    if condition.metric == "revenue_pct":
        return tuple(r for r in rows if r.goals.marketing_revenue_goal)
    return rows


def last_covered_month(data_end: dt.date | None) -> str | None:
    """The last month with data: the month of the actuals' latest time."""
    return None if data_end is None else f"{data_end:%Y-%m}"


def evaluate_conditions(
    agreement: Agreement, scopes: list[ScopeMetrics], data_end: dt.date | None = None
) -> list[ConditionResult]:
    """Every condition of the agreement, in the order of the file; months after the
    actuals end (``data_end``, the day of their latest time) are not evaluated."""
    covered = last_covered_month(data_end)
    total = scopes[-1]
    items: list[tuple[str, int, str, str, str | None, Condition]] = []
    for i, consequence in enumerate(agreement.consequences):
        if consequence.when is not None:
            items.append(
                (
                    "consequence",
                    i,
                    consequence.trigger,
                    consequence.action,
                    consequence.owner,
                    consequence.when,
                )
            )
    for i, cancellation in enumerate(agreement.cancellation):
        if cancellation.when is not None:
            items.append(("cancellation", i, cancellation.text, "", None, cancellation.when))
    results = []
    for kind, index, text, action, owner, condition in items:
        checks = evaluate(condition, _relevant(condition, total.months), covered)
        streak = checks[-1].streak if checks else 0
        triggered_months = tuple(c.month for c in checks if c.streak >= condition.for_months)
        segments_met = {}
        segments_triggered = []
        for scope in (s for s in scopes if s.kind == "segment"):
            own = evaluate(condition, _relevant(condition, scope.months), covered)
            met = tuple(c.month for c in own if c.met)
            if met:
                segments_met[scope.id] = met
            if own and own[-1].streak >= condition.for_months:
                segments_triggered.append(scope.id)
        results.append(
            ConditionResult(
                kind=kind,
                index=index,
                text=text.strip(),
                action=action.strip(),
                owner=owner,
                condition=condition,
                months=checks,
                streak=streak,
                triggered=streak >= condition.for_months,
                triggered_months=triggered_months,
                segments_met=segments_met,
                segments_triggered=tuple(segments_triggered),
            )
        )
    return results

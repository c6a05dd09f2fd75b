"""Metrics per segment and in total, per month and period to date, from the buckets.

A month is ``complete`` once its last day is on or before ``as_of``, ``to_date``
when ``as_of`` falls inside it (pace is then measured against the daily goal
line ``target × d ÷ n``), and months after ``as_of`` are not reported.
Leads are compared with the targets of their lead month, wins and revenue with
the goals of their revenue month.

Stage: actuals.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from slagen.actuals.aggregate import Aggregator, Bucket, percentile, ratio
from slagen.core.scalars import days_in_month
from slagen.core.targets import TargetTable

HALF = Decimal("0.5")
P90 = Decimal("0.9")


@dataclass(frozen=True)
class Speed:
    handed_off: int
    attempted: int
    on_time: int
    overdue: int
    waiting: int
    average_minutes: Decimal | None
    median_minutes: int | None
    p90_minutes: int | None
    on_time_pct: Decimal | None  # on time ÷ (attempted + overdue)


@dataclass(frozen=True)
class Depth:
    unconnected: int
    attempts: int
    average_attempts: Decimal | None


@dataclass(frozen=True)
class Goals:
    leads_needed: int = 0
    customers_needed: int = 0
    marketing_revenue_goal: Decimal = Decimal("0.00")
    revenue_goal: Decimal = Decimal("0.00")

    def plus(self, other: Goals) -> Goals:
        return Goals(
            self.leads_needed + other.leads_needed,
            self.customers_needed + other.customers_needed,
            self.marketing_revenue_goal + other.marketing_revenue_goal,
            self.revenue_goal + other.revenue_goal,
        )


@dataclass(frozen=True)
class MonthMetrics:
    month: str  # YYYY-MM, or "period" for the period to date
    status: str  # complete | to_date | period_to_date
    goals: Goals
    goal_to_date: Decimal  # leads by the daily goal line on as_of
    marketing_leads: int
    sales_leads: int
    leads_delivered_pct: Decimal | None  # against the whole month's leads_needed
    pace_pct: Decimal | None  # against the goal line to date
    cumulative: tuple[int, ...]  # marketing leads, cumulative per day (to as_of)
    customers_won: int
    sales_customers_won: int
    marketing_revenue: Decimal
    sales_revenue: Decimal
    revenue_pct: Decimal | None  # marketing revenue ÷ marketing revenue goal
    total_revenue_pct: Decimal | None  # all revenue ÷ revenue goal
    speed: Speed
    depth: Depth

    @property
    def complete(self) -> bool:
        return self.status == "complete"


@dataclass(frozen=True)
class ScopeMetrics:
    id: str  # a segment id, a group id, or "total"
    name: str
    kind: str  # segment | group | total
    months: tuple[MonthMetrics, ...]
    period: MonthMetrics

    def month(self, month: str) -> MonthMetrics | None:
        return next((m for m in self.months if m.month == month), None)


def report_months(table: TargetTable, as_of: dt.date) -> tuple[str, ...]:
    """Lead and revenue months of the agreement, up to the month of ``as_of``."""
    current = f"{as_of.year:04d}-{as_of.month:02d}"
    return tuple(m for m in sorted(set(table.lead_months) | set(table.months)) if m <= current)


def goals_by_segment(table: TargetTable) -> dict[tuple[str, str], Goals]:
    goals: dict[tuple[str, str], Goals] = {}
    for segment in table.segments:
        for row in segment.months:
            lead_key = (segment.id, row.lead_month)
            goals[lead_key] = goals.get(lead_key, Goals()).plus(
                Goals(leads_needed=row.leads_needed)
            )
            revenue_key = (segment.id, row.month)
            goals[revenue_key] = goals.get(revenue_key, Goals()).plus(
                Goals(0, row.customers_needed, row.marketing_revenue_goal, row.revenue_goal)
            )
    return goals


def compute_metrics(
    table: TargetTable, aggregator: Aggregator
) -> tuple[tuple[str, ...], list[ScopeMetrics]]:
    """Every segment's metrics, then each group's (``group``), then the total (always last)."""
    months = report_months(table, aggregator.as_of)
    goals = goals_by_segment(table)
    scopes = [
        scope_metrics(seg.id, seg.name, "segment", (seg.id,), months, aggregator, goals)
        for seg in table.segments
    ]
    for group in table.groups:
        scopes.append(
            scope_metrics(
                group.id, group.name or group.id, "group", group.segments, months, aggregator, goals
            )
        )
    every = tuple(seg.id for seg in table.segments)
    scopes.append(scope_metrics("total", "", "total", every, months, aggregator, goals))
    return months, scopes


def scope_metrics(
    scope_id: str,
    name: str,
    kind: str,
    segments: tuple[str, ...],
    months: tuple[str, ...],
    aggregator: Aggregator,
    goals: dict[tuple[str, str], Goals],
) -> ScopeMetrics:
    """The metrics of ``segments`` together, month by month and for the period to date."""
    rows = []
    whole = Bucket()
    whole_goal = Goals()
    to_date = Decimal(0)
    for month in months:
        bucket = Bucket()
        goal = Goals()
        for segment in segments:
            found = aggregator.buckets.get((segment, month))
            if found is not None:
                bucket.merge(found)
            goal = goal.plus(goals.get((segment, month), Goals()))
        row = month_metrics(
            month, bucket, goal, aggregator.as_of, timed=aggregator.window is not None
        )
        rows.append(row)
        whole.merge(bucket)
        whole_goal = whole_goal.plus(goal)
        to_date += row.goal_to_date
    period = _metrics(
        "period",
        "period_to_date",
        whole,
        whole_goal,
        to_date,
        (),
        timed=aggregator.window is not None,
    )
    return ScopeMetrics(scope_id, name, kind, tuple(rows), period)


def month_metrics(
    month: str, bucket: Bucket, goal: Goals, as_of: dt.date, *, timed: bool = True
) -> MonthMetrics:
    days = days_in_month(month)
    current = f"{as_of.year:04d}-{as_of.month:02d}"
    day = as_of.day if month == current else days
    status = "to_date" if month == current and as_of.day < days else "complete"
    goal_to_date = (Decimal(goal.leads_needed) * day / days).quantize(Decimal("0.01"))
    cumulative: list[int] = []
    running = 0
    for count in bucket.by_day[:day]:
        running += count
        cumulative.append(running)
    return _metrics(month, status, bucket, goal, goal_to_date, tuple(cumulative), timed=timed)


def _metrics(
    month: str,
    status: str,
    bucket: Bucket,
    goal: Goals,
    goal_to_date: Decimal,
    cumulative: tuple[int, ...],
    *,
    timed: bool,
) -> MonthMetrics:
    # timed: the agreement has a first_attempt_within to be on time against.
    average = None
    if bucket.attempted:
        average = (Decimal(bucket.delay_seconds) / 60 / bucket.attempted).quantize(Decimal("0.1"))
    speed = Speed(
        bucket.handed_off,
        bucket.attempted,
        bucket.on_time,
        bucket.overdue,
        bucket.waiting,
        average,
        percentile(bucket.delays, HALF),
        percentile(bucket.delays, P90),
        ratio(bucket.on_time, bucket.attempted + bucket.overdue) if timed else None,
    )
    depth = Depth(
        bucket.unconnected,
        bucket.unconnected_attempts,
        ratio(bucket.unconnected_attempts, bucket.unconnected),
    )
    all_revenue = bucket.marketing_revenue + bucket.sales_revenue
    return MonthMetrics(
        month=month,
        status=status,
        goals=goal,
        goal_to_date=goal_to_date,
        marketing_leads=bucket.marketing_leads,
        sales_leads=bucket.sales_leads,
        leads_delivered_pct=ratio(bucket.marketing_leads, goal.leads_needed),
        pace_pct=ratio(bucket.marketing_leads, goal_to_date),
        cumulative=cumulative,
        customers_won=bucket.marketing_won,
        sales_customers_won=bucket.sales_won,
        marketing_revenue=bucket.marketing_revenue,
        sales_revenue=bucket.sales_revenue,
        revenue_pct=ratio(bucket.marketing_revenue, goal.marketing_revenue_goal),
        total_revenue_pct=ratio(all_revenue, goal.revenue_goal),
        speed=speed,
        depth=depth,
    )

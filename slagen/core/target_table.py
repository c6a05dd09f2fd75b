"""The computed targets as data: a segment's months, totals, capacity, the whole table.

Built by :func:`slagen.core.targets.compute_targets` (which re-exports every name
here); amounts are exact ``Decimal`` cents, counts whole numbers.

Stage: compute.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Context, Decimal
from fractions import Fraction

from slagen.core.records import Record, record

__all__ = [
    "CENT",
    "CapacityCheck",
    "GroupTargets",
    "MonthTotals",
    "SegmentMonth",
    "SegmentTargets",
    "TargetTable",
    "Totals",
    "convert",
    "money",
]

CENT = Decimal("0.01")
# Sixty digits: every product of the amounts and rates an agreement may hold is exact.
# One context object, passed to each operation, instead of a local context a call.
EXACT = Context(prec=60)


def money(value: Decimal | Fraction) -> Decimal:
    """Round to cents, half-up (exact: the input is never a binary float)."""
    if not isinstance(value, Decimal):  # a Fraction (an ABC: the slower test)
        value = EXACT.divide(Decimal(value.numerator), Decimal(value.denominator))
    return value.quantize(CENT, rounding=ROUND_HALF_UP, context=EXACT)


@record
class SegmentMonth(Record):
    """One segment's targets for one revenue month."""

    month: str
    lead_month: str
    revenue_goal: Decimal
    marketing_revenue_goal: Decimal
    customers_needed: int
    leads_needed: int
    stages: tuple[tuple[str, int], ...]
    lead_value: Decimal
    lead_value_needed: Decimal
    pre_period: bool  # lead_month falls before the period
    prorate: Fraction = Fraction(1)  # share of the month counted (a revision inside it)
    revenue_goal_given: Decimal | None = None  # before prorating, when prorated


@record
class Totals(Record):
    revenue_goal: Decimal
    marketing_revenue_goal: Decimal
    customers_needed: int
    leads_needed: int
    lead_value_needed: Decimal

    @staticmethod
    def zero() -> Totals:
        return Totals(Decimal("0.00"), Decimal("0.00"), 0, 0, Decimal("0.00"))

    def converted(self, rate: Decimal | None) -> Totals:
        """The money amounts in the agreement's currency (counts unchanged)."""
        if rate is None:
            return self
        return Totals(
            convert(self.revenue_goal, rate),
            convert(self.marketing_revenue_goal, rate),
            self.customers_needed,
            self.leads_needed,
            convert(self.lead_value_needed, rate),
        )

    def plus(self, row: SegmentMonth | Totals) -> Totals:
        return Totals(
            self.revenue_goal + row.revenue_goal,
            self.marketing_revenue_goal + row.marketing_revenue_goal,
            self.customers_needed + row.customers_needed,
            self.leads_needed + row.leads_needed,
            self.lead_value_needed + row.lead_value_needed,
        )


@record
class SegmentTargets(Record):
    id: str
    name: str
    group: str | None
    sla_stage: str
    sales_cycle_months: int
    months: tuple[SegmentMonth, ...]
    total: Totals  # in the segment's currency
    currency: str | None = None  # its own currency; None: the agreement's
    exchange_rate: Decimal | None = None
    total_converted: Totals | None = None  # Σ of the months converted, when it has a currency
    stage_names: tuple[tuple[str, str], ...] = ()  # (stage, printed name) of the named stages

    @property
    def agreement_total(self) -> Totals:
        """The period total in the agreement's currency."""
        return self.total if self.total_converted is None else self.total_converted

    def converted_month(self, row: SegmentMonth) -> Totals | SegmentMonth:
        """One month's figures in the agreement's currency (the row itself when it is)."""
        if self.exchange_rate is None:
            return row  # what Totals.plus adds of it is its figures
        return Totals.zero().plus(row).converted(self.exchange_rate)


@record
class CapacityCheck(Record):
    needed_hours: Decimal  # exact
    available_hours: Decimal
    utilization: Decimal  # exact ratio; 1 means fully booked

    @property
    def over(self) -> bool:
        return self.needed_hours > self.available_hours


@record
class MonthTotals(Record):
    """The monthly SLA total: every segment's leads due in one lead month."""

    month: str  # the lead month
    pre_period: bool
    totals: Totals
    capacity: CapacityCheck | None

    @property
    def leads_needed(self) -> int:
        return self.totals.leads_needed

    @property
    def customers_needed(self) -> int:
        return self.totals.customers_needed


@record
class GroupTargets(Record):
    id: str
    segments: tuple[str, ...]
    months: tuple[MonthTotals, ...]
    total: Totals
    name: str | None = None  # printed name from `targets.groups`; None: made from the id


@record
class TargetTable(Record):
    agreement: str
    revision: int
    currency: str | None
    dimension: str | None
    months: tuple[str, ...]  # the period's revenue months
    lead_months: tuple[str, ...]  # every lead month, pre-period ones first
    segments: tuple[SegmentTargets, ...]
    monthly: tuple[MonthTotals, ...]  # keyed by lead month
    groups: tuple[GroupTargets, ...]
    total: Totals
    fiscal_year: str | None = None
    goal_days: str = "calendar"  # calendar | business
    holidays: frozenset[dt.date] = frozenset()

    def fiscal_month_number(self, month: str) -> int | None:
        """3 for the period's third month, when the agreement names a fiscal year."""
        if self.fiscal_year is None or month not in self.months:
            return None
        return self.months.index(month) + 1

    def fiscal_month(self, month: str) -> str | None:
        """``FY2026 month 3`` for the period's third month, with a fiscal year label."""
        number = self.fiscal_month_number(month)
        return None if number is None else f"{self.fiscal_year} month {number}"

    @property
    def over_capacity_months(self) -> tuple[str, ...]:
        return tuple(m.month for m in self.monthly if m.capacity is not None and m.capacity.over)

    def segment(self, segment_id: str) -> SegmentTargets:
        for seg in self.segments:
            if seg.id == segment_id:
                return seg
        raise KeyError(segment_id)


def convert(amount: Decimal, rate: Decimal) -> Decimal:
    """An amount in the agreement's currency: ``amount × rate``, half-up to cents."""
    return money(EXACT.multiply(amount, rate))

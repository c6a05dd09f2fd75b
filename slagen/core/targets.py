"""Lead targets (docs/targets.md): pure functions from an agreement to exact numbers.

Every quotient that becomes a count is an exact ceiling of two whole numbers
(each decimal as its exact ratio of integers): no binary float and no decimal
context rounding ever decides whether a goal is met. Money is rounded half-up
to cents only where docs/targets.md says so; products of money and rates are
taken with sixty digits, which holds them exactly.

Stage: compute.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction
from functools import lru_cache
from typing import Any

from slagen.core.model import Agreement, Capacity, FollowUp, Segment
from slagen.core.planning_calendar import goal_line, prorate_factor, prorated_month
from slagen.core.scalars import shift_month
from slagen.core.target_table import (
    CENT,
    EXACT,
    CapacityCheck,
    GroupTargets,
    MonthTotals,
    SegmentMonth,
    SegmentTargets,
    TargetTable,
    Totals,
    convert,
    money,
)

__all__ = [
    "CapacityCheck",
    "GroupTargets",
    "MonthTotals",
    "SegmentMonth",
    "SegmentTargets",
    "TargetTable",
    "Totals",
    "compute_targets",
    "convert",
    "exact_ceil",
    "goal_line",
    "leads_for_customers",
    "marketing_revenue_goal",
    "money",
]


def exact_ceil(numerator: Decimal | int, denominator: Decimal | int) -> int:
    """``ceil(numerator ÷ denominator)`` without any rounding on the way.

    ``a/b ÷ c/d`` is ``(a·d) ÷ (b·c)``, whole numbers, and ``-(-p // q)`` their ceiling.
    """
    top, bottom = numerator.as_integer_ratio()
    over, under = denominator.as_integer_ratio()
    p, q = top * under, bottom * over
    if q < 0:
        p, q = -p, -q
    elif not q:
        raise ZeroDivisionError("exact_ceil: division by zero")
    return -(-p // q)


def marketing_revenue_goal(revenue_goal: Decimal, share: Decimal) -> Decimal:
    """Step 1: the part of the quota marketing's leads must bring, in cents."""
    return money(EXACT.multiply(revenue_goal, share))


def leads_for_customers(
    customers: int, segment: Segment, month: str
) -> tuple[int, tuple[tuple[str, int], ...]]:
    """Step 3: the SLA stage count and every stage's count for ``customers``.

    With ``close_rate`` the only stage is ``leads``. With a funnel, walk upward
    from customers: each stage's count is the smallest whole number that,
    converted at its rate, reaches the next stage's count.
    """
    if segment.funnel:
        counts: list[tuple[str, int]] = []
        needed = customers
        for stage in reversed(segment.funnel):
            needed = exact_ceil(needed, stage.rate)
            counts.append((stage.stage, needed))
        stages = tuple(reversed(counts))
        sla = segment.sla_stage
        return dict(stages)[sla], stages
    assert segment.close_rate is not None
    leads = exact_ceil(customers, segment.close_rate[month])
    return leads, (("leads", leads),)


def default_lead_value(segment: Segment, month: str) -> Decimal:
    """What one SLA-stage lead is worth: deal size × its chance to close."""
    deal = segment.avg_deal_size[month]
    if segment.lead_value is not None:
        return segment.lead_value[month]
    if segment.funnel:
        sla = segment.sla_stage
        rate = Decimal(1)
        started = False
        for stage in segment.funnel:
            started = started or stage.stage == sla
            if started:
                rate = EXACT.multiply(rate, stage.rate)
        return money(EXACT.multiply(deal, rate))
    assert segment.close_rate is not None
    return money(EXACT.multiply(deal, segment.close_rate[month]))


def _segment_targets(
    segment: Segment, months: tuple[str, ...], effective: dt.date | None
) -> SegmentTargets:
    rows: list[SegmentMonth] = []
    # The period's sums, added up month by month as Totals.plus would add them.
    revenue = mrg_total = value_total = CENTS_ZERO
    customers_total = leads_total = 0
    converted = Totals.zero()
    rate = segment.exchange_rate
    cycle = -segment.sales_cycle_months
    names = [s.stage for s in segment.funnel] if segment.funnel else ["leads"]
    no_stages = tuple((name, 0) for name in names)
    close = segment.close_rate
    plain = not segment.funnel and segment.lead_value is None and close is not None
    # The month maps' own dicts, and money() and the products written out: this loop
    # runs once a segment-month (1,800 times for 50 segments over 36 months).
    goals, shares = segment.revenue_goal.by_month, segment.marketing_share.by_month
    deals = segment.avg_deal_size.by_month
    rates = close.by_month if close is not None else {}
    multiply, quantize = EXACT.multiply, Decimal.quantize
    for month in months:
        given = goals[month]
        factor = prorate_factor(month, effective) if effective else ONE
        whole = factor is ONE or factor == 1  # (Fraction's == is Python code: "is" first)
        goal = given if whole else prorated_month(given, factor)
        mrg = quantize(multiply(goal, shares[month]), CENT, ROUND_HALF_UP, EXACT)  # step 1
        deal = deals[month]
        customers = exact_ceil(mrg, deal) if mrg else 0
        if plain:  # a close rate, no funnel, no lead value of its own: steps 3 and 4 inline
            rate_of_month = rates[month]
            leads = exact_ceil(customers, rate_of_month) if customers else 0
            stages: tuple[tuple[str, int], ...] = (("leads", leads),)
            value = quantize(multiply(deal, rate_of_month), CENT, ROUND_HALF_UP, EXACT)
        else:
            if customers:
                leads, stages = leads_for_customers(customers, segment, month)
            else:
                leads, stages = 0, no_stages
            value = default_lead_value(segment, month)
        lead_month = _shifted(month, cycle)
        row = SegmentMonth(
            month=month,
            lead_month=lead_month,
            revenue_goal=quantize(goal, CENT, ROUND_HALF_UP, EXACT),
            marketing_revenue_goal=mrg,
            customers_needed=customers,
            leads_needed=leads,
            stages=stages,
            lead_value=value,
            lead_value_needed=quantize(multiply(value, leads), CENT, ROUND_HALF_UP, EXACT),
            pre_period=lead_month < months[0],
            prorate=factor,
            revenue_goal_given=None if whole else money(given),
        )
        rows.append(row)
        revenue += row.revenue_goal
        mrg_total += mrg
        customers_total += customers
        leads_total += leads
        value_total += row.lead_value_needed
        if rate is not None:
            converted = converted.plus(Totals.zero().plus(row).converted(rate))
    total = Totals(revenue, mrg_total, customers_total, leads_total, value_total)
    return SegmentTargets(
        id=segment.id,
        name=segment.name,
        group=segment.group,
        sla_stage=segment.sla_stage,
        sales_cycle_months=segment.sales_cycle_months,
        months=tuple(rows),
        total=total,
        currency=segment.currency,
        exchange_rate=rate,
        total_converted=None if rate is None else converted,
        stage_names=tuple((s.stage, s.name) for s in segment.funnel or () if s.name),
    )


def _reused_or_computed(
    segment: Segment, months: tuple[str, ...], effective: dt.date | None
) -> SegmentTargets:
    """A segment's targets, taken from the last segment of its id when nothing differs.

    Two revisions of one agreement (a diff, ``validate --against``) mostly repeat
    their segments: a segment equal in every field (records compare field by
    field), over the same months and from the same effective date, has the same
    targets, which are immutable records. One entry is kept an id.
    """
    key = segment.id
    last = _LAST_BY_ID.get(key)
    if (
        last is not None
        and last[1] == months
        and last[2] == effective
        and last[0] == segment
        # Equal decimals may be written differently (1.1, 1.10); of a segment's
        # numbers only the exchange rate reaches the targets unrounded.
        and str(last[0].exchange_rate) == str(segment.exchange_rate)
    ):
        return last[3]
    computed = _segment_targets(segment, months, effective)
    if len(_LAST_BY_ID) >= _MAX_KEPT:
        _LAST_BY_ID.clear()
    _LAST_BY_ID[key] = (segment, months, effective, computed)
    return computed


_LAST_BY_ID: dict[str, tuple[Segment, tuple[str, ...], dt.date | None, SegmentTargets]] = {}
_MAX_KEPT = 1024  # segments (a build of many agreements starts again when full)
ONE = Fraction(1)  # the prorate factor of a whole month
CENTS_ZERO = Decimal("0.00")  # where Totals.zero() starts its sums
_shifted = lru_cache(maxsize=4096)(shift_month)  # revenue month → lead month, by cycle


def capacity_check(leads: int, capacity: Capacity, follow_up: FollowUp) -> CapacityCheck:
    """Hours the reps need to follow every lead up ``min_attempts`` times."""
    needed = Fraction(leads * follow_up.min_attempts) * Fraction(capacity.minutes_per_attempt) / 60
    available = Fraction(capacity.reps) * Fraction(capacity.hours_per_rep_month)
    with localcontext() as ctx:
        ctx.prec = 40
        needed_dec = Decimal(needed.numerator) / Decimal(needed.denominator)
        available_dec = Decimal(available.numerator) / Decimal(available.denominator)
        ratio = needed / available
        utilization = Decimal(ratio.numerator) / Decimal(ratio.denominator)
    return CapacityCheck(needed_dec, available_dec, utilization)


def _monthly_totals(
    segments: tuple[SegmentTargets, ...],
    lead_months: tuple[str, ...],
    first_month: str,
    capacity: Capacity | None,
    follow_up: FollowUp | None,
) -> tuple[MonthTotals, ...]:
    # Running sums per lead month, added in the order Totals.plus would add them.
    sums: dict[str, list[Any]] = {m: [CENTS_ZERO, CENTS_ZERO, 0, 0, CENTS_ZERO] for m in lead_months}  # fmt: skip
    for seg in segments:
        for row in seg.months:
            figures = seg.converted_month(row)
            found = sums[row.lead_month]
            found[0] += figures.revenue_goal
            found[1] += figures.marketing_revenue_goal
            found[2] += figures.customers_needed
            found[3] += figures.leads_needed
            found[4] += figures.lead_value_needed
    result = []
    for month in lead_months:
        totals = Totals(*sums[month])
        check = None
        if capacity is not None and follow_up is not None:
            check = capacity_check(totals.leads_needed, capacity, follow_up)
        result.append(MonthTotals(month, month < first_month, totals, check))
    return tuple(result)


def compute_targets(agreement: Agreement) -> TargetTable:
    """Every target of docs/targets.md for ``agreement`` (empty when it has no targets)."""
    months = agreement.months
    segments: tuple[SegmentTargets, ...] = ()
    dimension = None
    if agreement.targets is not None:
        dimension = agreement.targets.dimension
        effective = agreement.revision.date if agreement.targets.prorate else None
        segments = tuple(
            _reused_or_computed(s, months, effective) for s in agreement.targets.segments
        )
    lead_months = tuple(
        sorted({row.lead_month for seg in segments for row in seg.months} | set(months))
    )
    monthly = _monthly_totals(
        segments, lead_months, months[0], agreement.capacity, agreement.follow_up
    )
    groups = []
    group_ids = agreement.targets.groups if agreement.targets else ()
    for group in group_ids:
        members = tuple(s for s in segments if s.group == group)
        total = Totals.zero()
        for seg in members:
            total = total.plus(seg.agreement_total)
        groups.append(
            GroupTargets(
                id=group,
                segments=tuple(s.id for s in members),
                months=_monthly_totals(members, lead_months, months[0], None, None),
                total=total,
                name=agreement.targets.group_names.get(group) if agreement.targets else None,
            )
        )
    grand = Totals.zero()
    for seg in segments:
        grand = grand.plus(seg.agreement_total)
    return TargetTable(
        agreement=agreement.id,
        revision=agreement.revision.number,
        currency=agreement.currency,
        dimension=dimension,
        months=months,
        lead_months=lead_months,
        segments=segments,
        monthly=monthly,
        groups=tuple(groups),
        total=grand,
        fiscal_year=agreement.targets.fiscal_year if agreement.targets else None,
        goal_days=agreement.targets.goal_days if agreement.targets else "calendar",
        holidays=agreement.targets.holidays if agreement.targets else frozenset(),
    )

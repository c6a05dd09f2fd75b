"""Observed inputs next to the agreement's, and a suggested fragment for the next revision.

The seeds recommend recomputing the inputs every month and resetting at
mid-year. Observed, per segment, over the months reported:

- close rate: marketing leads won ÷ marketing leads, over *matured* lead months
  only (at least ``sales_cycle_months`` + 1 months before the as-of month), so
  leads that have not had time to close do not drag the rate down;
- deal size: marketing revenue ÷ marketing wins;
- marketing share: marketing revenue ÷ all revenue (sales-sourced included);
- sales cycle: average days from creation to win, in months of 30.4375 days.

A value is suggested only when it rests on at least :data:`MIN_LEADS` leads and
:data:`MIN_WINS` wins, and differs from the agreed one by more than :data:`TOLERANCE`
(relative); otherwise the agreement's value is kept. Monthly inputs
are suggested as month maps for a next revision that takes effect the month after
the as-of date, or on the current revision's date if that is later: every earlier
month, and every month whose leads fall before it, keeps its signed value (a
revision must not rewrite history).

Stage: actuals.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from slagen.actuals.aggregate import Aggregator, Bucket, ratio
from slagen.actuals.wording import word
from slagen.core.model import Agreement, Segment
from slagen.core.scalars import shift_month

MIN_LEADS = 30
MIN_WINS = 5
DAYS_PER_MONTH = Decimal("30.4375")
TOLERANCE = Decimal("0.05")  # observed within ±5 % of the agreed value: no change suggested


@dataclass(frozen=True)
class Observed:
    segment: str
    leads: int  # matured marketing leads
    wins: int  # of those, won
    close_rate: Decimal | None
    agreed_close_rate: Decimal | None
    avg_deal_size: Decimal | None
    agreed_avg_deal_size: Decimal
    marketing_share: Decimal | None
    agreed_marketing_share: Decimal
    sales_cycle_months: int | None
    agreed_sales_cycle_months: int
    enough_data: bool


def agreed_close_rate(segment: Segment, month: str) -> Decimal:
    """Lead → customer rate of the agreement (a funnel's rates from the SLA stage on)."""
    if segment.close_rate is not None:
        return segment.close_rate[month]
    assert segment.funnel
    rate = Decimal(1)
    started = False
    for stage in segment.funnel:
        started = started or stage.stage == segment.sla_stage
        if started:
            rate *= stage.rate
    return rate.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)


def observe(
    agreement: Agreement, aggregator: Aggregator, months: tuple[str, ...]
) -> list[Observed]:
    if agreement.targets is None:
        return []
    as_of_month = f"{aggregator.as_of.year:04d}-{aggregator.as_of.month:02d}"
    period = agreement.months
    input_month = min(max(as_of_month, period[0]), period[-1])
    result = []
    for segment in agreement.targets.segments:
        matured_until = shift_month(as_of_month, -(segment.sales_cycle_months + 1))
        all_of = Bucket()
        matured = Bucket()
        for month in months:
            bucket = aggregator.buckets.get((segment.id, month))
            if bucket is None:
                continue
            all_of.merge(bucket)
            if month <= matured_until:
                matured.merge(bucket)
        revenue = all_of.marketing_revenue + all_of.sales_revenue
        cycle = None
        if all_of.cohort_won:
            days = Decimal(all_of.cohort_cycle_days) / all_of.cohort_won
            cycle = int((days / DAYS_PER_MONTH).quantize(Decimal(1), rounding=ROUND_HALF_UP))
        deal = None
        if all_of.marketing_won:
            deal = (all_of.marketing_revenue / all_of.marketing_won).quantize(Decimal("0.01"))
        result.append(
            Observed(
                segment=segment.id,
                leads=matured.marketing_leads,
                wins=matured.cohort_won,
                close_rate=ratio(matured.cohort_won, matured.marketing_leads),
                agreed_close_rate=agreed_close_rate(segment, input_month),
                avg_deal_size=deal,
                agreed_avg_deal_size=segment.avg_deal_size[input_month],
                marketing_share=ratio(all_of.marketing_revenue, revenue),
                agreed_marketing_share=segment.marketing_share[input_month],
                sales_cycle_months=cycle,
                agreed_sales_cycle_months=segment.sales_cycle_months,
                enough_data=matured.marketing_leads >= MIN_LEADS and matured.cohort_won >= MIN_WINS,
            )
        )
    return result


def _percent(value: Decimal) -> str:
    text = format((value * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP).normalize(), "f")
    return f'"{text}%"'


def suggest_fragment(agreement: Agreement, observed: list[Observed], as_of: dt.date) -> str:
    """A YAML fragment of ``targets.segments`` with the observed inputs."""
    effective = next_revision_date(agreement, as_of)
    start = f"{effective.year:04d}-{effective.month:02d}"
    lang = agreement.language
    lines = [
        "# " + word("frag_head", lang, date=as_of.isoformat()),
        "# "
        + word(
            "frag_review",
            lang,
            number=agreement.revision.number + 1,
            date=effective.isoformat(),
        ),
        "targets:",
        "  segments:",
    ]
    segments = {s.id: s for s in agreement.targets.segments} if agreement.targets else {}
    for obs in observed:
        segment = segments[obs.segment]
        # Leads of revenue month R are needed in R - cycle: the first month changed is
        # the one whose lead month is the new revision's month, so no lead month before
        # the revision changes either.
        first = shift_month(start, segment.sales_cycle_months)
        later = [m for m in agreement.months if m >= first]
        kept = [m for m in agreement.months if m < first]
        lines.append(f"    - id: {obs.segment}")
        if not obs.enough_data:
            lines.append(
                "      # "
                + word(
                    "frag_little",
                    lang,
                    leads=obs.leads,
                    wins=obs.wins,
                    min_leads=MIN_LEADS,
                    min_wins=MIN_WINS,
                )
            )
            continue
        suggestions: list[tuple[str, Decimal, str]] = []
        if obs.marketing_share is not None:
            suggestions.append(("marketing_share", obs.marketing_share, "share"))
        if obs.avg_deal_size is not None:
            suggestions.append(
                (
                    "avg_deal_size",
                    obs.avg_deal_size.quantize(Decimal(1), rounding=ROUND_HALF_UP),
                    "deal",
                )
            )
        if obs.close_rate is not None:
            agreed = obs.agreed_close_rate or Decimal(0)
            if segment.funnel and abs(obs.close_rate - agreed) > agreed * TOLERANCE:
                lines.append(
                    "      # "
                    + word(
                        "frag_funnel",
                        lang,
                        observed=_percent(obs.close_rate),
                        agreed=_percent(agreed),
                    )
                )
            elif not segment.funnel:
                suggestions.append(("close_rate", obs.close_rate, "rate"))
        for name, value, kind in suggestions:
            lines.extend(_monthly(name, value, kind, segment, kept, later))
        if (
            obs.sales_cycle_months is not None
            and obs.sales_cycle_months != segment.sales_cycle_months
        ):
            lines.append(
                f"      sales_cycle_months: {min(obs.sales_cycle_months, 24)}   # "
                + word("frag_agreed", lang, value=segment.sales_cycle_months)
            )
        if lines[-1] == f"    - id: {obs.segment}":
            lines.append("      # " + word("frag_confirmed", lang))
    return "\n".join(lines) + "\n"


def next_revision_date(agreement: Agreement, as_of: dt.date) -> dt.date:
    """When the suggested revision takes effect: the month after ``as_of``, never before
    the current revision's own date (its months are signed history).
    """
    after = (as_of.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    current = agreement.revision.date
    if (current.year, current.month) >= (after.year, after.month):
        return current
    return after


def _monthly(
    name: str, observed: Decimal, kind: str, segment: Segment, kept: list[str], later: list[str]
) -> list[str]:
    current = getattr(segment, name)

    def show(number: Decimal) -> str:
        return _percent(number) if kind in ("share", "rate") else format(number.normalize(), "f")

    def shown(month: str) -> str:
        return show(current[month])

    value = show(observed)
    if all(abs(observed - current[m]) <= current[m] * TOLERANCE for m in later or kept[-1:]):
        return []  # the actuals confirm what was agreed, within the tolerance
    if not later:
        return []  # no month of the period is left to the next revision
    if not kept:
        return [f"      {name}: {value}"]
    lines = [f"      {name}:"]
    for month in kept:
        lines.append(f"        {month}: {shown(month)}")
    lines.extend(f"        {month}: {value}" for month in later)
    return lines

"""Streaming aggregation of leads into per (segment, month) buckets, then metrics.

Memory is bounded by the number of segments × months, never by rows. Each
bucket keeps counters and one histogram of follow-up delays at **minute
resolution** (``{minutes: leads}``; delays over a week are kept to the hour and
capped at a year), so the median and 90th percentile are exact to the minute
without keeping a list of delays, and a histogram never holds more than about
19,000 keys; the average uses exact seconds.

Which month a lead counts in:

- delivered leads and the daily pace: the month of ``created_at``;
- follow-up speed and depth (marketing leads only): the month of ``handed_off_at``;
  depth only counts leads whose ``attempts_within`` window (when given) is over;
- customers won and revenue: the month of ``closed_at`` (a revenue month);
- close rate and sales cycle (recalibration): the ``created_at`` month (the cohort).

Everything is seen *as of* the end of ``as_of`` in the agreement's time zone:
leads created later are ignored, and later attempts or wins are not yet made.

Stage: actuals.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from slagen.actuals.actuals import Lead

MAX_DELAY_MINUTES = 60 * 24 * 366
MINUTE_RESOLUTION = 60 * 24 * 7  # beyond a week, delays are kept to the hour
RATIO = Decimal("0.0001")


@dataclass(slots=True)
class Bucket:
    """Counters of one segment in one month."""

    marketing_leads: int = 0
    sales_leads: int = 0
    by_day: list[int] = field(default_factory=lambda: [0] * 31)  # marketing leads per day
    cohort_won: int = 0  # marketing leads created this month, won by as-of
    cohort_cycle_days: int = 0
    marketing_won: int = 0  # wins closed this month
    marketing_revenue: Decimal = Decimal(0)
    sales_won: int = 0
    sales_revenue: Decimal = Decimal(0)
    handed_off: int = 0
    attempted: int = 0
    on_time: int = 0
    overdue: int = 0  # no attempt yet, window already over
    waiting: int = 0  # no attempt yet, window still open
    delay_seconds: int = 0
    delays: dict[int, int] = field(default_factory=dict)  # minutes → leads
    unconnected: int = 0
    unconnected_attempts: int = 0

    def merge(self, other: Bucket) -> None:
        for name in (
            "marketing_leads",
            "sales_leads",
            "cohort_won",
            "cohort_cycle_days",
            "marketing_won",
            "marketing_revenue",
            "sales_won",
            "sales_revenue",
            "handed_off",
            "attempted",
            "on_time",
            "overdue",
            "waiting",
            "delay_seconds",
            "unconnected",
            "unconnected_attempts",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.by_day = [a + b for a, b in zip(self.by_day, other.by_day, strict=True)]
        for minutes, count in other.delays.items():
            self.delays[minutes] = self.delays.get(minutes, 0) + count


class Aggregator:
    """Feed leads one at a time; read the buckets afterwards."""

    def __init__(
        self,
        *,
        as_of: dt.date,
        window: dt.timedelta | None,
        attempts_window: dt.timedelta | None = None,
    ) -> None:
        self.as_of = as_of
        self.window = window
        self.attempts_window = attempts_window
        self.buckets: dict[tuple[str, str], Bucket] = {}
        self.after_as_of = 0
        self._cutoff: dt.datetime | None = None

    def bucket(self, segment: str, month: str) -> Bucket:
        key = (segment, month)
        found = self.buckets.get(key)
        if found is None:
            found = self.buckets[key] = Bucket()
        return found

    def add_all(self, leads: Iterable[Lead]) -> None:
        for lead in leads:
            self.add(lead)

    def add(self, lead: Lead) -> None:
        created = lead.created_at
        if self._cutoff is None:
            end = dt.datetime.combine(self.as_of + dt.timedelta(days=1), dt.time(0))
            self._cutoff = end.replace(tzinfo=created.tzinfo)
        cutoff = self._cutoff
        if created >= cutoff:
            self.after_as_of += 1
            return
        home = self.bucket(lead.segment, _month(created))
        closed = lead.closed_at if lead.closed_at is not None and lead.closed_at < cutoff else None
        if lead.source == "sales":
            home.sales_leads += 1
            if closed is not None:
                won = self.bucket(lead.segment, _month(closed))
                won.sales_won += 1
                won.sales_revenue += lead.revenue or 0
            return
        home.marketing_leads += 1
        home.by_day[created.day - 1] += 1
        if closed is not None:
            home.cohort_won += 1
            home.cohort_cycle_days += max(0, (closed.date() - created.date()).days)
            won = self.bucket(lead.segment, _month(closed))
            won.marketing_won += 1
            won.marketing_revenue += lead.revenue or 0
        handoff = lead.handed_off_at
        if handoff is None or handoff >= cutoff:
            return
        follow = self.bucket(lead.segment, _month(handoff))
        follow.handed_off += 1
        first = (
            lead.first_attempt_at
            if lead.first_attempt_at and lead.first_attempt_at < cutoff
            else None
        )
        if first is None:
            if self.window is not None and cutoff - handoff > self.window:
                follow.overdue += 1
            else:
                follow.waiting += 1
        else:
            seconds = int((first - handoff).total_seconds())
            follow.attempted += 1
            follow.delay_seconds += seconds
            minutes = min(seconds // 60, MAX_DELAY_MINUTES)
            if minutes > MINUTE_RESOLUTION:
                minutes -= minutes % 60
            follow.delays[minutes] = follow.delays.get(minutes, 0) + 1
            if self.window is not None and first - handoff <= self.window:
                follow.on_time += 1
        # Depth counts a lead once its attempts window (follow_up.attempts_within) is over:
        # a lead handed off yesterday has not had the chance of six attempts yet.
        matured = self.attempts_window is None or cutoff - handoff >= self.attempts_window
        if not lead.connected and matured:
            follow.unconnected += 1
            follow.unconnected_attempts += lead.attempts


def _month(moment: dt.datetime) -> str:
    return f"{moment.year:04d}-{moment.month:02d}"


def ratio(numerator: Decimal | int, denominator: Decimal | int) -> Decimal | None:
    """``numerator ÷ denominator`` to four places (half-up); ``None`` for a zero denominator."""
    if not denominator:
        return None
    return (Decimal(numerator) / Decimal(denominator)).quantize(RATIO, rounding=ROUND_HALF_UP)


def percentile(delays: dict[int, int], fraction: Decimal) -> int | None:
    """Nearest-rank percentile of a minute histogram (``fraction`` 0.5 is the median)."""
    total = sum(delays.values())
    if not total:
        return None
    rank = max(1, math.ceil(fraction * total))
    seen = 0
    for minutes in sorted(delays):
        seen += delays[minutes]
        if seen >= rank:
            return minutes
    return max(delays)  # pragma: no cover

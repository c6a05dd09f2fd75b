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
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

Row = tuple[
    str,  # segment id
    bool,  # sales-sourced
    dt.datetime,  # created_at
    dt.datetime | None,  # handed_off_at
    dt.datetime | None,  # first_attempt_at
    int,  # attempts
    bool,  # connected
    dt.datetime | None,  # closed_at
    Decimal | None,  # revenue
]
AddRows = Callable[[Iterable[Row]], None]
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
    """Feed leads in order (:attr:`add_rows`); read the buckets after :meth:`finish`.

    Times are wall-clock times in the agreement's time zone, without ``tzinfo``: all
    share one zone, so comparing and subtracting them is what aware ones would do.

    Without ``as_of`` the aggregator works in one pass for a report as of the last day
    the actuals cover, not known before the end: the two counts that depend on that
    day (a lead with no attempt is overdue or waiting; a lead's attempts window is over
    or not) are decided as soon as the days already seen settle them, and otherwise
    kept per bucket and the day that settles them, then resolved by :meth:`finish`.
    """

    def __init__(
        self,
        *,
        as_of: dt.date | None,
        window: dt.timedelta | None,
        attempts_window: dt.timedelta | None = None,
    ) -> None:
        self._as_of = as_of
        self.window = window
        self.attempts_window = attempts_window
        self.buckets: dict[tuple[str, str], Bucket] = {}
        self.after_as_of = 0
        self._index: dict[tuple[str, int], Bucket] = {}  # (segment, year × 12 + month)
        self._deferred = as_of is None
        self._cutoff = dt.datetime.max if as_of is None else _midnight_after(as_of)
        self._overdue: dict[tuple[tuple[str, int], dt.date], int] = {}
        self._unconnected: dict[tuple[tuple[str, int], dt.date], list[int]] = {}
        self.add_rows: AddRows = self._adder()
        """Add leads in order; every time a wall-clock time in the agreement's zone."""

    @property
    def as_of(self) -> dt.date:
        """The day the counts are as of (one-pass mode: known once :meth:`finish` ran)."""
        if self._as_of is None:
            raise ValueError("the aggregation is not finished: call finish(as_of)")
        return self._as_of

    def bucket(self, segment: str, month: str) -> Bucket:
        return self._bucket((segment, int(month[:4]) * 12 + int(month[5:7])))

    def _bucket(self, key: tuple[str, int]) -> Bucket:
        found = self._index.get(key)
        if found is None:
            found = self._index[key] = Bucket()
            year, month = divmod(key[1] - 1, 12)
            self.buckets[(key[0], f"{year:04d}-{month + 1:02d}")] = found
        return found

    def _adder(self) -> AddRows:
        """The function that adds leads: its state in closure variables, for speed."""
        deferred = self._deferred
        cutoff = self._cutoff  # deferred: never reached
        window, later = self.window, self.attempts_window
        index, new_bucket = self._index, self._bucket
        overdue_pending, unconnected_pending = self._overdue, self._unconnected
        on_time_by = dt.timedelta.min if window is None else window  # no delay is < min
        # The earliest the cutoff can be (the cutoff itself if known), and the handoffs
        # it settles as overdue and as matured (see settle).
        limits = [dt.datetime.min, dt.datetime.min, dt.datetime.min]

        def settle(known: dt.datetime) -> None:
            limits[:] = [
                known,
                _minus(known, window),
                _minus(known, later) if later is not None else dt.datetime.max,
            ]

        if not deferred:
            settle(cutoff)

        def add_rows(rows: Iterable[Row]) -> None:
            bound, overdue_before, mature_by = limits
            for segment, sales, created, handoff, first, attempts, connected, closed, revenue in rows:  # fmt: skip
                if created >= cutoff:
                    self.after_as_of += 1
                    continue
                if deferred and created >= bound:
                    settle(_midnight_after(created.date()))
                    bound, overdue_before, mature_by = limits
                month = created.year * 12 + created.month
                key = (segment, month)
                home = index.get(key) or new_bucket(key)
                if closed is not None and closed >= cutoff:
                    closed = None
                if sales:
                    home.sales_leads += 1
                    if closed is not None:
                        won_key = (segment, closed.year * 12 + closed.month)
                        won = index.get(won_key) or new_bucket(won_key)
                        won.sales_won += 1
                        won.sales_revenue += revenue or 0
                    continue
                home.marketing_leads += 1
                home.by_day[created.day - 1] += 1
                if closed is not None:
                    home.cohort_won += 1
                    home.cohort_cycle_days += max(0, (closed.date() - created.date()).days)
                    won_key = (segment, closed.year * 12 + closed.month)
                    won = index.get(won_key) or new_bucket(won_key)
                    won.marketing_won += 1
                    won.marketing_revenue += revenue or 0
                if handoff is None or handoff >= cutoff:
                    continue
                follow_month = month if handoff is created else handoff.year * 12 + handoff.month
                if follow_month == month:
                    follow, follow_key = home, key
                else:
                    follow_key = (segment, follow_month)
                    follow = index.get(follow_key) or new_bucket(follow_key)
                follow.handed_off += 1
                if first is None or first >= cutoff:
                    if window is None:
                        follow.waiting += 1
                    elif handoff < overdue_before:  # cutoff - handoff > window
                        follow.overdue += 1
                    elif not deferred:
                        follow.waiting += 1
                    else:  # overdue or waiting: the last day tells
                        pending = (follow_key, _day_past(handoff, window, strict=True))
                        overdue_pending[pending] = overdue_pending.get(pending, 0) + 1
                else:
                    delay = first - handoff
                    seconds = delay.days * 86400 + delay.seconds  # int(delay.total_seconds())
                    follow.attempted += 1
                    follow.delay_seconds += seconds
                    minutes = seconds // 60
                    if minutes > MINUTE_RESOLUTION:
                        minutes = min(minutes, MAX_DELAY_MINUTES)
                        minutes -= minutes % 60
                    delays = follow.delays
                    delays[minutes] = delays.get(minutes, 0) + 1
                    if delay <= on_time_by:
                        follow.on_time += 1
                if connected:
                    continue
                # Depth counts a lead once its attempts window (follow_up.attempts_within) is
                # over: a lead handed off yesterday has not had the chance of six attempts yet.
                if handoff <= mature_by:  # cutoff - handoff >= attempts_within
                    follow.unconnected += 1
                    follow.unconnected_attempts += attempts
                elif deferred:
                    assert later is not None
                    pending = (follow_key, _day_past(handoff, later, strict=False))
                    found = unconnected_pending.get(pending)
                    if found is None:
                        unconnected_pending[pending] = [1, attempts]
                    else:
                        found[0] += 1
                        found[1] += attempts

        return add_rows

    def finish(self, as_of: dt.date | None = None) -> None:
        """Settle the counts kept for the last day (one-pass mode: ``as_of`` is that day)."""
        if not self._deferred:
            return
        if as_of is None:
            raise ValueError("a one-pass aggregation needs the day it is as of")
        for (key, day), count in self._overdue.items():
            if day <= as_of:
                self._index[key].overdue += count
            else:
                self._index[key].waiting += count
        for (key, day), (count, attempts) in self._unconnected.items():
            if day <= as_of:
                self._index[key].unconnected += count
                self._index[key].unconnected_attempts += attempts
        self._overdue.clear()
        self._unconnected.clear()
        self._as_of = as_of
        self._cutoff = _midnight_after(as_of)
        self._deferred = False
        self.add_rows = self._adder()


def _minus(moment: dt.datetime, span: dt.timedelta | None) -> dt.datetime:
    """``moment - span``; ``datetime.min`` when that is before any date (or no ``span``)."""
    try:
        return dt.datetime.min if span is None else moment - span
    except OverflowError:
        return dt.datetime.min


def _midnight_after(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0))


def _day_past(moment: dt.datetime, span: dt.timedelta, *, strict: bool) -> dt.date:
    """The first day ``as_of`` such that the end of it is past ``moment + span``.

    ``strict``: the end of the day minus ``moment`` must exceed ``span``; otherwise it
    may equal it (a window ending at midnight is over by the end of the day before).
    """
    try:
        end = moment + span
    except OverflowError:
        return dt.date.max
    if not strict and end.time() == dt.time(0):
        return end.date() - dt.timedelta(days=1)
    return end.date()


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

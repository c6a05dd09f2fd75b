"""Calendars for the lead targets (compute stage): spreads, proration and goal days.

Pure, exact functions:

- :func:`spread_by_weights` splits an amount into months in proportion to
  weights by largest remainder at the cent, so the months add up exactly;
- :func:`prorate_factor` is the share of a month a revision governs when it
  takes effect inside it;
- :func:`goal_days` and :func:`daily_goal_line` count the days a month's goal is
  spread over (every day, or business days without the agreement's holidays).

Stage: compute.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from slagen.core.scalars import days_in_month, parse_month

if TYPE_CHECKING:
    from slagen.core.targets import TargetTable

__all__ = [
    "daily_goal_line",
    "goal_days",
    "goal_line",
    "prorate_factor",
    "prorated_month",
    "spread_by_weights",
    "spread_quarters",
]

CENT = Decimal("0.01")


def spread_by_weights(
    total: Decimal, months: Sequence[str], weights: Mapping[str, Decimal] | None
) -> dict[str, Decimal]:
    """``total`` split over ``months`` in proportion to ``weights``, to the cent.

    Largest remainder: every month gets the whole cents of its exact share;
    the cents left over go one each to the months with the largest remainders
    (the earlier month first on a tie). The months add up to ``total`` rounded
    half-up to cents. All weights zero (or none given) means equal weights.
    """
    cents = int((total.quantize(CENT, rounding=ROUND_HALF_UP) * 100).to_integral_value())
    given = [Fraction(weights[m]) if weights else Fraction(1) for m in months]
    whole = sum(given)
    if whole == 0:
        given = [Fraction(1)] * len(months)
        whole = Fraction(len(months))
    exact = [cents * w / whole for w in given]
    floors = [q.numerator // q.denominator for q in exact]
    left = cents - sum(floors)
    order = sorted(range(len(months)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[:left]:
        floors[i] += 1
    return {m: Decimal(c).scaleb(-2) for m, c in zip(months, floors, strict=True)}


def spread_quarters(
    quarters: Sequence[Decimal], months: Sequence[str], weights: Mapping[str, Decimal] | None
) -> dict[str, Decimal]:
    """Each quarter's amount spread over its three months (the last may be shorter)."""
    result: dict[str, Decimal] = {}
    for index, amount in enumerate(quarters):
        chunk = list(months[index * 3 : index * 3 + 3])
        if chunk:
            result.update(spread_by_weights(amount, chunk, weights))
    return result


def prorate_factor(month: str, effective: dt.date) -> Fraction:
    """The share of ``month`` from ``effective`` to its last day (1 outside the month)."""
    year, number = parse_month(month)
    if (effective.year, effective.month) != (year, number) or effective.day == 1:
        return Fraction(1)
    days = days_in_month(month)
    return Fraction(days - effective.day + 1, days)


def prorated_month(goal: Decimal, factor: Fraction) -> Decimal:
    """``goal × factor``, half-up to cents (unchanged when the factor is 1)."""
    if factor == 1:
        return goal
    exact = Fraction(goal) * factor
    cents, rest = divmod(exact * 100, 1)
    value = int(cents) + (1 if rest >= Fraction(1, 2) else 0)
    return Decimal(value).scaleb(-2)


def goal_days(month: str, kind: str, holidays: frozenset[dt.date]) -> tuple[dt.date, ...]:
    """The days of ``month`` a goal is spread over: every day, or business days."""
    year, number = parse_month(month)
    days = [dt.date(year, number, d) for d in range(1, days_in_month(month) + 1)]
    if kind == "business":
        days = [d for d in days if d.weekday() < 5 and d not in holidays]
    return tuple(days)


def daily_goal_line(
    needed: int, month: str, kind: str, holidays: frozenset[dt.date]
) -> tuple[tuple[dt.date, Fraction], ...]:
    """The goal line: for every calendar day, the exact cumulative goal at its end.

    The goal grows by ``needed ÷ goal days`` on each goal day and stays flat on
    the others; it reaches ``needed`` on the month's last goal day. A month
    without any goal day has its whole goal due on its first day.
    """
    counted = goal_days(month, kind, holidays)
    everyday = goal_days(month, "calendar", frozenset())
    if not counted:
        return tuple((d, Fraction(needed)) for d in everyday)
    so_far = 0
    line = []
    for day in everyday:
        if day in counted:
            so_far += 1
        line.append((day, Fraction(needed * so_far, len(counted))))
    return tuple(line)


def goal_line(table: TargetTable, month: str, needed: int) -> tuple[tuple[dt.date, Fraction], ...]:
    """The daily goal line of ``month`` for ``needed`` leads, as reports draw it.

    One ``(date, exact cumulative goal)`` per calendar day, counting the days
    the agreement's ``targets.goal_days`` names (business days skip weekends and
    ``targets.holidays``).
    """
    return daily_goal_line(needed, month, table.goal_days, table.holidays)

"""Parsing of the small scalar languages of the format: rates, durations, months.

Pure functions shared by the validator (which turns their ``ValueError`` into
findings) and the model (which only ever sees values that already passed).

Stage: check.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from slagen.core.limits import MAX_DECIMAL_PLACES, number_problem, year_problem
from slagen.core.records import Record, record

PERCENT_RE = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*%\s*$")
DURATION_RE = re.compile(r"^([1-9][0-9]*)(m|h|d|w)$")
MONTH_RE = re.compile(r"^([0-9]{4})-(0[1-9]|1[0-2])$")
DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")

MINUTES_BY_UNIT = {"m": 1, "h": 60, "d": 60 * 24, "w": 60 * 24 * 7}


@record
class Duration(Record):
    """A duration as written (``4h``), with its length."""

    amount: int
    unit: str  # m | h | d | w

    @property
    def text(self) -> str:
        return f"{self.amount}{self.unit}"

    @property
    def minutes(self) -> int:
        return self.amount * MINUTES_BY_UNIT[self.unit]

    @property
    def timedelta(self) -> dt.timedelta:
        return dt.timedelta(minutes=self.minutes)

    def __str__(self) -> str:
        return self.text


def parse_duration(text: str) -> Duration:
    match = DURATION_RE.match(text)
    if not match:
        raise ValueError(f"{text!r} is not a duration like 30m, 4h, 2d or 1w")
    return Duration(int(match.group(1)), match.group(2))


def to_decimal(value: Any) -> Decimal:
    """An exact decimal from a loaded number (never through a binary float)."""
    if isinstance(value, bool):
        raise ValueError("a boolean is not a number")  # noqa: TRY004  (callers turn ValueError into a finding)
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):  # only from code, never from the loader
        return Decimal(repr(value))
    try:
        return Decimal(str(value).strip())
    except InvalidOperation as exc:
        raise ValueError(f"{value!r} is not a number") from exc


def parse_rate(value: Any, *, allow_above_one: bool = False) -> Decimal:
    """A rate as an exact fraction: ``"12%"`` → ``0.12``, ``0.12`` → ``0.12``.

    Raises:
        ValueError: for zero, negative or (unless allowed) above-one rates,
            and for a bare number above one, with a message suggesting ``"12%"``.
    """
    if isinstance(value, str):
        match = PERCENT_RE.match(value)
        if not match:
            raise ValueError(
                f'{value!r} is not a rate; write a fraction like 0.12 or a percentage like "12%"'
            )
        rate = Decimal(match.group(1)) / 100
        problem = number_problem(rate)
        if problem is not None:
            raise ValueError(
                f"{value.strip()} is too precise: at most {MAX_DECIMAL_PLACES - 2} decimal places "
                "in a percentage"
            )
        if rate <= 0:
            raise ValueError(f"must be above 0 (got {value.strip()})")
        if rate > 1 and not allow_above_one:
            raise ValueError(f"must be at most 100% (got {value.strip()})")
        return rate
    rate = to_decimal(value)
    problem = number_problem(rate)
    if problem is not None:
        raise ValueError(f"{rate} {problem}")
    if rate <= 0:
        raise ValueError(f"must be above 0 and at most 100% (got {rate})")
    if rate > 1 and not allow_above_one:
        raise ValueError(
            f'must be a fraction between 0 and 1 or a percentage; did you mean "{rate}%"? (got {rate})'
        )
    return rate


def parse_date(text: str) -> dt.date:
    if not DATE_RE.match(text):
        raise ValueError(f"{text!r} is not a date written YYYY-MM-DD")
    problem = year_problem(int(text[:4]))
    if problem is not None:
        raise ValueError(f"{text}: {problem}")
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise ValueError(f"{text} is not a real calendar date ({exc})") from exc


def parse_month(text: str) -> tuple[int, int]:
    match = MONTH_RE.match(text)
    if not match:
        raise ValueError(f"{text!r} is not a month written YYYY-MM")
    return int(match.group(1)), int(match.group(2))


def format_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def shift_month(month: str, delta: int) -> str:
    """``shift_month("2026-01", -2)`` → ``"2025-11"``."""
    year, mon = parse_month(month)
    index = year * 12 + (mon - 1) + delta
    return format_month(index // 12, index % 12 + 1)


def month_of(date: dt.date) -> str:
    return format_month(date.year, date.month)


def months_between(start: dt.date, end: dt.date) -> tuple[str, ...]:
    """Every month from ``start``'s to ``end``'s, inclusive, as ``YYYY-MM``."""
    first = start.year * 12 + start.month - 1
    last = end.year * 12 + end.month - 1
    return tuple(format_month(i // 12, i % 12 + 1) for i in range(first, last + 1))


def days_in_month(month: str) -> int:
    year, mon = parse_month(month)
    nxt = dt.date(year + (mon == 12), mon % 12 + 1, 1)
    return (nxt - dt.date(year, mon, 1)).days

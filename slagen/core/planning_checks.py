"""Checks of the planning fields the JSON Schema cannot express (validate stage).

Spread revenue goals (``{total|quarters, weights}``), a segment's own
currency and exchange rate, and the calendar options of ``targets``. Like
:mod:`slagen.semantics`, each check skips data the schema already refused.

Stage: check.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from slagen.core.errors import Finding
from slagen.core.loader import Document
from slagen.core.scalars import MONTH_RE

__all__ = ["SPREAD_KEYS", "is_spread", "planning_findings", "spread_schema_findings"]


def is_spread(value: Any) -> bool:
    """True for a revenue goal written as ``{total: …}`` or ``{quarters: …}``."""
    return isinstance(value, dict) and ("total" in value or "quarters" in value)


def _number(value: Any) -> bool:
    return isinstance(value, (int, Decimal)) and not isinstance(value, bool)


def planning_findings(doc: Document, months: tuple[str, ...]) -> Iterator[Finding]:
    """Findings on spreads, segment currencies and calendar options."""
    targets = doc.data.get("targets")
    if not isinstance(targets, dict):
        return
    segments = targets.get("segments")
    for i, seg in enumerate(segments if isinstance(segments, list) else []):
        if not isinstance(seg, dict):
            continue
        base = ("targets", "segments", i)
        goal = seg.get("revenue_goal")
        if isinstance(goal, dict) and is_spread(goal) and months:
            yield from _spread(doc, base + ("revenue_goal",), goal, months)
        yield from _currency(doc, base, seg)
    yield from _calendar(doc, targets, months)
    holidays = targets.get("holidays")
    if holidays and targets.get("goal_days", "calendar") != "business":
        yield doc.finding(
            ("targets", "holidays"),
            "holidays-unused",
            "`holidays` only matter with `goal_days: business`",
            hint="add `goal_days: business`, or remove the holidays",
            severity="warning",
        )


def _spread(
    doc: Document, path: tuple[Any, ...], goal: dict[str, Any], months: tuple[str, ...]
) -> Iterator[Finding]:
    weights = goal.get("weights")
    if isinstance(weights, dict):
        missing = [m for m in months if m not in weights]
        outside = [m for m in weights if isinstance(m, str) and MONTH_RE.match(m)]
        for month in outside:
            if month not in months:
                yield doc.finding(
                    path + ("weights", month),
                    "month-outside-period",
                    f"{month} is outside the period ({months[0]} to {months[-1]})",
                    hint="remove it, or change `period`",
                    at_key=True,
                )
        if missing:
            yield doc.finding(
                path + ("weights",),
                "weights-missing",
                "the weights miss " + ", ".join(missing),
                hint="give a weight for every month of the period (0 for a month without goal)",
                at_key=True,
            )
        elif all(_number(w) and w == 0 for w in weights.values()):
            yield doc.finding(
                path + ("weights",),
                "weights-all-zero",
                "every weight is 0: the total cannot be spread",
                hint="give at least one month a weight above 0",
                at_key=True,
            )
    quarters = goal.get("quarters")
    if isinstance(quarters, list):
        expected = (len(months) + 2) // 3
        if len(quarters) != expected:
            yield doc.finding(
                path + ("quarters",),
                "quarters-count",
                f"the period has {expected} quarter(s) but `quarters` gives {len(quarters)}",
                hint="one amount per three months, from the period's first month",
                at_key=True,
            )


def _currency(doc: Document, base: tuple[Any, ...], seg: dict[str, Any]) -> Iterator[Finding]:
    code = seg.get("currency")
    has_rate = seg.get("exchange_rate") is not None
    if code is not None and not has_rate:
        yield doc.finding(
            base + ("currency",),
            "missing-exchange-rate",
            f"segment currency {code} needs an `exchange_rate` to the agreement's currency",
            hint=f"add e.g. `exchange_rate: 1.08` (agreement currency per unit of {code})",
            at_key=True,
        )
    if has_rate and code is None:
        yield doc.finding(
            base + ("exchange_rate",),
            "exchange-rate-without-currency",
            "`exchange_rate` needs the segment's `currency`",
            hint="add e.g. `currency: EUR`, or remove the rate",
            at_key=True,
        )
    if isinstance(code, str) and len(code) == 3 and code.isupper():
        from slagen.core.schema_compiled import CURRENCIES  # Babel's, without Babel

        if code not in CURRENCIES:
            yield doc.finding(
                base + ("currency",),
                "unknown-currency",
                f"{code} is not an ISO 4217 currency code",
                hint="e.g. EUR, USD, MXN, ARS",
            )
        if code == doc.data.get("currency") and has_rate and seg.get("exchange_rate") != 1:
            yield doc.finding(
                base + ("exchange_rate",),
                "exchange-rate-same-currency",
                f"the segment's currency is the agreement's ({code}) but its rate is not 1",
                hint="remove `currency` and `exchange_rate` from the segment",
            )


SPREAD_KEYS = ("total", "quarters", "weights")
MONEY_HINT = "write the amount as a plain number, without currency sign or thousands separators"


def _money_ok(value: Any) -> bool:
    return _number(value) and value >= 0


def spread_schema_findings(
    doc: Document, path: tuple[Any, ...], goal: dict[str, Any]
) -> Iterator[Finding]:
    """Readable findings for a ``{total|quarters, weights}`` revenue goal the schema refused."""
    for key in goal:
        if key not in SPREAD_KEYS:
            yield doc.finding(
                (*path, key),
                "unknown-field",
                f"unknown field `{key}` in a spread revenue goal",
                hint="a spread revenue goal has `total` or `quarters`, and `weights`",
                at_key=True,
            )
    if ("total" in goal) == ("quarters" in goal):
        yield doc.finding(
            path,
            "revenue-goal-spread",
            "a spread revenue goal needs exactly one of `total` and `quarters`",
            hint="e.g. revenue_goal: {total: 1200000, weights: {…}}",
            at_key=True,
        )
    if "total" in goal and not _money_ok(goal["total"]):
        yield doc.finding(
            (*path, "total"), "invalid-money", "`total` must be an amount of money", hint=MONEY_HINT
        )
    quarters = goal.get("quarters")
    if "quarters" in goal and not isinstance(quarters, list):
        yield doc.finding(
            (*path, "quarters"), "invalid-value", "`quarters` must be a list of amounts"
        )
    for i, amount in enumerate(quarters if isinstance(quarters, list) else []):
        if not _money_ok(amount):
            yield doc.finding(
                (*path, "quarters", i),
                "invalid-money",
                "each quarter must be an amount of money",
                hint=MONEY_HINT,
            )
    weights = goal.get("weights")
    if "weights" in goal and not isinstance(weights, dict):
        yield doc.finding(
            (*path, "weights"),
            "invalid-value",
            "`weights` must map every month (YYYY-MM) to a weight",
        )
    for month, weight in weights.items() if isinstance(weights, dict) else ():
        if not isinstance(month, str) or not MONTH_RE.match(month):
            yield doc.finding(
                (*path, "weights", month),
                "invalid-month",
                f"{month!r} is not a month written YYYY-MM",
                hint="e.g. 2026-01",
                at_key=True,
            )
        elif not _money_ok(weight):
            yield doc.finding(
                (*path, "weights", month),
                "invalid-weight",
                "a weight is a number of 0 or more",
                hint="e.g. 8 for a normal month and 12 for a peak month",
            )


def _calendar(doc: Document, targets: dict[str, Any], months: tuple[str, ...]) -> Iterator[Finding]:
    revision = doc.data.get("revision")
    raw_date = revision.get("date") if isinstance(revision, dict) else None
    if targets.get("prorate") is True and isinstance(raw_date, str) and months:
        inside = raw_date[:7] in months and not raw_date.endswith("-01")
        if not inside:
            yield doc.finding(
                ("targets", "prorate"),
                "prorate-no-effect",
                f"the revision takes effect on {raw_date}, not inside a month of the period, "
                "so `prorate` changes nothing",
                hint="remove `prorate`, or check `revision.date`",
                severity="warning",
            )
    holidays = targets.get("holidays")
    for i, day in enumerate(holidays if isinstance(holidays, list) else []):
        if isinstance(day, str) and months and day[:7] not in months:
            yield doc.finding(
                ("targets", "holidays", i),
                "holiday-outside-period",
                f"{day} is outside the period ({months[0]} to {months[-1]})",
                hint="list the holidays of the period's months only",
                severity="warning",
            )

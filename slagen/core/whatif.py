"""What-if scenarios (compute stage): the targets under changed inputs, and how much they move.

A scenario is a list of changes such as ``close_rate=-10%`` (relative),
``avg_deal_size=+5%`` or ``marketing_share==45%`` / ``marketing_share=0.45``
written as ``INPUT=CHANGE`` where ``CHANGE`` is ``+N%``/``-N%`` (relative) or
``=VALUE`` (absolute), optionally for one segment (``na.close_rate=-10%``).
Changes are applied to every month of the period, exactly (decimals, money
rounded half-up to cents), and the targets are recomputed by the same engine:
no figure of a scenario is computed anywhere else.

``close_rate`` on a segment with a funnel changes the rate of the last stage
(the conversion to customers), so a relative change moves the overall close
rate by the same proportion; an absolute close rate on a funnel is refused.

Stage: compute.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation, localcontext
from typing import Any

from slagen.core.errors import UsageError
from slagen.core.model import Agreement, MonthlyValue, Segment
from slagen.core.targets import TargetTable, compute_targets, default_lead_value, money

__all__ = [
    "INPUTS",
    "Change",
    "Scenario",
    "Sensitivity",
    "SensitivityRow",
    "apply_changes",
    "parse_changes",
    "run_scenario",
    "sensitivity_table",
]

INPUTS = ("revenue_goal", "marketing_share", "avg_deal_size", "close_rate", "lead_value")
MONEY_INPUTS = ("revenue_goal", "avg_deal_size", "lead_value")
RATE_INPUTS = ("marketing_share", "close_rate")
_CHANGE = re.compile(
    r"^(?:(?P<segment>[a-z0-9][a-z0-9-]*)\.)?(?P<input>[a-z_]+)"
    r"=(?:(?P<relative>[+-]\d+(?:\.\d+)?)\s*%|=?(?P<absolute>\d+(?:\.\d+)?)\s*(?P<pct>%)?)$"
)
_MAX_CHANGES = 50


@dataclass(frozen=True)
class Change:
    """One input change: relative (a fraction such as -0.10) or absolute."""

    input: str
    segment: str | None
    relative: Decimal | None = None
    absolute: Decimal | None = None

    def describe(self) -> str:
        where = f"{self.segment}." if self.segment else ""
        if self.relative is not None:
            pct = (self.relative * 100).normalize()
            return f"{where}{self.input} {'+' if pct >= 0 else ''}{pct:f}%"
        assert self.absolute is not None
        return f"{where}{self.input} = {self.absolute.normalize():f}"


def parse_changes(text: str) -> tuple[Change, ...]:
    """``close_rate=-10%,na.avg_deal_size==9000`` → changes.

    Raises:
        UsageError: an unknown input, a malformed change.
    """
    changes: list[Change] = []
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if not parts:
        raise UsageError("--what-if needs at least one change", hint="e.g. close_rate=-10%")
    if len(parts) > _MAX_CHANGES:
        raise UsageError(f"--what-if takes at most {_MAX_CHANGES} changes")
    for part in parts:
        match = _CHANGE.match(part)
        if match is None:
            raise UsageError(
                f"--what-if: cannot read {part!r}",
                hint="write INPUT=-10% (relative), INPUT==0.4 or INPUT==40% (absolute), "
                "or SEGMENT.INPUT=…",
            )
        name = match["input"]
        if name not in INPUTS:
            raise UsageError(
                f"--what-if: unknown input {name!r}", hint=f"inputs: {', '.join(INPUTS)}"
            )
        if match["relative"] is not None:
            changes.append(
                Change(name, match["segment"], relative=Decimal(match["relative"]) / 100)
            )
        else:
            value = Decimal(match["absolute"])
            if match["pct"]:
                value /= 100
            changes.append(Change(name, match["segment"], absolute=value))
    return tuple(changes)


def _changed(value: Decimal, change: Change) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = 60
        result = value * (1 + change.relative) if change.relative is not None else change.absolute
    assert result is not None
    return money(result) if change.input in MONEY_INPUTS else result


def _check(segment: Segment, change: Change, value: Decimal) -> None:
    if change.input in RATE_INPUTS and not (0 < value <= 1):
        raise UsageError(
            f"--what-if {change.describe()}: {segment.id}'s {change.input} would be "
            f"{value.normalize():f}, outside 0 < rate ≤ 1",
            hint="use a smaller change",
        )
    if change.input in ("avg_deal_size", "lead_value") and value <= 0:
        raise UsageError(
            f"--what-if {change.describe()}: {segment.id}'s {change.input} would be {value:f}",
            hint="it must stay above 0",
        )
    if change.input == "revenue_goal" and value < 0:
        raise UsageError(f"--what-if {change.describe()}: a revenue goal cannot be negative")


def _monthly(
    segment: Segment, current: MonthlyValue, change: Change, months: tuple[str, ...]
) -> MonthlyValue:
    by_month = {}
    for month in months:
        value = _changed(current[month], change)
        _check(segment, change, value)
        by_month[month] = value
    return MonthlyValue(by_month, current.per_month or change.relative is not None)


def _apply(segment: Segment, change: Change, months: tuple[str, ...]) -> Segment:
    if change.input == "close_rate" and segment.funnel:
        if change.absolute is not None:
            raise UsageError(
                f"--what-if {change.describe()}: {segment.id} converts through a funnel",
                hint="give a relative change (close_rate=-10%) or change the funnel in the file",
            )
        last = segment.funnel[-1]
        rate = _changed(last.rate, change)
        _check(segment, change, rate)
        funnel = (*segment.funnel[:-1], dataclasses.replace(last, rate=rate))
        return dataclasses.replace(segment, funnel=funnel)
    if change.input == "lead_value" and segment.lead_value is None:
        base = MonthlyValue({m: default_lead_value(segment, m) for m in months}, True)
        return dataclasses.replace(segment, lead_value=_monthly(segment, base, change, months))
    current = getattr(segment, change.input)
    if current is None:
        raise UsageError(f"--what-if: {segment.id} has no {change.input}")
    changed: dict[str, Any] = {change.input: _monthly(segment, current, change, months)}
    return dataclasses.replace(segment, **changed)


def apply_changes(agreement: Agreement, changes: tuple[Change, ...]) -> Agreement:
    """The agreement with every change applied (the file is not touched).

    Raises:
        UsageError: an unknown segment, or a change that makes an input invalid.
    """
    if agreement.targets is None:
        raise UsageError(f"{agreement.id} has no targets block", hint="see docs/targets.md")
    ids = [s.id for s in agreement.targets.segments]
    for change in changes:
        if change.segment is not None and change.segment not in ids:
            raise UsageError(
                f"--what-if: no segment {change.segment!r}", hint=f"segments: {', '.join(ids)}"
            )
    segments = []
    for segment in agreement.targets.segments:
        for change in changes:
            if change.segment in (None, segment.id):
                segment = _apply(segment, change, agreement.months)
        segments.append(segment)
    targets = dataclasses.replace(agreement.targets, segments=tuple(segments))
    return dataclasses.replace(agreement, targets=targets)


@dataclass(frozen=True)
class Scenario:
    """The targets as agreed and under the changes."""

    changes: tuple[Change, ...]
    baseline: TargetTable
    scenario: TargetTable


def run_scenario(agreement: Agreement, baseline: TargetTable, text: str) -> Scenario:
    """Parse ``text``, apply it and recompute.

    Raises:
        UsageError: a malformed or impossible change.
    """
    changes = parse_changes(text)
    try:
        changed = apply_changes(agreement, changes)
    except InvalidOperation as exc:  # a change too large for exact arithmetic
        raise UsageError(f"--what-if: {text}: the numbers get too large") from exc
    return Scenario(changes, baseline, compute_targets(changed))


SENSITIVITY_INPUTS = ("close_rate", "avg_deal_size")
SENSITIVITY_STEPS = (Decimal("-0.10"), Decimal("-0.05"), Decimal("0.05"), Decimal("0.10"))


@dataclass(frozen=True)
class SensitivityRow:
    """Leads needed over the period with one input moved by ``change`` (None: impossible)."""

    input: str
    change: Decimal  # -0.10 for −10 %
    leads_by_segment: tuple[int | None, ...]
    total: int | None


@dataclass(frozen=True)
class Sensitivity:
    """The document's sensitivity table: each row one input at one relative change."""

    segments: tuple[str, ...]  # segment names, in order
    baseline: tuple[int, ...]
    baseline_total: int
    rows: tuple[SensitivityRow, ...]


def sensitivity_table(agreement: Agreement, baseline: TargetTable) -> Sensitivity:
    """Close rate and deal size at −10 %, −5 %, +5 %, +10 %: the leads needed.

    Each cell is the engine's period total under that one change; a change that
    would make a rate exceed 100 % leaves the cell empty (None).
    """
    rows = []
    for name in SENSITIVITY_INPUTS:
        for step in SENSITIVITY_STEPS:
            try:
                table = compute_targets(apply_changes(agreement, (Change(name, None, step),)))
            except UsageError:
                count = len(baseline.segments)
                rows.append(SensitivityRow(name, step, (None,) * count, None))
                continue
            rows.append(
                SensitivityRow(
                    name,
                    step,
                    tuple(s.total.leads_needed for s in table.segments),
                    table.total.leads_needed,
                )
            )
    return Sensitivity(
        segments=tuple(s.name for s in baseline.segments),
        baseline=tuple(s.total.leads_needed for s in baseline.segments),
        baseline_total=baseline.total.leads_needed,
        rows=tuple(rows),
    )

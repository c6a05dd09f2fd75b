"""What a change does to the computed lead targets (docs/targets.md).

Both revisions' :class:`~slagen.core.targets.TargetTable` are compared per segment
(matched by ``id``) and revenue month, and per lead month for the monthly SLA
totals and the capacity check. Only rows where something moved are kept; a
month in one period only (a shortened or extended period) is a row with one
side missing.

Stage: revisions.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from operator import attrgetter
from typing import Any

from slagen.core.records import Record, record
from slagen.core.targets import CapacityCheck, SegmentMonth, SegmentTargets, TargetTable, Totals

__all__ = ["Delta", "MonthDelta", "SegmentDelta", "TargetsDiff", "compare_targets"]

SEGMENT_FIELDS = (
    "leads_needed",
    "customers_needed",
    "marketing_revenue_goal",
    "revenue_goal",
    "lead_value_needed",
)
MONEY_FIELDS = frozenset(
    {
        "marketing_revenue_goal",
        "revenue_goal",
        "lead_value_needed",
        "needed_hours",
        "available_hours",
    }
)
TOTAL_FIELDS = ("leads_needed", "customers_needed", "marketing_revenue_goal", "revenue_goal")
CAPACITY_FIELDS = ("needed_hours", "available_hours", "utilization")


@record
class Delta(Record):
    """One number old → new; ``None`` on the side where it does not exist."""

    old: int | Decimal | None
    new: int | Decimal | None

    @property
    def diff(self) -> int | Decimal | None:
        if self.old is None or self.new is None:
            return None
        return self.new - self.old

    @property
    def pct(self) -> Decimal | None:
        """The change in percent of the old value, one decimal (``None`` from zero)."""
        if self.old is None or self.new is None or self.old == 0:
            return None
        return (Decimal(self.new - self.old) * 100 / Decimal(self.old)).quantize(
            Decimal("0.1"), rounding=ROUND_HALF_UP
        )

    @property
    def changed(self) -> bool:
        return self.old != self.new


@record
class MonthDelta(Record):
    """One month's numbers old → new (``status``: changed, added, removed)."""

    month: str
    status: str
    values: dict[str, Delta]
    lead_month: tuple[str | None, str | None] = (None, None)
    capacity: dict[str, Delta] | None = None


@record
class SegmentDelta(Record):
    id: str
    name: str
    status: str  # changed | added | removed
    months: tuple[MonthDelta, ...]
    total: dict[str, Delta]


@record
class TargetsDiff(Record):
    segments: tuple[SegmentDelta, ...]
    months: tuple[MonthDelta, ...]  # monthly SLA totals, by lead month
    total: dict[str, Delta]

    @property
    def changed(self) -> bool:
        return bool(self.segments or self.months) or any(d.changed for d in self.total.values())

    def changed_revenue_months(self) -> tuple[str, ...]:
        return tuple(sorted({m.month for s in self.segments for m in s.months}))


def _row_values(row: SegmentMonth | Totals | None, fields: tuple[str, ...]) -> dict[str, Any]:
    return {f: None if row is None else getattr(row, f) for f in fields}


def _deltas(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Delta]:
    return {k: Delta(old[k], new[k]) for k in old}


def _capacity(check: CapacityCheck | None) -> dict[str, Any]:
    return {f: None if check is None else getattr(check, f) for f in CAPACITY_FIELDS}


def _status(old: object, new: object) -> str:
    return "added" if old is None else "removed" if new is None else "changed"


def _segment_delta(
    old_seg: SegmentTargets | None, new_seg: SegmentTargets | None
) -> SegmentDelta | None:
    if old_seg is new_seg:  # the targets of an unchanged segment, reused (compute_targets)
        return None
    old_rows = {r.month: r for r in old_seg.months} if old_seg else {}
    new_rows = {r.month: r for r in new_seg.months} if new_seg else {}
    months = sorted(set(old_rows) | set(new_rows))
    rows = []
    figures = attrgetter("lead_month", *SEGMENT_FIELDS)
    for month in months:
        a, b = old_rows.get(month), new_rows.get(month)
        if a is not None and b is not None and figures(a) == figures(b):
            continue  # nothing moved (what the deltas below would find, without making them)
        values = _deltas(_row_values(a, SEGMENT_FIELDS), _row_values(b, SEGMENT_FIELDS))
        lead = (a.lead_month if a else None, b.lead_month if b else None)
        if any(d.changed for d in values.values()) or lead[0] != lead[1]:
            rows.append(MonthDelta(month, _status(a, b), values, lead))
    if not rows:
        return None
    seg = new_seg or old_seg
    assert seg is not None
    total = _deltas(
        _row_values(old_seg.total if old_seg else None, TOTAL_FIELDS),
        _row_values(new_seg.total if new_seg else None, TOTAL_FIELDS),
    )
    return SegmentDelta(seg.id, seg.name, _status(old_seg, new_seg), tuple(rows), total)


def compare_targets(old: TargetTable, new: TargetTable) -> TargetsDiff:
    """Every segment month and lead month whose computed targets moved."""
    old_by_id = {s.id: s for s in reversed(old.segments)}  # the first of an id, as before
    new_by_id = {s.id: s for s in reversed(new.segments)}
    ids = [s.id for s in old.segments] + [s.id for s in new.segments if s.id not in old_by_id]
    deltas = (_segment_delta(old_by_id.get(i), new_by_id.get(i)) for i in ids)
    segments = tuple(d for d in deltas if d is not None)
    old_months = {m.month: m for m in old.monthly}
    new_months = {m.month: m for m in new.monthly}
    months = []
    for month in sorted(set(old_months) | set(new_months)):
        a, b = old_months.get(month), new_months.get(month)
        values = _deltas(
            _row_values(a.totals if a else None, TOTAL_FIELDS),
            _row_values(b.totals if b else None, TOTAL_FIELDS),
        )
        capacity = _deltas(
            _capacity(a.capacity if a else None), _capacity(b.capacity if b else None)
        )
        if (
            a is not None
            and b is not None
            and not any(d.changed for d in [*values.values(), *capacity.values()])
        ):
            continue
        has_capacity = any(d.old is not None or d.new is not None for d in capacity.values())
        months.append(
            MonthDelta(month, _status(a, b), values, capacity=capacity if has_capacity else None)
        )
    total = _deltas(_row_values(old.total, TOTAL_FIELDS), _row_values(new.total, TOTAL_FIELDS))
    return TargetsDiff(segments, tuple(months), total)


def number_json(field: str, value: int | Decimal | None) -> Any:
    """Counts as integers, money and hours as two-decimal strings, ratios as four."""
    if value is None or isinstance(value, int):
        return value
    places = "0.01" if field in MONEY_FIELDS else "0.0001"
    return str(value.quantize(Decimal(places), rounding=ROUND_HALF_UP))

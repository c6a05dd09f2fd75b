"""Semantic checks of the lead-target inputs: rates, month maps, funnels, deal sizes.

Stage: check.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from slagen.core.errors import Finding
from slagen.core.planning_checks import is_spread
from slagen.core.scalars import MONTH_RE, PERCENT_RE, parse_rate
from slagen.core.semantic_base import MAX_PERCENT_CHARS, CheckerBase, Path_, items

__all__ = ["TargetChecks"]


class TargetChecks(CheckerBase):
    """The ``targets`` block, segment by segment (run by ``semantics``)."""

    def targets(self) -> Iterator[Finding]:
        targets = self.data.get("targets")
        if not isinstance(targets, dict):
            return
        yield from self.unique_ids("segments", "segment", ("targets",))
        yield from self.groups(targets)
        for i, seg in items(targets, "segments"):
            base: Path_ = ("targets", "segments", i)
            for key in (
                "revenue_goal",
                "marketing_share",
                "avg_deal_size",
                "close_rate",
                "lead_value",
            ):
                value = seg.get(key)
                if isinstance(value, dict) and not is_spread(value):
                    yield from self.month_map(base + (key,), value)
                yield from self.positive(base + (key,), value, key)
            for key in ("marketing_share", "close_rate"):
                yield from self.percent_range(base + (key,), seg.get(key))
            yield from self.bare_one(base + ("close_rate",), seg.get("close_rate"))
            for j, stage in items(seg, "funnel"):
                yield from self.percent_range(base + ("funnel", j, "rate"), stage.get("rate"))
                yield from self.bare_one(base + ("funnel", j, "rate"), stage.get("rate"))
            has_funnel = seg.get("funnel") is not None
            if has_funnel and seg.get("close_rate") is not None:
                yield self.error(
                    base + ("close_rate",),
                    "close-rate-and-funnel",
                    "a segment has either `close_rate` or a `funnel`, not both",
                    "the funnel's stages already give the close rate: remove one",
                    at_key=True,
                )
            elif not has_funnel and seg.get("close_rate") is None and "close_rate" not in seg:
                yield self.error(
                    base,
                    "missing-close-rate",
                    "the segment needs a `close_rate` (lead → customer) or a `funnel`",
                    'add e.g. close_rate: "12%"',
                    at_key=True,
                )
            if has_funnel and isinstance(seg.get("funnel"), list):
                yield from self.funnel(base + ("funnel",), seg["funnel"])

    def groups(self, targets: dict[str, Any]) -> Iterator[Finding]:
        """Every named group is one a segment belongs to: a typo would name nothing.

        A warning, not an error: an agreement copied from a larger one (a child
        of a roll-up keeps one segment) carries names of groups it no longer has.
        """
        yield from self.unique_ids("groups", "group", ("targets",))
        used = {s.get("group") for _, s in items(targets, "segments")}
        for i, group in items(targets, "groups"):
            ident = group.get("id")
            if isinstance(ident, str) and ident not in used:
                known = sorted(g for g in used if isinstance(g, str))
                yield self.warning(
                    ("targets", "groups", i, "id"),
                    "unknown-group",
                    f"no segment belongs to the group `{ident}`",
                    "segments' groups: " + ", ".join(f"`{g}`" for g in known)
                    if known
                    else "give segments a `group`, or remove this entry",
                )

    def percent_range(self, path: Path_, value: Any) -> Iterator[Finding]:
        # The schema checks the form of "12%"; its range (0 < r <= 100%) is checked here.
        values = value.items() if isinstance(value, dict) else [(None, value)]
        for month, v in values:
            if not isinstance(v, str) or not PERCENT_RE.match(v):
                continue  # other forms are the schema's finding
            if len(v.strip()) > MAX_PERCENT_CHARS:
                yield self.error(
                    path + ((month,) if month else ()),
                    "invalid-rate",
                    f"the percentage has too many digits ({len(v.strip())} characters)",
                    'round it, e.g. "12.5%"',
                )
                continue
            try:
                parse_rate(v)
            except ValueError as exc:
                yield self.error(
                    path + ((month,) if month else ()),
                    "invalid-rate",
                    str(exc),
                    'a rate is above 0% and at most 100%, e.g. "12%"',
                )

    def bare_one(self, path: Path_, value: Any) -> Iterator[Finding]:
        # `close_rate: 1` is a valid fraction (100 %) but almost always meant "1%".
        values = value.items() if isinstance(value, dict) else [(None, value)]
        for month, v in values:
            if isinstance(v, (int, Decimal)) and not isinstance(v, bool) and v == 1:
                yield self.warning(
                    path + ((month,) if month else ()),
                    "rate-of-one",
                    "a bare 1 is read as 100 %: every lead would become a customer",
                    'write "1%" if one percent is meant, or "100%" to keep it',
                )

    def positive(self, path: Path_, value: Any, key: str) -> Iterator[Finding]:
        if key not in ("avg_deal_size", "lead_value"):
            return
        values = value.items() if isinstance(value, dict) else [(None, value)]
        for month, v in values:
            if isinstance(v, (int, Decimal)) and not isinstance(v, bool) and v == 0:
                where = path + ((month,) if month else ())
                if key == "avg_deal_size":
                    yield self.error(
                        where,
                        "zero-deal-size",
                        "`avg_deal_size` must be above 0",
                        "a zero deal size would need infinitely many customers",
                    )
                else:
                    yield self.error(
                        where,
                        "zero-lead-value",
                        "`lead_value` must be above 0",
                        "leave it out to use avg_deal_size × close_rate",
                    )

    def month_map(self, path: Path_, value: dict[str, Any]) -> Iterator[Finding]:
        if not self.months:
            return
        given = [m for m in value if isinstance(m, str)]
        missing = [m for m in self.months if m not in value]
        outside = [m for m in given if m not in self.months and MONTH_RE.match(m)]
        for month in outside:
            yield self.error(
                path + (month,),
                "month-outside-period",
                f"{month} is outside the period ({self.months[0]} to {self.months[-1]})",
                "remove it, or change `period`",
                at_key=True,
            )
        if missing:
            yield self.error(
                path,
                "month-map-missing",
                "the month map misses " + ", ".join(missing),
                "give a value for every month of the period, or one value for all months",
                at_key=True,
            )

    def funnel(self, path: Path_, stages: list[Any]) -> Iterator[Finding]:
        sla = [i for i, s in enumerate(stages) if isinstance(s, dict) and s.get("sla") is True]
        if len(sla) > 1:
            for i in sla[1:]:
                yield self.error(
                    path + (i, "sla"),
                    "funnel-sla-stage",
                    "only one funnel stage can be the SLA stage (`sla: true`)",
                    f"stage {stages[sla[0]].get('stage')!r} is already marked",
                )
        names: dict[str, int] = {}
        for i, stage in enumerate(stages):
            if isinstance(stage, dict) and isinstance(stage.get("stage"), str):
                if stage["stage"] in names:
                    yield self.error(
                        path + (i, "stage"),
                        "duplicate-id",
                        f"the funnel stage `{stage['stage']}` appears twice",
                        "give every stage its own name",
                    )
                names[stage["stage"]] = i

"""Validated loader data → the typed :class:`~slagen.core.model.Agreement`.

The one place that reads the loader's plain dictionaries into model objects;
it runs only on data that passed validation, so it converts without checking.

Stage: model.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from slagen.core.fingerprint import compute_fingerprint
from slagen.core.model import (
    Agreement,
    Approval,
    Cancellation,
    Capacity,
    Condition,
    Consequence,
    Contact,
    Definition,
    FollowUp,
    FunnelStage,
    Meeting,
    MonthlyValue,
    Need,
    Objective,
    Party,
    Period,
    Report,
    Representative,
    RevisionEntry,
    Segment,
    ServiceLevel,
    Targets,
)
from slagen.core.planning_calendar import spread_by_weights, spread_quarters
from slagen.core.scalars import Duration, parse_date, parse_duration, parse_rate

__all__ = ["build_agreement"]


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return str(value)


def _date(value: Any) -> dt.date:
    return parse_date(str(value))


def _opt_date(value: Any) -> dt.date | None:
    return None if value is None else _date(value)


def _decimal(value: Any) -> Decimal:
    if isinstance(value, Decimal):
        return value
    return Decimal(int(value)) if isinstance(value, int) else Decimal(str(value))


def _monthly(value: Any, months: tuple[str, ...], *, rate: bool) -> MonthlyValue:
    convert = parse_rate if rate else _decimal
    if isinstance(value, Mapping):
        by_month = {m: convert(value[m]) for m in months}
        return MonthlyValue(MappingProxyType(by_month), per_month=True)
    one = convert(value)
    return MonthlyValue(MappingProxyType({m: one for m in months}), per_month=False)


def _condition(data: Mapping[str, Any] | None) -> Condition | None:
    if data is None:
        return None

    def threshold(key: str) -> Decimal | None:
        raw = data.get(key)
        if raw is None:
            return None
        if isinstance(raw, str):
            return parse_rate(raw, allow_above_one=True)
        return _decimal(raw)

    return Condition(
        metric=str(data["metric"]),
        below=threshold("below"),
        above=threshold("above"),
        for_months=int(data.get("for_months", 1)),
    )


def _duration(value: Any) -> Duration | None:
    return None if value is None else parse_duration(str(value))


def _revision(data: Mapping[str, Any]) -> RevisionEntry:
    return RevisionEntry(int(data["number"]), _date(data["date"]), str(data["summary"]))


def _revenue_goal(value: Any, months: tuple[str, ...]) -> tuple[MonthlyValue, str | None]:
    if not isinstance(value, Mapping) or ("total" not in value and "quarters" not in value):
        return _monthly(value, months, rate=False), None
    raw = value.get("weights")
    weights = {m: _decimal(raw[m]) for m in months} if raw else None
    if "total" in value:
        by_month = spread_by_weights(_decimal(value["total"]), months, weights)
        return MonthlyValue(MappingProxyType(by_month), per_month=True), "total"
    quarters = [_decimal(q) for q in value["quarters"]]
    by_month = spread_quarters(quarters, months, weights)
    return MonthlyValue(MappingProxyType(by_month), per_month=True), "quarters"


def _segment(data: Mapping[str, Any], months: tuple[str, ...]) -> Segment:
    funnel = None
    if data.get("funnel") is not None:
        funnel = tuple(
            FunnelStage(
                str(s["stage"]),
                parse_rate(s["rate"]),
                bool(s.get("sla", False)),
                name=_text(s.get("name")),
            )
            for s in data["funnel"]
        )
    close_rate = data.get("close_rate")
    lead_value = data.get("lead_value")
    revenue_goal, spread = _revenue_goal(data["revenue_goal"], months)
    rate = data.get("exchange_rate")
    return Segment(
        id=str(data["id"]),
        name=str(data["name"]),
        group=_text(data.get("group")),
        currency=_text(data.get("currency")),
        exchange_rate=None if rate is None else _decimal(rate),
        revenue_spread=spread,
        revenue_goal=revenue_goal,
        marketing_share=_monthly(data["marketing_share"], months, rate=True),
        avg_deal_size=_monthly(data["avg_deal_size"], months, rate=False),
        close_rate=None if close_rate is None else _monthly(close_rate, months, rate=True),
        funnel=funnel,
        sales_cycle_months=int(data.get("sales_cycle_months", 0)),
        lead_value=None if lead_value is None else _monthly(lead_value, months, rate=False),
    )


def build_agreement(
    data: Mapping[str, Any], *, source_file: str = "", source_text: str = ""
) -> Agreement:
    """Build the typed agreement from loaded data that passed validation.

    Args:
        data: the loader's plain data (dates as ISO strings, numbers as
            ``Decimal``/``int``) after :func:`slagen.core.validate.validate_document`
            found no errors.
        source_file: the file it came from, for messages.
        source_text: the exact YAML text, embedded in rendered PDFs.
    """
    period = Period(_date(data["period"]["start"]), _date(data["period"]["end"]))
    months = period.months
    targets = None
    if data.get("targets") is not None:
        t = data["targets"]
        targets = Targets(
            dimension=_text(t.get("dimension")),
            segments=tuple(_segment(s, months) for s in t["segments"]),
            appendix=bool(t.get("appendix", False)),
            sensitivity=bool(t.get("sensitivity", False)),
            fiscal_year=_text(t.get("fiscal_year")),
            prorate=bool(t.get("prorate", False)),
            goal_days=str(t.get("goal_days") or "calendar"),
            holidays=frozenset(_date(h) for h in t.get("holidays") or ()),
            group_names=MappingProxyType(
                {str(g["id"]): str(g["name"]) for g in t.get("groups") or ()}
            ),
        )
    follow_up = None
    if data.get("follow_up") is not None:
        f = data["follow_up"]
        first = _duration(f["first_attempt_within"])
        assert first is not None
        follow_up = FollowUp(first, int(f["min_attempts"]), _duration(f.get("attempts_within")))
    capacity = None
    if data.get("capacity") is not None:
        c = data["capacity"]
        capacity = Capacity(
            int(c["reps"]), _decimal(c["hours_per_rep_month"]), _decimal(c["minutes_per_attempt"])
        )
    extensions = {k: v for k, v in data.items() if k.startswith("x_")}
    return Agreement(
        id=str(data["id"]),
        title=str(data["title"]),
        type=str(data["type"]),
        language=str(data["language"]),
        currency=_text(data.get("currency")),
        company=_text(data.get("company")),
        timezone=str(data.get("timezone") or "UTC"),
        period=period,
        revision=_revision(data["revision"]),
        history=tuple(_revision(h) for h in data.get("history") or ()),
        parties=tuple(
            Party(
                id=str(p["id"]),
                name=str(p["name"]),
                role=str(p["role"]),
                representative=Representative(
                    name=str(p["representative"]["name"]),
                    title=_text(p["representative"].get("title")),
                    email=_text(p["representative"].get("email")),
                ),
            )
            for p in data["parties"]
        ),
        summary=str(data["summary"]),
        definitions=tuple(
            Definition(str(d["term"]), str(d["text"])) for d in data.get("definitions") or ()
        ),
        objectives=tuple(
            Objective(
                party=str(o["party"]),
                text=str(o["text"]),
                metric=_text(o.get("metric")),
                target=_text(o.get("target")),
                due=_opt_date(o.get("due")),
                money=bool(o.get("money", False)),
            )
            for o in data["objectives"]
        ),
        needs=tuple(
            Need(str(n["party"]), str(n["from"]), str(n["text"]), _text(n.get("cadence")))
            for n in data["needs"]
        ),
        contacts=tuple(
            Contact(
                party=str(c["party"]),
                name=str(c["name"]),
                role=str(c["role"]),
                email=_text(c.get("email")),
                phone=_text(c.get("phone")),
                responsibilities=tuple(str(r) for r in c.get("responsibilities") or ()),
            )
            for c in data["contacts"]
        ),
        service_levels=tuple(
            ServiceLevel(
                id=str(s["id"]),
                name=str(s["name"]),
                metric=str(s["metric"]),
                target=_decimal(s["target"]),
                comparison=str(s["comparison"]),
                window=str(s["window"]),
                description=_text(s.get("description")),
                unit=_text(s.get("unit")),
                measurement=_text(s.get("measurement")),
                priority=_text(s.get("priority")),
                first_response=_duration(s.get("first_response")),
                resolution=_duration(s.get("resolution")),
                customers_per_month=s.get("customers_per_month"),
            )
            for s in data.get("service_levels") or ()
        ),
        targets=targets,
        follow_up=follow_up,
        capacity=capacity,
        reports=tuple(
            Report(
                str(r["name"]),
                str(r["from"]),
                str(r["to"]),
                str(r["cadence"]),
                _text(r.get("content")),
            )
            for r in data.get("reports") or ()
        ),
        meetings=tuple(
            Meeting(str(m["name"]), str(m["cadence"]), tuple(str(p) for p in m["participants"]))
            for m in data.get("meetings") or ()
        ),
        consequences=tuple(
            Consequence(
                trigger=str(c["trigger"]),
                action=str(c["action"]),
                owner=_text(c.get("owner")),
                when=_condition(c.get("when")),
                credit=None if c.get("credit") is None else parse_rate(c["credit"]),
            )
            for c in data["consequences"]
        ),
        cancellation=tuple(
            Cancellation(str(c["text"]), _condition(c.get("when"))) for c in data["cancellation"]
        ),
        amendment=_text(data.get("amendment")),
        approvals=tuple(
            Approval(
                party=str(a["party"]),
                name=str(a["name"]),
                title=_text(a.get("title")),
                date=_date(a["date"]),
                fingerprint=str(a["fingerprint"]),
            )
            for a in data.get("approvals") or ()
        ),
        extensions=MappingProxyType(extensions),
        fingerprint=compute_fingerprint(data),
        source_file=source_file,
        source_text=source_text,
    )

"""Immutable typed agreement objects, built only from validated data.

Nothing after this stage touches the loader's raw dictionaries: renderers,
diff, sign-off and reports all take an :class:`Agreement`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from slagen.fingerprint import compute_fingerprint
from slagen.scalars import Duration, months_between, parse_date, parse_duration, parse_rate

__all__ = [
    "Agreement",
    "Approval",
    "Cancellation",
    "Capacity",
    "Condition",
    "Consequence",
    "Contact",
    "Definition",
    "Duration",
    "FollowUp",
    "FunnelStage",
    "Meeting",
    "MonthlyValue",
    "Need",
    "Objective",
    "Party",
    "Period",
    "Report",
    "Representative",
    "RevisionEntry",
    "Segment",
    "ServiceLevel",
    "Targets",
    "build_agreement",
]


@dataclass(frozen=True)
class Representative:
    name: str
    title: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class Party:
    id: str
    name: str
    role: str  # provider | recipient | both
    representative: Representative


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date

    @property
    def months(self) -> tuple[str, ...]:
        """Every month of the period as ``YYYY-MM``, in order."""
        return months_between(self.start, self.end)


@dataclass(frozen=True)
class RevisionEntry:
    number: int
    date: dt.date
    summary: str


@dataclass(frozen=True)
class Definition:
    term: str
    text: str


@dataclass(frozen=True)
class Objective:
    party: str
    text: str
    metric: str | None = None
    target: str | None = None  # free text or a number written as text
    due: dt.date | None = None


@dataclass(frozen=True)
class Need:
    party: str
    from_party: str
    text: str
    cadence: str | None = None


@dataclass(frozen=True)
class Contact:
    party: str
    name: str
    role: str
    email: str | None = None
    phone: str | None = None
    responsibilities: tuple[str, ...] = ()


@dataclass(frozen=True)
class Condition:
    """A ``when`` condition, evaluated month by month by reports."""

    metric: str
    below: Decimal | None = None
    above: Decimal | None = None
    for_months: int = 1

    @property
    def threshold(self) -> Decimal:
        value = self.below if self.below is not None else self.above
        assert value is not None
        return value

    def is_met(self, observed: Decimal) -> bool:
        if self.below is not None:
            return observed < self.below
        assert self.above is not None
        return observed > self.above


@dataclass(frozen=True)
class ServiceLevel:
    id: str
    name: str
    metric: str
    target: Decimal
    comparison: str  # ">=" | "<="
    window: str
    description: str | None = None
    unit: str | None = None
    measurement: str | None = None
    priority: str | None = None
    first_response: Duration | None = None
    resolution: Duration | None = None


@dataclass(frozen=True)
class MonthlyValue:
    """A target input: one value for every month, or one per month.

    ``by_month`` always covers every month of the period (the validator
    guarantees it), so lookups never fail for months of the period.
    """

    by_month: Mapping[str, Decimal]
    per_month: bool  # True when the file gave a month map

    def __getitem__(self, month: str) -> Decimal:
        return self.by_month[month]

    @property
    def single(self) -> Decimal | None:
        """The one value, when the file gave one value for every month."""
        if self.per_month:
            return None
        return next(iter(self.by_month.values()))


@dataclass(frozen=True)
class FunnelStage:
    stage: str
    rate: Decimal  # conversion to the next stage (the last converts to customers)
    sla: bool = False


@dataclass(frozen=True)
class Segment:
    id: str
    name: str
    revenue_goal: MonthlyValue
    marketing_share: MonthlyValue
    avg_deal_size: MonthlyValue
    close_rate: MonthlyValue | None
    funnel: tuple[FunnelStage, ...] | None
    sales_cycle_months: int = 0
    lead_value: MonthlyValue | None = None
    group: str | None = None

    @property
    def sla_stage(self) -> str:
        """The name of the stage whose count marketing commits to."""
        if not self.funnel:
            return "leads"
        for stage in self.funnel:
            if stage.sla:
                return stage.stage
        return self.funnel[0].stage


@dataclass(frozen=True)
class Targets:
    dimension: str | None
    segments: tuple[Segment, ...]

    @property
    def groups(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for segment in self.segments:
            if segment.group:
                seen.setdefault(segment.group, None)
        return tuple(seen)


@dataclass(frozen=True)
class FollowUp:
    first_attempt_within: Duration
    min_attempts: int
    attempts_within: Duration | None = None


@dataclass(frozen=True)
class Capacity:
    reps: int
    hours_per_rep_month: Decimal
    minutes_per_attempt: Decimal


@dataclass(frozen=True)
class Report:
    name: str
    from_party: str
    to: str
    cadence: str
    content: str | None = None


@dataclass(frozen=True)
class Meeting:
    name: str
    cadence: str
    participants: tuple[str, ...]


@dataclass(frozen=True)
class Consequence:
    trigger: str
    action: str
    owner: str | None = None
    when: Condition | None = None
    credit: Decimal | None = None  # a fraction, 0.1 for 10 %


@dataclass(frozen=True)
class Cancellation:
    text: str
    when: Condition | None = None


@dataclass(frozen=True)
class Approval:
    party: str
    name: str
    date: dt.date
    fingerprint: str
    title: str | None = None


@dataclass(frozen=True)
class Agreement:
    """A validated agreement: every field of SPEC §1 with its proper type."""

    id: str
    title: str
    type: str
    language: str
    period: Period
    revision: RevisionEntry
    parties: tuple[Party, ...]
    summary: str
    objectives: tuple[Objective, ...]
    needs: tuple[Need, ...]
    contacts: tuple[Contact, ...]
    consequences: tuple[Consequence, ...]
    cancellation: tuple[Cancellation, ...]
    fingerprint: str
    currency: str | None = None
    company: str | None = None
    timezone: str = "UTC"
    history: tuple[RevisionEntry, ...] = ()
    definitions: tuple[Definition, ...] = ()
    service_levels: tuple[ServiceLevel, ...] = ()
    targets: Targets | None = None
    follow_up: FollowUp | None = None
    capacity: Capacity | None = None
    reports: tuple[Report, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    amendment: str | None = None
    approvals: tuple[Approval, ...] = ()
    extensions: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    source_file: str = ""
    source_text: str = ""

    def party(self, party_id: str) -> Party:
        for party in self.parties:
            if party.id == party_id:
                return party
        raise KeyError(party_id)

    def party_name(self, ref: str) -> str:
        """A party's name, or ``ref`` itself for a free-text recipient."""
        try:
            return self.party(ref).name
        except KeyError:
            return ref

    def current_approval(self, party_id: str) -> Approval | None:
        """The newest approval of ``party_id`` that matches the fingerprint."""
        current = [
            a for a in self.approvals if a.party == party_id and a.fingerprint == self.fingerprint
        ]
        return max(current, key=lambda a: a.date) if current else None

    def stale_approvals(self) -> tuple[Approval, ...]:
        return tuple(a for a in self.approvals if a.fingerprint != self.fingerprint)

    @property
    def is_approved(self) -> bool:
        """True when every party has a current approval (SPEC §4)."""
        return all(self.current_approval(p.id) is not None for p in self.parties)

    @property
    def months(self) -> tuple[str, ...]:
        return self.period.months


# --- building ---------------------------------------------------------------


def _opt(data: Mapping[str, Any], key: str) -> Any:
    return data.get(key)


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


def _segment(data: Mapping[str, Any], months: tuple[str, ...]) -> Segment:
    funnel = None
    if data.get("funnel") is not None:
        funnel = tuple(
            FunnelStage(str(s["stage"]), parse_rate(s["rate"]), bool(s.get("sla", False)))
            for s in data["funnel"]
        )
    close_rate = data.get("close_rate")
    lead_value = data.get("lead_value")
    return Segment(
        id=str(data["id"]),
        name=str(data["name"]),
        group=_text(data.get("group")),
        revenue_goal=_monthly(data["revenue_goal"], months, rate=False),
        marketing_share=_monthly(data["marketing_share"], months, rate=True),
        avg_deal_size=_monthly(data["avg_deal_size"], months, rate=False),
        close_rate=None if close_rate is None else _monthly(close_rate, months, rate=True),
        funnel=funnel,
        sales_cycle_months=int(data.get("sales_cycle_months", 0)),
        lead_value=None if lead_value is None else _monthly(lead_value, months, rate=False),
    )


def build_agreement(data: Mapping[str, Any], *, source_file: str = "", source_text: str = "") -> Agreement:
    """Build the typed agreement from loaded data that passed validation.

    Args:
        data: the loader's plain data (dates as ISO strings, numbers as
            ``Decimal``/``int``) after :func:`slagen.validate.validate_document`
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
            )
            for s in data.get("service_levels") or ()
        ),
        targets=targets,
        follow_up=follow_up,
        capacity=capacity,
        reports=tuple(
            Report(
                str(r["name"]), str(r["from"]), str(r["to"]), str(r["cadence"]), _text(r.get("content"))
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

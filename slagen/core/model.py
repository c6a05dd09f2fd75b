"""Immutable typed agreement objects, built only from validated data (see slagen.core.assemble).

Nothing after this stage touches the loader's raw dictionaries: renderers,
diff, sign-off and reports all take an :class:`Agreement`.

Stage: model.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import field
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from slagen.core.records import Record, record
from slagen.core.scalars import Duration, months_between

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
]


@record
class Representative(Record):
    name: str
    title: str | None = None
    email: str | None = None


@record
class Party(Record):
    id: str
    name: str
    role: str  # provider | recipient | both
    representative: Representative


@record
class Period(Record):
    start: dt.date
    end: dt.date

    @property
    def months(self) -> tuple[str, ...]:
        """Every month of the period as ``YYYY-MM``, in order."""
        return months_between(self.start, self.end)


@record
class RevisionEntry(Record):
    number: int
    date: dt.date
    summary: str


@record
class Definition(Record):
    term: str
    text: str


@record
class Objective(Record):
    party: str
    text: str
    metric: str | None = None
    target: str | None = None  # free text or a number written as text
    due: dt.date | None = None
    money: bool = False  # a numeric target is an amount in the agreement's currency


@record
class Need(Record):
    party: str
    from_party: str
    text: str
    cadence: str | None = None


@record
class Contact(Record):
    party: str
    name: str
    role: str
    email: str | None = None
    phone: str | None = None
    responsibilities: tuple[str, ...] = ()


@record
class Condition(Record):
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


@record
class ServiceLevel(Record):
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
    customers_per_month: int | None = None  # what the level is sized for (multilevel chains)


@record
class MonthlyValue(Record):
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


@record
class FunnelStage(Record):
    stage: str
    rate: Decimal  # conversion to the next stage (the last converts to customers)
    sla: bool = False
    name: str | None = None  # printed name; None: made from `stage`


@record
class Segment(Record):
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
    currency: str | None = None  # its own currency, when not the agreement's
    exchange_rate: Decimal | None = None  # agreement currency per unit of `currency`
    revenue_spread: str | None = None  # "total" | "quarters" when spread by weights

    @property
    def sla_stage(self) -> str:
        """The name of the stage whose count marketing commits to."""
        if not self.funnel:
            return "leads"
        for stage in self.funnel:
            if stage.sla:
                return stage.stage
        return self.funnel[0].stage


@record
class Targets(Record):
    dimension: str | None
    segments: tuple[Segment, ...]
    appendix: bool = False  # the working shown, in the documents
    sensitivity: bool = False  # the sensitivity table, in the documents
    fiscal_year: str | None = None  # "FY2026": months also named "FY2026 month n"
    prorate: bool = False  # prorate the month the revision takes effect in
    goal_days: str = "calendar"  # calendar | business: the daily goal line's days
    holidays: frozenset[dt.date] = frozenset()
    # group id -> printed name, for the groups `targets.groups` names
    group_names: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def stage_names(self) -> dict[str, str]:
        """Funnel stage -> printed name, for the stages that have one (first segment wins)."""
        names: dict[str, str] = {}
        for segment in self.segments:
            for stage in segment.funnel or ():
                if stage.name:
                    names.setdefault(stage.stage, stage.name)
        return names

    @property
    def groups(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for segment in self.segments:
            if segment.group:
                seen.setdefault(segment.group, None)
        return tuple(seen)


@record
class FollowUp(Record):
    first_attempt_within: Duration
    min_attempts: int
    attempts_within: Duration | None = None


@record
class Capacity(Record):
    reps: int
    hours_per_rep_month: Decimal
    minutes_per_attempt: Decimal


@record
class Report(Record):
    name: str
    from_party: str
    to: str
    cadence: str
    content: str | None = None


@record
class Meeting(Record):
    name: str
    cadence: str
    participants: tuple[str, ...]


@record
class Consequence(Record):
    trigger: str
    action: str
    owner: str | None = None
    when: Condition | None = None
    credit: Decimal | None = None  # a fraction, 0.1 for 10 %


@record
class Cancellation(Record):
    text: str
    when: Condition | None = None


@record
class Approval(Record):
    party: str
    name: str
    date: dt.date
    fingerprint: str
    title: str | None = None


@record
class Agreement(Record):
    """A validated agreement: every field of docs/format.md with its proper type."""

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
        """True when every party has a current approval (docs/signoff.md)."""
        return all(self.current_approval(p.id) is not None for p in self.parties)

    @property
    def months(self) -> tuple[str, ...]:
        return self.period.months

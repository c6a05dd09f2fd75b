"""Performance against plan: an agreement's targets against a CRM lead export.

Pipeline: :mod:`~slagen.actuals.actuals` streams the CSV, :mod:`~slagen.actuals.aggregate`
keeps per (segment, month) counters, :mod:`~slagen.actuals.metrics` turns them into
metrics, :mod:`~slagen.actuals.conditions` evaluates every ``when``,
:mod:`~slagen.actuals.recalibrate` compares observed inputs with the agreed ones,
and :mod:`~slagen.actuals.output` / :mod:`~slagen.actuals.charts` render the result.

Stage: actuals.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from slagen.actuals.actuals import ActualsError, ColumnMapping, ReadStats
from slagen.actuals.aggregate import Aggregator
from slagen.actuals.conditions import ConditionResult, evaluate_conditions
from slagen.actuals.metrics import ScopeMetrics, compute_metrics
from slagen.actuals.recalibrate import Observed, observe, suggest_fragment
from slagen.actuals.scan import scan
from slagen.core.model import Agreement
from slagen.core.targets import TargetTable

__all__ = ["ActualsError", "PerformanceReport", "build_report"]


@dataclass(frozen=True)
class PerformanceReport:
    agreement: Agreement
    table: TargetTable
    actuals: str  # the CSV as named on the command line
    as_of: dt.date
    focus_month: str  # the month shown in detail (pace chart)
    months: tuple[str, ...]
    scopes: list[ScopeMetrics]  # segments, then "total"
    conditions: list[ConditionResult]
    observed: list[Observed]
    fragment: str
    stats: ReadStats
    after_as_of: int  # rows created after as_of, ignored
    outside_period: int  # rows in months the agreement does not cover
    data_end: dt.date | None = None  # the day of the latest time in the actuals
    as_of_given: bool = True  # False: as_of defaulted to data_end

    @property
    def as_of_past_data(self) -> bool:
        """An explicit ``as_of`` later than anything the actuals cover."""
        return self.data_end is not None and self.as_of > self.data_end

    @property
    def total(self) -> ScopeMetrics:
        return self.scopes[-1]


def segment_spellings(agreement: Agreement) -> dict[str, str]:
    """Accepted segment values (id or name, any case) → segment id."""
    spellings: dict[str, str] = {}
    for segment in agreement.targets.segments if agreement.targets else ():
        spellings[segment.name.lower()] = segment.id
        spellings[segment.id.lower()] = segment.id
    return spellings


def build_report(
    agreement: Agreement,
    table: TargetTable,
    actuals: str | Path,
    *,
    as_of: dt.date | None = None,
    month: str | None = None,
    mapping: ColumnMapping | None = None,
    strict: bool = False,
) -> PerformanceReport:
    """Read ``actuals`` and measure it against ``agreement``.

    Without ``as_of`` the report is as of the last day the actuals cover (the
    latest time in a good row): months after the data are not judged as if nothing
    had happened in them. The file is read once either way (see
    :class:`~slagen.actuals.aggregate.Aggregator` for how the last day is waited for).

    Raises:
        FileAccessError: the CSV or mapping cannot be read.
        ActualsError: a required column is missing, or (``strict``) any row is bad
            or names an unknown segment.
        UsageError: ``month`` is after ``as_of`` or outside the agreement.
    """
    from slagen.core.errors import UsageError

    if agreement.targets is None:
        raise ActualsError(
            f"agreement {agreement.id} has no targets to report against",
            hint="add a targets block (see docs/format.md)",
            code="no-targets",
        )
    spellings = segment_spellings(agreement)
    as_of_given = as_of is not None
    stats = ReadStats(file=str(actuals))
    follow = agreement.follow_up
    aggregator = Aggregator(
        as_of=as_of,
        window=follow.first_attempt_within.timedelta if follow else None,
        attempts_window=follow.attempts_within.timedelta
        if follow and follow.attempts_within
        else None,
    )
    scan(
        actuals,
        timezone=agreement.timezone,
        segments=spellings,
        aggregator=aggregator,
        stats=stats,
        mapping=mapping,
    )
    if as_of is None:
        if stats.latest is None:
            raise ActualsError(
                f"{actuals}: no usable lead row, so the report has no day to be as of",
                hint="fix the rows the findings name, or give --as-of YYYY-MM-DD",
                code="no-rows",
            )
        as_of = stats.latest.date()
    aggregator.finish(as_of)
    if strict and (stats.skipped or stats.unknown_rows):
        problems = [f.format_text() for f in stats.findings[:20]]
        if stats.unknown_rows:
            problems.append(
                f"{stats.unknown_rows} row(s) name unknown segments: "
                + ", ".join(sorted(stats.unknown_segments))
            )
        raise ActualsError(
            f"{actuals}: {stats.skipped} bad row(s) (--strict)\n" + "\n".join(problems),
            code="strict",
        )
    months, scopes = compute_metrics(table, aggregator)
    if not months:
        raise UsageError(f"--as-of {as_of.isoformat()} is before the agreement's first month")
    current = f"{as_of.year:04d}-{as_of.month:02d}"
    if stats.latest is not None and f"{stats.latest:%Y-%m}" < current:
        current = f"{stats.latest:%Y-%m}"  # past the data: detail the last month with data
    focus = month or (current if current in months else months[-1])
    if focus not in months:
        raise UsageError(
            f"--month {focus} is not a reported month (from {months[0]} to {months[-1]})",
            hint="a month of the agreement up to --as-of",
        )
    reported = set(months)
    outside = sum(
        b.marketing_leads + b.sales_leads
        for (_, m), b in aggregator.buckets.items()
        if m not in reported
    )
    observed = observe(agreement, aggregator, months)
    return PerformanceReport(
        agreement=agreement,
        table=table,
        actuals=str(actuals),
        as_of=as_of,
        focus_month=focus,
        months=months,
        scopes=scopes,
        conditions=evaluate_conditions(
            agreement, scopes, stats.latest.date() if stats.latest else None
        ),
        observed=observed,
        fragment=suggest_fragment(agreement, observed, as_of),
        stats=stats,
        after_as_of=aggregator.after_as_of,
        outside_period=outside,
        data_end=stats.latest.date() if stats.latest else None,
        as_of_given=as_of_given,
    )

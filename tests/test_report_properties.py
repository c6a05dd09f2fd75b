"""Hypothesis checks of the report's arithmetic: histograms, totals."""

from __future__ import annotations

import math
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from slagen.actuals.aggregate import Bucket, percentile


@given(
    st.lists(st.integers(min_value=0, max_value=5000), min_size=1, max_size=300),
    st.sampled_from([Decimal("0.5"), Decimal("0.9"), Decimal("0.25"), Decimal(1)]),
)
def test_histogram_percentile_is_the_nearest_rank_of_the_sorted_delays(
    delays: list[int], fraction: Decimal
) -> None:
    histogram: dict[int, int] = {}
    for minutes in delays:
        histogram[minutes] = histogram.get(minutes, 0) + 1
    ordered = sorted(delays)
    rank = max(1, math.ceil(fraction * len(ordered)))
    assert percentile(histogram, fraction) == ordered[rank - 1]


@given(
    st.lists(st.tuples(st.integers(0, 30), st.integers(0, 600), st.booleans()), max_size=60),
    st.integers(1, 4),
)
def test_merged_buckets_equal_one_bucket_fed_everything(
    events: list[tuple[int, int, bool]], parts: int
) -> None:
    def feed(bucket: Bucket, day: int, minutes: int, connected: bool) -> None:
        bucket.marketing_leads += 1
        bucket.by_day[day] += 1
        bucket.attempted += 1
        bucket.delay_seconds += minutes * 60
        bucket.delays[minutes] = bucket.delays.get(minutes, 0) + 1
        if not connected:
            bucket.unconnected += 1

    whole = Bucket()
    pieces = [Bucket() for _ in range(parts)]
    for i, event in enumerate(events):
        feed(whole, *event)
        feed(pieces[i % parts], *event)
    merged = Bucket()
    for piece in pieces:
        merged.merge(piece)
    assert merged == whole


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["north", "south", "North", "SOUTH"]),
            st.sampled_from(["marketing", "sales"]),
            st.integers(1, 3),
            st.integers(1, 28),
            st.integers(0, 23),
        ),
        max_size=40,
    )
)
def test_totals_are_sums_whatever_the_rows(leads: list[tuple[str, str, int, int, int]]) -> None:
    import csv
    import datetime as dt
    import tempfile
    from pathlib import Path

    from slagen.actuals import build_report
    from slagen.core.validate import load_agreement
    from tests.test_report import AGREEMENT, HEADER

    with tempfile.TemporaryDirectory() as folder:
        agreement_path = Path(folder) / "acme.yaml"
        agreement_path.write_text(AGREEMENT.format(lang="en"), encoding="utf-8")
        csv_path = Path(folder) / "leads.csv"
        with csv_path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(HEADER)
            for i, (segment, source, month, day, hour) in enumerate(leads):
                writer.writerow(
                    [
                        i,
                        f"2026-{month:02d}-{day:02d}T{hour:02d}:00",
                        segment,
                        source,
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                    ]
                )
        agreement, table = load_agreement(agreement_path)
        report = build_report(agreement, table, csv_path, as_of=dt.date(2026, 3, 31))
    segments = [s for s in report.scopes if s.kind == "segment"]
    total = report.total
    assert total.period.marketing_leads == sum(1 for lead in leads if lead[1] == "marketing")
    assert total.period.sales_leads == sum(1 for lead in leads if lead[1] == "sales")
    for i, month in enumerate(total.months):
        assert month.marketing_leads == sum(s.months[i].marketing_leads for s in segments)
        assert month.cumulative[-1] == month.marketing_leads
        assert month.goals.leads_needed == 150
    assert total.period.marketing_leads == sum(m.marketing_leads for m in total.months)


_NASTY = st.sampled_from(
    [
        "",
        "na",
        "latam",
        "Norteamérica",
        "\x00chart:pace\x00",
        "9999-12-31T23:59:59-14:00",
        "0001-01-01",
        "2026-02-30",
        "2026-01-15T09:00",
        "2026-01-15T09:00+14:00",
        "1E+400000000",
        "1E-400000000",
        "NaN",
        "-Infinity",
        "9" * 2000,
        "USD 12,000.50",
        "12.000,50",
        "marketing",
        "sales",
        "true",
        "no",
        "-3",
        "99999",
        '"',
        "a,b",
        "\r",
    ]
)
_CELL = st.one_of(_NASTY, st.text(max_size=40))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(_CELL, min_size=0, max_size=12), max_size=15))
def test_generated_rows_report_or_fail_with_findings(rows: list[list[str]]) -> None:
    """Whatever the cells, the report is built or fails with a user error; every row
    is either counted, excluded or named by a finding (up to the findings cap)."""
    import csv
    import datetime as dt
    import io
    import tempfile
    from pathlib import Path

    from slagen.actuals import build_report
    from slagen.actuals.actuals import MAX_FINDINGS
    from slagen.actuals.mapping import ActualsError
    from slagen.core.validate import load_agreement

    root = Path(__file__).resolve().parent.parent
    agreement, table = load_agreement(root / "agreements/northwind-marketing-sales.yaml")
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            "id",
            "created_at",
            "segment",
            "source",
            "handed_off_at",
            "first_attempt_at",
            "attempts",
            "connected",
            "closed_at",
            "revenue",
        ]
    )
    writer.writerows(rows)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "leads.csv"
        path.write_text(buffer.getvalue(), encoding="utf-8")
        try:
            report = build_report(agreement, table, path, as_of=dt.date(2026, 3, 31))
        except ActualsError as exc:
            assert exc.message and exc.code
            return
    stats = report.stats
    errors = [f for f in stats.findings if f.severity == "error"]
    assert stats.skipped == len(errors) or len(stats.findings) == MAX_FINDINGS
    assert all(f.line >= 2 and f.code for f in stats.findings)
    counted = report.total.period.marketing_leads + report.total.period.sales_leads
    assert counted + stats.skipped + stats.unknown_rows + report.after_as_of <= stats.rows

"""Hypothesis checks of the report's arithmetic: histograms, totals."""

from __future__ import annotations

import math
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from slagen.report.aggregate import Bucket, percentile


@given(st.lists(st.integers(min_value=0, max_value=5000), min_size=1, max_size=300),
       st.sampled_from([Decimal("0.5"), Decimal("0.9"), Decimal("0.25"), Decimal(1)]))
def test_histogram_percentile_is_the_nearest_rank_of_the_sorted_delays(delays: list[int], fraction: Decimal) -> None:
    histogram: dict[int, int] = {}
    for minutes in delays:
        histogram[minutes] = histogram.get(minutes, 0) + 1
    ordered = sorted(delays)
    rank = max(1, math.ceil(fraction * len(ordered)))
    assert percentile(histogram, fraction) == ordered[rank - 1]


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 600), st.booleans()), max_size=60),
       st.integers(1, 4))
def test_merged_buckets_equal_one_bucket_fed_everything(events: list[tuple[int, int, bool]], parts: int) -> None:
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

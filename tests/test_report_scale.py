"""slagen report on large exports: memory bounded by the aggregates, not the rows.

No row is kept. The lead ids that find repeated ids are a set up to a budget of ids,
then a fixed-size filter with a log on disk (``slagen.actuals.ids``): past the budget,
more distinct ids take no more memory.
"""

from __future__ import annotations

import datetime as dt
import sys
import tracemalloc
from pathlib import Path

import pytest

from slagen.actuals import build_report
from slagen.core.validate import load_agreement
from tests.test_report import AGREEMENT, HEADER


def write_big_csv(path: Path, rows: int, ids: int | None = None) -> Path:
    """Six months of leads over two segments; every 13th sales-sourced, every 7th won.

    ``ids``: that many distinct lead ids, repeated (the repeats are duplicate-id findings).
    """
    with path.open("w", encoding="utf-8") as handle:
        handle.write(",".join(HEADER) + "\n")
        for i in range(rows):
            month, day, hour, minute = 1 + i % 6, 1 + i % 28, 8 + i % 10, i % 60
            at = f"2026-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}"
            first = f"2026-{month:02d}-{day:02d}T{hour + 1:02d}:{minute * 7 % 60:02d}"
            won = i % 7 == 0
            handle.write(
                f"L{i % (ids or rows)},{at},{'north' if i % 3 else 'south'},{'sales' if i % 13 == 0 else 'marketing'},"
                f"{at},{first},{i % 9},{'true' if i % 2 else 'false'},"
                f"{at if won else ''},{'100' if won else ''}\n"
            )
    return path


def run(agreement_path: Path, csv_path: Path):
    agreement, table = load_agreement(agreement_path)
    return build_report(agreement, table, csv_path, as_of=dt.date(2026, 6, 30))


def test_100k_rows_report_every_row(tmp_path: Path) -> None:
    agreement_path = tmp_path / "acme.yaml"
    agreement_path.write_text(AGREEMENT.format(lang="en"), encoding="utf-8")
    csv_path = write_big_csv(tmp_path / "big.csv", 100_000)
    report = run(agreement_path, csv_path)
    assert report.stats.rows == 100_000 and report.stats.skipped == 0
    total = report.total.period
    assert total.marketing_leads + total.sales_leads == 100_000
    assert total.sales_leads == len(range(0, 100_000, 13))


def peaks(agreement_path: Path, csvs: list[Path]) -> list[int]:
    # tracemalloc slows allocation-heavy code about 15×, so the comparisons use
    # 4k and 20k rows; the 100k timing above runs untraced.
    run(agreement_path, write_big_csv(agreement_path.with_name("warm.csv"), 100))  # caches
    found = []
    for csv_path in csvs:
        tracemalloc.start()
        try:
            run(agreement_path, csv_path)
            found.append(tracemalloc.get_traced_memory()[1])
        finally:
            tracemalloc.stop()
    return found


def test_peak_memory_does_not_grow_with_rows(tmp_path: Path) -> None:
    """With the distinct ids fixed, five times the rows take no more memory."""
    agreement_path = tmp_path / "acme.yaml"
    agreement_path.write_text(AGREEMENT.format(lang="en"), encoding="utf-8")
    small, large = peaks(
        agreement_path,
        [write_big_csv(tmp_path / f"rows{n}.csv", n, ids=4_000) for n in (4_000, 20_000)],
    )
    assert large < small * 1.25 + 64 * 1024, f"peak grew from {small} to {large} bytes"
    assert large < 2 * 1024 * 1024


def test_below_the_budget_only_the_set_of_ids_grows(tmp_path: Path) -> None:
    agreement_path = tmp_path / "acme.yaml"
    agreement_path.write_text(AGREEMENT.format(lang="en"), encoding="utf-8")
    small, large = peaks(
        agreement_path, [write_big_csv(tmp_path / f"rows{n}.csv", n) for n in (4_000, 20_000)]
    )
    ids = {f"L{i}" for i in range(20_000)}
    id_set = sys.getsizeof(ids) + sum(sys.getsizeof(i) for i in ids)
    # while the set grows, its old table and the new one are side by side
    assert large < small * 1.25 + 64 * 1024 + id_set * 1.5, (
        f"peak grew from {small} to {large} bytes with 5× the rows (ids: {id_set} bytes)"
    )


def test_past_the_budget_more_distinct_ids_take_no_more_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The budget, the filter and the log's reads made small (1,000 ids; 512 KiB; 16k
    # characters), so that traced runs of 4k and 20k distinct ids are both past them.
    monkeypatch.setattr("slagen.actuals.ids.EXACT_IDS", 1_000)
    monkeypatch.setattr("slagen.actuals.ids.FILTER_BITS", 1 << 22)
    monkeypatch.setattr("slagen.actuals.ids.LOG_READ", 1 << 14)
    agreement_path = tmp_path / "acme.yaml"
    agreement_path.write_text(AGREEMENT.format(lang="en"), encoding="utf-8")
    small, large = peaks(
        agreement_path, [write_big_csv(tmp_path / f"rows{n}.csv", n) for n in (4_000, 20_000)]
    )
    assert large < small * 1.25 + 64 * 1024, f"peak grew from {small} to {large} bytes"
    report = run(agreement_path, write_big_csv(tmp_path / "repeats.csv", 20_000, ids=9_000))
    assert report.stats.duplicates == 11_000  # every repeat still found, past the budget

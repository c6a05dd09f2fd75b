"""slagen report on large exports: memory bounded by the aggregates, not the rows.

The only memory that grows with the rows is the set of lead-id hashes that finds
duplicate ids (a flat table of 64-bit hashes, at most 48 bytes a lead); no row is kept.
"""

from __future__ import annotations

import datetime as dt
import tracemalloc
from pathlib import Path

from slagen.actuals import build_report
from slagen.core.validate import load_agreement
from tests.test_report import AGREEMENT, HEADER


def write_big_csv(path: Path, rows: int) -> Path:
    """Six months of leads over two segments; every 13th sales-sourced, every 7th won."""
    with path.open("w", encoding="utf-8") as handle:
        handle.write(",".join(HEADER) + "\n")
        for i in range(rows):
            month, day, hour, minute = 1 + i % 6, 1 + i % 28, 8 + i % 10, i % 60
            at = f"2026-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}"
            first = f"2026-{month:02d}-{day:02d}T{hour + 1:02d}:{minute * 7 % 60:02d}"
            won = i % 7 == 0
            handle.write(
                f"L{i},{at},{'north' if i % 3 else 'south'},{'sales' if i % 13 == 0 else 'marketing'},"
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


def test_peak_memory_does_not_grow_with_rows(tmp_path: Path) -> None:
    # tracemalloc slows allocation-heavy code about 15×, so the comparison uses
    # 4k and 20k rows; the 100k timing above runs untraced.
    agreement_path = tmp_path / "acme.yaml"
    agreement_path.write_text(AGREEMENT.format(lang="en"), encoding="utf-8")
    run(agreement_path, write_big_csv(tmp_path / "warm.csv", 100))  # caches (zoneinfo, …) outside
    peaks = []
    for rows in (4_000, 20_000):
        csv_path = write_big_csv(tmp_path / f"rows{rows}.csv", rows)
        tracemalloc.start()
        try:
            report = run(agreement_path, csv_path)
            peaks.append(tracemalloc.get_traced_memory()[1])
        finally:
            tracemalloc.stop()
        assert report.stats.rows == rows
    small, large = peaks
    id_hashes = 48 * 20_000  # while the table doubles, old and new side by side
    assert large < small * 1.25 + 64 * 1024 + id_hashes, (
        f"peak grew from {small} to {large} bytes with 5× the rows"
    )
    assert large < 4 * 1024 * 1024

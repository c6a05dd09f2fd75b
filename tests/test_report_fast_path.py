"""The reader's fast paths and its one pass change nothing: same findings, same aggregates.

Random exports mix good rows with every kind of bad or unusual cell; each is read with
the fast paths (whole blocks by columns, else row by row) and without them (every row
by the general path), in blocks of many sizes, and without ``as_of`` in one pass
against a second read as of the day the first found. All must agree exactly.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from slagen.actuals.actuals import ReadStats
from slagen.actuals.aggregate import Aggregator
from slagen.actuals.ids import SeenIds
from slagen.actuals.mapping import COLUMNS, ColumnMapping
from slagen.actuals.scan import scan

SEGMENTS = {"north": "north", "south": "south", "north america": "north"}
DAYS = [
    "2026-01-05",
    "2026-02-28",
    "2026-03-08",
    "2026-10-18",
    "2026-10-19",
    "2026-11-01",
    "2025-12-31",
]
TIMES = ["T00:00", "T01:30", "T02:30", "T10:00", "T23:59", " 09:15:00", "T10:00:00.5"]
ODD_TIMES = [
    "",
    "not-a-date",
    "0001-01-01",
    "2200-01-01",
    "2026-02-30",
    "20260105",
    "2026-W02-1",
    "2026-01-05T10:00Z",
    "2026-11-01T01:30-05:00",
    "2026-11-01T01:30-06:00",
    " 2026-01-05T10:00 ",
    "01/05/2026 10:00",
    "2026-01-05\x00",
]
CELLS = {
    "id": ["L1", "L2", "L3", "", " L1 ", "x" * 1001],
    "segment": ["north", "South", "North America", " north", "west", "", "a\x01b"],
    "source": ["marketing", "sales", "Sales", "MARKETING", "partner", "", "Organic"],
    "attempts": ["", "0", "3", "12", " 4", "-1", "10001", "3.5", "٣", "+3", "1_0", "9" * 41],
    "connected": ["true", "false", "", "yes", "N", "1", "TRUE", "maybe", "Connected"],
    "revenue": ["", "100", "1500.0", "99.99", "1,200.00", "USD 1200", "1.200,50", "12,5"]
    + ["NaN", "-5", "1e3", "1E400", "0.0000001", "1" * 16, "0", "٣٠٠"],
}
MAPPING = ColumnMapping(
    values={"source": {"Organic": "marketing"}, "connected": {"Connected": "true"}},
    datetime_formats=("%m/%d/%Y %H:%M",),
)

time_text = st.one_of(
    st.builds(lambda d, t: d + t, st.sampled_from(DAYS), st.sampled_from(TIMES)),
    st.sampled_from(ODD_TIMES),
)
row = st.fixed_dictionaries(
    {
        "id": st.one_of(st.sampled_from(CELLS["id"]), st.integers(0, 40).map(lambda n: f"L{n}")),
        "created_at": time_text,
        "segment": st.sampled_from(CELLS["segment"]),
        "source": st.sampled_from(CELLS["source"]),
        "handed_off_at": st.one_of(st.just("same"), time_text),
        "first_attempt_at": time_text,
        "attempts": st.sampled_from(CELLS["attempts"]),
        "connected": st.sampled_from(CELLS["connected"]),
        "closed_at": st.one_of(st.just(""), time_text),
        "revenue": st.sampled_from(CELLS["revenue"]),
    }
)
# A usual export: good rows of a few shapes, now and then an unusual or bad cell.
USUAL = {
    "segment": ["north", "south"] * 4 + ["South", "North America", " north", "west"],
    "source": ["marketing"] * 8 + ["sales", "Sales", "partner"],
    "attempts": ["3", "0", "", "5", "2"] * 3 + [" 4", "-1"],
    "connected": ["true", "false"] * 4 + ["TRUE", "maybe"],
    "revenue": ["100", "1500.0", "99.99", "1,200.00", "USD 1200"],
}
usual_time = st.builds(
    lambda d, t: d + t,
    st.sampled_from(DAYS[:5]),
    st.sampled_from(["T10:00"] * 6 + ["T23:59", "T08:30", " 09:15:00", "T10:00Z", "Tnoon"]),
)
usual_row = st.fixed_dictionaries(
    {
        "id": st.integers(0, 3000).map(lambda n: f"L{n}" if n % 50 else f" L{n // 100} "),
        "created_at": usual_time,
        "segment": st.sampled_from(USUAL["segment"]),
        "source": st.sampled_from(USUAL["source"]),
        "handed_off_at": st.sampled_from(["same", "same", "same", "", "2026-01-05T09:00"]),
        "first_attempt_at": st.one_of(st.just("same"), usual_time, st.just("")),
        "attempts": st.sampled_from(USUAL["attempts"]),
        "connected": st.sampled_from(USUAL["connected"]),
        "closed_at": st.sampled_from(["", "", "", "", "2026-03-08T12:00", "2026-11-01T01:30"]),
        "revenue": st.sampled_from(["", "", "", *USUAL["revenue"]]),
    }
)
layout = st.sampled_from(
    ["full", "short-rows", "no-revenue-column", "semicolons", "lf", "tabs", "quoted"]
)
CHUNKS = [1, 9, 40, 200, 1 << 14]  # characters read at a time: blocks of every size


def write(path: Path, rows: list[dict[str, str]], kind: str) -> Path:
    columns = [c for c in COLUMNS if not (kind == "no-revenue-column" and c == "revenue")]
    ending = "\n" if kind in ("lf", "tabs") else "\r\n"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(
            handle,
            delimiter={"semicolons": ";", "tabs": "\t"}.get(kind, ","),
            lineterminator=ending,
            quoting=csv.QUOTE_ALL if kind == "quoted" else csv.QUOTE_MINIMAL,
        )
        writer.writerow(columns)
        for n, cells in enumerate(rows):
            if cells["handed_off_at"] == "same":
                cells = {**cells, "handed_off_at": cells["created_at"]}
            if cells["first_attempt_at"] == "same":
                cells = {**cells, "first_attempt_at": cells["handed_off_at"]}
            values = [cells[c] for c in columns]
            if kind == "short-rows" and n % 3 == 0:
                values = values[: 2 + n % 7]
            writer.writerow(values)
            if n % 11 == 5:
                handle.write(ending)  # a blank line
    return path


def read(
    path: Path,
    *,
    fast: bool,
    as_of: dt.date | None,
    mapping: ColumnMapping | None,
    chunk: int = 1 << 14,
    ids: SeenIds | None = None,
):
    stats = ReadStats(file=str(path))
    window, later = dt.timedelta(hours=4), dt.timedelta(days=14)
    aggregator = Aggregator(as_of=as_of, window=window, attempts_window=later)
    scan(
        path,
        timezone="America/Chicago",
        segments=SEGMENTS,
        aggregator=aggregator,
        stats=stats,
        mapping=mapping,
        fast=fast,
        chunk=chunk,
        ids=ids,
    )
    if stats.latest is not None:
        aggregator.finish(as_of or stats.latest.date())
    return stats, aggregator


def outcome(stats: ReadStats, aggregator: Aggregator, ordered: bool = True) -> tuple[object, ...]:
    """What a read found; ``ordered``: the buckets also made in the same order."""
    buckets = list(aggregator.buckets.items()) if ordered else dict(aggregator.buckets)
    return (
        stats.rows,
        stats.skipped,
        stats.excluded,
        stats.warnings,
        stats.duplicates,
        stats.findings,
        stats.unknown_segments,
        stats.unknown_other,
        stats.latest,
        buckets,
        aggregator.after_as_of,
    )


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(row, max_size=40),
    layout,
    st.booleans(),
    st.sampled_from([None, "2026-03-01"]),
    st.sampled_from(CHUNKS),
)
def test_fast_path_reads_like_the_general_path(
    tmp_path: Path,
    rows: list[dict[str, str]],
    kind: str,
    mapped: bool,
    as_of: str | None,
    chunk: int,
) -> None:
    path = write(tmp_path / "leads.csv", rows, kind)
    day = None if as_of is None else dt.date.fromisoformat(as_of)
    mapping = MAPPING if mapped else None
    fast = read(path, fast=True, as_of=day, mapping=mapping, chunk=chunk)
    general = read(path, fast=False, as_of=day, mapping=mapping)
    assert outcome(*fast) == outcome(*general)


EXCLUDING = ColumnMapping(exclude={"attempts": frozenset({"5"}), "segment": frozenset({"west"})})


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(usual_row, min_size=1, max_size=60),
    layout,
    st.sampled_from([None, MAPPING, EXCLUDING]),
    st.sampled_from([None, "2026-03-01"]),
    st.sampled_from(CHUNKS),
)
def test_usual_exports_read_by_columns_like_the_general_path(
    tmp_path: Path,
    rows: list[dict[str, str]],
    kind: str,
    mapping: ColumnMapping | None,
    as_of: str | None,
    chunk: int,
) -> None:
    # Mostly good rows: many blocks are taken whole by the column path, the others
    # (a repeated id, an unknown segment, a time with an offset...) go row by row.
    path = write(tmp_path / "leads.csv", rows, kind)
    day = None if as_of is None else dt.date.fromisoformat(as_of)
    fast = read(path, fast=True, as_of=day, mapping=mapping, chunk=chunk)
    general = read(path, fast=False, as_of=day, mapping=mapping)
    assert outcome(*fast) == outcome(*general)


def usual(n: int, **cells: str) -> dict[str, str]:
    return {
        "id": f"L{n}",
        "created_at": "2026-01-05T10:00",
        "segment": "north",
        "source": "marketing",
        "handed_off_at": "same",
        "first_attempt_at": "2026-01-05T11:00",
        "attempts": "3",
        "connected": "false",
        "closed_at": "",
        "revenue": "",
        **cells,
    }


def test_blocks_of_usual_rows_with_one_that_differs(tmp_path: Path) -> None:
    # Each case is a block the column path could take but for one row, which only a
    # check of the whole column finds: the general path must decide that row.
    odd = [
        {"attempts": "5"},  # excluded by the mapping
        {"id": " L0 "},  # the same id as the first row, once stripped
        {"id": "L0"},  # the first row's id
        {"segment": "west"},  # an unknown segment
        {"created_at": "2026-01-05T10:00Z"},  # a time with an offset
        {"first_attempt_at": "2026-01-05T09:00"},  # before its handoff
        {"closed_at": "2026-03-08T12:00"},  # a win without revenue
        {"revenue": "USD 1"},  # not a plain amount
        {"segment": " north "},  # good once stripped
        {"closed_at": "2026-03-08T12:00", "revenue": "1500.0"},  # a good win
        {"id": ""},  # no id
    ]
    for number, cells in enumerate([*odd, "every row with an offset"]):
        if isinstance(cells, str):
            rows = [usual(n, created_at=f"2026-01-05T1{n}:00+01:00") for n in range(6)]
        else:
            rows = [usual(n) for n in range(6)]
            rows[3] = usual(3, **cells)
        for kind in ("full", "lf", "quoted"):
            path = write(tmp_path / f"leads-{number}-{kind}.csv", rows, kind)
            for chunk in (1 << 14, 150):
                fast = read(path, fast=True, as_of=None, mapping=EXCLUDING, chunk=chunk)
                general = read(path, fast=False, as_of=None, mapping=EXCLUDING)
                assert outcome(*fast) == outcome(*general), (cells, kind, chunk)


LATE_DAYS = ["2026-10-17", "2026-10-18", "2026-10-19", "2026-10-31", "2026-11-01"]
LATE_TIMES = ["T00:00", "T00:00:00.000001", "T03:59", "T04:00", "T20:00", "T23:59"]


def late_rows(last_day: int) -> st.SearchStrategy[list[dict[str, str]]]:
    """Rows within a fortnight of the data's end (``LATE_DAYS[last_day]``)."""
    time = st.builds(
        lambda d, t: d + t, st.sampled_from(LATE_DAYS[: last_day + 1]), st.sampled_from(LATE_TIMES)
    )
    row = st.fixed_dictionaries(
        {
            "id": st.integers(0, 10**6).map(lambda n: f"L{n}"),
            "created_at": time,
            "segment": st.sampled_from(["north", "south"]),
            "source": st.just("marketing"),
            "handed_off_at": st.one_of(st.just("same"), time),
            "first_attempt_at": st.one_of(st.just(""), time),
            "attempts": st.sampled_from(["", "2", "6"]),
            "connected": st.sampled_from(["true", "false"]),
            "closed_at": st.just(""),
            "revenue": st.just(""),
        }
    )
    return st.lists(row, min_size=1, max_size=30)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.integers(2, len(LATE_DAYS) - 1).flatmap(late_rows), st.booleans())
def test_one_pass_equals_a_second_pass_as_of_the_last_day(
    tmp_path: Path, rows: list[dict[str, str]], in_order: bool
) -> None:
    # Rows in time order keep the last day open longest: most counts wait for the end.
    if in_order:
        rows = sorted(rows, key=lambda r: r["created_at"])
    path = write(tmp_path / "leads.csv", rows, "full")
    stats, one_pass = read(path, fast=True, as_of=None, mapping=None)
    if stats.latest is None:
        return  # no good row: the report stops with no-rows
    _, two_pass = read(path, fast=True, as_of=stats.latest.date(), mapping=None)
    assert list(one_pass.buckets.items()) == list(two_pass.buckets.items())
    assert one_pass.as_of == two_pass.as_of == stats.latest.date()


def test_windows_ending_exactly_at_the_end_of_the_last_day(tmp_path: Path) -> None:
    # A lead handed off 14 days (attempts window) or 4 hours (first attempt) before the
    # end of the data's last day, give or take a microsecond: the one pass must count it
    # as a second read as of that day does. The last day's row comes last, so nothing
    # is settled before the end.
    rows = []
    for n, (handoff, first) in enumerate(
        [
            ("2026-10-18T00:00", ""),
            ("2026-10-17T23:59:59.999999", ""),
            ("2026-10-18T00:00:00.000001", ""),
            ("2026-10-31T20:00", ""),
            ("2026-10-31T19:59:59.999999", ""),
            ("2026-10-31T20:00:00.000001", ""),
        ]
    ):
        created = handoff if handoff < "2026-10-31" else "2026-10-30T10:00"
        rows.append(
            {
                "id": f"L{n}",
                "created_at": created,
                "segment": "north",
                "source": "marketing",
                "handed_off_at": handoff,
                "first_attempt_at": first,
                "attempts": "3",
                "connected": "false",
                "closed_at": "",
                "revenue": "",
            }
        )
    rows.append({**rows[0], "id": "last", "created_at": "2026-10-31T09:00"})
    path = write(tmp_path / "leads.csv", rows, "full")
    stats, one_pass = read(path, fast=True, as_of=None, mapping=None)
    _, two_pass = read(path, fast=True, as_of=dt.date(2026, 10, 31), mapping=None)
    assert stats.latest is not None and stats.latest.date() == dt.date(2026, 10, 31)
    assert list(one_pass.buckets.items()) == list(two_pass.buckets.items())
    october = two_pass.buckets[("north", "2026-10")]
    # the end of the day is 2026-11-01T00:00: 4 h after 20:00 is not over, 14 days after
    # 2026-10-18T00:00 are
    assert (october.overdue, october.waiting) == (5, 2)
    assert october.unconnected == 3

"""Repeated ids found exactly once the ids seen outgrow their set (``slagen.actuals.ids``).

Past :data:`~slagen.actuals.ids.EXACT_IDS` ids the scan keeps a fixed-size filter and a
log of the ids on disk, and holds back the rows the filter cannot clear. Here the set
and the filter are made tiny, so that nearly every row is held and the log is read
often, and every export must read exactly as the general path reads it with a set.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from slagen.actuals.actuals import MAX_FINDINGS, ReadStats, RowFinding
from slagen.actuals.aggregate import Aggregator
from slagen.actuals.ids import SeenIds
from slagen.core.errors import FileAccessError
from tests.test_report_fast_path import CHUNKS, MAPPING, layout, read, row, usual, usual_row, write
from tests.test_report_fast_path import outcome as ordered_outcome


def outcome(stats: ReadStats, aggregator: Aggregator) -> tuple[object, ...]:
    # Held rows reach the aggregator after their neighbours: the same buckets, made in
    # another order.
    return ordered_outcome(stats, aggregator, ordered=False)


small_ids = st.builds(
    SeenIds,
    budget=st.sampled_from([0, 0, 0, 1, 3, 10]),  # 0: the filter from the first block on
    bits=st.sampled_from([8, 16, 64, 1024, 1 << 20]),
    held=st.sampled_from([1, 2, 5, 1000]),
)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(st.one_of(row, usual_row), max_size=60),
    layout,
    st.booleans(),
    st.sampled_from([None, "2026-03-01"]),
    st.sampled_from(CHUNKS),
    small_ids,
    st.booleans(),
)
def test_a_filter_finds_the_repeats_a_set_finds(
    tmp_path: Path,
    rows: list[dict[str, str]],
    kind: str,
    mapped: bool,
    as_of: str | None,
    chunk: int,
    ids: SeenIds,
    fast: bool,
) -> None:
    path = write(tmp_path / "leads.csv", rows, kind)
    day = None if as_of is None else dt.date.fromisoformat(as_of)
    mapping = MAPPING if mapped else None
    filtered = read(path, fast=fast, as_of=day, mapping=mapping, chunk=chunk, ids=ids)
    exact = read(path, fast=False, as_of=day, mapping=mapping)
    assert outcome(*filtered) == outcome(*exact)


def test_many_repeats_past_the_set_and_the_findings_kept_by_line(tmp_path: Path) -> None:
    # 3,000 rows of 700 ids, the repeats well past the first MAX_FINDINGS findings, in
    # blocks the column path takes: the findings kept are the first by line all the same.
    rows = [usual(n * 3 % 700) for n in range(3_000)]
    path = write(tmp_path / "leads.csv", rows, "lf")
    exact = read(path, fast=False, as_of=None, mapping=None)
    assert exact[0].duplicates == 2_300 and len(exact[0].findings) == MAX_FINDINGS
    for ids in (SeenIds(budget=100, bits=1 << 12, held=64), SeenIds(budget=0, bits=8, held=7)):
        filtered = read(path, fast=True, as_of=None, mapping=None, ids=ids)
        assert outcome(*filtered) == outcome(*exact)


def test_ids_with_line_breaks_and_backslashes(tmp_path: Path) -> None:
    # The log keeps an id a line: an id with a line break or a backslash is escaped,
    # and no escaped id can be taken for another.
    names = ["a\nb", "a\\nb", "\\a", "a\\", "a", "\\", "\n", "a\r\nb", "a\rb"]
    rows = [usual(0, id=name) for name in names * 3]
    path = write(tmp_path / "leads.csv", rows, "quoted")
    exact = read(path, fast=False, as_of=None, mapping=None)
    assert exact[0].duplicates == 2 * (len(names) - 1)  # "\n" is stripped to no id
    filtered = read(path, fast=True, as_of=None, mapping=None, ids=SeenIds(budget=0, bits=8))
    assert outcome(*filtered) == outcome(*exact)


def test_the_log_tells_a_repeat_from_an_unlucky_bit() -> None:
    ids = SeenIds(budget=0, bits=8)  # one byte: most ids share a bit
    ids.start_filter()
    assert ids.filtering
    verdicts = [ids.check(f"L{n}") for n in range(20)]
    assert verdicts.count(True) <= 8  # at most one new id a bit; the rest are suspects
    suspects = [f"L{n}" for n, new in enumerate(verdicts) if not new]
    assert ids.repeated(suspects) == set()  # all new: only their bits were shared
    assert ids.repeated(suspects) == set(suspects)  # logged by the first call
    assert ids.repeated(["L0", "L99"]) == {"L0"}
    ids.close()


def test_a_block_probed_but_not_taken_leaves_nothing_behind() -> None:
    ids, untouched = SeenIds(budget=0, bits=1 << 16), SeenIds(budget=0, bits=1 << 16)
    ids.start_filter()
    untouched.start_filter()
    block = [f"L{n}" for n in range(50)]
    assert ids.probe(block) == []
    # not recorded: row by row, the ids fare as with a filter that never saw the block
    assert [ids.check(n) for n in block] == [untouched.check(n) for n in block]
    assert ids.probe(block) == list(range(50))
    ids.close()
    untouched.close()


def test_a_repeat_held_from_a_block_is_not_the_latest_time(tmp_path: Path) -> None:
    # The column path takes the second block with its repeat of L0 held back; that row
    # has the latest time of the file, which must not become the data's last day.
    rows = [usual(n) for n in range(6)]
    later = {"created_at": "2026-01-06T10:00", "first_attempt_at": "2026-01-06T11:00"}
    rows += [usual(n, **later) for n in range(6, 12)]
    rows[9] = usual(0, created_at="2026-12-31T10:00", first_attempt_at="2026-12-31T11:00")
    path = write(tmp_path / "leads.csv", rows, "lf")
    exact = read(path, fast=False, as_of=None, mapping=None)
    latest = exact[0].latest
    assert latest is not None and latest.replace(tzinfo=None) == dt.datetime(2026, 1, 6, 11, 0)
    for chunk in (200, 400, 1 << 14):
        filtered = read(path, fast=True, as_of=None, mapping=None, chunk=chunk, ids=SeenIds(0))
        assert outcome(*filtered) == outcome(*exact), chunk


def test_findings_held_back_take_their_place_by_line() -> None:
    stats = ReadStats(file="x.csv")
    for line in [2, 5, 9]:
        stats.add(RowFinding("x.csv", line, "id", "error", "m"))
    stats.add(RowFinding("x.csv", 5, "id", "error", "held"))
    stats.add(RowFinding("x.csv", 3, "id", "warning", "held"))
    assert [(f.line, f.message) for f in stats.findings] == [
        (2, "m"), (3, "held"), (5, "m"), (5, "held"), (9, "m")
    ]  # fmt: skip
    assert (stats.skipped, stats.warnings) == (4, 1)


def test_with_no_temporary_folder_the_set_keeps_growing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [usual(n % 40) for n in range(120)]
    path = write(tmp_path / "leads.csv", rows, "lf")
    exact = read(path, fast=False, as_of=None, mapping=None)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no-such-folder"))
    ids = SeenIds(budget=0, bits=8)
    assert outcome(*read(path, fast=True, as_of=None, mapping=None, chunk=200, ids=ids)) == (
        outcome(*exact)
    )
    assert not ids.filtering and len(ids.exact) == 40


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_under_the_log_is_a_file_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # /dev/full takes the log and refuses its first flush, as a full disk does.
    def full(*args: object, **kwargs: object) -> object:
        return open("/dev/full", "w+", encoding="utf-8", newline="\n")

    monkeypatch.setattr(tempfile, "TemporaryFile", full)
    path = write(tmp_path / "leads.csv", [usual(n % 40) for n in range(120)], "lf")
    with pytest.raises(FileAccessError) as caught:
        read(path, fast=True, as_of=None, mapping=None, chunk=200, ids=SeenIds(0, 8))
    assert "temporary file of the lead ids" in caught.value.message
    assert "TMPDIR" in caught.value.hint

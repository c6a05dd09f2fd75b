"""The export read in blocks gives csv.reader's records, lines and errors, whatever the text.

Arbitrary text (quotes, lone carriage returns, mixed line endings, blank lines, NULs,
cells longer than the reader's field limit) is read by :func:`read_blocks`, in chunks
of many sizes, and by csv.reader as the scan used to loop over it; both must give the
same records on the same lines and the same unreadable rows. A block said to be clean
must hold no cell the per-row checks would stop at.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from slagen.actuals.blocks import read_blocks
from slagen.actuals.cells import MAX_CELL_CHARS

Event = tuple[object, ...]
piece = st.sampled_from(
    ["a", "bc", "L1", "2026-01-05T10:00", ",", ";", "\t", '"', '""', " ", "\r", "\n", "\r\n"]
    + ["\r\n"] * 4
    + ["\n"] * 4
    + ["\x00", "é", "\x85", "x" * 30]
)
text = st.lists(piece, max_size=80).map("".join)


@contextmanager
def field_limit(limit: int) -> Iterator[None]:
    old = csv.field_size_limit(limit)
    try:
        yield
    finally:
        csv.field_size_limit(old)


def by_reader(path: Path, delimiter: str) -> list[Event]:
    """The records as the scan's loop over csv.reader saw them (the reference)."""
    events: list[Event] = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle, delimiter=delimiter)
        next(reader, None)
        end = reader.line_num
        while True:
            try:
                for row in reader:
                    before, end = end, reader.line_num
                    events.append(("row", row, before + 1))
                break
            except csv.Error as exc:
                events.append(("error", end + 1, str(exc)))
                end = reader.line_num
    return events


def by_blocks(path: Path, delimiter: str, chunk: int) -> list[Event]:
    events: list[Event] = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle, delimiter=delimiter)
        next(reader, None)
        line = reader.line_num
        for block in read_blocks(handle, delimiter, line, chunk):
            assert block.start == line, "each block starts where the last one ended"
            for row, end in zip(block.rows, block.ends, strict=True):
                events.append(("row", row, line + 1))
                line = end
                if block.clean:
                    joined = ",".join(row)
                    assert joined.isprintable() and " " not in joined
                    assert len(joined) <= MAX_CELL_CHARS
            if block.error is not None:
                events.append(("error", line + 1, str(block.error)))
                line = block.resume
    return events


@settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text,
    st.sampled_from([",", ";", "\t"]),
    st.sampled_from([1, 2, 5, 17, 1 << 14]),
    st.sampled_from([12, 131_072]),
    st.sampled_from(["id,at\r\n", "id,at\n", '"id","a\nb"\n', "id\r"]),
)
def test_blocks_read_as_csv_reader_does(
    tmp_path: Path, body: str, delimiter: str, chunk: int, limit: int, header: str
) -> None:
    path = tmp_path / "leads.csv"
    path.write_bytes((header + body).encode("utf-8"))
    with field_limit(limit):
        assert by_blocks(path, delimiter, chunk) == by_reader(path, delimiter)


def test_a_plain_export_is_split_without_the_reader_and_clean(tmp_path: Path) -> None:
    path = tmp_path / "leads.csv"
    rows = [f"L{n},2026-01-05T10:00,north,marketing" for n in range(500)]
    path.write_text("id,created_at,segment,source\n" + "\n".join(rows), encoding="utf-8")
    with path.open(encoding="utf-8", newline="") as handle:
        handle.readline()
        blocks = list(read_blocks(handle, ",", 1, chunk=1000))
    assert len(blocks) > 10 and all(b.clean and isinstance(b.ends, range) for b in blocks)
    assert [row for b in blocks for row in b.rows] == [r.split(",") for r in rows]
    assert blocks[-1].ends[-1] == 501


def test_a_quoted_export_goes_through_the_reader_from_its_first_quote(tmp_path: Path) -> None:
    path = tmp_path / "leads.csv"
    plain = [f"L{n},north" for n in range(50)]
    quoted = [f'"L{n}","north\r\namerica"' for n in range(50, 60)]
    path.write_text("id,segment\r\n" + "\r\n".join(plain + quoted) + "\r\n", encoding="utf-8")
    with path.open(encoding="utf-8", newline="") as handle:
        handle.readline()
        blocks = list(read_blocks(handle, ",", 1, chunk=64))
    split = [b for b in blocks if isinstance(b.ends, range)]
    assert split and all(not isinstance(b.ends, range) for b in blocks[len(split) :])
    rows = [row for b in blocks for row in b.rows]
    assert rows[-1] == ["L59", "north\r\namerica"] and len(rows) == 60
    assert blocks[-1].ends[-1] == 1 + 50 + 2 * 10  # each quoted record spans two lines

"""A CSV export read in blocks of records, each record with the line it ends on.

:func:`read_blocks` gives the records after the header exactly as :func:`csv.reader`
gives them (the tests compare both on arbitrary text), in blocks of a few thousand,
so that the scan can check and convert a block column by column.

Most exports are plain: no quote character, one line ending throughout, no line longer
than the reader's field limit. Such text is split by ``str.split`` (on lines, then on
the delimiter), which is what the CSV reader would make of it, at a fraction of its
cost per cell. At the first stretch that is not plain (a quoted cell, a lone carriage
return, mixed line endings, a very long line) the rest of the file goes through
:func:`csv.reader`, continuing from the same line: a quoted export costs what it did.

A plain block is also *clean* when no line is longer than a cell may be and the text
has no space and nothing unprintable (a tab delimiter makes it unclean): then no cell of
it needs the scan's per-cell checks.

Stage: actuals.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, islice, repeat
from operator import attrgetter
from typing import TextIO

from slagen.actuals.cells import MAX_CELL_CHARS

CHUNK_CHARS = 1 << 14  # characters read at a time: about 200 rows of a usual export
BLOCK_ROWS = 256  # records per block once the file goes through csv.reader
_LINE_NUM = attrgetter("line_num")


@dataclass(slots=True)
class Block:
    """Consecutive records; ``error`` when the reader failed on the record after them."""

    rows: list[list[str]]
    ends: Sequence[int]  # the line each record ends on
    start: int  # the line before the first record (where the previous block ended)
    clean: bool
    error: csv.Error | None = None
    resume: int = 0  # with ``error``: the line the reader went on after


def read_blocks(
    handle: TextIO, delimiter: str, line: int, chunk: int = CHUNK_CHARS
) -> Iterator[Block]:
    """The records of ``handle`` after ``line`` (the header's last line), in blocks.

    Raises:
        UnicodeDecodeError: the text is not UTF-8 (from ``handle``).
    """
    limit = csv.field_size_limit()
    carry = ""  # the start of a line the last read cut
    while True:
        text = handle.read(chunk)
        at_end = not text
        text = carry + text
        cut = len(text) if at_end else text.rfind("\n") + 1
        head, carry = text[:cut], text[cut:]
        rows = _plain(head, delimiter, limit, at_end) if len(carry) <= limit else None
        if rows is None:
            # Not plain: csv.reader from the start of this stretch, which ends at a line end.
            if carry and not at_end:
                carry += handle.readline()
            rest = io.StringIO(head + carry, newline="")
            yield from _reader_blocks(chain(rest, handle), delimiter, line)
            return
        if rows:
            lines, clean = rows
            yield Block(lines, range(line + 1, line + len(lines) + 1), line, clean)
            line += len(lines)
        if at_end:
            return


def _plain(
    text: str, delimiter: str, limit: int, at_end: bool
) -> tuple[list[list[str]], bool] | tuple[()] | None:
    """``text`` (whole lines) split as csv.reader would, and whether it is clean.

    ``()`` for no text; ``None`` when the text is not plain.
    """
    if not text:
        return ()
    if '"' in text:
        return None
    ending = "\r\n" if text.find("\n") > 0 and text[text.find("\n") - 1] == "\r" else "\n"
    lines = text.split(ending)
    if lines[-1] == "":
        lines.pop()  # the text ends with a line ending (always, but at the end of the file)
    joined = "".join(lines)
    if "\r" in joined or "\n" in joined:
        return None  # a lone carriage return ends a line too, or the endings are mixed
    longest = max(map(len, lines))
    if longest > limit:
        return None  # the reader's field limit: csv.reader words the error
    clean = (
        longest <= MAX_CELL_CHARS
        and delimiter != "\t"
        and " " not in joined
        and joined.isprintable()
    )
    rows = [line.split(delimiter) for line in lines]
    if "" in lines:  # csv.reader gives a blank line as no cell at all
        rows = [row if row != [""] else [] for row in rows]
    return rows, clean


def _reader_blocks(lines: Iterable[str], delimiter: str, line: int) -> Iterator[Block]:
    """The records of ``lines`` through csv.reader, numbered on from ``line``."""
    reader = csv.reader(lines, delimiter=delimiter)
    numbered = zip(reader, map(_LINE_NUM, repeat(reader)), strict=False)
    start = line  # the line before the next record
    while True:
        records: list[tuple[list[str], int]] = []
        error = None
        try:
            records.extend(islice(numbered, BLOCK_ROWS))  # keeps the records before an error
        except csv.Error as exc:
            error = exc
        if not records and error is None:
            return
        ends = [line + end for _, end in records]
        block = Block([row for row, _ in records], ends, start, clean=False, error=error)
        if error is not None:
            block.resume = start = line + reader.line_num
        elif len(records) < BLOCK_ROWS:
            yield block
            return
        else:
            start = ends[-1]
        yield block


def unreadable(error: csv.Error) -> str:
    """The finding of a row the CSV reader refused, in the words of the export's fault."""
    if str(error).startswith("field larger than field limit"):
        return (
            f"unreadable row: a cell longer than {csv.field_size_limit():,} characters, "
            f"where a cell may hold {MAX_CELL_CHARS:,} (a missing closing quote makes one "
            "cell of the rest of the file)"
        )
    return f"unreadable row: {error}"

"""One pass over a CRM lead export: a fast path for the usual row, the general one for the rest.

:func:`scan` reads the CSV with the column positions resolved once and feeds every good
row straight into an :class:`~slagen.actuals.aggregate.Aggregator`: no row is kept and no
object is made per row. The fast path takes a row only when it is sure the row is good —
its cells short, printable and parsed by the usual means (ISO 8601 times, plain counts and
words, a plain money amount) — and does exactly what the general path would do with it.
Any doubt (a bad or unusual cell, a repeated id, a win without revenue, a short row) hands
the row to the general path, :func:`~slagen.actuals.actuals.parse_row`, which words the
finding on the row's line. So the findings, counts and aggregates are the general path's
whatever the fast path takes; ``fast=False`` turns it off (the tests compare both).

Memory: the aggregates, a few bounded caches of repeated cell values, and the set of lead
ids seen (the only part that grows with the rows, as the export's own id strings).

Stage: actuals.
"""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal
from operator import itemgetter
from pathlib import Path
from zoneinfo import ZoneInfo

from slagen.actuals.actuals import (
    FALSE_WORDS,
    SOURCES,
    TRUE_WORDS,
    OpenedActuals,
    ReadStats,
    RowFinding,
    label,
    open_actuals,
    parse_row,
)
from slagen.actuals.aggregate import Aggregator
from slagen.actuals.cells import (
    FIRST_YEAR,
    LAST_YEAR,
    MAX_ATTEMPTS,
    MAX_CELL_CHARS,
    MAX_NUMBER_CHARS,
    CellError,
    parse_revenue,
)
from slagen.actuals.mapping import COLUMNS, ColumnMapping

MAX_CACHED = 512  # distinct spellings remembered per column (segment, source, …)
Good = tuple[
    str,  # segment id
    bool,  # sales-sourced
    dt.datetime,  # created_at
    dt.datetime | None,  # handed_off_at
    dt.datetime | None,  # first_attempt_at
    int,  # attempts
    bool,  # connected
    dt.datetime | None,  # closed_at
    Decimal | None,  # revenue
]


class _Unsure(Exception):
    """The fast path leaves this row to the general path."""


def scan(
    path: str | Path,
    *,
    timezone: str,
    segments: dict[str, str],
    aggregator: Aggregator,
    stats: ReadStats,
    mapping: ColumnMapping | None = None,
    fast: bool = True,
) -> None:
    """Read every row of a CSV export into ``aggregator``; record the bad ones in ``stats``.

    Args:
        segments: every accepted segment spelling (id or name, lower-cased) → segment id.
        fast: take the usual rows by the fast path (``False``: every row by the general one).

    Raises:
        FileAccessError: the file cannot be read.
        ActualsError: the header lacks a required column, or the file is not UTF-8.
    """
    mapping = mapping or ColumnMapping()
    with open_actuals(path, mapping) as opened:
        _Scan(opened, mapping, ZoneInfo(timezone), segments, stats).run(aggregator, fast)


class _Scan:
    def __init__(
        self,
        opened: OpenedActuals,
        mapping: ColumnMapping,
        zone: ZoneInfo,
        segments: dict[str, str],
        stats: ReadStats,
    ) -> None:
        self.opened = opened
        self.mapping = mapping
        self.zone = zone
        self.segments = segments
        self.stats = stats
        self.seen: set[str] = set()  # the lead ids so far, as the export writes them
        self.segment_ids: dict[str, str | None] = {}  # cell → segment id (None: unknown)
        self.counts: dict[str, int] = {}  # attempts cell → count

    def run(self, aggregator: Aggregator, fast: bool) -> None:
        """The loop over the records: the fast path inline, the general one when unsure."""
        opened, stats, seen, zone = self.opened, self.stats, self.seen, self.zone
        reader, excluded, decimal_comma = opened.reader, opened.excluded, opened.decimal_comma
        positions = [opened.index.get(name) for name in COLUMNS]
        pick = itemgetter(*(p for p in positions if p is not None))
        adjust = None in positions or any(self.mapping.values.values())
        segment_id, count = self.segment_ids.get, self.counts.get
        source_of, connected_of = _SOURCE.get, _CONNECTED.get
        fromisoformat, join, add = dt.datetime.fromisoformat, ",".join, aggregator.add_row
        latest = dt.datetime.min
        end = reader.line_num
        remember, fast_rows = seen.add, 0  # rows the fast path took, added to stats.rows
        while True:
            try:
                for row in reader:
                    before, end = end, reader.line_num
                    try:
                        if not fast:
                            raise _Unsure
                        try:
                            cells = pick(row)
                        except IndexError:
                            raise _Unsure from None  # a short row
                        joined = join(cells)
                        # Printable text has no control character, and no white space but " ".
                        if len(joined) > MAX_CELL_CHARS or not joined.isprintable():
                            raise _Unsure
                        if adjust:
                            cells = self.adjust(cells, positions, " " in joined)
                        elif " " in joined:
                            cells = tuple([cell.strip() for cell in cells])
                        lead_id, created_text, segment_text, source, handoff_text, first_text, attempts_text, connected_text, closed_text, revenue_text = cells  # fmt: skip
                        if not lead_id:
                            raise _Unsure
                        sales = source_of(source)
                        if sales is None:
                            sales = source_of(source.lower())
                            if sales is None:
                                raise _Unsure
                        attempts = count(attempts_text)
                        if attempts is None:
                            attempts = self.count(attempts_text)
                        connected = connected_of(connected_text)
                        if connected is None:
                            connected = connected_of(connected_text.lower())
                            if connected is None:
                                raise _Unsure
                        try:
                            created = fromisoformat(created_text)
                        except ValueError:
                            raise _Unsure from None  # empty, or another layout
                        if not FIRST_YEAR <= created.year <= LAST_YEAR:
                            raise _Unsure
                        if created.tzinfo is not None:
                            created = created.astimezone(zone).replace(tzinfo=None)
                        if handoff_text == created_text:
                            handoff: dt.datetime | None = created
                        else:
                            handoff = _when(handoff_text, zone) if handoff_text else None
                        if first_text == handoff_text:
                            first = handoff
                        else:
                            first = _when(first_text, zone) if first_text else None
                        closed = _when(closed_text, zone) if closed_text else None
                        top = created
                        if first is not None:
                            if handoff is not None and first < handoff:
                                raise _Unsure
                            if first > top:  # noqa: PLR1730 (max() costs a call a row)
                                top = first
                        elif handoff is not None and handoff > top:
                            top = handoff
                        if closed is not None and closed > top:
                            top = closed
                        if revenue_text:
                            try:
                                revenue = parse_revenue(revenue_text, decimal_comma)
                            except CellError:
                                raise _Unsure from None
                        elif closed is not None:
                            raise _Unsure  # the general path warns of the missing revenue
                        else:
                            revenue = None
                        segment = segment_id(segment_text, "")
                        if segment == "":
                            segment = self.segment(segment_text)
                        # Sure now: the row is good. What the general path would do with it:
                        if excluded and any(
                            p < len(row) and row[p].strip() in values for p, values in excluded
                        ):
                            stats.rows += 1
                            stats.excluded += 1
                            continue
                        if segment is None:
                            stats.rows += 1
                            stats.unknown(segment_text or "(empty)")
                            continue
                        known = len(seen)
                        remember(lead_id)
                        if len(seen) == known:
                            raise _Unsure  # a repeated id: the general path words the finding
                        fast_rows += 1
                    except _Unsure:
                        good = self.general(row, before + 1)
                        if good is None:
                            continue
                        segment, sales, created, handoff, first, attempts, connected, closed, revenue = good  # fmt: skip
                        top = max(t for t in (created, handoff, first, closed) if t is not None)
                    if top > latest:  # noqa: PLR1730
                        latest = top
                    add(
                        segment,
                        sales,
                        created,
                        handoff,
                        first,
                        attempts,
                        connected,
                        closed,
                        revenue,
                    )
                break
            except UnicodeDecodeError as exc:
                raise opened.not_utf8(exc) from None
            except csv.Error as exc:
                stats.rows += 1
                stats.add(
                    RowFinding(
                        opened.file,
                        end + 1,
                        "-",
                        "error",
                        f"unreadable row: {exc} (a cell holds at most {MAX_CELL_CHARS} characters)",
                        "unreadable-row",
                    )
                )
                end = reader.line_num
        stats.rows += fast_rows
        stats.latest = None if latest == dt.datetime.min else latest.replace(tzinfo=zone)

    def adjust(
        self, picked: tuple[str, ...], positions: list[int | None], spaces: bool
    ) -> tuple[str, ...]:
        """The cells stripped, the absent columns empty, the mapping's values translated."""
        found = iter([cell.strip() for cell in picked] if spaces else picked)
        cells = ["" if p is None else next(found) for p in positions]
        for name, values in self.mapping.values.items():
            if values:
                i = COLUMNS.index(name)
                cells[i] = values.get(cells[i], cells[i])
        return tuple(cells)

    def count(self, text: str) -> int:
        """An attempts cell the general path accepts, as its count (else :class:`_Unsure`)."""
        if len(text) > MAX_NUMBER_CHARS:
            raise _Unsure
        try:
            attempts = int(text) if text else 0
        except ValueError:
            raise _Unsure from None
        if not 0 <= attempts <= MAX_ATTEMPTS:
            raise _Unsure
        if len(self.counts) < MAX_CACHED:
            self.counts[text] = attempts
        return attempts

    def segment(self, text: str) -> str | None:
        """The segment id a segment cell names, as the general path finds it (else ``None``)."""
        segment = self.segments.get(text.lower())
        if len(self.segment_ids) < MAX_CACHED:
            self.segment_ids[text] = segment
        return segment

    def general(self, row: list[str], line: int) -> Good | None:
        """The general path for one record: its findings, or the good lead it is."""
        stats, opened, mapping = self.stats, self.opened, self.mapping
        if not any(cell.strip() for cell in row):
            return None  # blank line
        stats.rows += 1
        if opened.excluded and any(
            p < len(row) and row[p].strip() in values for p, values in opened.excluded
        ):
            stats.excluded += 1
            return None
        try:
            lead = parse_row(
                row,
                line,
                opened.index,
                mapping,
                self.zone,
                self.segments,
                stats,
                opened.file,
                opened.decimal_comma,
            )
        except CellError as exc:
            column = label(mapping, exc.column)
            stats.add(RowFinding(opened.file, line, column, "error", exc.message, exc.code))
            return None
        if lead is None:
            return None
        if lead.id in self.seen:
            stats.duplicates += 1
            stats.add(
                RowFinding(
                    opened.file,
                    line,
                    label(mapping, "id"),
                    "error",
                    f"repeats the id {lead.id!r} of an earlier row; counted once",
                    "duplicate-id",
                )
            )
            return None
        self.seen.add(lead.id)
        created, handoff, first, closed = (
            None if t is None else t.replace(tzinfo=None) for t in lead.times()
        )
        assert created is not None
        sales = lead.source == "sales"
        return (lead.segment, sales, created, handoff, first, lead.attempts, lead.connected, closed, lead.revenue)  # fmt: skip


_SOURCE = {"marketing": False, "sales": True}
assert set(_SOURCE) == set(SOURCES)
_CONNECTED = {**dict.fromkeys(FALSE_WORDS, False), **dict.fromkeys(TRUE_WORDS, True)}
assert not TRUE_WORDS & FALSE_WORDS


def _when(text: str, zone: ZoneInfo) -> dt.datetime:
    """A non-empty ISO 8601 time as a wall-clock time in ``zone`` (else :class:`_Unsure`)."""
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        raise _Unsure from None
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise _Unsure
    if value.tzinfo is not None:
        return value.astimezone(zone).replace(tzinfo=None)
    return value

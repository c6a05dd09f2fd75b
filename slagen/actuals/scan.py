"""One pass over a CRM lead export: fast paths for the usual rows, the general one for the rest.

:func:`scan` reads the CSV in blocks (:mod:`slagen.actuals.blocks`) with the column
positions resolved once and feeds every good row straight into an
:class:`~slagen.actuals.aggregate.Aggregator`: no row is kept and no object is made per
row. Two fast paths take rows only when they are sure the rows are good - their cells
short, printable and parsed by the usual means (ISO 8601 times, plain counts and words,
a plain money amount) - and do exactly what the general path would do with them:

- the column path (:mod:`slagen.actuals.columns`) takes a whole block at once when
  every row of it is good;
- otherwise the block goes row by row, and the per-row fast path takes each good row.

Any doubt (a bad or unusual cell, a repeated id, a win without revenue, a short row)
hands the row to the general path, :func:`~slagen.actuals.actuals.parse_row`, which
words the finding on the row's line. So the findings, counts and aggregates are the
general path's whatever the fast paths take; ``fast=False`` turns them off (the tests
compare both, with blocks of every size).

Repeated ids: the ids seen are kept by :class:`~slagen.actuals.ids.SeenIds`, a set
for the first ones and then a fixed-size filter. A row the filter cannot clear is
*held*: kept back, with its line, until enough are held or the file is read, then
counted as a lead or reported as a repeat, as the general path would have.

Memory: the aggregates, one block of rows, a few bounded caches of repeated cell values,
the ids (a set of at most :data:`~slagen.actuals.ids.EXACT_IDS`, then the filter) and
the rows held; none of it grows with the rows.

Stage: actuals.
"""

from __future__ import annotations

import datetime as dt
from operator import itemgetter
from pathlib import Path
from zoneinfo import ZoneInfo

from slagen.actuals.actuals import (
    OpenedActuals,
    ReadStats,
    RowFinding,
    label,
    open_actuals,
    parse_row,
)
from slagen.actuals.aggregate import AddRows, Aggregator, Row
from slagen.actuals.blocks import CHUNK_CHARS, Block, read_blocks, unreadable
from slagen.actuals.cells import (
    FIRST_YEAR,
    LAST_YEAR,
    MAX_CELL_CHARS,
    CellError,
    parse_revenue,
)
from slagen.actuals.columns import Columns, Unsure
from slagen.actuals.held import HeldRows
from slagen.actuals.held import top as top_of
from slagen.actuals.ids import SeenIds
from slagen.actuals.mapping import COLUMNS, ColumnMapping
from slagen.actuals.spellings import CONNECTED_WORDS, SOURCE_WORDS, Spellings, when


def scan(
    path: str | Path,
    *,
    timezone: str,
    segments: dict[str, str],
    aggregator: Aggregator,
    stats: ReadStats,
    mapping: ColumnMapping | None = None,
    fast: bool = True,
    chunk: int = CHUNK_CHARS,
    ids: SeenIds | None = None,
) -> None:
    """Read every row of a CSV export into ``aggregator``; record the bad ones in ``stats``.

    Args:
        segments: every accepted segment spelling (id or name, lower-cased) → segment id.
        fast: take the usual rows by the fast paths (``False``: every row by the general one).
        chunk: characters read at a time (the tests make blocks small).
        ids: how the ids seen are kept (the tests make the set and the filter small).

    Raises:
        FileAccessError: the file cannot be read.
        ActualsError: the header lacks a required column, or the file is not UTF-8.
    """
    mapping = mapping or ColumnMapping()
    with open_actuals(path, mapping) as opened:
        scanning = _Scan(opened, mapping, ZoneInfo(timezone), segments, stats, ids or SeenIds())
        scanning.run(aggregator, fast, chunk)


class _Scan:
    def __init__(
        self,
        opened: OpenedActuals,
        mapping: ColumnMapping,
        zone: ZoneInfo,
        segments: dict[str, str],
        stats: ReadStats,
        ids: SeenIds,
    ) -> None:
        self.opened = opened
        self.mapping = mapping
        self.zone = zone
        self.segments = segments
        self.stats = stats
        self.ids = ids  # the lead ids so far, as the export writes them
        self.held = HeldRows(ids, self.repeat)  # rows whose id may repeat an earlier row's
        self.spellings = Spellings(segments, mapping.values)
        self.positions = [opened.index.get(name) for name in COLUMNS]
        self.latest = dt.datetime.min
        self.fast_rows = 0  # rows the fast paths took, added to stats.rows at the end

    def run(self, aggregator: Aggregator, fast: bool, chunk: int) -> None:
        """Each block whole by the column path, else row by row."""
        opened, stats, add = self.opened, self.stats, aggregator.add_rows
        columns = None
        if fast:
            columns = Columns(
                self.positions,
                self.mapping.values,
                opened.excluded,
                opened.decimal_comma,
                self.ids,
                self.spellings.spell,
            )
        blocks = read_blocks(opened.handle, opened.delimiter, opened.header_lines, chunk)
        try:
            for block in blocks:
                if self.ids.full():
                    self.ids.start_filter()
                leads = None if columns is None else columns.take_block(block.rows, block.clean)
                if leads is None:
                    self.rows(block, add, fast)
                elif columns is not None and columns.suspects:
                    self.fast_rows += len(block.rows)
                    self.held.block(block, leads, columns, add)
                else:
                    self.fast_rows += len(block.rows)
                    add(zip(*leads, strict=True))
                if len(self.held) >= self.ids.held:
                    self.latest = self.held.settle(add, self.latest)
                if block.error is not None:
                    stats.rows += 1
                    stats.add(
                        RowFinding(
                            opened.file,
                            (block.ends[-1] if block.ends else block.start) + 1,
                            "-",
                            "error",
                            unreadable(block.error),
                            "unreadable-row",
                        )
                    )
            self.latest = self.held.settle(add, self.latest)
        except UnicodeDecodeError as exc:
            raise opened.not_utf8(exc) from None
        finally:
            self.ids.close()
        stats.rows += self.fast_rows
        if columns is not None and columns.latest > self.latest:
            self.latest = columns.latest
        latest = self.latest
        stats.latest = None if latest == dt.datetime.min else latest.replace(tzinfo=self.zone)

    def rows(self, block: Block, add: AddRows, fast: bool) -> None:
        """The block row by row: the per-row fast path inline, the general one when unsure."""
        stats, ids, zone = self.stats, self.ids, self.zone
        seen, filtering, check, hold = ids.exact, ids.filtering, ids.check, self.held.hold
        excluded = self.opened.excluded
        positions = self.positions
        pick = itemgetter(*(p for p in positions if p is not None))
        adjust = None in positions or any(self.mapping.values.values())
        spellings = self.spellings
        segment_id, count = spellings.segment_ids.get, spellings.counts.get
        source_of, connected_of = SOURCE_WORDS.get, CONNECTED_WORDS.get
        fromisoformat, join = dt.datetime.fromisoformat, ",".join
        decimal_comma, latest = self.opened.decimal_comma, self.latest
        before, remember, fast_rows = block.start, seen.add, 0
        leads: list[Row] = []  # added at the end of the block, in order
        keep = leads.append
        for row, end in zip(block.rows, block.ends, strict=True):
            line, before = before + 1, end
            try:
                if not fast:
                    raise Unsure
                try:
                    cells = pick(row)
                except IndexError:
                    raise Unsure from None  # a short row
                joined = join(cells)
                # Printable text has no control character, and no white space but " ".
                if len(joined) > MAX_CELL_CHARS or not joined.isprintable():
                    raise Unsure
                if adjust:
                    cells = spellings.adjust(cells, positions, " " in joined)
                elif " " in joined:
                    cells = tuple([cell.strip() for cell in cells])
                lead_id, created_text, segment_text, source, handoff_text, first_text, attempts_text, connected_text, closed_text, revenue_text = cells  # fmt: skip
                if not lead_id:
                    raise Unsure
                sales = source_of(source)
                if sales is None:
                    sales = source_of(source.lower())
                    if sales is None:
                        raise Unsure
                attempts = count(attempts_text)
                if attempts is None:
                    attempts = spellings.count(attempts_text)
                connected = connected_of(connected_text)
                if connected is None:
                    connected = connected_of(connected_text.lower())
                    if connected is None:
                        raise Unsure
                try:
                    created = fromisoformat(created_text)
                except ValueError:
                    raise Unsure from None  # empty, or another layout
                if not FIRST_YEAR <= created.year <= LAST_YEAR:
                    raise Unsure
                if created.tzinfo is not None:
                    created = created.astimezone(zone).replace(tzinfo=None)
                if handoff_text == created_text:
                    handoff: dt.datetime | None = created
                else:
                    handoff = when(handoff_text, zone) if handoff_text else None
                if first_text == handoff_text:
                    first = handoff
                else:
                    first = when(first_text, zone) if first_text else None
                closed = when(closed_text, zone) if closed_text else None
                top = created
                if first is not None:
                    if handoff is not None and first < handoff:
                        raise Unsure
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
                        raise Unsure from None
                elif closed is not None:
                    raise Unsure  # the general path warns of the missing revenue
                else:
                    revenue = None
                segment = segment_id(segment_text, "")
                if segment == "":
                    segment = spellings.segment(segment_text)
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
                lead: Row = (segment, sales, created, handoff, first, attempts, connected, closed, revenue)  # fmt: skip
                if filtering:
                    if not check(lead_id):
                        fast_rows += 1
                        hold((line, lead_id, lead, top))  # its id may repeat an earlier one
                        continue
                else:
                    known = len(seen)
                    remember(lead_id)
                    if len(seen) == known:
                        raise Unsure  # a repeated id: the general path words the finding
                fast_rows += 1
            except Unsure:
                good = self.general(row, line)
                if good is None:
                    continue
                lead = good
                top = top_of(good)
            if top > latest:  # noqa: PLR1730
                latest = top
            keep(lead)
        add(leads)
        self.fast_rows += fast_rows
        self.latest = latest

    def general(self, row: list[str], line: int) -> Row | None:
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
        ids = self.ids
        if lead.id in ids.exact:
            self.repeat(line, lead.id)
            return None
        created, handoff, first, closed = (
            None if t is None else t.replace(tzinfo=None) for t in lead.times()
        )
        assert created is not None
        sales = lead.source == "sales"
        good: Row = (lead.segment, sales, created, handoff, first, lead.attempts, lead.connected, closed, lead.revenue)  # fmt: skip
        if not ids.filtering:
            ids.exact.add(lead.id)
        elif not ids.check(lead.id):
            self.held.hold((line, lead.id, good, top_of(good)))
            return None
        return good

    def repeat(self, line: int, lead_id: str) -> None:
        """Report the row on ``line`` as a repeat of an earlier row's id."""
        self.stats.duplicates += 1
        self.stats.add(
            RowFinding(
                self.opened.file,
                line,
                label(self.mapping, "id"),
                "error",
                f"repeats the id {lead_id!r} of an earlier row; counted once",
                "duplicate-id",
            )
        )

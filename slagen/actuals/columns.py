"""The scan's fastest path: a whole block of usual rows checked and converted column by column.

A block of an export is mostly rows of the same few shapes. :func:`take_block` checks
each column of the block at once, with what runs in C (``set``, ``map``, ``min`` and
``max``, ``str.join``): every id new and distinct, every source, attempts, connected
and segment cell among the spellings already known to be good, every time an ISO 8601
wall-clock time in range, no attempt before its handoff, no win without revenue, no
row the mapping excludes. When all of that holds, every row of the block is one the
per-row fast path of :mod:`slagen.actuals.scan` would take, and the block's leads are
the same leads, in the same order; when anything does not, the block is left to that
path, row by row, which finds and words what is wrong. No state changes before the
block is taken (but for caches of good spellings).

Once the ids seen are kept by a filter (:mod:`slagen.actuals.ids`), a block is taken
even when the filter cannot clear some of its ids: those rows are its *suspects*
(:attr:`Columns.suspects`), which the scan holds back until it knows whether they repeat
an earlier id, and the latest time taken leaves them out.

Stage: actuals.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal
from itertools import compress
from operator import itemgetter, lt
from typing import TypeVar

from slagen.actuals.cells import FIRST_YEAR, LAST_YEAR, MAX_CELL_CHARS, CellError, parse_revenue
from slagen.actuals.ids import SeenIds
from slagen.actuals.mapping import COLUMNS

T = TypeVar("T")
Column = Sequence[str]
Times = list[dt.datetime | None]
Leads = tuple[
    list[str], list[bool], list[dt.datetime], Times, Times, list[int], list[bool], Times,
    list[Decimal | None],
]  # fmt: skip
_fromisoformat = dt.datetime.fromisoformat


class Unsure(Exception):
    """A fast path leaves this row (or block) to a slower one."""


class Columns:
    """What a block needs to be checked: the layout, the known spellings, the ids seen."""

    def __init__(
        self,
        positions: list[int | None],
        values: dict[str, dict[str, str]],
        excluded: list[tuple[int, frozenset[str]]],
        decimal_comma: bool,
        seen: SeenIds,
        spell: Callable[[str, str], object],
    ) -> None:
        self.present = [p for p in positions if p is not None]
        self.pick = itemgetter(*self.present)
        self.absent = [i for i, p in enumerate(positions) if p is None]
        self.values = [(COLUMNS.index(name), found) for name, found in values.items() if found]
        self.excluded = excluded
        self.widest = max([*self.present, *(p for p, _ in excluded)])
        self.decimal_comma = decimal_comma
        self.seen = seen
        self.spell = spell  # (column, cell) → its value, or Unsure: the scan's caches
        self.revenues: dict[str, Decimal] = {}
        self.latest = dt.datetime.min
        self.suspects: list[int] = []  # of the block last taken: the rows held back
        self.ids_taken: Column = ()  # the ids of the block last taken

    def take_block(self, rows: list[list[str]], clean: bool) -> Leads | None:
        """The arguments of ``Aggregator.add_row`` for every row, column by column; or ``None``."""
        count = len(rows)
        if not count or min(map(len, rows)) <= self.widest:
            return None  # a short row or a blank line
        try:
            cells = self.cells(rows, clean)
            if cells is None:
                return None
            ids, created_t, segment_t, source_t, handoff_t, first_t, attempts_t, connected_t, closed_t, revenue_t = cells  # fmt: skip
            fresh = set(ids)
            if len(fresh) != count or "" in fresh:
                return None  # an empty or repeated id
            seen = self.seen
            if not seen.exact.isdisjoint(fresh):
                return None  # an id of an earlier row
            suspects = seen.probe(ids) if seen.filtering else []
            sales: list[bool] = self.spelled("source", source_t)
            attempts: list[int] = self.spelled("attempts", attempts_t)
            connected: list[bool] = self.spelled("connected", connected_t)
            segments: list[str] = self.spelled("segment", segment_t)
            highs: list[dt.datetime] = []  # the latest time of each time column
            created = _times(created_t, highs)
            if created is None:
                return None
            handoffs = created if handoff_t == created_t else _optional_times(handoff_t, highs)
            firsts = handoffs if first_t == handoff_t else _optional_times(first_t, highs)
            closed = _optional_times(closed_t, highs)
            if handoffs is None or firsts is None or closed is None:
                return None
            if firsts is not handoffs and _before(firsts, handoffs):
                return None  # a first attempt before its handoff
            revenues = self.revenue(revenue_t, closed)
        except Unsure:
            return None
        if revenues is None or self.is_excluded(rows):
            return None
        # Taken: every row is a good lead, but for the suspects, which the scan holds.
        if seen.filtering:
            seen.record(ids, suspects)
        else:
            seen.exact.update(fresh)
        self.suspects, self.ids_taken = suspects, ids
        high = max(highs)
        if suspects:
            times = created, handoffs, firsts, closed
            if max(_latest(times, i) for i in suspects) >= high:  # the latest may be held
                skip = set(suspects)
                kept = [_latest(times, i) for i in range(count) if i not in skip]
                high = max(kept, default=dt.datetime.min)
        self.latest = max(self.latest, high)
        return segments, sales, created, handoffs, firsts, attempts, connected, closed, revenues  # type: ignore[return-value]

    def cells(self, rows: list[list[str]], clean: bool) -> list[Column] | None:
        """The ten columns of the block, stripped and translated as the general path does."""
        if len(rows[0]) <= 2 * len(self.present):  # transposing all is cheaper than picking
            table = list(zip(*rows, strict=False))  # (rows are at least self.widest long)
            columns: list[Column] = [table[p] for p in self.present]
        else:
            columns = list(zip(*map(self.pick, rows), strict=True))  # 4+ columns
        if not clean:
            width = len(columns) - 1  # the commas of the per-row check's joined cells
            for i, column in enumerate(columns):
                text = "".join(column)
                if not text.isprintable():
                    return None
                width += max(map(len, column))
                if " " in text:
                    columns[i] = tuple(map(str.strip, column))
            if width > MAX_CELL_CHARS:
                return None
        if self.absent:
            blank = ("",) * len(rows)
            for i in self.absent:
                columns.insert(i, blank)
        for i, found in self.values:
            columns[i] = tuple([found.get(value, value) for value in columns[i]])
        return columns

    def spelled(self, name: str, column: Column) -> list[T]:
        """Each cell's value (``spell`` of each distinct cell; :class:`Unsure` for any bad one)."""
        distinct = set(column)
        if len(distinct) == 1:
            return [self.spell(name, column[0])] * len(column)  # type: ignore[list-item]
        known = {text: self.spell(name, text) for text in distinct}
        return list(map(known.__getitem__, column))  # type: ignore[arg-type]

    def revenue(self, column: Column, closed: Times) -> list[Decimal | None] | None:
        """Each revenue cell as a number; ``None`` when one is bad or a win has none."""
        count = len(column)
        given = list(compress(range(count), column))  # the rows with a revenue cell
        if not set(compress(range(count), closed)).issubset(given):
            return None  # a win without revenue: the general path warns of it
        found: list[Decimal | None] = [None] * count
        cache = self.revenues
        for i in given:
            text = column[i]
            amount = cache.get(text)
            if amount is None:
                try:
                    amount = parse_revenue(text, self.decimal_comma)
                except CellError:
                    return None
                if amount is None:  # pragma: no cover - only an empty cell has none
                    return None
                if len(cache) < 512:
                    cache[text] = amount
            found[i] = amount
        return found

    def is_excluded(self, rows: list[list[str]]) -> bool:
        """Whether the mapping's ``exclude`` rules may apply to a row of the block."""
        for position, values in self.excluded:
            if not values.isdisjoint(map(str.strip, map(itemgetter(position), rows))):
                return True
        return False


def _latest(columns: tuple[Sequence[dt.datetime | None], ...], i: int) -> dt.datetime:
    """The latest time of row ``i`` (``created_at`` always has one)."""
    return max(t for column in columns if (t := column[i]) is not None)


def _times(column: Column, highs: list[dt.datetime]) -> list[dt.datetime] | None:
    """Every cell an ISO 8601 wall-clock time (no offset) within the years taken; else ``None``.

    The latest of them is added to ``highs``.
    """
    try:
        times = list(map(_fromisoformat, column))
        low, high = min(times), max(times)  # TypeError: times with and without an offset
    except (ValueError, TypeError):
        return None
    if low.tzinfo is not None or not FIRST_YEAR <= low.year <= high.year <= LAST_YEAR:
        return None  # times with an offset are converted row by row
    highs.append(high)
    return times


def _optional_times(column: Column, highs: list[dt.datetime]) -> Times | None:
    """Like :func:`_times`, an empty cell being no time."""
    empty = column.count("")
    if not empty:
        return _times(column, highs)  # type: ignore[return-value]
    if empty == len(column):
        return [None] * empty
    given = _times([text for text in column if text], highs)
    if given is None:
        return None
    found: Times = [None] * len(column)
    for i, time in zip(compress(range(len(column)), column), given, strict=True):
        found[i] = time
    return found


def _before(firsts: Sequence[dt.datetime | None], handoffs: Sequence[dt.datetime | None]) -> bool:
    """Whether any first attempt is before its handoff (both given)."""
    if None not in firsts and None not in handoffs:
        return any(map(lt, firsts, handoffs))  # type: ignore[arg-type]
    return any(
        f is not None and h is not None and f < h for f, h in zip(firsts, handoffs, strict=True)
    )

"""What the scan's fast paths make of the usual cells: remembered spellings, ISO times.

A lead export spells a few values over and over (the segment, the source, the number
of attempts): :class:`Spellings` remembers what each spelling means, up to
:data:`MAX_CACHED` of each, as the general path would read it, and raises
:class:`~slagen.actuals.columns.Unsure` for any it would not take.

Stage: actuals.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from slagen.actuals.actuals import FALSE_WORDS, SOURCES, TRUE_WORDS
from slagen.actuals.cells import FIRST_YEAR, LAST_YEAR, MAX_ATTEMPTS, MAX_NUMBER_CHARS
from slagen.actuals.columns import Unsure
from slagen.actuals.mapping import COLUMNS

MAX_CACHED = 512  # distinct spellings remembered per column (segment, source, …)


class Spellings:
    """The segment and attempts cells met so far, and what they mean."""

    def __init__(self, segments: dict[str, str], values: dict[str, dict[str, str]]) -> None:
        self.segments = segments  # every accepted spelling, lower-cased → segment id
        self.values = values  # the column mapping's translations of values
        self.segment_ids: dict[str, str | None] = {}  # cell → segment id (None: unknown)
        self.counts: dict[str, int] = {}  # attempts cell → count

    def spell(self, column: str, text: str) -> object:
        """What the per-row fast path makes of a good cell (else :class:`Unsure`)."""
        if column == "segment":
            segment = self.segment_ids.get(text, "")
            if segment == "":
                segment = self.segment(text)
            if segment is None:
                raise Unsure  # an unknown segment: the rows count it
            return segment
        if column == "attempts":
            attempts = self.counts.get(text)
            return self.count(text) if attempts is None else attempts
        words = SOURCE_WORDS if column == "source" else CONNECTED_WORDS
        value = words.get(text)
        if value is None:
            value = words.get(text.lower())
            if value is None:
                raise Unsure
        return value

    def adjust(
        self, picked: tuple[str, ...], positions: list[int | None], spaces: bool
    ) -> tuple[str, ...]:
        """The cells stripped, the absent columns empty, the mapping's values translated."""
        found = iter([cell.strip() for cell in picked] if spaces else picked)
        cells = ["" if p is None else next(found) for p in positions]
        for name, values in self.values.items():
            if values:
                i = COLUMNS.index(name)
                cells[i] = values.get(cells[i], cells[i])
        return tuple(cells)

    def count(self, text: str) -> int:
        """An attempts cell the general path accepts, as its count (else :class:`Unsure`)."""
        if len(text) > MAX_NUMBER_CHARS:
            raise Unsure
        try:
            attempts = int(text) if text else 0
        except ValueError:
            raise Unsure from None
        if not 0 <= attempts <= MAX_ATTEMPTS:
            raise Unsure
        if len(self.counts) < MAX_CACHED:
            self.counts[text] = attempts
        return attempts

    def segment(self, text: str) -> str | None:
        """The segment id a segment cell names, as the general path finds it (else ``None``)."""
        segment = self.segments.get(text.lower())
        if len(self.segment_ids) < MAX_CACHED:
            self.segment_ids[text] = segment
        return segment


SOURCE_WORDS = {"marketing": False, "sales": True}
assert set(SOURCE_WORDS) == set(SOURCES)
CONNECTED_WORDS = {**dict.fromkeys(FALSE_WORDS, False), **dict.fromkeys(TRUE_WORDS, True)}
assert not TRUE_WORDS & FALSE_WORDS


def when(text: str, zone: ZoneInfo) -> dt.datetime:
    """A non-empty ISO 8601 time as a wall-clock time in ``zone`` (else :class:`Unsure`)."""
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        raise Unsure from None
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise Unsure
    if value.tzinfo is not None:
        return value.astimezone(zone).replace(tzinfo=None)
    return value

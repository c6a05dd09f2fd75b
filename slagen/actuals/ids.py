"""The lead ids a scan has seen, exactly, in memory that stops growing with the rows.

A report must tell the first row of each id from the rows that repeat it, so it must
know every id it has read. Keeping them all in a set costs about 85 bytes an id (85 MB
for a million rows). :class:`SeenIds` keeps a set only up to :data:`EXACT_IDS` ids
(about 11 MB); past that it moves them to a fixed-size **filter** and a **log** on
disk, which take every id after them too:

- the filter has one bit per slot (:data:`FILTER_BITS` in all, 16 MiB); an id sets the
  bit its hash picks. A clear bit proves the id new; a set bit makes the row a
  *suspect*: its id was seen before, or another id shares the bit;
- every new id is appended to the log, a temporary file (about 10 bytes an id);
- the scan holds the suspect rows back and, once it holds :data:`HELD_ROWS` of them or
  the file is read, asks :meth:`SeenIds.repeated` which of their ids the log holds: one
  read of the log. A suspect whose id the log lacks is a new id with an unlucky bit; it
  is logged then, so that its own repeats are found.

So the answer is exact whatever the hashes, and memory is bounded by the filter and the
suspects held, not by the rows. The bit is set at an id's first row and never cleared,
so every repeat of an id is a suspect, and the first row of an id is the only one
logged as new. The share of rows that are suspects is about the share of the filter's
bits set: 0.7 % at a million ids, 7 % at ten million (each read of the log costs about
60 ns an id logged).

Stage: actuals.
"""

from __future__ import annotations

import struct
import sys
import tempfile
from collections import deque
from collections.abc import Callable, Sequence
from contextlib import suppress
from functools import lru_cache
from itertools import repeat
from operator import and_, itemgetter
from typing import TextIO

from slagen.core.errors import FileAccessError

EXACT_IDS = 1 << 17  # ids kept in a set before the filter takes over (about 11 MB)
FILTER_BITS = 1 << 27  # the filter's bits: 16 MiB
HELD_ROWS = 1 << 14  # suspect rows held back before the log is read (about 10 MB)
LOG_READ = 1 << 18  # characters of the log read at a time (its lines: about 2 MB)
# An id's place in the filter, from its hash (a signed 64-bit number): the byte is
# picked by the low bits, the bit of that byte by the top three. Row by row the bit is
# _BIT[hash >> 61] (-4 to 3: a negative index counts from the end, so the same bit as
# (hash >> 61) & 7); a block at a time, the hash's top byte through _BIT_OF_TOP.
_BIT = bytes(1 << n for n in range(8))
_TOP = 61
_BIT_OF_TOP = bytes(1 << (value >> 5) for value in range(256))
_LITTLE = sys.byteorder == "little"
_TOP_BYTE = 7 if _LITTLE else 0  # of a hash's eight bytes, packed
_LOW_WORD = 0 if _LITTLE else 1  # of its two 32-bit words
_HASH_BYTE = [k if _LITTLE else 7 - k for k in range(4)]  # its k-th lowest byte
_WORD_BYTE = [k if _LITTLE else 3 - k for k in range(4)]  # a 32-bit word's k-th lowest


class SeenIds:
    """Which ids were seen: a set until :attr:`budget` ids, then a filter and a log.

    In set mode (:attr:`filtering` false) the scan uses :attr:`exact` directly, as a
    set; it calls :meth:`start_filter` between blocks once :meth:`full`. In filter mode
    (:attr:`exact` empty) it calls :meth:`check` for a row, :meth:`probe` then
    :meth:`record` for a block, and :meth:`repeated` for the suspects it holds.
    """

    def __init__(
        self, budget: int | None = None, bits: int | None = None, held: int | None = None
    ) -> None:
        self.budget = EXACT_IDS if budget is None else budget
        self.bits = FILTER_BITS if bits is None else bits
        self.held = HELD_ROWS if held is None else held
        if not 8 <= self.bits <= 1 << 35 or self.bits & (self.bits - 1):  # bytes: up to 2**32
            raise ValueError("the filter's bits must be a power of two, from 8 to 2**35")
        self.exact: set[str] = set()
        self.filtering = False
        self._filter = bytearray()
        self._mask = self.bits // 8 - 1  # the hash's low bits: a byte of the filter
        width = self._mask.bit_length()
        self._whole = width // 8 if width % 8 == 0 else None  # the low bytes that are those
        self._log: TextIO | None = None
        self._pending: list[str] = []  # new ids not yet written to the log
        self._probed: tuple[Sequence[int], bytes, bytes] = ([], b"", b"")

    def full(self) -> bool:
        """Whether the set has reached its budget (and the filter should take over)."""
        return not self.filtering and len(self.exact) >= self.budget

    def start_filter(self) -> None:
        """Move the set's ids into the filter and the log; from now on, filter mode.

        When no temporary file can be made, the set is kept (and keeps growing).
        """
        try:
            # Open across the scan; close() closes it (and the system deletes it).
            self._log = tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n")  # noqa: SIM115
        except OSError:
            self.budget = 1 << 62  # never full again: the set it is
            return
        self._filter = bytearray(self.bits // 8)
        self.filtering = True
        ids = list(self.exact)
        self.exact = set()  # empty from now on: its memory is the filter's
        self.probe(ids)
        self.record(ids, [])

    def check(self, lead_id: str) -> bool:
        """One row's id, in filter mode: ``True`` when new (now recorded), ``False`` if a suspect."""
        h = hash(lead_id)
        byte, bit = h & self._mask, _BIT[h >> _TOP]
        value = self._filter[byte]
        if value & bit:
            return False
        self._filter[byte] = value | bit
        self._pending.append(lead_id)
        if len(self._pending) >= 4096:
            self._write(self._pending)
            self._pending = []
        return True

    def probe(self, ids: Sequence[str]) -> list[int]:
        """The positions of the suspects among distinct ``ids``; nothing is recorded yet.

        :meth:`record` records the block once it is taken; a block that is not taken
        goes row by row, through :meth:`check`. The hashes are packed into bytes, so
        that picking each id's byte and bit, and testing them, is done a block at a
        time in C: a few passes over the block, not a dozen operations an id.
        """
        count = len(ids)
        raw = _packer(count)(*map(hash, ids))
        bits = raw[_TOP_BYTE::8].translate(_BIT_OF_TOP)
        if self._whole is not None:  # 2**(8k) bytes: the hash's low k bytes are the byte
            low = bytearray(4 * count)
            for k in range(self._whole):
                low[_WORD_BYTE[k] :: 4] = raw[_HASH_BYTE[k] :: 8]
            places: Sequence[int] = memoryview(low).cast("I")
        else:
            places = list(map(and_, memoryview(raw).cast("I")[_LOW_WORD::2], repeat(self._mask)))
        now = self._gather(places)
        self._probed = places, bits, now
        hit = int.from_bytes(now, "little") & int.from_bytes(bits, "little")
        if not hit:
            return []
        return [i for i, value in enumerate(hit.to_bytes(count, "little")) if value]

    def record(self, ids: Sequence[str], suspects: list[int]) -> None:
        """Record the ids :meth:`probe` just saw, but for the suspects (held by the scan)."""
        places, bits, now = self._probed
        want = int.from_bytes(bits, "little")
        found = self._filter
        new = (int.from_bytes(now, "little") | want).to_bytes(len(places), "little")
        deque(map(found.__setitem__, places, new), maxlen=0)
        if int.from_bytes(self._gather(places), "little") & want != want:
            # Two ids of the block in one byte: the later write lost the earlier bit.
            for place, bit in zip(places, bits, strict=True):
                found[place] |= bit
        if suspects:
            skip = set(suspects)
            ids = [lead_id for i, lead_id in enumerate(ids) if i not in skip]
        self._write(ids)

    def _gather(self, places: Sequence[int]) -> bytes:
        """The filter's bytes at these places."""
        if len(places) > 1:
            return bytes(itemgetter(*places)(self._filter))
        return bytes(self._filter[place] for place in places)  # itemgetter of one: an int

    def repeated(self, suspects: Sequence[str]) -> set[str]:
        """Which suspect ids the log holds (an earlier row had them); logs the others.

        ``suspects`` are in the order of their rows. Of the ones the log lacks, the first
        row of each is new (and now logged); later rows of it are repeats: so a row is a
        repeat when its id is returned, or is one of an earlier suspect of the same call.
        The caller tells those apart; this returns only the ids the log held before.
        """
        assert self._log is not None
        self._write(self._pending)
        self._pending = []
        wanted = {_line(lead_id) for lead_id in suspects}
        found: set[str] = set()
        log = self._log
        try:
            log.seek(0)
            carry = ""
            while wanted:
                text = log.read(LOG_READ)
                if not text:
                    break
                lines = (carry + text).split("\n")
                carry = lines.pop()
                hits = wanted.intersection(lines)
                found |= hits
                wanted -= hits
            log.seek(0, 2)
        except OSError as exc:
            raise _unwritable(exc) from None
        known = {lead_id for lead_id in suspects if _line(lead_id) in found}
        self._write(list(dict.fromkeys(lead_id for lead_id in suspects if lead_id not in known)))
        return known

    def close(self) -> None:
        """Delete the log (what it still buffers is no longer needed)."""
        if self._log is not None:
            with suppress(OSError):
                self._log.close()
            self._log = None

    def _write(self, ids: Sequence[str]) -> None:
        if not ids:
            return
        assert self._log is not None
        text = "\n".join(ids)
        if "\\" in text or text.count("\n") != len(ids) - 1:
            text = "\n".join(map(_line, ids))
        try:
            self._log.write(text + "\n")
        except OSError as exc:
            raise _unwritable(exc) from None


def _unwritable(exc: OSError) -> FileAccessError:
    return FileAccessError(
        f"the temporary file of the lead ids read so far failed: {exc.strerror or exc}",
        hint="free some space in the temporary folder, or point TMPDIR at one with room "
        "(the file takes about 10 bytes a lead)",
    )


def _line(lead_id: str) -> str:
    """An id as one line of the log: itself, or escaped when it holds ``\\n`` or ``\\``.

    An escaped id starts with ``\\``, which no id kept as it is holds: no two ids share a line.
    """
    if "\n" in lead_id or "\\" in lead_id:
        return "\\" + lead_id.replace("\\", "\\\\").replace("\n", "\\n")
    return lead_id


@lru_cache(maxsize=1024)
def _packer(count: int) -> Callable[..., bytes]:
    """Packs ``count`` hashes as native 64-bit numbers."""
    return struct.Struct(f"={count}q").pack

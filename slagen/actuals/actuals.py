"""Reading a CRM lead export, one row at a time.

The general path of the reader: :func:`open_actuals` reads the header and resolves
the columns once; :func:`parse_row` turns one row into a :class:`Lead` or raises the
:class:`~slagen.actuals.cells.CellError` of its first bad cell, and :class:`ReadStats`
records what went wrong with the rows (a bounded list of findings plus counts). The
loop over the rows, with its fast paths for the usual rows, is :mod:`slagen.actuals.scan`.

The CRM's own headers and values are renamed by a :class:`~slagen.actuals.mapping.ColumnMapping`.
Times without an offset are wall-clock times in the agreement's time zone.

Stage: actuals.
"""

from __future__ import annotations

import csv
import datetime as dt
from bisect import bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from operator import attrgetter
from pathlib import Path
from typing import TextIO
from zoneinfo import ZoneInfo

from slagen.actuals.cells import (
    MAX_ATTEMPTS,
    MAX_NUMBER_CHARS,
    CellError,
    check_cell,
    parse_revenue,
    parse_time,
)
from slagen.actuals.mapping import (
    ActualsError,
    ColumnMapping,
    column_index,
    exclusions,
    load_mapping,
)
from slagen.core.errors import FileAccessError

SOURCES = ("marketing", "sales")
TRUE_WORDS = frozenset({"true", "yes", "y", "1", "t"})
FALSE_WORDS = frozenset({"false", "no", "n", "0", "f", ""})
MAX_FINDINGS = 100  # kept in full; the rest are only counted
_LINE = attrgetter("line")
MAX_UNKNOWN_NAMES = 50

__all__ = [
    "ActualsError",
    "ColumnMapping",
    "Lead",
    "ReadStats",
    "RowFinding",
    "load_mapping",
    "open_actuals",
    "parse_row",
]


@dataclass(frozen=True)
class RowFinding:
    """A problem in one CSV row: ``line`` is the 1-based line the record starts on."""

    file: str
    line: int
    column: str
    severity: str  # "error" (row skipped) | "warning" (row kept)
    message: str
    code: str = "bad-cell"

    def format_text(self) -> str:
        return f"{self.file}:{self.line}: {self.severity}: {self.column}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
        }


@dataclass(slots=True)
class Lead:
    """One good row, every time in the agreement's time zone."""

    line: int
    id: str
    created_at: dt.datetime
    segment: str
    source: str
    handed_off_at: dt.datetime | None
    first_attempt_at: dt.datetime | None
    attempts: int
    connected: bool
    closed_at: dt.datetime | None
    revenue: Decimal | None

    def times(
        self,
    ) -> tuple[dt.datetime, dt.datetime | None, dt.datetime | None, dt.datetime | None]:
        return (self.created_at, self.handed_off_at, self.first_attempt_at, self.closed_at)


@dataclass
class ReadStats:
    """What the reader saw besides the good rows; bounded whatever the file size."""

    file: str
    rows: int = 0
    skipped: int = 0
    excluded: int = 0  # rows the mapping's `exclude` says are not leads
    warnings: int = 0
    findings: list[RowFinding] = field(default_factory=list)
    duplicates: int = 0  # rows whose id an earlier row had; counted once
    latest: dt.datetime | None = None  # the latest time in a good row
    unknown_segments: dict[str, int] = field(default_factory=dict)
    unknown_other: int = 0  # rows of unknown segments beyond MAX_UNKNOWN_NAMES names

    def add(self, finding: RowFinding) -> None:
        """Count a finding; keep it if it is among the first :data:`MAX_FINDINGS` by line.

        Findings come in the order of their rows, but for those of rows the scan held
        back (:mod:`slagen.actuals.ids`), which take their place by line.
        """
        if finding.severity == "error":
            self.skipped += 1
        else:
            self.warnings += 1
        found = self.findings
        if found and finding.line < found[-1].line:
            found.insert(bisect_right(found, finding.line, key=_LINE), finding)
            del found[MAX_FINDINGS:]
        elif len(found) < MAX_FINDINGS:
            found.append(finding)

    def unknown(self, segment: str) -> None:
        if segment in self.unknown_segments or len(self.unknown_segments) < MAX_UNKNOWN_NAMES:
            self.unknown_segments[segment] = self.unknown_segments.get(segment, 0) + 1
        else:
            self.unknown_other += 1

    @property
    def unknown_rows(self) -> int:
        return sum(self.unknown_segments.values()) + self.unknown_other


@dataclass
class OpenedActuals:
    """A CSV export opened for reading, its header read and its columns resolved."""

    file: str
    handle: TextIO  # the text after the header
    delimiter: str
    header_lines: int  # the header's last line (more than 1 when a name holds a line break)
    index: dict[str, int]  # canonical column → position
    excluded: list[tuple[int, frozenset[str]]]  # the mapping's `exclude` rules
    decimal_comma: bool  # a semicolon CSV: "1.200,50"

    def not_utf8(self, exc: UnicodeDecodeError) -> ActualsError:
        return _not_utf8(Path(self.file), exc)


@contextmanager
def open_actuals(path: str | Path, mapping: ColumnMapping) -> Iterator[OpenedActuals]:
    """Open a CSV export, read its header and resolve the columns, once for all rows.

    Raises:
        FileAccessError: the file cannot be read.
        ActualsError: the header is missing, unreadable or lacks a required column.
    """
    source = Path(path)
    try:
        handle = source.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise FileAccessError(f"{source}: cannot read: {exc.strerror or exc}") from exc
    with handle:
        delimiter = _sniff_delimiter(handle)
        reader = csv.reader(handle, delimiter=delimiter)
        try:
            header = next(reader)
        except StopIteration:
            raise ActualsError(
                f"{source}: empty file; a header row is required",
                hint="export the leads with their header row",
                code="empty-file",
            ) from None
        except UnicodeDecodeError as exc:
            raise _not_utf8(source, exc) from None
        except csv.Error as exc:
            raise ActualsError(
                f"{source}:1: cannot read the header: {exc}",
                hint="export the CSV again; its first line must be the column names",
                code="unreadable-row",
            ) from exc
        yield OpenedActuals(
            file=str(source),
            handle=handle,
            delimiter=delimiter,
            header_lines=reader.line_num,
            index=column_index(header, mapping, str(source)),
            excluded=exclusions(header, mapping, str(source)),
            decimal_comma=delimiter == ";",
        )


def label(mapping: ColumnMapping, name: str) -> str:
    """A canonical column as findings name it: ``source (Lead Source)`` under a mapping."""
    found = mapping.columns.get(name, name)
    return name if found == name else f"{name} ({found})"


def _not_utf8(source: Path, exc: UnicodeDecodeError) -> ActualsError:
    # The file is decoded in blocks, so the line of the bad byte is not known here.
    return ActualsError(
        f"{source}: not UTF-8 text ({exc.reason})",
        hint="export the CSV as UTF-8 (in Excel: CSV UTF-8)",
        code="not-utf8",
    )


def _sniff_delimiter(handle: TextIO) -> str:
    # Excel in many European locales (Spanish among them) saves "CSV" with
    # semicolons and decimal commas; the header row tells which it is.
    try:
        first = handle.readline()
    except UnicodeDecodeError:
        first = ""  # the reader reports it
    handle.seek(0)
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def parse_row(
    row: list[str],
    line: int,
    index: dict[str, int],
    mapping: ColumnMapping,
    zone: ZoneInfo,
    segments: dict[str, str],
    stats: ReadStats,
    file: str,
    decimal_comma: bool = False,
) -> Lead | None:
    """The general path for one row: its :class:`Lead`, or ``None`` for an unknown segment.

    Raises:
        CellError: the first bad cell of the row (the row is skipped).
    """

    def cell(name: str) -> str:
        position = index.get(name)
        value = row[position].strip() if position is not None and position < len(row) else ""
        check_cell(name, value)
        mapped = mapping.values.get(name)
        if mapped is not None:
            value = mapped.get(value, value)
        return value

    def when(name: str, required: bool = False) -> dt.datetime | None:
        text = cell(name)
        if not text:
            if required:
                raise CellError(name, "is empty")
            return None
        return parse_time(text, zone, mapping.datetime_formats, name)

    lead_id = cell("id")
    if not lead_id:
        raise CellError("id", "is empty")
    created = when("created_at", required=True)
    assert created is not None
    source_text = cell("source").lower()
    if source_text not in SOURCES:
        raise CellError("source", f"must be marketing or sales (got {cell('source')!r})")
    attempts_text = cell("attempts")
    if len(attempts_text) > MAX_NUMBER_CHARS:
        raise CellError("attempts", f"is too long for a count ({len(attempts_text)} characters)")
    try:
        attempts = int(attempts_text) if attempts_text else 0
    except ValueError:
        raise CellError("attempts", f"must be a whole number (got {attempts_text!r})") from None
    if attempts < 0:
        raise CellError("attempts", f"must not be negative (got {attempts})")
    if attempts > MAX_ATTEMPTS:
        raise CellError(
            "attempts",
            f"is more than {MAX_ATTEMPTS} contact attempts (got {attempts})",
            "number-out-of-range",
        )
    connected_text = cell("connected").lower()
    if connected_text not in TRUE_WORDS and connected_text not in FALSE_WORDS:
        raise CellError("connected", f"must be true or false (got {cell('connected')!r})")
    revenue_text = cell("revenue")
    revenue = parse_revenue(revenue_text, decimal_comma)
    handed_off = when("handed_off_at")
    first_attempt = when("first_attempt_at")
    closed = when("closed_at")
    if handed_off is not None and first_attempt is not None and first_attempt < handed_off:
        raise CellError("first_attempt_at", "is before handed_off_at")
    if closed is not None and revenue is None:
        # Keep the lead and its win; only its revenue is unknown.
        label = mapping.columns.get("revenue", "revenue")
        stats.add(
            RowFinding(
                file,
                line,
                "revenue" if label == "revenue" else f"revenue ({label})",
                "warning",
                "is empty although closed_at is set; counted as won with no revenue",
                "revenue-missing",
            )
        )
    segment_text = cell("segment")
    segment = segments.get(segment_text.lower())
    if segment is None:
        stats.unknown(segment_text or "(empty)")
        return None
    return Lead(
        line,
        lead_id,
        created,
        segment,
        source_text,
        handed_off,
        first_attempt,
        attempts,
        connected_text in TRUE_WORDS,
        closed,
        revenue,
    )

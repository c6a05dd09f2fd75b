"""The limits policy for one CSV cell, and the parsers that enforce it.

Every cell of a CRM export is untrusted: a breach of a limit here is a
:class:`CellError`, which the reader turns into a finding on the row's line,
never a crash, a hang or a giant number carried into the exact arithmetic.
Rows are unbounded in number; each is read and dropped, so memory stays flat.

Stage: actuals.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

# The limits policy: what one cell may hold. A breach is a finding on its row,
# never a crash, a hang or a giant number carried into the arithmetic.
MAX_CELL_CHARS = 1_000  # a CRM id, name or time is far shorter
MAX_NUMBER_CHARS = 40  # a money or count cell, as written
MAX_REVENUE_DIGITS = 15  # whole digits: below 10^15 of any currency
MAX_REVENUE_DECIMALS = 6
MAX_ATTEMPTS = 10_000
FIRST_YEAR, LAST_YEAR = 1900, 2199
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CURRENCY_RE = re.compile(r"^\s*(?:[A-Z]{3}|[$€£¥])\s*|\s*(?:[A-Z]{3}|[$€£¥])\s*$")
_GROUPED_RE = re.compile(r"^[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?$")
# A money amount as most CRMs write it: within every limit, and the same number as written.
_PLAIN_AMOUNT_RE = re.compile(
    rf"[0-9]{{1,{MAX_REVENUE_DIGITS}}}(?:\.[0-9]{{1,{MAX_REVENUE_DECIMALS}}})?"
)


class CellError(Exception):
    def __init__(self, column: str, message: str, code: str = "bad-cell") -> None:
        super().__init__(message)
        self.column = column
        self.message = message
        self.code = code


def check_cell(name: str, value: str) -> None:
    """Raise :class:`CellError` for a cell over the length limit or with control characters."""
    if len(value) > MAX_CELL_CHARS:
        raise CellError(
            name,
            f"holds {len(value)} characters, more than the {MAX_CELL_CHARS} a cell may hold",
            "cell-too-long",
        )
    if _CONTROL_RE.search(value):
        raise CellError(
            name,
            "holds a control character (such as NUL); export the CSV as plain text",
            "control-character",
        )


def amount_text(text: str, decimal_comma: bool) -> str:
    """A CRM money cell as a plain decimal: ``USD 12,000.50`` → ``12000.50``.

    A currency code or symbol around the number is dropped, and so are thousands
    separators: ``,`` normally, ``.`` in a semicolon CSV, whose decimal mark is ``,``.
    """
    text = _CURRENCY_RE.sub("", text).strip()
    if decimal_comma:
        return text.replace(".", "").replace(",", ".")
    if _GROUPED_RE.match(text):
        return text.replace(",", "")
    return text


def parse_revenue(text: str, decimal_comma: bool) -> Decimal | None:
    """A money cell as an exact decimal within the limits; ``None`` for an empty cell."""
    if not decimal_comma and _PLAIN_AMOUNT_RE.fullmatch(text):
        return Decimal(text)  # what the checks below would accept as it is
    revenue = None
    if len(text) > MAX_NUMBER_CHARS:
        raise CellError(
            "revenue",
            f"is {len(text)} characters long, more than the {MAX_NUMBER_CHARS} "
            "a money amount may have",
            "number-out-of-range",
        )
    if text:
        try:
            revenue = Decimal(amount_text(text, decimal_comma))
        except InvalidOperation:
            raise CellError("revenue", f"must be a number like 12000.50 (got {text!r})") from None
        if not revenue.is_finite() or revenue < 0:
            raise CellError("revenue", f"must be a non-negative number (got {text!r})")
        exponent = revenue.as_tuple().exponent
        if revenue and (
            revenue.adjusted() >= MAX_REVENUE_DIGITS
            or (isinstance(exponent, int) and exponent < -MAX_REVENUE_DECIMALS)
        ):
            raise CellError(
                "revenue",
                f"must be below 10^{MAX_REVENUE_DIGITS} with at most {MAX_REVENUE_DECIMALS} "
                f"decimals (got {text!r})",
                "number-out-of-range",
            )
    return revenue


def parse_time(text: str, zone: ZoneInfo, formats: tuple[str, ...], column: str) -> dt.datetime:
    value: dt.datetime | None = None
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        for fmt in formats:
            try:
                value = dt.datetime.strptime(text, fmt)
                break
            except ValueError:
                continue
    if value is None:
        raise CellError(column, f"is not an ISO 8601 date or date-time (got {text!r})")
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise CellError(
            column,
            f"lies outside the years {FIRST_YEAR}–{LAST_YEAR} (got {text!r})",
            "date-out-of-range",
        )
    if value.tzinfo is None:
        return value.replace(tzinfo=zone)
    return value.astimezone(zone)

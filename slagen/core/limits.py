"""The one limits policy: how big, long, precise or far any value may be.

An agreement arrives in a pull request, so the loader treats it as untrusted
input. Every bound slagen applies to what it reads lives here, so that
``validate`` passing means the later stages (targets, charts, number formats,
file names) cannot fail for a reason of the file's content. The loader and the
field checks turn each breach into a finding with a stable code; the figures
are documented in ``docs/limits.md`` (a test keeps the two in step).

Why these numbers: an agreement is a few hundred lines written by people.
Money up to a trillion covers any company's revenue goal; six decimal places
cover a close rate of 0.0001%; a period of at most ten years and dates between
1900 and 2200 keep month arithmetic and calendars sane; the collection bounds
are ten times what the largest real agreement we have seen uses.

Stage: check.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

__all__ = [
    "MAX_ALIASES",
    "MAX_BYTES",
    "MAX_COMPUTED",
    "MAX_DECIMAL_PLACES",
    "MAX_DEPTH",
    "MAX_ID_CHARS",
    "MAX_ITEMS",
    "MAX_ITEMS_BY_FIELD",
    "MAX_KEYS",
    "MAX_KEY_CHARS",
    "MAX_NODES",
    "MAX_NUMBER",
    "MAX_PERIOD_MONTHS",
    "MAX_TEXT_CHARS",
    "MAX_YEAR",
    "MIN_YEAR",
    "UNSAFE_CHAR_RE",
    "number_problem",
    "unsafe_char_problem",
    "year_problem",
]

# -- the file -------------------------------------------------------------------
MAX_BYTES = 1024 * 1024  # 1 MiB; an agreement is a few hundred lines
MAX_DEPTH = 64  # levels of nesting; an agreement needs about six
MAX_ALIASES = 100  # alias uses (`*name`); bounds "billion laughs"
MAX_NODES = 200_000  # values after aliases are expanded

# -- numbers --------------------------------------------------------------------
MAX_NUMBER: Decimal = Decimal(10) ** 12  # a trillion, in any currency
MAX_DECIMAL_PLACES = 6  # 0.000001 = 0.0001%
# A computed figure (leads, opportunities, revenue per month) above this is
# refused: charts, number formats and the CSV stay exact and readable.
MAX_COMPUTED: Decimal = Decimal(10) ** 15

# -- dates ----------------------------------------------------------------------
MIN_YEAR = 1900
MAX_YEAR = 2200
MAX_PERIOD_MONTHS = 120  # ten years

# -- text -----------------------------------------------------------------------
MAX_TEXT_CHARS = 20_000  # any one text value (a long Markdown clause fits)
MAX_KEY_CHARS = 64  # a field name, or a month key
MAX_ID_CHARS = 64  # ids become file names and anchors

# -- collections ----------------------------------------------------------------
MAX_ITEMS = 1_000  # any list not named below
MAX_KEYS = 500  # any mapping (a per-month map of ten years has 120)
MAX_ITEMS_BY_FIELD: dict[str, int] = {
    "parties": 20,
    "history": 200,
    "definitions": 200,
    "objectives": 200,
    "needs": 200,
    "contacts": 100,
    "service_levels": 100,
    "targets.segments": 100,
    "targets.segments[].funnel": 20,
    "reports": 50,
    "meetings": 50,
    "consequences": 100,
    "cancellation": 100,
    "approvals": 200,
}

# Characters that change how text reads without being visible: bidirectional
# overrides and isolates ("Trojan Source"), and control characters other than
# tab and newline.
UNSAFE_CHAR_RE = re.compile("[\u202a-\u202e\u2066-\u2069\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def number_problem(number: Decimal) -> str | None:
    """Why ``number`` is outside the policy, or ``None`` when it is inside."""
    if not number.is_finite():
        return "is not a finite number"
    if abs(number) > MAX_NUMBER:
        return f"is larger than {MAX_NUMBER:,} (the largest number slagen computes with)"
    exponent = number.normalize().as_tuple().exponent
    if isinstance(exponent, int) and -exponent > MAX_DECIMAL_PLACES:
        return f"has more than {MAX_DECIMAL_PLACES} decimal places"
    return None


def year_problem(year: int) -> str | None:
    """Why a date in ``year`` is outside the policy, or ``None``."""
    if MIN_YEAR <= year <= MAX_YEAR:
        return None
    return f"the year {year} is outside {MIN_YEAR}–{MAX_YEAR}"


def unsafe_char_problem(text: str) -> str | None:
    """A description of the first invisible control character in ``text``, or ``None``."""
    if text.isprintable():
        return None  # every character the pattern names is unprintable (Cc or Cf)
    match = UNSAFE_CHAR_RE.search(text)
    if match is None:
        return None
    char = match.group()
    name = unicodedata.name(char, "control character")
    return f"contains the invisible character U+{ord(char):04X} ({name})"

"""Babel's number and date patterns applied without importing Babel, for es and en.

Importing Babel's number and date modules costs a command about 8 ms (its core,
the pickled locale data, the plural rules, the time zones), more than the
formatting a ``diff`` or ``targets`` does with them. The patterns, symbols and
month names are already in :mod:`slagen.formats.locale_compiled`, generated from
Babel; this module applies them exactly as Babel's ``NumberPattern.apply`` and
``DateTimePattern.apply`` do, for the shapes of pattern the two locales use:

* numbers: a prefix and suffix without quotes, grouping, minimum and maximum
  decimals; no negative sub-pattern, exponent, significant digits or per-mille;
  ``¤`` (the currency's symbol) and ``¤¤`` (its code), not ``¤¤¤`` (its name);
* dates: days, years, month numbers and names, quoted and plain text.

Every function returns ``None`` where it does not apply (another locale, another
Babel version than the data's, another shape of pattern, a value that is not a
finite number), and its caller then asks Babel. ``tests/test_patterns.py``
compares both ways over generated values.

Stage: format.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from decimal import Decimal
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from slagen.formats import locale_compiled as compiled

__all__ = [
    "NumberFormat",
    "date_pattern",
    "format_date_pattern",
    "locale_data",
    "number_format",
]

LOCALE_BY_LANGUAGE = {"es": "es_ES", "en": "en_US"}
# The characters a number pattern's prefix or suffix may hold here: none that
# Babel gives a meaning to other than "%" and "¤", and no quote.
_NUMBER_RE = re.compile(r"([^0-9#,.;@E'‰]*)([#,]*0[0,]*)(?:\.(0*)(#*))?([^0-9#,.;@E'‰]*)\Z")
_VERSION_RE = re.compile(r"""^__version__\s*=\s*['"]([^'"]+)['"]""", re.MULTILINE)


def babel_version() -> str | None:
    """The installed Babel's version, read from its ``__init__`` without importing it."""
    module = sys.modules.get("babel")
    if module is not None:
        return str(module.__version__)
    spec = find_spec("babel")
    if spec is None or spec.origin is None:
        return None
    try:
        source = Path(spec.origin).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    match = _VERSION_RE.search(source)
    return match.group(1) if match else None


@cache
def locale_data(lang: str) -> dict[str, Any] | None:
    """The generated data of ``lang``'s locale, or ``None`` if Babel must format it."""
    name = LOCALE_BY_LANGUAGE.get(lang, lang)
    entry: dict[str, Any] | None = compiled.LOCALES.get(name)
    if entry is None or entry["default_numbering_system"] != "latn":
        return None
    if babel_version() != compiled.BABEL_VERSION:
        return None
    return entry


class NumberFormat:
    """One number pattern, parsed as Babel's ``parse_pattern`` parses it."""

    def __init__(
        self,
        prefix: str,
        suffix: str,
        grouping: tuple[int, int],
        int_min: int,
        frac: tuple[int, int],
        symbols: dict[str, str],
    ) -> None:
        self.prefix = (prefix, "-" + prefix)
        self.suffix = suffix
        self.grouping = grouping
        self.int_min = int_min
        self.frac = frac
        self.scale = 2 if "%" in prefix + suffix else 0
        self.group = symbols.get("group", ",")
        self.decimal = symbols.get("decimal", ".")

    def apply(
        self,
        value: Decimal | int,
        *,
        quantize: bool = True,
        frac: tuple[int, int] | None = None,
        currency: tuple[str, str] | None = None,
    ) -> str | None:
        """``value`` written as Babel writes it; ``None`` for a value it leaves to Babel.

        ``frac`` overrides the pattern's decimals (Babel's pattern with another
        ``frac_prec``); ``currency`` is the currency's code and symbol.
        """
        if not isinstance(value, Decimal):
            value = Decimal(str(value))
        if not value.is_finite():
            return None
        value = value.scaleb(self.scale)
        negative = int(value.is_signed())
        value = abs(value).normalize()
        low, high = frac or self.frac
        if not quantize:
            exponent = value.as_tuple().exponent
            assert isinstance(exponent, int)  # a finite number's
            high = max(high, -exponent)
        rounded = value.quantize(Decimal(10) ** -high)
        whole, _, fraction = f"{rounded:f}".partition(".")
        number = self._grouped(whole) + self._fraction(fraction or "0", low, high)
        text = self.prefix[negative] + number + self.suffix
        if currency is not None and "¤" in text:
            code, symbol = currency
            text = text.replace("¤¤", code.upper()).replace("¤", symbol)
            if "'" in text:  # Babel then unquotes quoted text in the result
                text = re.sub(r"'([^']*)'", lambda m: m.group(1) or "'", text)
        return text

    def _grouped(self, digits: str) -> str:
        if len(digits) < self.int_min:
            digits = "0" * (self.int_min - len(digits)) + digits
        size, out = self.grouping[0], ""
        while len(digits) > size:
            out = self.group + digits[-size:] + out
            digits = digits[:-size]
            size = self.grouping[1]
        return digits + out

    def _fraction(self, digits: str, low: int, high: int) -> str:
        if len(digits) < low:
            digits += "0" * (low - len(digits))
        if high == 0 or (low == 0 and int(digits) == 0):
            return ""
        while len(digits) > low and digits[-1] == "0":
            digits = digits[:-1]
        return self.decimal + digits


@cache
def number_format(lang: str, pattern: str) -> NumberFormat | None:
    """``pattern`` in ``lang``'s symbols; ``None`` for a pattern Babel must apply."""
    entry = locale_data(lang)
    if entry is None or "¤¤¤" in pattern:
        return None
    match = _NUMBER_RE.match(pattern)
    if match is None:
        return None
    prefix, integer, frac_min, frac_more, suffix = match.groups()
    frac_min, frac_more = frac_min or "", frac_more or ""
    return NumberFormat(
        prefix,
        suffix,
        _grouping(integer),
        integer.count("0"),
        (len(frac_min), len(frac_min) + len(frac_more)),
        entry["number_symbols"]["latn"],
    )


def _grouping(integer: str) -> tuple[int, int]:
    """Babel's ``parse_grouping``: the primary and secondary group sizes."""
    width = len(integer)
    last = integer.rfind(",")
    if last == -1:
        return 1000, 1000
    primary = width - last - 1
    before = integer[: -primary - 1].rfind(",")
    if before == -1:
        return primary, primary
    return primary, width - primary - before - 2


_DATE_WIDTHS = {"d": 3, "M": 5, "L": 5}  # the widest each field may be (Babel refuses wider)


@cache
def date_pattern(pattern: str) -> tuple[tuple[str, int, str], ...] | None:
    """A date pattern as ``(letter, width, "")`` fields and ``("", 0, text)`` literals.

    Tokenized as Babel's ``tokenize_pattern`` does (``''`` is a quote, in quoted
    text or not); ``None`` for a pattern with a field Babel must format
    (weekdays, eras, times…) or one Babel would refuse.
    """
    source = pattern.replace("''", "\0")
    parts: list[tuple[str, int, str]] = []
    text, i = "", 0
    while i < len(source):
        char = source[i]
        if char == "'":
            end = source.find("'", i + 1)
            if end == -1:
                return None
            text += source[i + 1 : end]
            i = end + 1
        elif char.isascii() and char.isalpha():
            width = 1
            while i + width < len(source) and source[i + width] == char:
                width += 1
            if char != "y" and width > _DATE_WIDTHS.get(char, 0):
                return None
            if text:
                parts.append(("", 0, text.replace("\0", "'")))
                text = ""
            parts.append((char, width, ""))
            i += width
        else:
            text += char
            i += 1
    if text:
        parts.append(("", 0, text.replace("\0", "'")))
    return tuple(parts)


def format_date_pattern(lang: str, pattern: str, value: dt.date) -> str | None:
    """``value`` written with a date pattern, as Babel writes it; ``None``: ask Babel."""
    entry = locale_data(lang)
    parts = date_pattern(pattern)
    if entry is None or parts is None:
        return None
    out = []
    for letter, width, text in parts:
        if not letter:
            out.append(text)
        elif letter == "d" or (letter in "ML" and width <= 2):
            number = value.day if letter == "d" else value.month
            out.append("%0*d" % (width, number))  # noqa: UP031 - Babel's own formatting
        elif letter == "y":
            year = "%0*d" % (width, value.year)  # noqa: UP031
            out.append(year[-2:] if width == 2 else year)
        else:
            context = "format" if letter == "M" else "stand-alone"
            names = {3: "abbreviated", 4: "wide", 5: "narrow"}[width]
            out.append(entry["months"][context][names][value.month])
    return "".join(out)


def format_number_pattern(
    value: Decimal | int,
    lang: str,
    pattern: str | None = None,
    *,
    key: str = "decimal_formats",
    quantize: bool = True,
) -> str | None:
    """Babel's ``format_decimal`` (``key`` ``percent_formats``: ``format_percent``).

    ``pattern`` ``None`` is the locale's own pattern of that kind.
    """
    entry = locale_data(lang)
    if entry is None:
        return None
    number = number_format(lang, pattern if pattern is not None else entry[key][None])
    return None if number is None else number.apply(value, quantize=quantize)


def format_money_pattern(value: Decimal | int, currency: str, lang: str) -> str | None:
    """Babel's ``format_currency`` with the locale's standard pattern and the currency's decimals."""
    entry = locale_data(lang)
    if entry is None:
        return None
    number = number_format(lang, entry["currency_formats"]["standard"])
    if number is None:
        return None
    digits = compiled.CURRENCY_DIGITS.get(currency, compiled.CURRENCY_DIGITS_DEFAULT)
    symbol = entry["currency_symbols"].get(currency, currency)
    return number.apply(value, frac=(digits, digits), currency=(currency, symbol))


def whole_number_writer(lang: str) -> tuple[str, str] | None:
    """``(group, minus)`` where the locale writes whole numbers as Python's ``f"{n:,}"``.

    That is a decimal pattern of ``#,##0.###`` (groups of three, no minimum
    integer digits beyond one); ``None`` for any other.
    """
    entry = locale_data(lang)
    if entry is None or entry["decimal_formats"][None] != "#,##0.###":
        return None
    symbols = entry["number_symbols"]["latn"]
    return symbols.get("group", ","), "-"

"""Locale formatting and the translation catalogs of the templates.

Numbers, amounts, dates and months in es and en are written by
:mod:`slagen.formats.patterns` from the locale data generated from Babel, exactly
as Babel writes them, without importing Babel; anything else (another locale,
another Babel version, durations, lists) is Babel's own formatting.

Templates are written with English message ids (``{% trans %}``, ``_()``);
the Spanish catalog lives in ``templates/locale/es/LC_MESSAGES/messages.po``
and is compiled in memory when first needed (or taken from
:mod:`slagen.formats.catalog_compiled` when the ``.po`` is the one that was
generated from), so no binary ``.mo`` file is kept in git. A team's templates
folder may carry its own ``locale/`` catalogs, which win over the shipped ones.

Updating the catalog after changing wording (from the repository root)::

    pybabel extract -F templates/locale/babel.cfg -o templates/locale/messages.pot \
        --no-location --omit-header --sort-output .
    pybabel update -i templates/locale/messages.pot -d templates/locale -l es \
        --ignore-obsolete --width 100

then translate the new ``msgstr ""`` entries (and any marked ``#, fuzzy``,
which are not used until the mark is removed), and regenerate the compiled
catalog with ``python -m slagen.formats.catalog_compile``.

Stage: format.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from slagen.formats import patterns
from slagen.formats.patterns import LOCALE_BY_LANGUAGE

if TYPE_CHECKING:  # Babel loads only where the generated patterns do not apply
    from babel.core import Locale
    from babel.numbers import NumberPattern
    from babel.support import NullTranslations

__all__ = [
    "LOCALE_BY_LANGUAGE",
    "format_date",
    "format_duration",
    "format_money",
    "format_month",
    "format_number",
    "format_pattern",
    "format_percent",
    "gettext",
    "integer_format",
    "locale_for",
    "translations",
]

_LAST_ZERO_RE = re.compile(r"0(?=[^0#]*$)")
UNIT_BY_DURATION = {
    "m": "duration-minute",
    "h": "duration-hour",
    "d": "duration-day",
    "w": "duration-week",
}


def locale_for(lang: str) -> Locale:
    """The Babel locale of a document language (``es`` → ``es_ES``); imports Babel."""
    from slagen.formats.locales import locale_for as babel_locale

    return babel_locale(lang)


def format_number(
    value: Decimal | int, lang: str, *, decimals: int | None = None, fixed: bool = False
) -> str:
    """A count or quantity with the locale's grouping (``12.500`` / ``12,500``).

    With ``decimals``, the value is rounded half-up to that many places; trailing
    zeros are dropped (``412,5``) unless ``fixed`` (``412,50``), which keeps
    columns of figures aligned.
    """
    if decimals is not None:
        value = _round(Decimal(value), decimals, fixed=fixed)
        if fixed:
            return format_pattern(value, "#,##0." + "0" * decimals if decimals else "#,##0", lang)
    elif type(value) is int:
        return integer_format(lang)(value)
    written = patterns.format_number_pattern(value, lang, quantize=False)
    if written is not None:
        return written
    from babel.numbers import format_decimal

    return format_decimal(value, locale=locale_for(lang), decimal_quantization=False)


def format_pattern(value: Decimal | int, pattern: str, lang: str) -> str:
    """``value`` written with a number pattern (``#,##0.00``, ``#,##0.0 %``) in ``lang``.

    Babel's ``format_decimal`` with that pattern, or its ``format_percent`` for a
    pattern with ``%``.
    """
    written = patterns.format_number_pattern(value, lang, pattern)
    if written is not None:
        return written
    from babel.numbers import format_decimal

    return format_decimal(value, _parsed(pattern), locale=locale_for(lang))


def format_percent(value: Decimal, lang: str, *, decimals: int = 1, fixed: bool = False) -> str:
    """A fraction as a percentage: ``0.125`` → ``12,5 %`` / ``12.5%``."""
    percent = _round(Decimal(value) * 100, decimals, fixed=fixed).scaleb(-2)
    entry = patterns.locale_data(lang)
    if entry is not None:
        pattern = entry["percent_formats"][None]
        if fixed and decimals:
            # The locale's own pattern ("#,##0 %" in Spanish) with that many decimals.
            pattern = _LAST_ZERO_RE.sub("0." + "0" * decimals, pattern, count=1)
        written = patterns.format_number_pattern(
            percent, lang, pattern, quantize=bool(fixed and decimals)
        )
        if written is not None:
            return written
    from babel.numbers import format_percent as babel_format_percent

    locale = locale_for(lang)
    if fixed and decimals:
        pattern = _LAST_ZERO_RE.sub(
            "0." + "0" * decimals, locale.percent_formats[None].pattern, count=1
        )
        return babel_format_percent(percent, _parsed(pattern), locale=locale)
    return babel_format_percent(percent, locale=locale, decimal_quantization=False)


def format_money(value: Decimal | int, currency: str, lang: str) -> str:
    """``1.500,00 €`` in Spanish, ``€1,500.00`` in English (Babel's ``format_currency``)."""
    written = patterns.format_money_pattern(value, currency, lang)
    if written is not None:
        return written
    from slagen.formats.locales import format_money as babel_money

    return babel_money(value, currency, lang)


@cache
def integer_format(lang: str) -> Callable[[int], str]:
    """What Babel's ``format_decimal`` writes of a whole number in the language's locale.

    Where the locale's decimal pattern is the usual ``#,##0.###`` (groups of three),
    that is Python's own grouping with the locale's separator, without Babel's
    pattern machinery (a table of targets writes thousands of counts); any other
    pattern goes through Babel.
    """
    symbols = patterns.whole_number_writer(lang)
    if symbols is None:
        from babel.numbers import format_decimal

        locale = locale_for(lang)
        return lambda number: format_decimal(number, locale=locale)
    group, minus = symbols

    def written(number: int) -> str:
        text = f"{abs(number):,}"
        if group != ",":
            text = text.replace(",", group)
        return minus + text if number < 0 else text

    return written


@cache
def _parsed(pattern: str) -> NumberPattern:
    """A number pattern parsed once (Babel parses a pattern string on every call)."""
    from babel.numbers import parse_pattern

    return parse_pattern(pattern)


def format_date(value: dt.date, lang: str) -> str:
    """``1 de julio de 2026`` / ``July 1, 2026``."""
    entry = patterns.locale_data(lang)
    if entry is not None and type(value) is dt.date:
        written = patterns.format_date_pattern(lang, entry["date_formats"]["long"], value)
        if written is not None:
            return written
    from babel.dates import format_date as babel_format_date

    return babel_format_date(value, "long", locale=locale_for(lang))


def format_month(month: str, lang: str, *, short: bool = False) -> str:
    """A ``YYYY-MM`` month: ``enero de 2026`` / ``January 2026`` (short: ``ene 2026``)."""
    year, mon = (int(part) for part in month.split("-"))
    skeleton = "yMMM" if short else "yMMMM"  # the skeletons locale_compile generates
    first = dt.date(year, mon, 1)
    entry = patterns.locale_data(lang)
    if entry is not None:
        written = patterns.format_date_pattern(lang, entry["datetime_skeletons"][skeleton], first)
        if written is not None:
            return written
    from babel.dates import format_skeleton

    return format_skeleton(skeleton, first, locale=locale_for(lang))


def format_duration(amount: int, unit: str, lang: str) -> str:
    """A duration (docs/format.md) (``4h``): ``4 horas`` / ``4 hours``."""
    from babel.units import format_unit

    return format_unit(amount, UNIT_BY_DURATION[unit], length="long", locale=locale_for(lang))


def translations(lang: str, user_templates: Path | None = None) -> NullTranslations:
    """The catalog for ``lang``: the user's, falling back to the shipped one.

    English is the language of the message ids, so it needs no catalog unless
    a team provides one to change the wording.
    """
    shipped = _shipped_catalog(lang)
    if user_templates is None:
        return shipped
    return _user_catalog(Path(user_templates).resolve() / "locale", lang)


def gettext(lang: str) -> Callable[[str], str]:
    """The shipped catalog's ``gettext`` for ``lang``; without a catalog, the message itself.

    What a catalog-less ``NullTranslations().gettext`` returns, without importing
    Babel's catalog support for a language that has none (English).
    """
    from slagen.core.resources import templates_dir

    if not (templates_dir() / "locale" / lang / "LC_MESSAGES" / "messages.po").is_file():
        return str
    return _shipped_catalog(lang).gettext


@cache
def _shipped_catalog(lang: str) -> NullTranslations:
    from slagen.core.resources import templates_dir

    return _read_catalog(templates_dir() / "locale", lang)


@cache
def _user_catalog(locale_dir: Path, lang: str) -> NullTranslations:
    # A fresh object each time it is built: the shipped catalog is shared and
    # must never be chained onto itself.
    from babel.support import Translations

    own = _read_catalog(locale_dir, lang)
    shipped = _shipped_catalog(lang)
    if isinstance(own, Translations):
        own.add_fallback(shipped)
        return own
    return shipped


def _read_catalog(locale_dir: Path, lang: str) -> NullTranslations:
    from babel.support import NullTranslations

    po_path = locale_dir / lang / "LC_MESSAGES" / "messages.po"
    if not po_path.is_file():
        return NullTranslations()  # English: the message ids, no catalog to compile
    from io import BytesIO

    from babel.support import Translations

    po_bytes = po_path.read_bytes()
    mo = _precompiled_mo(po_bytes, lang)
    if mo is None:
        from slagen.formats.catalog_compile import compile_po

        mo = compile_po(po_bytes, lang)
    return Translations(fp=BytesIO(mo), domain="messages")


def _precompiled_mo(po_bytes: bytes, lang: str) -> bytes | None:
    """The generated ``.mo`` of a shipped catalog, when ``po_bytes`` is that very catalog."""
    import babel

    from slagen.formats import catalog_compiled
    from slagen.formats.catalog_compile import po_digest

    entry = catalog_compiled.CATALOGS.get(lang)
    if entry is None or catalog_compiled.BABEL_VERSION != babel.__version__:
        return None
    digest, mo = entry
    return mo if po_digest(po_bytes) == digest else None


def _round(value: Decimal, decimals: int, *, fixed: bool = False) -> Decimal:
    quantum = Decimal(1).scaleb(-decimals)
    rounded = value.quantize(quantum, rounding=ROUND_HALF_UP)
    if fixed:
        return rounded
    # Drop trailing zeros without switching to exponent notation (100 → 1E+2).
    normalized = rounded.normalize()
    return normalized.quantize(Decimal(1)) if normalized == normalized.to_integral() else normalized

"""Locale formatting (Babel) and the translation catalogs of the templates.

Templates are written with English message ids (``{% trans %}``, ``_()``);
the Spanish catalog lives in ``templates/locale/es/LC_MESSAGES/messages.po``
and is compiled in memory when first needed, so no binary ``.mo`` is kept in
git. A team's templates folder may carry its own ``locale/`` catalogs, which
win over the shipped ones.

Updating the catalog after changing wording (from the repository root)::

    pybabel extract -F templates/locale/babel.cfg -o templates/locale/messages.pot \
        --no-location --omit-header --sort-output .
    pybabel update -i templates/locale/messages.pot -d templates/locale -l es \
        --ignore-obsolete --width 100

then translate the new ``msgstr ""`` entries (and any marked ``#, fuzzy``,
which are not used until the mark is removed).

Stage: format.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from babel import Locale
from babel.dates import format_date as babel_format_date
from babel.dates import format_skeleton
from babel.numbers import format_currency, format_decimal
from babel.numbers import format_percent as babel_format_percent

if TYPE_CHECKING:  # the catalogs' modules load with the first catalog (documents only)
    from babel.support import NullTranslations

LOCALE_BY_LANGUAGE = {"es": "es_ES", "en": "en_US"}
_LAST_ZERO_RE = re.compile(r"0(?=[^0#]*$)")
UNIT_BY_DURATION = {
    "m": "duration-minute",
    "h": "duration-hour",
    "d": "duration-day",
    "w": "duration-week",
}


def locale_for(lang: str) -> Locale:
    """The Babel locale of a document language (``es`` → ``es_ES``)."""
    return Locale.parse(LOCALE_BY_LANGUAGE.get(lang, lang))


def format_money(value: Decimal, currency: str, lang: str) -> str:
    """``1.500,00 €`` in Spanish, ``€1,500.00`` in English."""
    return format_currency(value, currency, locale=locale_for(lang))


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
            pattern = "#,##0." + "0" * decimals if decimals else "#,##0"
            return format_decimal(value, pattern, locale=locale_for(lang))
    return format_decimal(value, locale=locale_for(lang), decimal_quantization=False)


def format_percent(value: Decimal, lang: str, *, decimals: int = 1, fixed: bool = False) -> str:
    """A fraction as a percentage: ``0.125`` → ``12,5 %`` / ``12.5%``."""
    locale = locale_for(lang)
    percent = _round(Decimal(value) * 100, decimals, fixed=fixed).scaleb(-2)
    if fixed and decimals:
        # The locale's own pattern ("#,##0 %" in Spanish) with that many decimals.
        pattern = _LAST_ZERO_RE.sub(
            "0." + "0" * decimals, locale.percent_formats[None].pattern, count=1
        )
        return babel_format_percent(percent, pattern, locale=locale)
    return babel_format_percent(percent, locale=locale, decimal_quantization=False)


def format_date(value: dt.date, lang: str) -> str:
    """``1 de julio de 2026`` / ``July 1, 2026``."""
    return babel_format_date(value, "long", locale=locale_for(lang))


def format_month(month: str, lang: str, *, short: bool = False) -> str:
    """A ``YYYY-MM`` month: ``enero de 2026`` / ``January 2026`` (short: ``ene 2026``)."""
    year, mon = (int(part) for part in month.split("-"))
    skeleton = "yMMM" if short else "yMMMM"
    return format_skeleton(skeleton, dt.date(year, mon, 1), locale=locale_for(lang))


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
    from io import BytesIO

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po
    from babel.support import NullTranslations, Translations

    po_path = locale_dir / lang / "LC_MESSAGES" / "messages.po"
    if not po_path.is_file():
        return NullTranslations()
    with po_path.open("rb") as handle:
        catalog = read_po(handle, locale=LOCALE_BY_LANGUAGE.get(lang, lang))
    buffer = BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(fp=buffer, domain="messages")


def _round(value: Decimal, decimals: int, *, fixed: bool = False) -> Decimal:
    quantum = Decimal(1).scaleb(-decimals)
    rounded = value.quantize(quantum, rounding=ROUND_HALF_UP)
    if fixed:
        return rounded
    # Drop trailing zeros without switching to exponent notation (100 → 1E+2).
    normalized = rounded.normalize()
    return normalized.quantize(Decimal(1)) if normalized == normalized.to_integral() else normalized

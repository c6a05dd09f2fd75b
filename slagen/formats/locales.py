"""Babel locales for the languages of the schema, reading the generated data first.

Where :mod:`slagen.formats.patterns` does not apply the patterns itself, Babel
formats; these locales only change where Babel reads its data from. A :class:`PreparedLocale` answers the keys that
:mod:`slagen.formats.locale_compiled` holds (patterns, symbols, month names,
generated from Babel by :mod:`slagen.formats.locale_compile`) and reads any
other key from Babel's own files, on first use. The generated data is used only
with the Babel version it was generated from; with any other, the locale is
Babel's own (``Locale.parse``).

Money needs the currency's decimals, which Babel keeps in its global data: the
generated table holds them, and Babel gets the currency pattern with those
decimals (``currency_digits=False`` then reads the pattern's).

Stage: format.
"""

from __future__ import annotations

import copy
from decimal import Decimal
from functools import cache
from typing import Any

import babel
from babel.core import Locale
from babel.localedata import LocaleDataDict
from babel.numbers import (
    NumberPattern,
    format_currency,
    parse_pattern,
)

from slagen.formats import locale_compiled as compiled
from slagen.formats.patterns import LOCALE_BY_LANGUAGE

__all__ = ["LOCALE_BY_LANGUAGE", "PreparedLocale", "format_money", "locale_for"]

PREPARED = babel.__version__ == compiled.BABEL_VERSION


class _Data(dict[Any, Any]):
    """One locale's data: generated keys built on first use, Babel's files for any other."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name

    def __missing__(self, key: Any) -> Any:
        entry: dict[str, Any] = compiled.LOCALES[self.name]
        if key in compiled.NUMBER_PATTERN_KEYS:
            value: Any = {k: parse_pattern(p) for k, p in entry[key].items()}
        elif key in compiled.DATE_PATTERN_KEYS:
            from babel.dates import parse_pattern as parse_date_pattern

            value = {k: parse_date_pattern(p) for k, p in entry[key].items()}
        elif key == "plural_form":
            from babel.plural import PluralRule

            value = PluralRule(entry[key])
        elif key in entry:
            value = entry[key]
        else:  # not generated: Babel's own data (aliases resolve through this dict)
            from babel.localedata import load

            value = load(self.name)[key]
        self[key] = value
        return value


class PreparedLocale(Locale):
    """A Babel locale whose data is read from the generated module first."""

    def __init__(self, name: str) -> None:
        language, _, territory = name.partition("_")
        super().__init__(language, territory or None)
        self._prepared = LocaleDataDict(_Data(name))

    @property
    def _data(self) -> LocaleDataDict:
        return self._prepared


@cache
def locale_for(lang: str) -> Locale:
    """The Babel locale of a document language (``es`` → ``es_ES``)."""
    name = LOCALE_BY_LANGUAGE.get(lang, lang)
    if PREPARED and name in compiled.LOCALES:
        return PreparedLocale(name)
    return Locale.parse(name)


@cache
def _currency_pattern(lang: str, currency: str) -> NumberPattern:
    """The locale's currency pattern with the currency's decimals (Babel's precision)."""
    pattern: NumberPattern = copy.copy(locale_for(lang).currency_formats["standard"])
    digits = compiled.CURRENCY_DIGITS.get(currency, compiled.CURRENCY_DIGITS_DEFAULT)
    pattern.frac_prec = (digits, digits)
    return pattern


def format_money(value: Decimal | int, currency: str, lang: str) -> str:
    """``1.500,00 €`` in Spanish, ``€1,500.00`` in English (Babel's ``format_currency``)."""
    locale = locale_for(lang)
    if isinstance(locale, PreparedLocale):
        pattern = _currency_pattern(lang, currency)
        return format_currency(value, currency, pattern, locale=locale, currency_digits=False)
    return format_currency(value, currency, locale=locale)

"""The generated locale data formats exactly as Babel's own, for es and en and every currency.

slagen.formats.locales hands Babel a locale whose data comes from
slagen/formats/locale_compiled.py first. Here every figure slagen formats is
formatted both ways - Babel's ``Locale.parse`` locale and the prepared one - and
compared, for both languages of the schema and every currency Babel knows.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.numbers import (
    format_currency,
    format_decimal,
    format_percent,
    list_currencies,
)
from babel.units import format_unit

from slagen.formats import i18n, locale_compile
from slagen.formats.locales import (
    PREPARED,
    PreparedLocale,
    format_money,
    locale_for,
)

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("es", "en")
VALUES = [
    Decimal(0),
    Decimal("0.005"),
    Decimal("0.015"),
    Decimal("-1234.565"),
    Decimal(1),
    Decimal("12.5"),
    Decimal("999.995"),
    Decimal("1234.5"),
    Decimal(120000),
    Decimal("7654321.0049"),
    Decimal("-0.5"),
]


def babel_locale(lang: str) -> Locale:
    return Locale.parse(i18n.LOCALE_BY_LANGUAGE[lang])


def test_the_generated_module_is_up_to_date() -> None:
    generated = locale_compile.generate()
    assert locale_compile.TARGET.read_text(encoding="utf-8") == generated, (
        "run: python -m slagen.formats.locale_compile"
    )


def test_the_languages_of_the_schema_get_the_prepared_locale() -> None:
    assert PREPARED  # the data was generated from the installed Babel
    for lang in LANGS:
        locale = locale_for(lang)
        assert isinstance(locale, PreparedLocale)
        assert str(locale) == str(babel_locale(lang))


@pytest.mark.parametrize("lang", LANGS)
def test_money_in_every_currency_is_babels(lang: str) -> None:
    ours, theirs = locale_for(lang), babel_locale(lang)
    currencies = sorted(list_currencies())
    assert len(currencies) > 250
    for currency in currencies:
        for value in VALUES:
            expected = format_currency(value, currency, locale=theirs)
            assert format_money(value, currency, lang) == expected, (currency, value)
            assert i18n.format_money(value, currency, lang) == expected
            # Babel's own call with the prepared locale too (the currency's digits
            # then come from Babel's global data)
            assert format_currency(value, currency, locale=ours) == expected


@pytest.mark.parametrize("lang", LANGS)
def test_numbers_and_percentages_are_babels(lang: str) -> None:
    ours, theirs = locale_for(lang), babel_locale(lang)
    patterns = [None, "#,##0.00", "#,##0", "#,##0.0", "#,##0.000"]
    for value in [*VALUES, 42, 1_000_000]:
        for pattern in patterns:
            assert format_decimal(value, pattern, locale=ours) == format_decimal(
                value, pattern, locale=theirs
            )
        assert format_decimal(value, locale=ours, decimal_quantization=False) == format_decimal(
            value, locale=theirs, decimal_quantization=False
        )
        for pattern in [None, "#,##0.0 %", "#,##0.0%", theirs.percent_formats[None].pattern]:
            assert format_percent(value, pattern, locale=ours) == format_percent(
                value, pattern, locale=theirs
            )
        assert format_percent(value, locale=ours, decimal_quantization=False) == format_percent(
            value, locale=theirs, decimal_quantization=False
        )
    # slagen's own helpers, which pass the prepared locale
    for value in VALUES:
        for decimals in (None, 0, 1, 2):
            for fixed in (False, True):
                got = i18n.format_number(value, lang, decimals=decimals, fixed=fixed)
                assert got == _reference(i18n.format_number, value, lang, decimals, fixed)
                if decimals is not None:
                    got = i18n.format_percent(value, lang, decimals=decimals, fixed=fixed)
                    assert got == _reference(i18n.format_percent, value, lang, decimals, fixed)


@pytest.mark.parametrize("lang", LANGS)
def test_whole_numbers_are_babels(lang: str) -> None:
    theirs = babel_locale(lang)
    numbers = [0, 1, -1, 7, 999, 1000, -1000, 9999, 10_000, 123_456, 1_234_567, -98_765_432]
    numbers += [10**k + d for k in range(1, 19) for d in (-1, 0, 1)] + [-(10**18)]
    for number in numbers:
        expected = format_decimal(number, locale=theirs)
        assert i18n.integer_format(lang)(number) == expected
        assert i18n.format_number(number, lang) == expected
        assert expected == format_decimal(number, locale=theirs, decimal_quantization=False)
    # a locale of another pattern (Indian grouping: 1,23,45,678) goes through Babel
    assert i18n.integer_format("hi_IN")(12_345_678) == format_decimal(12_345_678, locale="hi_IN")


def _reference(
    function: object, value: Decimal, lang: str, decimals: int | None, fixed: bool
) -> str:
    """``function`` through Babel with its own locale: no generated patterns, no prepared data."""
    from slagen.formats import patterns

    original, original_data = i18n.locale_for, patterns.locale_data
    i18n.locale_for = babel_locale  # type: ignore[assignment]
    patterns.locale_data = lambda lang: None  # type: ignore[assignment]
    try:
        kwargs: dict[str, object] = {"fixed": fixed}
        if decimals is not None:
            kwargs["decimals"] = decimals
        return function(value, lang, **kwargs)  # type: ignore[operator,no-any-return]
    finally:
        i18n.locale_for, patterns.locale_data = original, original_data


@pytest.mark.parametrize("lang", LANGS)
def test_dates_months_and_durations_are_babels(lang: str) -> None:
    ours, theirs = locale_for(lang), babel_locale(lang)
    day = dt.date(2025, 1, 1)
    while day < dt.date(2027, 1, 1):
        for form in ("full", "long", "medium", "short"):
            assert format_date(day, form, locale=ours) == format_date(day, form, locale=theirs)
        day += dt.timedelta(days=1)
    for year in (2025, 2026, 2031):
        for month in range(1, 13):
            first = dt.date(year, month, 1)
            for skeleton in locale_compile.SKELETONS:
                assert format_skeleton(skeleton, first, locale=ours) == format_skeleton(
                    skeleton, first, locale=theirs
                )
            text = f"{year}-{month:02d}"
            for short in (False, True):
                expected = format_skeleton("yMMM" if short else "yMMMM", first, locale=theirs)
                assert i18n.format_month(text, lang, short=short) == expected
    for amount in (0, 1, 2, 4, 24, 1000):
        for unit in i18n.UNIT_BY_DURATION.values():
            assert format_unit(amount, unit, length="long", locale=ours) == format_unit(
                amount, unit, length="long", locale=theirs
            )
    assert set(i18n.UNIT_BY_DURATION.values()) == set(locale_compile.DURATION_UNITS)
    for n in range(0, 2_000_001, 50_001):
        assert ours.plural_form(n) == theirs.plural_form(n)


@pytest.mark.parametrize("lang", LANGS)
def test_lists_are_babels(lang: str) -> None:
    from babel.lists import format_list

    ours, theirs = locale_for(lang), babel_locale(lang)
    for items in (["a"], ["a", "b"], ["a", "b", "c"], ["uno", "dos", "tres", "cuatro"]):
        for style in ("standard", "or"):  # the templates' join_list: standard
            assert format_list(items, style, locale=ours) == format_list(
                items, style, locale=theirs
            )


def test_formatting_reads_none_of_babels_locale_files() -> None:
    """What makes it fast: money, numbers, dates, months, durations and lists need no
    unpickled locale data."""
    code = (
        "import datetime as dt, sys\n"
        "from decimal import Decimal\n"
        "from babel.lists import format_list\n"
        "from slagen.formats import i18n\n"
        "for lang in ('es', 'en'):\n"
        "    i18n.format_money(Decimal('1234.5'), 'EUR', lang)\n"
        "    i18n.format_number(1234, lang)\n"
        "    i18n.format_percent(Decimal('0.125'), lang, fixed=True)\n"
        "    i18n.format_date(dt.date(2026, 7, 1), lang)\n"
        "    i18n.format_month('2026-07', lang, short=True)\n"
        "    i18n.format_duration(4, 'h', lang)\n"
        "    format_list(['a', 'b', 'c'], locale=i18n.locale_for(lang))\n"
        "import babel.localedata, babel.core\n"
        "print(sorted(babel.localedata._cache), babel.core._global_data is None)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["[]", "True"]

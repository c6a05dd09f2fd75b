"""The generated patterns write every number, amount and date exactly as Babel does.

slagen.formats.patterns applies the es and en patterns without importing Babel.
Here generated values, patterns and dates are written both ways - through
slagen's functions, and through Babel with its own ``Locale.parse`` data - and
compared; a pattern or locale the module does not handle must be handed to Babel.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal, InvalidOperation

import pytest
from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.numbers import (
    format_currency,
    format_decimal,
    list_currencies,
    parse_pattern,
)
from hypothesis import example, given, settings
from hypothesis import strategies as st

from slagen.formats import i18n, locale_compiled, patterns

LANGS = ("es", "en")
CURRENCIES = sorted(list_currencies())


def babel_locale(lang: str) -> Locale:
    return Locale.parse(patterns.LOCALE_BY_LANGUAGE[lang])


@contextmanager
def babel_only() -> Iterator[None]:
    """slagen's functions with the patterns switched off: Babel with its own locale data."""
    original_data, original_locale = patterns.locale_data, i18n.locale_for
    patterns.locale_data = lambda lang: None  # type: ignore[assignment]
    i18n.locale_for = babel_locale  # type: ignore[assignment]
    try:
        yield
    finally:
        patterns.locale_data, i18n.locale_for = original_data, original_locale


def decimals() -> st.SearchStrategy[Decimal]:
    """Figures as agreements hold them: up to 16 digits, with up to 12 decimals."""
    return st.builds(
        lambda m, e: Decimal(m).scaleb(e),
        st.integers(-(10**16), 10**16),
        st.integers(-12, 0),
    )


VALUES = st.one_of(decimals(), st.integers(-(10**15), 10**15))


def test_the_data_is_used_with_the_babel_it_came_from() -> None:
    import babel

    assert patterns.babel_version() == babel.__version__ == locale_compiled.BABEL_VERSION
    for lang in LANGS:
        assert patterns.locale_data(lang) is not None
    assert patterns.locale_data("hi") is None  # not generated: Babel formats it


@settings(max_examples=400, deadline=None)
@given(value=VALUES, lang=st.sampled_from(LANGS), places=st.integers(0, 3), fixed=st.booleans())
@example(value=Decimal("0.005"), lang="es", places=2, fixed=True)
@example(value=Decimal("-0.0004"), lang="en", places=3, fixed=False)
@example(value=Decimal("999.995"), lang="es", places=2, fixed=False)
def test_numbers_and_percentages(value: Decimal | int, lang: str, places: int, fixed: bool) -> None:
    ours = [
        i18n.format_number(value, lang),
        i18n.format_number(value, lang, decimals=places, fixed=fixed),
        i18n.format_percent(Decimal(value), lang, decimals=places, fixed=fixed),
    ]
    with babel_only():
        theirs = [
            i18n.format_number(value, lang),
            i18n.format_number(value, lang, decimals=places, fixed=fixed),
            i18n.format_percent(Decimal(value), lang, decimals=places, fixed=fixed),
        ]
    assert ours == theirs
    assert ours[0] == format_decimal(value, locale=babel_locale(lang), decimal_quantization=False)


@settings(max_examples=300, deadline=None)
@given(value=VALUES, lang=st.sampled_from(LANGS), currency=st.sampled_from(CURRENCIES))
@example(value=Decimal("1234.565"), lang="es", currency="EUR")
@example(value=Decimal("-0.5"), lang="en", currency="JPY")
@example(value=Decimal("1.0005"), lang="en", currency="KWD")
def test_money(value: Decimal | int, lang: str, currency: str) -> None:
    expected = format_currency(value, currency, locale=babel_locale(lang))
    assert i18n.format_money(value, currency, lang) == expected


@pytest.mark.parametrize("lang", LANGS)
def test_money_in_every_currency(lang: str) -> None:
    for currency in CURRENCIES:
        for value in (Decimal("-1234567.891"), Decimal("0.5"), 12):
            expected = format_currency(value, currency, locale=babel_locale(lang))
            assert i18n.format_money(value, currency, lang) == expected, currency


# Number patterns built from the characters that mean something to Babel.
PATTERN_TEXT = st.text(alphabet="#0,.%¤ -'@E;\u00a0", min_size=1, max_size=12)


@settings(max_examples=600, deadline=None)
@given(pattern=PATTERN_TEXT, value=VALUES, lang=st.sampled_from(LANGS))
@example(pattern="#,##0.00", value=Decimal("-1234.5"), lang="es")
@example(pattern="#,##0.0 %", value=Decimal("0.1234"), lang="en")
@example(pattern="#,##,##0", value=12345678, lang="en")
@example(pattern="00.0#", value=Decimal("3.14159"), lang="es")
@example(pattern="¤¤ #,##0", value=Decimal(5), lang="es")
def test_any_pattern_is_babels_or_left_to_babel(pattern: str, value: Decimal, lang: str) -> None:
    locale = babel_locale(lang)
    try:
        parsed = parse_pattern(pattern)
        expected = parsed.apply(value, locale, currency="EUR", currency_digits=False)
    except (ValueError, InvalidOperation, IndexError):
        assert patterns.number_format(lang, pattern) is None  # Babel refuses it: so do we
        return
    number = patterns.number_format(lang, pattern)
    if number is not None:
        assert number.apply(value, currency=("EUR", locale.currency_symbols["EUR"])) == expected
        assert i18n.format_pattern(value, pattern, lang) == format_decimal(
            value, pattern, locale=locale
        )


@pytest.mark.parametrize("lang", LANGS)
def test_the_patterns_slagen_writes_are_handled(lang: str) -> None:
    entry = patterns.locale_data(lang)
    assert entry is not None
    used = [
        entry["decimal_formats"][None],
        entry["percent_formats"][None],
        entry["currency_formats"]["standard"],
        "#,##0.00",
        "#,##0.0 %",
    ]
    assert all(patterns.number_format(lang, p) is not None for p in used)
    assert patterns.whole_number_writer(lang) is not None
    for pattern in (*entry["date_formats"].values(), *entry["datetime_skeletons"].values()):
        if "E" not in pattern:  # weekdays (the full form, unused) stay Babel's
            assert patterns.date_pattern(pattern) is not None, pattern


@pytest.mark.parametrize("lang", LANGS)
def test_dates_and_months(lang: str) -> None:
    locale = babel_locale(lang)
    day = dt.date(1900, 1, 1)
    while day < dt.date(2200, 1, 1):
        assert i18n.format_date(day, lang) == format_date(day, "long", locale=locale)
        day += dt.timedelta(days=13)  # every weekday and day of the month, in turn
    for year in (1900, 1999, 2000, 2026, 2099, 2199):
        for month in range(1, 13):
            first = dt.date(year, month, 1)
            for short, skeleton in ((False, "yMMMM"), (True, "yMMM")):
                expected = format_skeleton(skeleton, first, locale=locale)
                assert i18n.format_month(f"{year}-{month:02d}", lang, short=short) == expected


DATE_TEXT = st.text(alphabet="dMLyEGhm '.,/-x", min_size=1, max_size=14)


@settings(max_examples=500, deadline=None)
@given(pattern=DATE_TEXT, lang=st.sampled_from(LANGS), day=st.dates(dt.date(1900, 1, 1)))
@example(pattern="d 'de' MMMM 'de' y", lang="es", day=dt.date(2026, 7, 1))
@example(pattern="'it''s' MMM ''yy", lang="en", day=dt.date(2026, 9, 30))
@example(pattern="dddd", lang="en", day=dt.date(2026, 9, 30))
def test_any_date_pattern_is_babels_or_left_to_babel(pattern: str, lang: str, day: dt.date) -> None:
    try:
        expected = format_date(day, pattern, locale=babel_locale(lang))
    except (ValueError, KeyError, AttributeError):  # AttributeError: a time field of a date
        assert patterns.format_date_pattern(lang, pattern, day) is None
        return
    written = patterns.format_date_pattern(lang, pattern, day)
    assert written is None or written == expected


def test_another_babel_version_leaves_everything_to_babel(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(locale_compiled, "BABEL_VERSION", "0.0")
    patterns.locale_data.cache_clear()
    try:
        assert patterns.locale_data("es") is None
        assert i18n.format_money(Decimal(1500), "EUR", "es") == "1.500,00\u00a0€"
        assert i18n.format_date(dt.date(2026, 7, 1), "es") == "1 de julio de 2026"
    finally:
        patterns.locale_data.cache_clear()


def test_formatting_imports_no_babel() -> None:
    code = (
        "import datetime as dt, sys\n"
        "from decimal import Decimal\n"
        "from slagen.formats import i18n\n"
        "for lang in ('es', 'en'):\n"
        "    i18n.format_money(Decimal('1234.5'), 'EUR', lang)\n"
        "    i18n.format_number(1234, lang)\n"
        "    i18n.format_number(Decimal('12.345'), lang, decimals=1)\n"
        "    i18n.format_percent(Decimal('0.125'), lang, fixed=True)\n"
        "    i18n.format_pattern(Decimal('0.125'), '#,##0.0 %', lang)\n"
        "    i18n.format_date(dt.date(2026, 7, 1), lang)\n"
        "    i18n.format_month('2026-07', lang, short=True)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('babel', 'zoneinfo', 'pickle')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"

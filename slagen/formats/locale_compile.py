"""Regenerate ``locale_compiled.py``: the pieces of Babel's locale data slagen formats with.

Run ``python -m slagen.formats.locale_compile`` after upgrading Babel (a test
fails until you do). Babel stays the formatter: :mod:`slagen.formats.locales`
hands Babel's own functions a locale whose data comes from this module for the
keys written here and from Babel's files for any other. Reading Babel's data
for ``en_US`` unpickles root, ``en`` and ``en_US`` and merges them (~10 ms) and
the currency digits unpickle the global data (~4 ms), for a few patterns,
symbols, month names, list patterns and the duration units; those are what is
generated, resolved (no aliases).

Stage: format.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

TARGET = Path(__file__).with_name("locale_compiled.py")
LOCALES = ("en_US", "es_ES")  # the languages of the schema: en, es
# Keys whose values are plain data, copied resolved.
PLAIN_KEYS = (
    "currency_names",  # format_currency looks the name up (for a ``¤¤¤`` pattern)
    "currency_names_plural",
    "currency_symbols",
    "default_numbering_system",
    "list_patterns",  # format_list (the templates' join_list)
    "months",
)
# format_duration's units (i18n.UNIT_BY_DURATION): only these of unit_patterns.
DURATION_UNITS = ("duration-minute", "duration-hour", "duration-day", "duration-week")
# Keys whose values are patterns: written as their pattern strings.
NUMBER_PATTERN_KEYS = ("decimal_formats", "currency_formats", "percent_formats")
DATE_PATTERN_KEYS = ("date_formats",)
SKELETONS = ("yMMM", "yMMMM")  # the skeletons format_month asks for

HEADER = '''"""Babel's locale data for what slagen formats: generated, do not edit.

Regenerate with ``python -m slagen.formats.locale_compile``.

Stage: format.
"""
# mypy: ignore-errors
# ruff: noqa
# fmt: off

'''


def _plain(value: Any) -> Any:
    """A Babel data value with its aliases resolved, as plain dicts."""
    from babel.localedata import LocaleDataDict

    if isinstance(value, LocaleDataDict):
        return {key: _plain(value[key]) for key in value}
    return value


def locale_entry(name: str) -> dict[str, Any]:
    """What is generated for one locale, from Babel's own data."""
    from babel import Locale

    data = Locale.parse(name)._data
    entry: dict[str, Any] = {key: _plain(data[key]) for key in PLAIN_KEYS}
    system = data["default_numbering_system"]
    entry["number_symbols"] = {system: _plain(data["number_symbols"][system])}
    for key in (*NUMBER_PATTERN_KEYS, *DATE_PATTERN_KEYS):
        entry[key] = {k: v.pattern for k, v in data[key].items()}
    entry["plural_form"] = data["plural_form"].rules  # a PluralRule, as its rules
    entry["datetime_skeletons"] = {s: data["datetime_skeletons"][s].pattern for s in SKELETONS}
    entry["unit_patterns"] = {u: _plain(data["unit_patterns"][u]) for u in DURATION_UNITS}
    return entry


def currency_digits() -> tuple[int, dict[str, int]]:
    """Babel's currency decimals (``get_currency_precision``): the default and the others."""
    from babel.core import get_global

    fractions = get_global("currency_fractions")
    default = fractions["DEFAULT"][0]
    digits = {c: f[0] for c, f in sorted(fractions.items()) if c != "DEFAULT"}
    return default, {c: d for c, d in digits.items() if d != default}


def generate() -> str:
    import babel

    default, digits = currency_digits()
    locales = {name: locale_entry(name) for name in LOCALES}
    return (
        HEADER
        + f"BABEL_VERSION = {babel.__version__!r}\n"
        + f"NUMBER_PATTERN_KEYS = {NUMBER_PATTERN_KEYS!r}\n"
        + f"DATE_PATTERN_KEYS = {(*DATE_PATTERN_KEYS, 'datetime_skeletons')!r}\n"
        + f"CURRENCY_DIGITS_DEFAULT = {default!r}\n"
        + f"CURRENCY_DIGITS = {digits!r}\n"
        + "LOCALES = {\n"
        + "".join(f"    {name!r}: {entry!r},\n" for name, entry in locales.items())
        + "}\n"
    )


def main() -> int:
    TARGET.write_text(generate(), encoding="utf-8")
    print(f"wrote {TARGET}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Locale formatting and the translation catalogs."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from slagen.documents.charts import lead_targets_chart_svg
from slagen.formats.i18n import (
    format_date,
    format_duration,
    format_money,
    format_month,
    format_number,
    format_percent,
    translations,
)
from tests.conftest import ROOT

LOCALE_DIR = ROOT / "templates" / "locale"


@pytest.mark.parametrize(
    ("lang", "money", "number", "percent", "date", "month", "duration"),
    [
        (
            "es",
            "1.500,00\u00a0€",
            "12.500",
            "12,5\u00a0%",
            "1 de julio de 2026",
            "enero de 2026",
            "4 horas",
        ),
        ("en", "€1,500.00", "12,500", "12.5%", "July 1, 2026", "January 2026", "4 hours"),
    ],
)
def test_formats(
    lang: str, money: str, number: str, percent: str, date: str, month: str, duration: str
) -> None:
    assert format_money(Decimal(1500), "EUR", lang) == money
    assert format_number(12500, lang) == number
    assert format_percent(Decimal("0.125"), lang) == percent
    assert format_date(dt.date(2026, 7, 1), lang) == date
    assert format_month("2026-01", lang) == month
    assert format_duration(4, "h", lang) == duration


def test_decimals_rounding_and_fixed_places() -> None:
    assert format_number(Decimal("412.45"), "en", decimals=1) == "412.5"  # half-up
    assert format_number(Decimal(120), "es", decimals=1) == "120"
    assert format_number(Decimal(120), "es", decimals=1, fixed=True) == "120,0"
    assert format_percent(Decimal("0.19"), "en", fixed=True) == "19.0%"
    assert format_percent(Decimal("0.684"), "es", fixed=True) == "68,4\u00a0%"
    assert format_percent(Decimal(1), "en") == "100%"
    assert format_money(Decimal(5000), "USD", "es") == "5.000,00\u00a0US$"


def _pot_ids(path: Path) -> set[object]:
    with path.open("rb") as handle:
        return {m.id for m in read_po(handle) if m.id}


def test_the_spanish_catalog_translates_every_message() -> None:
    with (LOCALE_DIR / "es" / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        catalog = read_po(handle)
    missing = [
        m.id
        for m in catalog
        if m.id and (m.fuzzy or not m.string or (isinstance(m.string, tuple) and not all(m.string)))
    ]
    assert missing == []
    problems = [(m.id, errors) for m, errors in catalog.check() if errors]
    assert problems == []  # placeholders of msgid and msgstr agree
    assert {m.id for m in catalog if m.id} == _pot_ids(LOCALE_DIR / "messages.pot")
    assert translations("es").gettext("DRAFT") == "BORRADOR"
    assert translations("en").gettext("DRAFT") == "DRAFT"


def test_the_message_template_is_up_to_date(tmp_path: Path) -> None:
    out = tmp_path / "messages.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "-q",
            "extract",
            "-F",
            str(LOCALE_DIR / "babel.cfg"),
            "-o",
            str(out),
            "--no-location",
            "--omit-header",
            "--sort-output",
            ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    assert _pot_ids(out) == _pot_ids(LOCALE_DIR / "messages.pot"), (
        "wording changed: run the pybabel commands in slagen/i18n.py"
    )


def test_chart_is_deterministic_localized_vector() -> None:
    months = ["2025-12", "2026-01", "2026-02"]
    series = [("Norte", [0, 10, 12]), ("Sur", [5, 5, 5])]
    svg = lead_targets_chart_svg(months, series, title="Leads por mes", lang="es", y_label="Leads")
    assert svg == lead_targets_chart_svg(
        months, series, title="Leads por mes", lang="es", y_label="Leads"
    )
    assert svg.startswith("<svg")
    assert "<dc:date>" not in svg and "style=" not in svg
    for text in ("Leads por mes", "Norte", "Sur", "dic", "ene", "2026", ">17<"):
        assert text in svg
    assert "Jan" in lead_targets_chart_svg(months, series, title="t", lang="en")

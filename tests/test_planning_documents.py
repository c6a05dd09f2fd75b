"""The working shown and the sensitivity table in the documents (Markdown goldens, PDF)."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from slagen.core.validate import load_agreement
from slagen.core.whatif import run_scenario
from slagen.documents.render import render_markdown, render_pdf
from slagen.formats.i18n import format_money, format_number
from slagen.formats.targets import targets_json
from tests.conftest import AGREEMENTS, GOLDEN, check_golden

PLANNING = Path(__file__).resolve().parent / "data" / "planning" / "northwind-planning.yaml"
HEADINGS = {
    "en": ("Sensitivity of the lead targets", "Appendix: how each target is derived"),
    "es": ("Sensibilidad de los objetivos de leads", "Anexo: cómo se obtiene cada objetivo"),
}


def _section(markdown: str, title: str) -> str:
    match = re.search(
        rf"^## \d+\. {re.escape(title)}\n.*?(?=^## |\Z)", markdown, re.MULTILINE | re.DOTALL
    )
    assert match is not None, title
    return match.group(0)


@pytest.mark.parametrize("language", ["en", "es"])
def test_appendix_and_sensitivity_match_golden(language: str) -> None:
    agreement, targets = load_agreement(PLANNING)
    markdown = render_markdown(agreement, targets, language=language)
    sensitivity, appendix = (_section(markdown, t) for t in HEADINGS[language])
    check_golden(GOLDEN / "planning" / f"sensitivity.{language}.md", sensitivity)
    check_golden(GOLDEN / "planning" / f"appendix.{language}.md", appendix)


def test_agreements_that_do_not_opt_in_have_neither() -> None:
    agreement, targets = load_agreement(AGREEMENTS / "northwind-marketing-sales.yaml")
    markdown = render_markdown(agreement, targets)
    assert "Appendix" not in markdown and "Sensitivity" not in markdown


def test_the_appendix_shows_the_json_figures() -> None:
    agreement, targets = load_agreement(PLANNING)
    appendix = _section(render_markdown(agreement, targets, language="en"), HEADINGS["en"][1])
    data = json.loads(targets_json(targets))
    for seg in data["segments"]:
        currency = seg.get("currency", "USD")
        for row in seg["months"]:
            leads = format_number(row["leads_needed"], "en")
            value = format_money(row["lead_value_needed"], currency, "en")
            assert f"**{leads}**" in appendix
            assert f"**{value}**" in appendix
    assert "(FY2026 month 7)" in appendix
    markdown = render_markdown(agreement, targets, language="en")
    assert "Fiscal year FY2026: month 1 is January 2026, month 12 is December 2026." in markdown
    assert "counts business days only" in markdown and "Holidays: January 1, 2026;" in markdown
    assert "× 17/31" in appendix


def test_the_sensitivity_table_is_the_what_if_engines() -> None:
    agreement, targets = load_agreement(PLANNING)
    table = _section(render_markdown(agreement, targets, language="en"), HEADINGS["en"][0])
    for change, label in (
        ("close_rate=-10%", "Close rate | -10%"),
        ("avg_deal_size=+5%", "Average deal size | +5%"),
    ):
        scenario = run_scenario(agreement, targets, change).scenario
        cells = [format_number(s.total.leads_needed, "en") for s in scenario.segments]
        total = format_number(scenario.total.leads_needed, "en")
        assert f"| {label} | {' | '.join(cells)} | **{total}** |" in table


def test_pdf_has_the_appendix_in_both_languages(tmp_path: Path) -> None:
    agreement, targets = load_agreement(PLANNING)
    for language, (sensitivity, appendix) in HEADINGS.items():
        pdf = tmp_path / f"{language}.pdf"
        pdf.write_bytes(render_pdf(agreement, targets, language=language))
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert sensitivity in text and appendix in text
        assert "17/31" in text

"""The report PDF as a document of the agreement's family, read back from real PDFs.

Every word stays inside the page's margins, every segment's display name is
there and no raw id, each page carries "page X of Y" in the report's language;
the conditions are a status table; the follow-up charts draw every figure of
the follow-up table.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from slagen.actuals import PerformanceReport, build_report, document
from slagen.core.validate import load_agreement

ROOT = Path(__file__).resolve().parent.parent
AGREEMENT = ROOT / "agreements/northwind-marketing-sales.yaml"
ACTUALS = ROOT / "examples/actuals/northwind-2026.csv"
NAMES = ("North America", "Latin America", "Europe, Middle East & Africa")
IDS = ("na", "latam", "emea", "americas", "europe")
MARGIN_PT = 17 / 25.4 * 72  # the agreement's side margins, 17 mm
PAPER_WIDTH = {"A4": 595, "Letter": 612}  # points
PAGE_OF = {"en": "Page {page} of {pages}", "es": "Página {page} de {pages}"}
WORD_RE = re.compile(
    r'<page width="([\d.]+)" height="([\d.]+)">|'
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)


@cache
def _report(lang: str, tmp: Path) -> PerformanceReport:
    source = tmp / f"northwind-{lang}.yaml"
    source.write_text(
        AGREEMENT.read_text(encoding="utf-8").replace("language: en", f"language: {lang}"),
        encoding="utf-8",
    )
    agreement, table = load_agreement(source)
    return build_report(agreement, table, ACTUALS, as_of=dt.date(2026, 3, 15))


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("report-layout")


def _pages(pdf: bytes, folder: Path, name: str) -> list[tuple[float, list[tuple[float, ...]]]]:
    """Per page: its width and its words as (xMin, yMin, xMax, yMax, text)."""
    path = folder / f"{name}.pdf"
    path.write_bytes(pdf)
    html = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages: list[tuple[float, list[tuple[float, ...]]]] = []
    for match in WORD_RE.finditer(html):
        if match.group(1):
            pages.append((float(match.group(1)), []))
        else:
            box = tuple(float(match.group(i)) for i in range(3, 7))
            pages[-1][1].append((*box, match.group(7)))  # type: ignore[arg-type]
    return pages


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_word_inside_the_margins_names_not_ids_page_x_of_y(
    lang: str, paper: str, folder: Path
) -> None:
    report = _report(lang, folder)
    html = document.render_html(report, document.render_charts(report))
    pdf = document.render_pdf(report, html, page_size=paper)
    pages = _pages(pdf, folder, f"{lang}-{paper}")
    assert len(pages) >= 3
    assert {round(width) for width, _ in pages} == {PAPER_WIDTH[paper]}
    text_by_page = []
    for number, (width, words) in enumerate(pages, start=1):
        outside = [w for w in words if w[0] < MARGIN_PT - 1 or w[2] > width - MARGIN_PT + 1]
        assert not outside, (lang, number, outside[:5])
        text = " ".join(str(w[4]) for w in words)
        footer = PAGE_OF[lang].format(page=number, pages=len(pages))
        assert footer in text, (number, footer)
        text_by_page.append(text)
    text = " ".join(text_by_page)
    for name in NAMES:
        assert name.replace("&", "&amp;") in text, name
    # Raw ids appear only in the YAML fragment for the next revision, never in prose or tables.
    prose = text.split("Fragmento sugerido" if lang == "es" else "Suggested fragment")[0]
    words = set(prose.split())
    assert not words & set(IDS), words & set(IDS)
    # Whole leads to date, the rounding said where they are read.
    assert "67,7" not in prose and "67.7" not in prose
    rounded = "redondean a leads enteros" if lang == "es" else "rounded to whole leads"
    assert prose.count(rounded) >= 2
    # Month cells at most two lines: the "to date" month is one line, then its parenthesis.
    month = "mar 2026" if lang == "es" else "Mar 2026"
    assert month in prose


def test_conditions_are_a_status_table_met_not_met_no_data(folder: Path) -> None:
    report = _report("es", folder)
    html = document.render_html(report, document.render_charts(report))
    table = html.split('<table class="status-table">')[1].split("</table>")[0]
    rows = table.split("<tr>")[2:]  # after the header row
    assert len(rows) == len(report.conditions) == 7
    assert "<th>Condición</th><th>Regla</th><th>Meses evaluados</th><th>Estado</th>" in table
    statuses = [re.search(r'class="status-([a-z-]+)">([^<]*)<', row).groups() for row in rows]  # type: ignore[union-attr]
    # Consequences 3–5 hold (on time, attempts, revenue below their thresholds); the rest not.
    assert (
        statuses
        == [("not-met", "No cumplida")] * 2
        + [("met", "Cumplida")] * 3
        + [("not-met", "No cumplida")] * 2
    )
    assert "Latin America" in rows[1] and "latam" not in table
    # Before a month is complete no condition can be judged: "sin datos", never met.
    early = build_report(
        report.agreement,
        load_agreement(folder / "northwind-es.yaml")[1],
        ACTUALS,
        as_of=dt.date(2025, 12, 20),
    )
    markdown = document.render_markdown(early)
    section = markdown.split("## Consecuencias")[1].split("\n## ")[0]
    assert section.count("| Sin datos |") == 7 and "Cumplida" not in section


def test_follow_up_charts_draw_every_figure_of_the_table(folder: Path) -> None:
    report = _report("en", folder)
    svgs = document.render_charts(report)
    speed, on_time = svgs["speed_segments"], svgs["on_time_segments"]
    for scope in ("total", "na", "latam", "emea"):
        for series in ("average", "median", "p90"):
            assert f'id="{series}-line-{scope}"' in speed, (series, scope)
        assert f'id="target-line-{scope}"' in speed
        assert f'id="on-time-line-{scope}"' in on_time
        assert f'id="target-line-{scope}"' in on_time  # the 90 % of consequence 3
    assert "<title>Hours to first attempt by segment: average, median, 90th percentile" in speed
    assert document.render_charts(report)["speed_segments"] == speed  # byte-identical
    html = document.render_html(report, svgs)
    assert 'id="median-line-latam"' in html and 'id="on-time-line-total"' in html


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="needs poppler's pdfinfo")
@pytest.mark.parametrize("how", ["--page-size", "slagen.toml"])
def test_the_report_pdf_takes_the_page_size_of_the_command_or_slagen_toml(
    tmp_path: Path, how: str
) -> None:
    source = tmp_path / "northwind.yaml"
    shutil.copy(AGREEMENT, source)
    options = ["--page-size", "Letter"] if how == "--page-size" else []
    if how == "slagen.toml":
        (tmp_path / "slagen.toml").write_text('page_size = "Letter"\n', encoding="utf-8")
    command = [sys.executable, "-m", "slagen.cli", "report", str(source), "-a", str(ACTUALS)]
    command += ["--as-of", "2026-03-15", "--to", "pdf", "-o", str(tmp_path / "out"), *options]
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    pdf = tmp_path / "out" / "northwind-marketing-sales-report.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert "612 x 792 pts (letter)" in info.stdout

"""PDFs read back with pypdf: text, metadata, the embedded YAML, safety and determinism.

Determinism is "two renders on this machine are identical" (never golden PDF
bytes across machines): WeasyPrint, fonts and the subsetter differ elsewhere.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from slagen.core.model import Agreement
from slagen.core.resources import templates_dir
from slagen.core.targets import TargetTable
from slagen.core.validate import load_agreement
from slagen.documents.pdf import FINGERPRINT_KEY, html_to_pdf
from slagen.documents.render import render_markdown, render_pdf
from slagen.formats.i18n import format_money, format_number
from tests.conftest import ROOT, example_files
from tests.test_render import approve, tiny

Rendered = tuple[Agreement, TargetTable, bytes, list[str]]


@pytest.fixture(scope="module")
def rendered() -> dict[str, Rendered]:
    result = {}
    for path in example_files():
        agreement, targets = load_agreement(path)
        warnings: list[str] = []
        result[path.stem] = (
            agreement,
            targets,
            render_pdf(agreement, targets, warnings=warnings),
            warnings,
        )
    return result


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return " ".join(text.replace("\u00a0", " ").split())


def plain(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


@pytest.mark.parametrize("stem", [p.stem for p in example_files()])
def test_pdf_has_every_section_and_key_figures(rendered: dict[str, Rendered], stem: str) -> None:
    agreement, targets, pdf, warnings = rendered[stem]
    assert warnings == []
    reader = PdfReader(io.BytesIO(pdf))
    assert 3 <= len(reader.pages) <= 12
    text = pdf_text(pdf)
    titles = re.findall(r"^## (\d+\. .+)$", render_markdown(agreement, targets), re.MULTILINE)
    assert len(titles) >= 9
    for title in titles:
        assert plain(title) in text
    assert plain(agreement.title) in text
    if targets.segments:
        lang, currency = agreement.language, agreement.currency or "EUR"
        assert plain(format_number(targets.total.leads_needed, lang)) in text
        assert plain(format_money(targets.total.marketing_revenue_goal, currency, lang)) in text
    draft = "BORRADOR" if agreement.language == "es" else "DRAFT"
    page_word = "Página" if agreement.language == "es" else "Page"
    for number, page in enumerate(reader.pages, start=1):
        page_text = plain(page.extract_text())
        # Every page says it is a draft in its footer; the watermark is drawn
        # as outlines, so its letters never reach copied text.
        assert draft.lower() in page_text.lower()
        assert number == 1 or draft not in page_text
        assert f"{page_word} {number} " in page_text


@pytest.mark.parametrize("stem", [p.stem for p in example_files()])
def test_pdf_metadata_and_attachment(rendered: dict[str, Rendered], stem: str) -> None:
    agreement, _, pdf, _ = rendered[stem]
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata is not None
    meta = {key: str(value) for key, value in reader.metadata.items()}
    assert meta["/Title"] == agreement.title
    assert meta["/Author"] == (agreement.company or ", ".join(p.name for p in agreement.parties))
    assert meta["/Subject"].endswith(", ".join(p.name for p in agreement.parties))
    assert agreement.fingerprint in meta["/Keywords"]
    assert agreement.id in meta["/Keywords"]
    assert meta[f"/{FINGERPRINT_KEY}"] == agreement.fingerprint
    assert meta["/ModDate"] == "D:" + agreement.revision.date.strftime("%Y%m%d")
    first = agreement.history[0].date if agreement.history else agreement.revision.date
    assert meta["/CreationDate"] == "D:" + first.strftime("%Y%m%d")
    assert str(reader.trailer["/Root"]["/Lang"]) == agreement.language  # type: ignore[index]
    xmp = reader.xmp_metadata
    assert xmp is not None and agreement.fingerprint in (xmp.pdf_keywords or "")
    source = (ROOT / "agreements" / f"{stem}.yaml").read_bytes()
    assert dict(reader.attachments) == {"agreement.yaml": [source]}


def test_letter_and_a4(tmp_path: Path) -> None:
    agreement, targets = tiny(tmp_path)
    for size, (width, height) in {"A4": (595.28, 841.89), "Letter": (612, 792)}.items():
        box = (
            PdfReader(io.BytesIO(render_pdf(agreement, targets, page_size=size))).pages[0].mediabox
        )
        assert (round(float(box.width), 2), round(float(box.height), 2)) == (width, height)
    with pytest.raises(ValueError, match="page size"):
        render_pdf(agreement, targets, page_size="A3")


def test_approved_pdf_has_no_draft_mark(tmp_path: Path) -> None:
    agreement, targets = tiny(tmp_path)
    text = pdf_text(render_pdf(approve(agreement), targets))
    assert "DRAFT" not in text
    assert "Approved by every party" in text


def test_user_text_injection_does_not_reach_the_pdf(tmp_path: Path) -> None:
    summary = (
        "Total {{ 7*7 }} <script>alert(1)</script> [click](javascript:alert(1))\n\n"
        "![x](file:///etc/passwd) ![y](http://127.0.0.1/pixel.png)"
    )
    agreement, targets = tiny(tmp_path, summary=summary)
    warnings: list[str] = []
    pdf = render_pdf(agreement, targets, warnings=warnings)
    text = pdf_text(pdf)
    assert "Total {{ 7*7 }} <script>alert(1)</script> click" in text
    assert "root:" not in text
    assert b"javascript" not in pdf.lower()
    reader = PdfReader(io.BytesIO(pdf))
    assert all("/Annots" not in page for page in reader.pages)  # no link survived
    assert warnings == [
        "link removed: javascript:alert(1) (only http, https and mailto links are allowed)",
        "image removed: file:///etc/passwd (agreement text cannot embed images)",
        "image removed: http://127.0.0.1/pixel.png (agreement text cannot embed images)",
    ]


def test_the_renderer_fetches_nothing_but_template_assets(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    html = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
    <link rel="stylesheet" href="file:///etc/passwd">
    <link rel="stylesheet" href="http://127.0.0.1:9/style.css">
    <link rel="stylesheet" href="print.css"></head><body>
    <h1>Hello</h1>
    <img src="file:///etc/passwd"><img src="http://127.0.0.1/x.png"><img src="{secret.as_uri()}">
    <img src="data:image/png;base64,iVBORw0KGgo=">
    <a rel="attachment" href="{secret.as_uri()}">attach</a></body></html>"""
    warnings: list[str] = []
    pdf = html_to_pdf(
        html,
        base_url=templates_dir() / "assets",
        title="t",
        author="a",
        subject="s",
        keywords=["k"],
        lang="en",
        created=dt.date(2026, 1, 1),
        modified=dt.date(2026, 1, 1),
        attachments=[("agreement.yaml", b"id: x\n", "source")],
        fingerprint="sha256:" + "1" * 64,
        warnings=warnings,
    )
    refused = sorted(w for w in warnings if w.startswith("refused to fetch "))
    assert refused == sorted(
        f"refused to fetch {url}: only the template assets may be used"
        for url in (
            "file:///etc/passwd",
            "http://127.0.0.1:9/style.css",
            "http://127.0.0.1/x.png",
            secret.as_uri(),
            "data:image/png;base64,iVBORw0KGgo=",
        )
    )
    assert len(warnings) == len(refused)  # and WeasyPrint's own messages were not repeated
    assert b"TOP-SECRET-CONTENT" not in pdf
    reader = PdfReader(io.BytesIO(pdf))
    assert list(reader.attachments) == ["agreement.yaml"]
    assert "TOP-SECRET-CONTENT" not in pdf_text(pdf)


# --- byte-identical output -------------------------------------------------------------

RENDER_SCRIPT = """
import sys
if sys.argv[3] == "fonttools":
    # WeasyPrint subsets with HarfBuzz when libharfbuzz-subset is installed and
    # falls back to fontTools otherwise; this forces the fallback.
    import weasyprint.pdf.fonts
    weasyprint.pdf.fonts.harfbuzz_subset = None
from slagen.documents.render import render_pdf
from slagen.core.validate import load_agreement
agreement, targets = load_agreement(sys.argv[1])
open(sys.argv[2], "wb").write(render_pdf(agreement, targets))
"""


def _start(source: Path, out: Path, subsetter: str, tz: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "TZ": tz, "PYTHONPATH": str(ROOT)}
    env.pop("SOURCE_DATE_EPOCH", None)
    return subprocess.Popen(
        [sys.executable, "-c", RENDER_SCRIPT, str(source), str(out), subsetter],
        cwd=out.parent,
        env=env,
        stderr=subprocess.PIPE,
    )


def test_two_renders_at_different_times_and_zones_are_identical(tmp_path: Path) -> None:
    source = ROOT / "agreements" / "compania-x-multinivel.yaml"  # has the chart and Spanish text
    runs = {}
    start = time.monotonic()
    for round_, tz in enumerate(("UTC", "Pacific/Kiritimati")):
        if round_:
            # fontTools stamps fonts with the clock in whole seconds: make sure it moved.
            time.sleep(max(0.0, 1.2 - (time.monotonic() - start)))
        procs = {
            subsetter: _start(source, tmp_path / f"{subsetter}-{round_}.pdf", subsetter, tz)
            for subsetter in ("harfbuzz", "fonttools")
        }
        for subsetter, proc in procs.items():
            _, err = proc.communicate(timeout=120)
            assert proc.returncode == 0, err.decode()
            runs[subsetter, round_] = (tmp_path / f"{subsetter}-{round_}.pdf").read_bytes()
    assert runs["harfbuzz", 0] == runs["harfbuzz", 1]
    assert runs["fonttools", 0] == runs["fonttools", 1]
    # The forced fallback really used the other subsetter.
    assert runs["harfbuzz", 0] != runs["fonttools", 0]


def test_a_team_logo_is_the_one_local_file_the_pdf_may_read(tmp_path: Path) -> None:
    agreement, targets = tiny(tmp_path)
    own = tmp_path / "own"
    (own / "assets").mkdir(parents=True)
    (own / "assets" / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="80" height="20">'
        '<rect width="80" height="20" fill="#0b2545"/></svg>',
        encoding="utf-8",
    )
    warnings: list[str] = []
    pdf = render_pdf(agreement, targets, templates_dir=own, warnings=warnings)
    assert warnings == []
    assert len(PdfReader(io.BytesIO(pdf)).pages) >= 1

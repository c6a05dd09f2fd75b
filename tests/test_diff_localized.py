"""The redline, the Markdown and the text diff of a reset speak the agreement's language.

One mid-year reset, written in Spanish and in English: the new revision lists
its segments in reverse order, changes a rate, a deal size, four months of a
month map and the reps, and rewrites the summary. The redline PDF is read back
with ``pdftotext -bbox``: every word inside the margins, the segment names and
changed figures present; its HTML rows each belong to one segment.
"""

from __future__ import annotations

import html as html_lib
import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from slagen.documents.markdown import md_text
from tests.test_diff_fixtures import Repo, agreement, next_revision, segment, slagen

FILE = "agreements/acme.yaml"
MARGIN = 17 * 72 / 25.4  # the agreement's page margin, in points
LATAM_MONTHS = {"2026-09": 130000, "2026-10": 90000, "2026-11": 130000, "2026-12": 125000}
SUMMARY = (
    "Sales now calls every qualified lead within four hours of hand-off, with six attempts over "
    "ten days, and Marketing reports weekly."
)


def reset_repo(path: Path, lang: str, *, rewrite: bool = False) -> Repo:
    repo = Repo(path)
    old = agreement(language=lang)
    old["targets"]["segments"].append(
        {
            "id": "latam",
            "name": "Latin America",
            "revenue_goal": {f"2026-{m:02d}": 117000 for m in range(1, 13)},
            "marketing_share": "40%",
            "avg_deal_size": 9000,
            "close_rate": "11%",
        }
    )
    repo.commit(FILE, old, "Revision 1", tag="v1")
    new = next_revision(old, date="2026-07-01", summary="**Mid-year reset.** More reps.")
    new["summary"] = SUMMARY
    new["capacity"]["reps"] = 4
    new["targets"]["segments"].reverse()
    # from July on: earlier months stay as signed, so the reset checks pass
    segment(new, "emea")["revenue_goal"] = {
        f"2026-{m:02d}": 80000 if m < 7 else 95000 for m in range(1, 13)
    }
    if rewrite:  # a rate for the whole year, January to June included
        segment(new, "na")["close_rate"] = "14%"
    latam: dict[str, Any] = segment(new, "latam")
    latam["revenue_goal"].update(LATAM_MONTHS)
    repo.commit(FILE, new, "Revision 2", tag="v2")
    return repo


def diff(repo: Repo, *options: str) -> subprocess.CompletedProcess[str]:
    return slagen("diff", FILE, "--from", "v1", "--to", "v2", *options, cwd=repo.path)


def _words(bbox: str) -> list[tuple[int, float, float, str]]:
    """(page, xMin, xMax, word) of every word of ``pdftotext -bbox`` output."""
    found = []
    for page, body in enumerate(bbox.split("<page ")[1:], 1):
        width = float(re.search(r'width="([\d.]+)"', body).group(1))  # type: ignore[union-attr]
        for x0, x1, word in re.findall(
            r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)<', body
        ):
            found.append((page, float(x0) / width, float(x1) / width, html_lib.unescape(word)))
    return found


@pytest.mark.parametrize(
    ("lang", "mark", "expected"),
    [
        (
            "es",
            "BORRADOR",
            ["Campos modificados", "Vendedores (capacidad)", "130.000,00 €", "1 de julio de 2026"],
        ),
        ("en", "DRAFT", ["Changed fields", "Sales reps (capacity)", "€130,000.00", "July 1, 2026"]),
    ],
)
@pytest.mark.parametrize("paper", ["A4", "Letter", "Letter via slagen.toml"])
def test_redline_of_a_reset_stays_inside_the_margins(
    tmp_path: Path, lang: str, mark: str, expected: list[str], paper: str
) -> None:
    repo = reset_repo(tmp_path / "repo", lang)
    out = tmp_path / "redline.pdf"
    options = ["--page-size", "Letter"] if paper == "Letter" else []
    if paper == "Letter via slagen.toml":
        (repo.path / "slagen.toml").write_text('page_size = "Letter"\n', encoding="utf-8")
    done = diff(repo, "--format", "pdf", "-o", str(out), *options)
    assert done.returncode == 1, done.stderr  # a change: exit 1, like diff(1)
    bbox = subprocess.run(
        ["pdftotext", "-bbox", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    sizes = {
        (round(float(w)), round(float(h)))
        for w, h in re.findall(r'<page width="([\d.]+)" height="([\d.]+)"', bbox)
    }
    assert sizes == ({(595, 842)} if paper == "A4" else {(612, 792)})  # every page
    words = _words(bbox)
    width = float(re.findall(r'<page width="([\d.]+)"', bbox)[0])
    left, right = MARGIN / width, 1 - MARGIN / width
    tolerance = 1 / width
    # the watermark's letters are drawn across the page on purpose
    outside = [
        w
        for w in words
        if not (len(w[3]) == 1 and w[3] in mark)
        and not left - tolerance <= w[1] <= w[2] <= right + tolerance
    ]
    assert outside == []
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    for name in ("North America", "EMEA", "Latin America"):
        assert name in flat
    for wanted in expected:
        assert wanted in flat
    assert "**" not in flat  # Markdown rendered, not shown raw
    assert "capacity.reps" not in flat and "capacity sales reps" not in flat


def _rows(page: str) -> list[str]:
    return [
        " ".join(re.sub(r"<[^>]+>", " ", row).split())
        for row in re.findall(r"<tr>.*?</tr>", page, re.DOTALL)
    ]


def test_reordered_segments_do_not_fuse_rows_in_the_redline(tmp_path: Path) -> None:
    repo = reset_repo(tmp_path / "repo", "en")
    out = tmp_path / "redline.html"
    assert diff(repo, "--format", "html", "-o", str(out)).returncode == 1
    page = out.read_text(encoding="utf-8")
    rows = _rows(page)
    # period totals: each segment's row carries its own old and new figures, and only those
    emea = [r for r in rows if r.startswith("EMEA €")]
    assert emea and all("€960,000.00 €1,050,000.00" in r for r in emea), emea
    assert all("1,404,000" not in r and "1,440,000" not in r for r in emea)
    north = [r for r in rows if r.startswith("North America €")]
    assert north and all("€1,440,000.00" in r and "1,140,000" not in r for r in north), north
    # segment headings are the new ones, not one segment struck and another inserted
    headings = re.findall(r"<h3[^>]*>.*?</h3>", page, re.DOTALL)
    assert headings and not [h for h in headings if "<del" in h]


def test_markdown_and_text_diffs_in_spanish(tmp_path: Path) -> None:
    repo = reset_repo(tmp_path / "repo", "es")
    md = diff(repo, "--format", "md").stdout
    assert "| Revisión | 1 (1 de enero de 2026) | 2 (1 de julio de 2026) |" in md
    assert "| Vendedores (capacidad) | 3 | 4 |" in md
    assert (
        "| Objetivo de ingresos (EMEA, julio de 2026 – diciembre de 2026) "
        "| 80\\.000,00 € | 95\\.000,00 € |"
    ) in md
    assert "**Comprobaciones de la revisión** ✅ superadas" in md
    assert "Comprobaciones de la revisión" in md and "Reset checks" not in md
    text = diff(repo).stdout
    assert "~ Vendedores (capacidad): 3 → 4" in text
    assert "Cambios (" in text and "Changes (" not in text
    assert "Comprobaciones de la revisión: superadas" in text
    json_out = diff(repo, "--format", "json").stdout
    assert '"path": "capacity.reps"' in json_out
    assert "Vendedores" not in json_out  # JSON stays language-neutral


def test_month_changes_are_listed_in_month_order(tmp_path: Path) -> None:
    repo = reset_repo(tmp_path / "repo", "en")
    text = diff(repo).stdout
    months = re.findall(r"Revenue goal \(Latin America, (\w+) 2026\)", text)
    assert months == ["September", "October", "November", "December"]


def test_reset_check_findings_in_spanish(tmp_path: Path) -> None:
    repo = reset_repo(tmp_path / "repo", "es", rewrite=True)
    text = diff(repo).stdout
    assert (
        "Aviso: Fecha (revisión): se reescribe el pasado: la revisión 2 entra en vigor el 1 de julio"
        in text
    )
    assert "meses de ingresos ene 2026" in text and "rewriting history" not in text
    data = diff(repo, "--format", "json").stdout
    assert "rewriting history: revision 2 takes effect on 2026-07-01" in data  # JSON as it was


def test_draft_mark_of_a_new_draft_is_never_marked_as_inserted() -> None:
    from slagen.revisions.redline import redline_body

    old = '<div class="running-status">Approved</div>\n<p>Sales calls within one day.</p>'
    new = (
        '<div class="watermark" aria-hidden="true"><span>DRAFT</span></div>\n'
        '<div class="running-status">Draft</div>\n<p>Sales calls within one day.</p>'
    )
    body = redline_body(old, new)
    assert '<div class="watermark" aria-hidden="true"><span>DRAFT</span></div>' in body
    assert '<ins class="redline">DRAFT' not in body


def test_approvals_of_the_old_revision_read_as_names_and_short_fingerprints(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo")
    old = agreement(language="es")
    repo.write(FILE, old)
    for party, name in (("marketing", "Bruno"), ("sales", "Ana")):
        approve = slagen("approve", FILE, "--party", party, "--name", name, cwd=repo.path)
        assert approve.returncode == 0, approve.stderr
    repo.commit(FILE, (repo.path / FILE).read_text(encoding="utf-8"), "Approved", tag="v1")
    new = next_revision(old, date="2026-07-01")
    new["capacity"]["reps"] = 4
    repo.commit(FILE, new, "Revision 2", tag="v2")
    text = diff(repo).stdout
    line = next(line for line in text.splitlines() if "Aprobaciones" in line)
    assert "Parte: Marketing; Nombre: Bruno" in line  # the party's name, not its id
    assert re.search(r"Huella: sha256:[0-9a-f]{12}…", line)


def test_a_rewritten_summary_reads_as_replaced_in_text_and_markdown(tmp_path: Path) -> None:
    """SUMMARY keeps almost none of the old summary's words: no word soup, old then new."""
    repo = reset_repo(tmp_path / "repo", "es")
    old_summary = " ".join(agreement()["summary"].split())
    text = diff(repo).stdout
    assert f"  ~ Resumen:\n      [-{old_summary}-]\n      {{+{SUMMARY}+}}\n" in text
    md = diff(repo, "--format", "md").stdout
    assert f"<del>{md_text(old_summary)}</del>\n\n<ins>{md_text(SUMMARY)}</ins>" in md
    data = json.loads(diff(repo, "--format", "json").stdout)
    summary = next(c for c in data["changes"] if c["path"] == "summary")
    assert {w["op"] for w in summary["words"]} >= {"equal", "delete", "insert"}  # JSON as it was


def test_a_lightly_edited_paragraph_stays_word_by_word(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo")
    old = agreement()
    repo.commit(FILE, old, "Revision 1", tag="v1")
    new = next_revision(old, date="2026-07-01")
    new["summary"] = old["summary"].replace("one business day", "four hours")
    repo.commit(FILE, new, "Revision 2", tag="v2")
    text = diff(repo).stdout
    line = next(line for line in text.splitlines() if line.startswith("  ~ Summary:"))
    assert "[-one business day-] {+four hours+}" in line
    md = diff(repo, "--format", "md").stdout
    assert "<del>one business day</del> <ins>four hours</ins>" in md


def test_a_new_fingerprint_is_struck_and_inserted_whole() -> None:
    from slagen.documents.layout import add_break_points
    from slagen.revisions.redline import redline_body

    def page(digits: str) -> str:
        return add_break_points(
            f"<p>Approve the content with fingerprint sha256:{digits * 64}.</p>"
        )

    body = redline_body(page("a"), page("b"))
    assert body.count('<del class="redline">') == 1 and body.count('<ins class="redline">') == 1
    assert re.search(r'<del class="redline">sha256:(<wbr>|a)+</del>', body)
    assert re.search(r'<ins class="redline">sha256:(<wbr>|b)+</ins>', body)

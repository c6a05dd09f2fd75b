"""The redline (html and pdf): the new revision with deletions and insertions marked in place."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdf
from typer.testing import CliRunner

from slagen.revisions.redline import redline_body
from tests.test_diff_fixtures import Repo, agreement, next_revision, segment, slagen

runner = CliRunner()
FILE = "agreements/acme.yaml"


def test_redline_body_marks_words_and_keeps_the_new_structure() -> None:
    old = "<p>Sales calls within one business day.</p>\n<table><tr><td>147</td><td>552</td></tr></table>"
    new = "<p>Sales calls within 4 hours.</p>\n<table><tr><td>167</td><td>552</td></tr></table>"
    body = redline_body(old, new)
    assert (
        '<del class="redline">one business day.</del> <ins class="redline">4 hours.</ins>' in body
    )
    assert (
        '<td><del class="redline">147</del> <ins class="redline">167</ins></td><td>552</td>' in body
    )
    # del and ins wrap text only: removing them gives back the new document's tags
    assert re.findall(r"<(?!/?(?:ins|del)\b)[^>]+>", body) == re.findall(r"<[^>]+>", new)


def test_redline_body_of_identical_documents_is_the_document() -> None:
    html = "<h2>1. Summary</h2>\n<p>Text &amp; more.</p>"
    assert redline_body(html, html) == html


def reset_repo(tmp_path: Path) -> Repo:
    repo = Repo(tmp_path / "repo")
    old = agreement()
    repo.commit(FILE, old, "Revision 1", tag="v1")
    new = next_revision(old, date="2026-07-01", summary="Mid-year reset: faster follow-up.")
    new["summary"] = old["summary"].replace("within one business day", "within four hours")
    segment(new, "emea")["name"] = "Europe <EMEA>"
    repo.commit(FILE, new, "Revision 2", tag="v2")
    return repo


def test_html_redline(tmp_path: Path) -> None:
    repo = reset_repo(tmp_path)
    out = tmp_path / "redline.html"
    done = slagen(
        "diff",
        FILE,
        "--from",
        "v1",
        "--to",
        "v2",
        "--format",
        "html",
        "-o",
        str(out),
        cwd=repo.path,
    )
    assert done.returncode == 1, done.stderr
    html = out.read_text(encoding="utf-8")
    assert html.index('class="redline-summary"') < html.index("one business day")
    assert '<del class="redline">one business day</del>' in html
    assert '<ins class="redline">four hours</ins>' in html
    assert "Europe &lt;EMEA&gt;" in html and "Europe <EMEA>" not in html
    assert "SLAGENFIGURE" not in html
    # running headers carry the new revision only (their text is copied to every page)
    running = re.search(r'<div class="running-revision">[^\n]*', html)
    assert running is not None and "redline" not in running.group(0)


def test_pdf_redline_shows_insertions_and_deletions(tmp_path: Path) -> None:
    repo = reset_repo(tmp_path)
    out = tmp_path / "redline.pdf"
    done = slagen(
        "diff", FILE, "--from", "v1", "--to", "v2", "--format", "pdf", "-o", str(out), cwd=repo.path
    )
    assert done.returncode == 1, done.stderr
    reader = pypdf.PdfReader(io.BytesIO(out.read_bytes()))
    first = reader.pages[0].extract_text()
    assert "Changes: revision 1 → 2" in first
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    # both the struck old words and the inserted new ones are in the document
    assert "one business day four hours" in text
    assert set(reader.attachments) == {"revision-1.yaml", "revision-2.yaml"}
    assert b"within four hours" in reader.attachments["revision-2.yaml"][0]
    assert (
        reader.metadata is not None
        and reader.metadata.title == "Redline: Acme marketing ↔ sales SLA"
    )


def test_html_and_pdf_need_an_output_file(tmp_path: Path) -> None:
    repo = reset_repo(tmp_path)
    done = slagen("diff", FILE, "--from", "v1", "--format", "pdf", cwd=repo.path)
    assert done.returncode == 2 and "-o" in done.stderr
    assert not list(repo.path.glob("*.pdf"))


def test_removed_rows_stay_struck_through_rows() -> None:
    old = "<table>\n<tr><td>Jan 2026</td><td>50</td></tr>\n<tr><td>Jul 2026</td><td>50</td></tr>\n</table>"
    new = "<table>\n<tr><td>Jul 2026</td><td>50</td></tr>\n</table>"
    body = redline_body(old, new)
    assert (
        '<tr><td><del class="redline">Jan 2026</del></td><td><del class="redline">50</del></td></tr>'
        in body
    )
    assert body.index("Jan 2026") < body.index("Jul 2026")
    # a whole paragraph keeps its tags; an unbalanced leftover (an unclosed <b>) only its words
    body = redline_body("<div><p>gone</p><p>kept</p></div>", "<div><p>kept</p></div>")
    assert body == '<div><p><del class="redline">gone</del></p><p>kept</p></div>'
    body = redline_body("<div><p>gone <b>x</p>\n<p>kept</p></div>", "<div><p>kept</p></div>")
    assert body == '<div><del class="redline">gone x</del> <p>kept</p></div>'


def test_changed_rows_pair_with_the_same_month_when_earlier_months_are_dropped() -> None:
    def table(months: list[str], leads: int) -> str:
        rows = "".join(f"<tr><td>{m} 2026</td><td>{leads}</td></tr>\n" for m in months)
        return f"<table>\n<tbody>\n{rows}</tbody>\n</table>"

    first_half, second_half = ["Jan", "Feb", "Mar"], ["Jul", "Aug", "Sep"]
    body = redline_body(table(first_half + second_half, 50), table(second_half, 63))
    assert (
        '<tr><td>Jul 2026</td><td><del class="redline">50</del> <ins class="redline">63</ins></td></tr>'
        in body
    )
    assert (
        '<tr><td><del class="redline">Jan 2026</del></td><td><del class="redline">50</del></td></tr>'
        in body
    )
    assert "Jul 2026</del>" not in body and '<ins class="redline">Jul' not in body


def test_changed_figures_pair_cell_by_cell_never_with_a_neighbour() -> None:
    # Latin America's total drops from 660 to 642 while EMEA's rises from 600 to 660:
    # a word diff of the whole row would keep "660" and strike the wrong figures
    old = "<table><tr><td>Total</td><td>660</td><td>600</td><td>600</td><td>1,860</td></tr></table>"
    new = "<table><tr><td>Total</td><td>642</td><td>660</td><td>600</td><td>1,902</td></tr></table>"
    assert redline_body(old, new) == (
        "<table><tr><td>Total</td>"
        '<td><del class="redline">660</del> <ins class="redline">642</ins></td>'
        '<td><del class="redline">600</del> <ins class="redline">660</ins></td>'
        "<td>600</td>"
        '<td><del class="redline">1,860</del> <ins class="redline">1,902</ins></td></tr></table>'
    )

"""The agreement PDF as a typesetter checks it: nothing outside the margins, nothing lost.

Each case of :data:`tests.reference_pages.CASES` is rendered once (two examples
in Spanish, two in English, one on A4 and Letter); every word's box, read back
with ``pdftotext -bbox``, must lie inside the page's side margins and clear of
the paper's top and bottom edges, and the values the document must show (every
segment and group name, each month's leads, the longest word of each text
field) must be in the text. A few pages are compared with stored pictures.
"""

from __future__ import annotations

import html
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PIL import Image

from slagen.documents.environment import display_name
from slagen.formats.i18n import format_number
from tests.reference_pages import (
    CASES,
    CHANGED_SHARE,
    REFERENCE_PAGES,
    Rendered,
    changed_share,
    page_picture,
    reference_path,
    render_case,
)

MM = 72 / 25.4
SIDE_MARGIN = 17 * MM  # print.css: @page margin, left and right
EDGE = 8 * MM  # running header and footer sit in the margin, not on the edge
SLACK = 0.5  # points: rounding in pdftotext's boxes

_WORD_RE = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)
_PAGE_RE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')


@dataclass(frozen=True)
class Word:
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


@dataclass(frozen=True)
class Layout:
    rendered: Rendered
    pages: list[tuple[float, float]]  # width, height in points
    words: list[Word]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


def read_layout(rendered: Rendered) -> Layout:
    out = subprocess.run(
        ["pdftotext", "-bbox", "-", "-"], input=rendered.pdf, capture_output=True, check=True
    ).stdout.decode("utf-8")
    pages: list[tuple[float, float]] = []
    words: list[Word] = []
    for chunk in out.split("<page ")[1:]:
        size = _PAGE_RE.match("<page " + chunk)
        assert size is not None
        pages.append((float(size[1]), float(size[2])))
        for m in _WORD_RE.finditer(chunk):
            x0, y0, x1, y1 = (float(v) for v in m.groups()[:4])
            words.append(Word(len(pages), x0, y0, x1, y1, html.unescape(m[5])))
    return Layout(rendered, pages, words)


@pytest.fixture(scope="module")
def layouts() -> dict[str, Layout]:
    return {case.name: read_layout(render_case(case)) for case in CASES}


NAMES = [case.name for case in CASES]


def words_outside(layout: Layout) -> list[str]:
    """Words outside the side margins or on the paper's edge; the page size is checked too."""
    expected = (595.0, 842.0) if layout.rendered.case.paper == "A4" else (612.0, 792.0)
    assert all(abs(w - expected[0]) < 1 and abs(h - expected[1]) < 1 for w, h in layout.pages)
    outside = []
    for word in layout.words:
        width, height = layout.pages[word.page - 1]
        if (
            word.x0 < SIDE_MARGIN - SLACK
            or word.x1 > width - SIDE_MARGIN + SLACK
            or word.y0 < EDGE
            or word.y1 > height - EDGE
        ):
            outside.append(f"p{word.page} {word.text!r} x {word.x0:.0f}–{word.x1:.0f}")
    return outside


@pytest.mark.parametrize("name", NAMES)
def test_every_word_lies_inside_the_margins(layouts: dict[str, Layout], name: str) -> None:
    layout = layouts[name]
    assert words_outside(layout) == []
    assert layout.rendered.warnings == ()


def _squeezed(text: str) -> str:
    # Words wrap anywhere in narrow cells: compare without white space.
    return re.sub(r"[\s\u200b\u00ad]+", "", text)


def _longest_words(layout: Layout) -> Iterator[tuple[str, str]]:
    a = layout.rendered.agreement
    fields: list[tuple[str, str]] = [("title", a.title), ("summary", a.summary)]
    fields += [("revision.summary", a.revision.summary)]
    fields += [(f"definitions[{i}]", d.text) for i, d in enumerate(a.definitions)]
    fields += [(f"objectives[{i}]", o.text) for i, o in enumerate(a.objectives)]
    fields += [(f"needs[{i}]", n.text) for i, n in enumerate(a.needs)]
    for i, c in enumerate(a.contacts):
        fields += [(f"contacts[{i}].name", c.name), (f"contacts[{i}].role", c.role)]
        fields += [(f"contacts[{i}].email", c.email or "")]
    for p in a.parties:
        fields += [(f"parties.{p.id}.name", p.name)]
        fields += [(f"parties.{p.id}.representative", p.representative.name)]
    for field, text in fields:
        words = [w.strip("*_`()[].,;:¡!¿?\"'") for w in text.split()]
        words = [w for w in words if w and "](" not in w]
        if words:
            yield field, max(words, key=len)


def missing_values(layout: Layout) -> list[str]:
    """Segment and group names, monthly leads and longest words the text lacks."""
    text = _squeezed(layout.text)
    targets, lang = layout.rendered.targets, layout.rendered.case.lang
    missing = [f"segment {s.name!r}" for s in targets.segments if _squeezed(s.name) not in text]
    missing += [
        f"group {g.id!r}"
        for g in targets.groups
        if _squeezed(g.name or display_name(g.id)) not in text
    ]
    for month in targets.monthly:
        figure = format_number(month.leads_needed, lang).replace("\u00a0", "")
        if figure not in text:
            missing.append(f"leads of {month.month}: {figure}")
    missing += [
        f"{field}: {word!r}"
        for field, word in _longest_words(layout)
        if _squeezed(word) not in text
    ]
    return missing


@pytest.mark.parametrize("name", NAMES)
def test_the_values_the_document_must_show_are_there(layouts: dict[str, Layout], name: str) -> None:
    assert missing_values(layouts[name]) == []


@pytest.mark.parametrize(("name", "page"), REFERENCE_PAGES)
def test_pages_look_like_their_reference_pictures(
    layouts: dict[str, Layout], name: str, page: int
) -> None:
    layout = layouts[name]
    path = reference_path(name, page)
    assert path.is_file(), "store it: .venv/bin/python -m tests.reference_pages --update"
    picture = page_picture(layout.rendered.pdf, page, len(layout.pages))
    share = changed_share(picture, Image.open(path).convert("RGB"))
    assert share <= CHANGED_SHARE, (
        f"{path.name}: {share:.2%} of pixels changed; if intended, look at the new page "
        "and run .venv/bin/python -m tests.reference_pages --update"
    )


_CLAUSE_RE = re.compile(r"^\d+\.\d+$")
_CONDITION = {"en": ("Applies", "when"), "es": ("Se", "aplica")}


@pytest.mark.parametrize("name", NAMES)
def test_a_condition_is_on_the_page_of_its_clause(layouts: dict[str, Layout], name: str) -> None:
    """ "Applies when …" under a clause (10.1) never starts the next page alone."""
    layout = layouts[name]
    first, second = _CONDITION[layout.rendered.case.lang]
    clause: Word | None = None
    parted, seen = [], 0
    for word, after in zip(layout.words, layout.words[1:], strict=False):
        if _CLAUSE_RE.match(word.text) and word.x0 < SIDE_MARGIN + 2:
            clause = word
        elif word.text == first and after.text == second and clause is not None:
            seen += 1
            if word.page != clause.page:
                parted.append(f"{clause.text}: p{clause.page}, its condition p{word.page}")
    assert parted == []
    assert seen >= len([c for c in layout.rendered.agreement.cancellation if c.when])


_NO_APPROVAL = {
    "en": ("Approval none recorded yet", "Approved by no approval"),
    "es": ("Aprobación ninguna registrada todavía", "Aprobado por sin aprobación"),
}


@pytest.mark.parametrize("name", NAMES)
def test_the_signature_page_says_plainly_that_nobody_approved(
    layouts: dict[str, Layout], name: str
) -> None:
    layout = layouts[name]
    wanted, garbled = _NO_APPROVAL[layout.rendered.case.lang]
    text = " ".join(layout.text.split())
    assert garbled not in text
    if not layout.rendered.agreement.approvals:
        assert text.count(wanted) == len(layout.rendered.agreement.parties)

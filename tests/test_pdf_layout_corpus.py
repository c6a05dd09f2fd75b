"""The layout checks of ``test_pdf_layout`` over every agreement the project has, in es and en.

``test_pdf_layout`` renders a few chosen cases and also compares pictures; this
module renders every valid test agreement (``tests/cases/valid``) in both
languages and every example in the language it is not written in, and applies
the same two checks: every word inside the margins, every value present.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from slagen.core.validate import load_agreement
from slagen.documents.render import render_pdf
from tests.conftest import AGREEMENTS
from tests.reference_pages import CASES, Case, Rendered
from tests.test_pdf_layout import missing_values, read_layout, words_outside

VALID = Path(__file__).parent / "cases" / "valid"
_COVERED = {(case.stem, case.lang) for case in CASES}


def _corpus() -> list[tuple[Path, str]]:
    pairs = [(path, lang) for path in sorted(VALID.glob("*.yaml")) for lang in ("es", "en")]
    pairs += [
        (path, lang)
        for path in sorted(AGREEMENTS.glob("*.yaml"))
        for lang in ("es", "en")
        if (path.stem, lang) not in _COVERED
    ]
    return pairs


CORPUS = _corpus()


def _render(path: Path, lang: str) -> Rendered:
    agreement, targets = load_agreement(path)
    warnings: list[str] = []
    pdf = render_pdf(agreement, targets, language=lang, page_size="A4", warnings=warnings)
    return Rendered(Case(path.stem, lang), agreement, targets, pdf, tuple(warnings))


@pytest.mark.parametrize(
    ("path", "lang"), CORPUS, ids=[f"{p.parent.name}/{p.stem}.{lang}" for p, lang in CORPUS]
)
def test_every_agreement_fits_its_pages_and_shows_its_values(path: Path, lang: str) -> None:
    layout = read_layout(_render(path, lang))
    assert words_outside(layout) == []
    assert layout.rendered.warnings == ()
    assert missing_values(layout) == []


def test_the_corpus_covers_both_languages_of_every_example() -> None:
    examples = {path.stem for path in AGREEMENTS.glob("*.yaml")}
    covered = _COVERED | {(p.stem, lang) for p, lang in CORPUS}
    assert {(stem, lang) for stem in examples for lang in ("es", "en")} <= covered
    assert len(list(VALID.glob("*.yaml"))) * 2 <= len(CORPUS)

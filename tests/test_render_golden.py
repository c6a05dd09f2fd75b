"""Golden Markdown for every example agreement, in both languages.

After an intended change to templates or wording, regenerate and review the diff:

    SLAGEN_REGEN_GOLDEN=1 .venv/bin/pytest tests/test_render_golden.py
    git diff tests/golden/render/
"""

from __future__ import annotations

from pathlib import Path

import pytest

from slagen.core.validate import load_agreement
from slagen.documents.render import render_markdown
from tests.conftest import GOLDEN, check_golden, example_files

LANGUAGES = ("es", "en")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.stem)
def test_markdown_matches_golden(path: Path, language: str) -> None:
    agreement, targets = load_agreement(path)
    markdown = render_markdown(agreement, targets, language=language)
    check_golden(GOLDEN / "render" / f"{path.stem}.{language}.md", markdown)


def test_every_golden_file_belongs_to_an_example() -> None:
    expected = {f"{p.stem}.{lang}.md" for p in example_files() for lang in LANGUAGES}
    present = {p.name for p in (GOLDEN / "render").glob("*.md")}
    assert present == expected, "remove golden files of deleted examples"

"""docs/format.md is generated from the schema and must stay in step with it."""

from __future__ import annotations

from slagen.core.format_reference import format_reference
from slagen.core.schema import load_schema
from tests.conftest import ROOT


def test_committed_reference_matches_the_schema() -> None:
    committed = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    assert committed == format_reference(), "run: slagen schema --reference > docs/format.md"


def test_every_top_level_field_is_described() -> None:
    text = format_reference()
    for key in load_schema()["properties"]:
        assert f"| `{key}` |" in text

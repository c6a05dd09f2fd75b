"""``md_block`` parses a text only when it could hold code; the parser checks the rest.

A text without three backticks or tildes, four spaces or a tab in a row can
hold no fence and no indented code block, so skipping the parse changes nothing.
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from slagen.documents import markdown
from slagen.documents.markdown import may_hold_code, md_block

PIECES = st.sampled_from(
    [
        "`", "``", "~", "~~", " ", "  ", "   ", "\n", "\n\n", "> ", ">", "- ", "* ", "1. ",
        "10) ", "x", "<b>", "<!--", "|", "#", "---", "    ", "\t", "```", "~~~", "\u202e",
    ]
)  # fmt: skip

TEXTS = st.lists(PIECES, max_size=30).map("".join)


def code_tokens(text: str) -> list[str]:
    tokens = markdown._markdown_it().parse(text)
    return [t.type for t in tokens if t.type in ("fence", "code_block")]


@settings(max_examples=600, deadline=None)
@given(TEXTS)
@example("> - >  x\n>   \n> -   y")
@example("-   a\n\n   b")
@example("``\n``")
def test_a_text_that_cannot_hold_code_has_none(text: str) -> None:
    if not may_hold_code(text):
        assert code_tokens(text) == []


def test_code_is_still_found_and_kept() -> None:
    assert md_block("```\n<b>") == "```\n<b>\n```"
    assert md_block("a\n\n    <b>") == "a\n\n    <b>"
    assert md_block("> a\n>\n>     <b>") == "> a\n>\n>     <b>"
    assert md_block("a <b> c") == r"a \<b> c"

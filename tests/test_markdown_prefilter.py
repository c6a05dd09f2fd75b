"""Texts that validation does not parse as Markdown could not have broken the policy.

``field_checks.may_break_the_policy`` lets validation skip Markdown's parser
(and its import) for most texts; here the parser itself checks that whatever it
skips has no raw HTML, image or link to report.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from slagen.core import field_checks
from slagen.core.field_checks import may_break_the_policy

PIECES = st.sampled_from(
    [
        "[", "]", "(", ")", "!", ":", "<", ">", "&", "#", ";", " ", "\n", "\n\n", "\t",
        "\\", "`", "*", "_", "|", "-", "=", '"', "'", "x", "javascript", "https", "//",
        "mailto", "&#91;", "&#93;", "&lpar;", "&colon;", "&lt;", "---", "    ", "> ",
        "1. ", "- ", "![", "](", "]:", "][", "] (", "]\n(", "] :", "<!--", "<a>",
    ]
)  # fmt: skip

TEXTS = st.lists(PIECES, max_size=30).map("".join)


def problems(text: str) -> list[tuple[int, str, str]]:
    return list(field_checks._problems(field_checks._html_parser().parse(text)))


@settings(max_examples=400, deadline=None)
@given(TEXTS)
@example("[a] (javascript:x)")
@example("[a]\n(javascript:x)")
@example("![a] [b]\n\n[b] : file:x")
@example("&lt;script&gt; [x]&#40;javascript:y&#41;")
def test_a_skipped_text_has_nothing_to_report(text: str) -> None:
    if not may_break_the_policy(text):
        assert problems(text) == []


def test_the_filter_lets_through_what_can_break_the_policy() -> None:
    for text in ("<b>x</b>", "[a](javascript:x)", "![i](https://x.example/i.png)",
                 "[a][r]\n\n[r]: file:///etc", "<javascript:x>", "<!-- hidden -->"):  # fmt: skip
        assert may_break_the_policy(text) and problems(text), text


def test_a_valid_agreement_without_links_does_not_load_the_parser() -> None:
    code = (
        "import sys; from slagen.core.validate import validate_file\n"
        "r = validate_file('agreements/northwind-marketing-sales.yaml')\n"
        "assert not r.errors, r.findings\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'markdown_it'))"
    )
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"

"""The Markdown policy (links, images, raw HTML) and the filters that put user text into Markdown."""

from __future__ import annotations

import dataclasses
import html
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from slagen.core.validate import load_agreement
from slagen.documents.markdown import (
    link_allowed,
    markdown_to_html,
    markdown_warnings,
    md_block,
    md_cell,
    md_quote,
    md_text,
)
from slagen.documents.render import render_markdown

ROOT = Path(__file__).resolve().parent.parent


def test_raw_html_is_text() -> None:
    out = markdown_to_html('<script>alert(1)</script>\n\n<img src="file:///etc/passwd">')
    assert "<script" not in out and "<img" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out


def test_tables_are_enabled() -> None:
    out = markdown_to_html("| a | b |\n| --- | ---: |\n| 1 | 2 |\n")
    assert "<table>" in out and 'style="text-align:right"' in out


def test_only_http_https_mailto_links_survive() -> None:
    warnings: list[str] = []
    out = markdown_to_html(
        "[ok](https://example.com) [mail](mailto:a@example.com) [bad](javascript:alert(1)) "
        "[data](data:text/html,x) [rel](../secret.html) <JAVASCRIPT:alert(1)> [f](file:///etc/passwd)",
        warnings=warnings,
    )
    assert '<a href="https://example.com">ok</a>' in out
    assert '<a href="mailto:a@example.com">mail</a>' in out
    assert out.count("<a ") == 2  # javascript:, data:, file: and relative links lost their href
    assert "bad" in out and "rel" in out  # the words stay, the target goes
    assert len(warnings) == 5
    assert all(w.startswith("link removed: ") for w in warnings)


def test_images_are_dropped_with_a_warning() -> None:
    warnings = markdown_warnings(
        "![x](file:///etc/passwd) ![y](http://127.0.0.1/a.png) ![z](logo.png)"
    )
    assert warnings == [
        "image removed: file:///etc/passwd (agreement text cannot embed images)",
        "image removed: http://127.0.0.1/a.png (agreement text cannot embed images)",
        "image removed: logo.png (agreement text cannot embed images)",
    ]
    assert "<img" not in markdown_to_html("![x](https://example.com/a.png)")


def test_link_allowed() -> None:
    assert link_allowed("https://x.example/a?b=c")
    assert link_allowed(" MAILTO:a@b.example")
    assert not link_allowed("javascript:alert(1)")
    assert not link_allowed("vbscript:x")
    assert not link_allowed("/relative")
    assert not link_allowed("http://[::1")  # malformed


def test_template_syntax_is_plain_text() -> None:
    assert markdown_to_html("{{ 7*7 }} {% raw %}") == "<p>{{ 7*7 }} {% raw %}</p>\n"


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=60))
def test_md_text_renders_as_the_literal_text(value: str) -> None:
    expected = " ".join(value.split())
    rendered = markdown_to_html(md_text(value))
    if not expected:
        assert rendered == ""
        return
    assert rendered.startswith("<p>") and rendered.endswith("</p>\n")
    assert html.unescape(rendered[3:-5]) == expected


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=40))
def test_md_text_in_a_table_cell_stays_in_its_cell(value: str) -> None:
    table = f"| a | b |\n| --- | --- |\n| {md_text(value)} | end |\n"
    rendered = markdown_to_html(table)
    assert rendered.count("<td>") == 2
    assert "<td>end</td>" in rendered


def test_md_text_examples() -> None:
    assert md_text("Ana *Pérez*") == "Ana \\*Pérez\\*"
    assert md_text("# not a heading") == "\\# not a heading"
    assert md_text("2026. A year") == "2026\\. A year"
    assert md_text("AT&amp;T") == "AT\\&amp;T"
    assert md_text("line\nbreak") == "line break"


def test_md_cell_keeps_markdown_on_one_line() -> None:
    assert md_cell("**bold** | pipe\n\nsecond paragraph") == "**bold** \\| pipe second paragraph"


def test_md_block_closes_an_open_fence() -> None:
    assert md_block("text\n\n```\ncode") == "text\n\n```\ncode\n```"
    assert md_block("~~~~\ncode\n~~~") == "~~~~\ncode\n~~~\n~~~~"
    assert md_block("```\nclosed\n```\n") == "```\nclosed\n```"
    # What follows the block is no longer swallowed by the fence.
    out = markdown_to_html(md_block("```\ncode") + "\n\n## Next section\n")
    assert "<h2>Next section</h2>" in out


def test_md_quote() -> None:
    assert md_quote("a\n\nb") == "> a\n>\n> b"


HOSTILE_MARKDOWN = (
    "Fine print <!-- hidden clause: penalty 50% --> and <script>alert(1)</script>, "
    "<img src=https://e.test/pixel.png>, <a href='javascript:alert(1)'>x</a>\n\n"
    "<div>\nblock\n</div>\n\n"
    "Code stays code: `a <b> c` and\n\n```\n<pre>kept</pre>\n```\n\n"
    "Direction \u202etxet\u202c override"
)


def html_tokens(markdown: str) -> list[str]:
    """What a pull-request view (CommonMark with raw HTML on) would pass as HTML."""
    tokens = MarkdownIt("commonmark").parse(markdown)
    found = [t.content for t in tokens if t.type == "html_block"]
    for token in tokens:
        found += [c.content for c in token.children or [] if c.type == "html_inline"]
    return found


def test_md_block_leaves_no_raw_html_for_the_pull_request_view() -> None:
    assert html_tokens(HOSTILE_MARKDOWN) != []  # the input does carry HTML
    out = md_block(HOSTILE_MARKDOWN)
    assert html_tokens(out) == []
    assert "`a <b> c`" in out and "<pre>kept</pre>" in out  # code untouched
    assert "\u202e" not in out and "\u202c" not in out
    rendered = MarkdownIt("commonmark").render(out)
    assert "&lt;!-- hidden clause" in rendered  # shown as text, not hidden


def test_a_rendered_agreement_carries_no_raw_html_whatever_its_text() -> None:
    agreement, targets = load_agreement(ROOT / "agreements" / "northwind-marketing-sales.yaml")
    hostile = dataclasses.replace(agreement, summary=HOSTILE_MARKDOWN)
    assert html_tokens(render_markdown(hostile, targets)) == []

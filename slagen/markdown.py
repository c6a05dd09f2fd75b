"""Markdown → HTML with the safety policy of rendered agreements.

Agreement text is written by people, then printed by WeasyPrint, which would
happily read local files or reach the network for an ``<img>``. So:

- CommonMark plus GitHub tables, raw HTML off (``<script>`` prints as text);
- links only to ``http``, ``https`` and ``mailto``: any other link keeps its
  words and loses its target;
- no images at all: the PDF fetches nothing a user wrote.

Whatever is removed is reported as a warning, so the author learns about it.
"""

from __future__ import annotations

from functools import cache
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token

LINK_SCHEMES = frozenset({"http", "https", "mailto"})


def markdown_to_html(text: str, *, warnings: list[str] | None = None) -> str:
    """Render Markdown ``text`` to an HTML fragment under the policy above.

    Removed links and images are described in ``warnings`` when a list is given.
    """
    md = _markdown_it()
    env: dict[str, object] = {}
    tokens = md.parse(text, env)
    found: list[str] = []
    for token in tokens:
        if token.type == "inline" and token.children:
            token.children = _apply_policy(token.children, found)
    if warnings is not None:
        warnings.extend(found)
    return str(md.renderer.render(tokens, md.options, env))


def markdown_warnings(text: str) -> list[str]:
    """What :func:`markdown_to_html` would remove from ``text``."""
    warnings: list[str] = []
    markdown_to_html(text, warnings=warnings)
    return warnings


def link_allowed(href: str) -> bool:
    """Whether a link target may appear in a rendered agreement."""
    try:
        scheme = urlsplit(href.strip()).scheme.lower()
    except ValueError:
        return False
    return scheme in LINK_SCHEMES


@cache
def _markdown_it() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    # Accept every destination while parsing so that nothing slips through as
    # an unnoticed literal: the policy below decides, and says what it removed.
    md.validateLink = _accept_all  # type: ignore[method-assign]
    return md


def _accept_all(url: str) -> bool:
    return True


def _apply_policy(children: list[Token], warnings: list[str]) -> list[Token]:
    kept: list[Token] = []
    dropping_link = False
    for child in children:
        if child.type == "image":
            src = str(child.attrs.get("src", ""))
            warnings.append(f"image removed: {src} (agreement text cannot embed images)")
            continue
        if child.type == "link_open":
            href = str(child.attrs.get("href", ""))
            if not link_allowed(href):
                warnings.append(
                    f"link removed: {href} (only http, https and mailto links are allowed)"
                )
                dropping_link = True
                continue
        if child.type == "link_close" and dropping_link:
            dropping_link = False
            continue
        kept.append(child)
    return kept

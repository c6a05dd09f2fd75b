"""Markdown → HTML with the safety policy of rendered agreements.

Agreement text is written by people, then printed by WeasyPrint, which would
happily read local files or reach the network for an ``<img>``. So:

- CommonMark plus GitHub tables, raw HTML off (``<script>`` prints as text);
- links only to ``http``, ``https`` and ``mailto``: any other link keeps its
  words and loses its target;
- no images at all: the PDF fetches nothing a user wrote.

Whatever is removed is reported as a warning, so the author learns about it.

The second half of the module puts user text *into* slagen's Markdown
documents without letting it change the document. Jinja renders that
Markdown with autoescaping off (HTML escaping does not neutralise Markdown),
so every user value goes through one of these filters, chosen by where it lands:

- ``md_text``: plain text (names, titles, terms) inline: Markdown punctuation
  is backslash-escaped, so ``*Ana*`` stays ``*Ana*`` and never becomes emphasis.
- ``md_cell``: user *Markdown* inside a table cell: one line, ``|`` escaped.
- ``md_block``: user Markdown as its own block: kept as written, but a code
  fence left open is closed so it cannot swallow the rest of the document.
- ``md_quote``: a block inside a ``>`` quotation.

User text is never a template: ``{{ 7*7 }}`` is printed as written.

Stage: render.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from slagen.core.field_checks import link_allowed

if TYPE_CHECKING:  # markdown-it loads with the first parse: a Markdown diff only escapes
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


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


@cache
def _markdown_it() -> MarkdownIt:
    from markdown_it import MarkdownIt

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


# --- user text inside slagen's own Markdown ----------------------------------

_INLINE_MARKUP_RE = re.compile(r"([\\`*_\[\]<>|~])")
_ENTITY_RE = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# What would start a block if the text began a line: "#", "-", "+", ">", "=", "12. ".
_LINE_START_RE = re.compile(r"^(?:[#+\-=>]|([0-9]{1,9})(?=[.)]))")
_WHITESPACE_RE = re.compile(r"\s*\n\s*")
_UNESCAPED_PIPE_RE = re.compile(r"(?<!\\)\|")
_TAG_START_RE = re.compile(r"(?<!\\)<(?=[A-Za-z/!?])")
_CODE_SPAN_RE = re.compile(r"(?<!`)(`+)(?!`).*?(?<!`)\1(?!`)")
# Direction overrides and isolates: they make text read differently from what it is.
_BIDI_RE = re.compile("[\u202a-\u202e\u2066-\u2069]")


def md_text(value: object) -> str:
    """Plain text as literal inline Markdown."""
    text = " ".join(_BIDI_RE.sub("", str(value)).split())
    text = _INLINE_MARKUP_RE.sub(r"\\\1", text)
    text = _ENTITY_RE.sub(r"\\&", text)
    match = _LINE_START_RE.match(text)
    if match:
        # Escape the marker; for "2026. A year" the dot after the number.
        at = match.end() if match.group(1) else 0
        text = f"{text[:at]}\\{text[at:]}"
    return text


def md_cell(value: object) -> str:
    """User Markdown squeezed into one table cell."""
    text = _WHITESPACE_RE.sub(" ", md_block(value)).strip()
    return _UNESCAPED_PIPE_RE.sub(r"\\|", text)


def md_block(value: object) -> str:
    """User Markdown as a block: unclosed code fences closed, raw HTML made text.

    The format is CommonMark without raw HTML and ``validate`` refuses tags and
    comments, but whatever gets through must not reach the pull request's view
    as HTML (a ``<!-- hidden clause -->`` would be invisible there and printed
    in the PDF): every ``<`` that could open a tag, a comment or an autolink is
    escaped outside code, and invisible direction overrides are removed.
    """
    text = _BIDI_RE.sub("", str(value))
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip("\n").rstrip()
    lines = text.split("\n")
    code_lines: set[int] = set()
    for token in _markdown_it().parse(text) if may_hold_code(text) else ():
        if token.type in ("fence", "code_block") and token.map is not None:
            code_lines.update(range(*token.map))
        if token.type != "fence" or token.map is None:
            continue
        last = lines[token.map[1] - 1].strip() if token.map[1] > token.map[0] + 1 else ""
        closed = last.startswith(token.markup) and set(last) <= {token.markup[0]}
        if not closed:
            lines.append(token.markup)
    return "\n".join(
        line if number in code_lines else _escape_tags(line) for number, line in enumerate(lines)
    )


def may_hold_code(text: str) -> bool:
    """Whether ``text`` could hold a code block; when not, parsing finds no code to keep.

    A fence needs three backticks or tildes, an indented block four columns of
    indentation past its container's markers (four spaces or a tab in a row).
    """
    return "```" in text or "~~~" in text or "    " in text or "\t" in text


def _escape_tags(line: str) -> str:
    # Code spans keep their text; elsewhere "<" before a letter, "/", "!" or "?" is escaped.
    out, at = [], 0
    for span in _CODE_SPAN_RE.finditer(line):
        out += [_TAG_START_RE.sub(r"\\<", line[at : span.start()]), span[0]]
        at = span.end()
    out.append(_TAG_START_RE.sub(r"\\<", line[at:]))
    return "".join(out)


def md_quote(value: object) -> str:
    """User Markdown inside a block quotation."""
    return "\n".join(f"> {line}" if line.strip() else ">" for line in md_block(value).split("\n"))

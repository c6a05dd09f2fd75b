"""Checks of single fields that need more than the schema: Markdown, time zones, sizes.

- Markdown fields must be CommonMark without raw HTML: a ``<script>``, an HTML
  comment (invisible on a pull-request page, printed in the PDF) or a link the
  renderer would drop (``javascript:``, ``file:``, images) is a finding on the
  line where it stands.
- ``timezone`` must be a zone the IANA database on this machine knows
  (``America/Chicgo`` is caught here, not by ``report`` months later).
- The period and the computed targets stay within ``slagen.core.limits``.

Stage: check.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from slagen.core.errors import Finding
from slagen.core.limits import MAX_COMPUTED, MAX_ID_CHARS, MAX_PERIOD_MONTHS
from slagen.core.scalars import months_between, parse_date
from slagen.core.yaml_nodes import Document, field_pattern, format_path

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

__all__ = [
    "LINK_SCHEMES",
    "computed_findings",
    "field_findings",
    "link_allowed",
    "markdown_field_patterns",
    "may_break_the_policy",
]

LINK_SCHEMES = frozenset({"http", "https", "mailto"})


def link_allowed(href: str) -> bool:
    """Whether a link target may appear in an agreement's text (and its documents)."""
    try:
        scheme = urlsplit(href.strip()).scheme.lower()
    except ValueError:
        return False
    return scheme in LINK_SCHEMES


def markdown_field_patterns() -> frozenset[str]:
    """Every Markdown field of the schema, as ``definitions[].text`` patterns.

    Found in the schema when ``schema_compiled.py`` is generated, so that checking
    a file needs neither the schema's JSON nor a walk over it.
    """
    from slagen.core.schema_compiled import MARKDOWN_FIELDS

    return frozenset(MARKDOWN_FIELDS)


def may_break_the_policy(text: str) -> bool:
    """False only when CommonMark cannot make raw HTML, an image or a link of ``text``.

    Every such token needs a ``<`` (HTML, autolinks), a ``](`` (inline links and
    images: the parenthesis follows the bracket immediately) or a ``]:`` (the
    definition a reference link needs); entities never stand in for them. Texts
    without any are not parsed, so Markdown's parser loads only for texts that
    could break the policy.
    """
    return "<" in text or "](" in text or "]:" in text


@functools.cache
def _html_parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    # Parse every link target, so that a javascript: link is found, not left as text.
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    return md


def _strings(data: Any, path: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _strings(value, path + (i,))
    elif isinstance(data, str):
        yield path, data


def _line_offset(doc: Document, path: tuple[Any, ...]) -> int:
    """1 when the value is a block scalar (``|`` or ``>``): its text starts below the mark."""
    mark = doc.mark(path)
    lines = doc.text.splitlines()
    if 0 < mark.line <= len(lines):
        rest = lines[mark.line - 1][mark.column - 1 :].lstrip()
        if rest[:1] in ("|", ">"):
            return 1
    return 0


def _problems(tokens: list[Token]) -> Iterator[tuple[int, str, str]]:
    """(line in the text, code, message) for each thing the format does not allow."""
    for token in tokens:
        line = token.map[0] if token.map else 0
        if token.type == "html_block":
            yield line, *_html_words(token.content)
        for child in token.children or []:
            if child.type == "html_inline":
                yield line, *_html_words(child.content)
            elif child.type == "image":
                src = str(child.attrs.get("src", ""))
                yield (
                    line,
                    "markdown-image",
                    f"an image ({src}) cannot be embedded in agreement text",
                )
            elif child.type == "link_open":
                href = str(child.attrs.get("href", ""))
                if not link_allowed(href):
                    yield (
                        line,
                        "markdown-link",
                        f"the link target {href!r} is not allowed (only http, https and mailto)",
                    )


def _html_words(content: str) -> tuple[str, str]:
    shown = " ".join(content.split())
    shown = shown if len(shown) <= 40 else shown[:37] + "…"
    if shown.startswith("<!--"):
        return "raw-html", f"an HTML comment ({shown}) is hidden on a pull-request page"
    return "raw-html", f"raw HTML ({shown}) is not allowed in Markdown"


HINT_BY_CODE = {
    "raw-html": "write it as text: a `<` that starts a tag is escaped in every output, "
    "and comments belong in YAML (# …), not in the agreement",
    "markdown-image": "agreements carry no images; link to the page instead",
    "markdown-link": "use an https:// or mailto: link, or write the address as text",
}


def markdown_findings(doc: Document) -> Iterator[Finding]:
    patterns = markdown_field_patterns()
    for path, text in _strings(doc.data, ()):
        if not may_break_the_policy(text) or field_pattern(path) not in patterns:
            continue
        mark = doc.mark(path)
        offset = _line_offset(doc, path)
        for line, code, message in _problems(_html_parser().parse(text)):
            yield Finding(
                doc.file,
                mark.line + offset + line,
                mark.column if line + offset == 0 else 1,
                format_path(path),
                "error",
                code,
                message,
                HINT_BY_CODE[code],
            )


def timezone_findings(doc: Document) -> Iterator[Finding]:
    name = doc.data.get("timezone")
    if not isinstance(name, str) or name == "UTC":
        return
    import zoneinfo

    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        pass  # not a zone this machine knows: report it below
    else:
        return
    close = difflib.get_close_matches(name, sorted(zoneinfo.available_timezones()), n=1)
    yield doc.finding(
        ("timezone",),
        "unknown-timezone",
        f"{name!r} is not a time zone of the IANA database",
        hint=f"did you mean `{close[0]}`?"
        if close
        else "e.g. Europe/Madrid, America/Chicago or UTC",
    )


def period_findings(doc: Document) -> Iterator[Finding]:
    period = doc.data.get("period")
    if not isinstance(period, dict):
        return
    try:
        months = len(months_between(parse_date(period["start"]), parse_date(period["end"])))
    except (KeyError, TypeError, ValueError):
        return  # the schema and the period checks report what is wrong
    if months > MAX_PERIOD_MONTHS:
        yield doc.finding(
            ("period", "end"),
            "period-too-long",
            f"the period has {months} months; at most {MAX_PERIOD_MONTHS} are allowed",
            hint="split it into agreements of a year or so (see docs/limits.md)",
        )


def id_findings(doc: Document) -> Iterator[Finding]:
    ident = doc.data.get("id")
    if isinstance(ident, str) and len(ident) > MAX_ID_CHARS:
        yield doc.finding(
            ("id",),
            "id-too-long",
            f"the id has {len(ident):,} characters; at most {MAX_ID_CHARS} are allowed",
            hint="outputs are named after the id: keep it short, e.g. acme-2026",
        )


def field_findings(doc: Document) -> list[Finding]:
    """Markdown, time-zone, id and period-length findings of one loaded document."""
    return [
        *markdown_findings(doc),
        *timezone_findings(doc),
        *id_findings(doc),
        *period_findings(doc),
    ]


def computed_findings(
    doc: Document, values: Iterator[tuple[str, Decimal | int]]
) -> Iterator[Finding]:
    """One finding for the first computed figure above ``MAX_COMPUTED``."""
    for where, value in values:
        if abs(Decimal(value)) > MAX_COMPUTED:
            yield doc.finding(
                ("targets",),
                "targets-too-large",
                f"{where} comes to {value:,}, above the {MAX_COMPUTED:,} slagen can present",
                hint="check the revenue goals, deal sizes and rates (see docs/limits.md)",
                at_key=True,
            )
            return

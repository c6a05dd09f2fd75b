"""Typesetting touches on the rendered HTML, never on the Markdown.

- Break opportunities (``<wbr>``) in e-mail addresses (after ``@``, before
  each dot) and fingerprints (after ``sha256:``, every 8 hex digits), so
  they wrap at sensible points instead of anywhere.
- Tables get a class from their shape: ``short`` (few body rows: never split
  across pages) and ``wide`` (many columns: tighter type). A table too wide to
  be read is kept, set small, and reported as a warning.

Stage: render.
"""

from __future__ import annotations

import re

SHORT_TABLE_ROWS = 6
WIDE_TABLE_COLUMNS = 9
# More columns than this do not fit a portrait page legibly: said, never hidden.
MAX_READABLE_COLUMNS = 14


_TAG_SPLIT_RE = re.compile(r"(<[^>]*>)")
_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_FINGERPRINT_RE = re.compile(r"sha256:[0-9a-f]{8,}")
_RAW_TEXT_TAGS = ("<style", "<script", "<title")


def add_break_points(html: str) -> str:
    """``<wbr>`` where an e-mail address or a fingerprint may wrap, and nowhere else.

    An address breaks after ``@`` and before each dot; a fingerprint after
    ``sha256:`` and every 8 hex digits. The text itself is unchanged.
    """
    parts = _TAG_SPLIT_RE.split(html)
    raw = False
    for index, part in enumerate(parts):
        if index % 2:  # a tag
            lowered = part.lower()
            if lowered.startswith(_RAW_TEXT_TAGS):
                raw = True
            elif lowered.startswith(("</style", "</script", "</title")):
                raw = False
            continue
        if not raw and ("@" in part or "sha256:" in part):
            part = _EMAIL_RE.sub(_break_email, part)
            parts[index] = _FINGERPRINT_RE.sub(_break_fingerprint, part)
    return "".join(parts)


def _break_email(match: re.Match[str]) -> str:
    local, _, domain = match[0].partition("@")
    return f"{local}@<wbr>" + domain.replace(".", "<wbr>.").replace("-", "-<wbr>")


def _break_fingerprint(match: re.Match[str]) -> str:
    digits = match[0][len("sha256:") :]
    chunks = [digits[i : i + 8] for i in range(0, len(digits), 8)]
    return "sha256:<wbr>" + "<wbr>".join(chunks)


_TABLE_RE = re.compile(r"<table>(.*?)</table>", re.DOTALL)


def classify_tables(html: str, where: str, warnings: list[str] | None = None) -> str:
    """Mark each plain ``<table>`` ``short`` and/or ``wide`` (see the module notes)."""

    def classify(match: re.Match[str]) -> str:
        body = match[1]
        head, _, rows = body.partition("</thead>")
        columns = head.count("<th")
        body_rows = rows.count("<tr")
        classes = []
        if body_rows <= SHORT_TABLE_ROWS:
            classes.append("short")
        if columns >= WIDE_TABLE_COLUMNS:
            classes.append("wide")
        if columns > MAX_READABLE_COLUMNS and warnings is not None:
            warnings.append(
                f"{where}: a table has {columns} columns; it is printed in small type "
                f"and may be hard to read (at most {MAX_READABLE_COLUMNS} fit a page well)"
            )
        if not classes:
            return match[0]
        return f'<table class="{" ".join(classes)}">{body}</table>'

    return _TABLE_RE.sub(classify, html)

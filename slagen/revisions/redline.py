"""The redline: the new revision as rendered for signing, with every change marked in place.

Both revisions are rendered to HTML by :func:`slagen.documents.render.render_html` (no
chart: a picture cannot be redlined word by word). Their bodies are split into
tokens — a tag, or a word with the spaces after it — and diffed; the result is
the new document with deleted words from the old one in ``<del>`` and inserted
words in ``<ins>``. Tags always come from the new document, so its structure
stays intact; ``<del>``/``<ins>`` wrap only text, never a tag. A change summary
page (field changes, reset checks, target totals) goes first.

The PDF goes through :func:`slagen.documents.pdf.html_to_pdf`, which is where WeasyPrint
is imported; both YAML versions are attached.

Stage: revisions.
"""

from __future__ import annotations

import difflib
import re

from slagen.revisions.order import in_new_order
from slagen.revisions.redline_summary import SUMMARY_CSS, rewritten, summary_section
from slagen.revisions.result import DiffResult
from slagen.revisions.wording import Wording

__all__ = ["redline_body", "redline_html", "redline_pdf"]

# A fingerprint with its <wbr> break points is one token: a new fingerprint is struck and
# inserted whole, not as eight interleaved runs of hex digits.
_TOKEN_RE = re.compile(r"sha256:(?:<wbr>|[0-9a-f])+\s*|<[^>]*>\s*|[^<\s]+\s*|\s+")
_BODY_RE = re.compile(r"(<body[^>]*>)(.*)(</body>)", re.DOTALL)
_BLOCK_START_RE = re.compile(
    r"<(p|li|tr|h[1-6]|dt|dd|dl|section|div|table|thead|tbody|tfoot|ul|ol|blockquote|figure)[\s>]",
    re.IGNORECASE,
)
# Closing tags of containers stand alone, so that the row or item before them is a whole element.
_BLOCK_END_RE = re.compile(
    r"</(dl|section|div|table|thead|tbody|tfoot|ul|ol|blockquote|figure)>", re.IGNORECASE
)
_PROSE_BLOCK_RE = re.compile(r"<(p|li|dd|blockquote)[\s>]", re.IGNORECASE)
_TAG_NAME_RE = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")
_VOID_TAGS = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }
)
# Elements whose text becomes the running page header or footer (CSS string-set), and the
# translucent DRAFT mark: shown as in the new revision, never marked (a marked mark would
# be an opaque stamp over the page).
_RUNNING_RE = re.compile(r'<div class="(running-|watermark)')
# render_html(chart=False) may leave the chart's placeholder paragraph behind.
_FIGURE_RE = re.compile(r"<p>SLAGENFIGURE[0-9a-f]+[A-Z]+</p>\s*")
REDLINE_CSS = """
ins.redline { color: #0b6b1f; background: #e3f6e6; text-decoration: underline; }
del.redline { color: #a3120b; background: #fbe7e5; text-decoration: line-through; }
ins.redline, del.redline { overflow-wrap: anywhere; }
/* A changed figure shows two values in its cell: tighter type, and the pair may wrap
   between the old and the new value so the table stays inside the margins. */
table { font-size: 7.2pt; }
td[style*="right"] { white-space: normal; }
td del.redline, td ins.redline { display: inline-block; }
"""


def _tokens(body: str) -> list[str]:
    return _TOKEN_RE.findall(body)


def _key(token: str) -> str:
    return token.strip() or " "


def _is_tag(token: str) -> bool:
    return token.startswith("<")


def _word_redline(old: list[str], new: list[str], out: list[str]) -> None:
    """Token diff of one pair of blocks, appended to ``out``."""
    matcher = difflib.SequenceMatcher(
        None, [_key(t) for t in old], [_key(t) for t in new], autojunk=False
    )
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.extend(new[j1:j2])
            continue
        deleted = "".join(t for t in old[i1:i2] if not _is_tag(t))
        if deleted.strip():
            out.append(f'<del class="redline">{deleted.rstrip()}</del> ')
        run: list[str] = []
        for token in [*new[j1:j2], "<"]:  # a sentinel tag flushes the last run
            if not _is_tag(token):
                run.append(token)
                continue
            out.append(_wrap("ins", "".join(run)))
            run = []
            if token != "<":
                out.append(token)


def _cells(block: list[str]) -> list[list[str]]:
    """A table row's tokens grouped by cell (the ``<tr>`` before the first one)."""
    groups: list[list[str]] = [[]]
    for token in block:
        if token[:3].lower() in ("<td", "<th"):
            groups.append([])
        groups[-1].append(token)
    return groups


def _row_redline(old: list[str], new: list[str], out: list[str]) -> None:
    """Rows with as many cells are compared cell by cell, so a figure never pairs with its
    neighbour's (the old EMEA total with the new Latin America one); other blocks word by word."""
    old_cells, new_cells = _cells(old), _cells(new)
    if not (old[0][:3].lower() == new[0][:3].lower() == "<tr" and len(old_cells) == len(new_cells)):
        _word_redline(old, new, out)
        return
    for old_cell, new_cell in zip(old_cells, new_cells, strict=True):
        _word_redline(old_cell, new_cell, out)


def _wrap(tag: str, text: str) -> str:
    """``text`` marked as inserted or deleted, its trailing whitespace kept outside."""
    if not text.strip():
        return text
    words = text.rstrip()
    return f'<{tag} class="redline">{words}</{tag}>{text[len(words) :]}'


def _balanced(tokens: list[str]) -> bool:
    """True when the tags among ``tokens`` close every element they open, and only those."""
    stack: list[str] = []
    for token in tokens:
        match = _TAG_NAME_RE.match(token)
        if match is None or token.rstrip().endswith("/>"):
            continue
        closing, name = match.group(1) == "/", match.group(2).lower()
        if name in _VOID_TAGS:
            continue
        if not closing:
            stack.append(name)
        elif not stack or stack.pop() != name:
            return False
    return not stack


def _deleted_blocks(blocks: list[list[str]], out: list[str]) -> None:
    """Whole blocks only in the old document: struck through where they stood.

    When they form complete elements (table rows, paragraphs, list items) their
    tags are kept, so a removed month stays a row of its table; otherwise only
    their words are kept, since half an element would break the new document.
    """
    for block in blocks:
        if not _balanced(block):
            _word_redline(block, [], out)
            continue
        run: list[str] = []
        for token in [*block, "<"]:
            if not _is_tag(token):
                run.append(token)
                continue
            out.append(_wrap("del", "".join(run)))
            run = []
            if token != "<":
                out.append(token)


def _blocks(body: str) -> list[list[str]]:
    """Tokens grouped into blocks, each starting at a block-level tag."""
    blocks: list[list[str]] = [[]]
    for token in _tokens(body):
        if (_BLOCK_START_RE.match(token) or _BLOCK_END_RE.match(token)) and blocks[-1]:
            blocks.append([])
        blocks[-1].append(token)
        if _BLOCK_END_RE.match(token):
            blocks.append([])
    return [b for b in blocks if b]


def _signature(block: list[str]) -> str:
    """What a block is about: its tag and first word (``<tr> Jul``), to pair changed rows."""
    first_word = next((t.strip() for t in block if not _is_tag(t) and t.strip()), "")
    return f"{block[0][:4]} {first_word}"


def _words(block: list[str]) -> str:
    return " ".join(t.strip() for t in block if not _is_tag(t) and t.strip())


def _rewritten_block(old: list[str], new: list[str]) -> bool:
    """A paragraph or list item rewritten for the most part (table rows stay word by word)."""
    return bool(_PROSE_BLOCK_RE.match(new[0])) and rewritten(_words(old), _words(new))


def _changed_blocks(old: list[list[str]], new: list[list[str]], out: list[str]) -> None:
    """Blocks that differ: paired by signature (the July row with the July row), then in order."""
    matcher = difflib.SequenceMatcher(
        None, [_signature(b) for b in old], [_signature(b) for b in new], autojunk=False
    )
    for _, i1, i2, j1, j2 in matcher.get_opcodes():
        pairs = min(i2 - i1, j2 - j1)
        for n in range(pairs):
            if _RUNNING_RE.match(new[j1 + n][0]):
                out.extend(new[j1 + n])  # page headers and footers show the new text only
            elif _rewritten_block(old[i1 + n], new[j1 + n]):
                _deleted_blocks(
                    [old[i1 + n]], out
                )  # the old paragraph struck, the new one inserted
                _word_redline([], new[j1 + n], out)
            else:
                _row_redline(old[i1 + n], new[j1 + n], out)
        _deleted_blocks([b for b in old[i1 + pairs : i2] if not _RUNNING_RE.match(b[0])], out)
        for block in new[j1 + pairs : j2]:
            if _RUNNING_RE.match(block[0]):
                out.extend(block)
            else:
                _word_redline([], block, out)


def redline_body(old_body: str, new_body: str) -> str:
    """The new body with ``<del>``/``<ins>`` marking word changes against the old one.

    Blocks (paragraphs, list items, table rows, headings) are aligned first;
    changed blocks are paired by their first word and then in order, so the
    July row is compared with the old July row (not with the nearest equal
    number elsewhere), and rows of dropped months stay struck-through rows.
    """
    old, new = _blocks(old_body), _blocks(new_body)
    matcher = difflib.SequenceMatcher(
        None, ["".join(b) for b in old], ["".join(b) for b in new], autojunk=False
    )
    out: list[str] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for block in new[j1:j2]:
                out.extend(block)
            continue
        _changed_blocks(old[i1:i2], new[j1:j2], out)
    return "".join(out)


def redline_html(result: DiffResult) -> str:
    """The new revision's HTML with changes marked and the summary page first."""
    from slagen.documents.render import render_html

    new = result.new_agreement
    old, old_targets = in_new_order(
        result.old_agreement, result.old_targets, new, result.new_targets
    )
    old_html = render_html(old, old_targets, chart=False, language=new.language)
    new_html = render_html(new, result.new_targets, chart=False)
    old_html, new_html = _FIGURE_RE.sub("", old_html), _FIGURE_RE.sub("", new_html)
    old_match, new_match = _BODY_RE.search(old_html), _BODY_RE.search(new_html)
    if old_match is None or new_match is None:  # pragma: no cover - our own templates
        raise ValueError("rendered HTML without a <body>")
    body = redline_body(old_match.group(2), new_match.group(2))
    head = new_html[: new_match.start()].replace(
        "</head>", f"<style>{REDLINE_CSS}{SUMMARY_CSS}</style>\n</head>", 1
    )
    return (
        head
        + new_match.group(1)
        + "\n"
        + summary_section(result)
        + "\n"
        + body
        + new_match.group(3)
        + new_html[new_match.end() :]
    )


def redline_pdf(result: DiffResult, *, page_size: str = "A4") -> bytes:
    """The redline as a PDF with both YAML versions attached, on A4 or ``Letter`` paper."""
    from slagen.core.resources import templates_dir
    from slagen.documents.pdf import PdfAttachment, html_to_pdf

    old, new = result.old_agreement, result.new_agreement
    _ = Wording(result).t
    assets = templates_dir() / "assets"
    return html_to_pdf(
        redline_html(result),
        base_url=assets,
        asset_dirs=[assets],
        title=_("Redline: %(title)s", title=new.title),
        author=new.company or ", ".join(p.name for p in new.parties),
        subject=_(
            "Changes from revision %(old)s to %(new)s",
            old=old.revision.number,
            new=new.revision.number,
        ),
        keywords=["SLA", "redline", new.id, f"revision {new.revision.number}"],
        lang=new.language,
        created=old.revision.date,
        modified=new.revision.date,
        attachments=[
            PdfAttachment(
                f"revision-{old.revision.number}.yaml",
                old.source_text.encode("utf-8"),
                f"{old.id}, revision {old.revision.number}",
            ),
            PdfAttachment(
                f"revision-{new.revision.number}.yaml",
                new.source_text.encode("utf-8"),
                f"{new.id}, revision {new.revision.number}",
            ),
        ],
        fingerprint=new.fingerprint,
        page_size=page_size,
    )

"""The visible pages of a signed PDF, bound to the agreement it carries.

A signature proves that bytes did not change; it does not prove that the
pages a reader sees were rendered from the attached ``agreement.yaml``: a
forger can render one text, attach another and sign the result. Rendering is
deterministic, so :func:`check_pages` renders the attachment of the first
signed revision again (this slagen, these templates) and compares page count,
each page's text and each page's drawing (its decompressed content streams)
with that revision. It also compares the newest revision with the last signed
one: pages, attachment or document information changed after the last
signature are reported.

Only pypdf is needed to read; re-rendering imports WeasyPrint.

Stage: sign-off.
"""

from __future__ import annotations

import hashlib
import io
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from slagen import __version__
from slagen.core.errors import CheckFailed, FileAccessError, UserError

__all__ = ["PdfView", "check_pages", "quiet_pypdf", "read_view", "require_pdf", "signed_ends"]

ATTACHMENT_NAME = "agreement.yaml"
LETTER_WIDTH = 612  # points; A4 is 595.28


@dataclass(frozen=True)
class PdfView:
    """What a reader of one revision of a PDF sees, and what it carries."""

    texts: list[str]  # per page
    drawings: list[str]  # per page, SHA-256 of the decompressed content streams
    info: dict[str, str]  # document information, key → value
    attachment: bytes | None  # agreement.yaml
    width: float  # of the first page, in points


def require_pdf(data: bytes, file: str) -> None:
    """Refuse data that is not a PDF at all (a usage error, exit 2)."""
    if b"%PDF-" not in data[:1024]:
        raise FileAccessError(
            f"{file}: not a PDF (no %PDF- header)",
            hint="give a PDF written by `slagen render` or `slagen sign`",
        )


@contextmanager
def quiet_pypdf() -> Iterator[None]:
    """pypdf logs its repairs of damaged files; the report says what matters in words."""
    logger = logging.getLogger("pypdf")
    saved = (logger.level, logger.propagate)
    logger.setLevel(logging.CRITICAL + 1)
    logger.propagate = False
    try:
        yield
    finally:
        logger.setLevel(saved[0])
        logger.propagate = saved[1]


def read_view(data: bytes) -> PdfView:
    """Pages, information and attachment of the revision that ends ``data``.

    Raises:
        CheckFailed: not a readable PDF.
    """
    import pypdf

    try:
        with quiet_pypdf():
            reader = pypdf.PdfReader(io.BytesIO(data))
            texts, drawings = [], []
            for page in reader.pages:
                texts.append(" ".join(page.extract_text().split()))
                contents = page.get_contents()
                stream = contents.get_data() if contents is not None else b""
                drawings.append(hashlib.sha256(stream).hexdigest())
            info: Any = reader.metadata or {}
            items = reader.attachments.get(ATTACHMENT_NAME) or []
            width = float(reader.pages[0].mediabox.width) if reader.pages else 0.0
            return PdfView(
                texts=texts,
                drawings=drawings,
                info={str(k): str(v) for k, v in info.items()},
                attachment=items[0] if items else None,
                width=width,
            )
    except Exception as exc:  # noqa: BLE001 -- pypdf raises many kinds on a damaged file
        raise CheckFailed(f"not a readable PDF: {exc}") from None


def signed_ends(data: bytes) -> list[int]:
    """Where each signed revision ends (from the signatures' ``/ByteRange``), in order."""
    import pypdf

    ends: set[int] = set()
    try:
        with quiet_pypdf():
            reader = pypdf.PdfReader(io.BytesIO(data))
            for field in (reader.get_fields() or {}).values():
                value: Any = field.get("/V")
                if field.get("/FT") != "/Sig" or value is None:
                    continue
                value = value.get_object()
                byte_range = [int(n) for n in value.get("/ByteRange", [])]
                if len(byte_range) == 4:
                    ends.add(byte_range[2] + byte_range[3])
    except Exception:  # noqa: BLE001 -- no readable signature: the signature check says so
        return []
    return sorted(end for end in ends if 0 < end <= len(data))


def check_pages(data: bytes, templates_dir: Path | None) -> list[str]:
    """Problems binding the visible pages to the attached agreement (none: bound).

    Compares the first signed revision (or the whole file when unsigned) with
    a fresh render of its attachment, and the newest revision with the last
    signed one.
    """
    ends = signed_ends(data)
    try:
        first = read_view(data[: ends[0]] if ends else data)
    except CheckFailed as exc:
        return [f"the signed revision cannot be read: {exc.message}"]
    problems = _compare_render(first, templates_dir)
    if ends and ends[-1] < len(data):
        problems += _compare_later(read_view(data[: ends[-1]]), read_view(data))
    return problems


def _compare_render(signed: PdfView, templates_dir: Path | None) -> list[str]:
    from slagen.core.validate import validate_text

    if signed.attachment is None:
        return [f"the signed revision carries no `{ATTACHMENT_NAME}`: its pages cannot be checked"]
    result = validate_text(signed.attachment, f"{ATTACHMENT_NAME} (signed revision)")
    if result.agreement is None or result.targets is None:
        return ["the signed revision's agreement is not valid: its pages cannot be re-rendered"]
    from slagen.documents.render import render_pdf

    try:
        fresh = read_view(
            render_pdf(
                result.agreement,
                result.targets,
                templates_dir=templates_dir,
                page_size="Letter" if abs(signed.width - LETTER_WIDTH) < 1 else "A4",
            )
        )
    except UserError as exc:
        return [f"the signed agreement cannot be re-rendered to compare its pages: {exc.message}"]
    made_by = signed.info.get("/Creator", "an unknown program")
    why = (
        f" (the PDF was made by {made_by}, this is slagen {__version__}: verify with that version)"
        if made_by != f"slagen {__version__}"
        else " (or it was rendered with other templates or fonts: give them with --templates)"
    )
    if len(fresh.texts) != len(signed.texts):
        return [
            f"the signed pages are not those of the attached agreement: {len(signed.texts)} pages, "
            f"a fresh render of the attachment has {len(fresh.texts)}" + why
        ]
    for number, (seen, expected) in enumerate(zip(signed.texts, fresh.texts), start=1):
        if seen != expected:
            return [
                f"page {number} does not show the attached agreement: its text differs from a fresh "
                f"render (first difference: {_first_difference(seen, expected)})" + why
            ]
    for number, (seen, expected) in enumerate(zip(signed.drawings, fresh.drawings), start=1):
        if seen != expected:
            return [
                f"page {number} is drawn differently from a fresh render of the attached agreement "
                "(same text, other graphics or positions)" + why
            ]
    return []


def _compare_later(signed: PdfView, newest: PdfView) -> list[str]:
    problems = []
    if signed.attachment != newest.attachment:
        problems.append(f"`{ATTACHMENT_NAME}` was replaced after the last signature")
    if signed.texts != newest.texts or signed.drawings != newest.drawings:
        problems.append("the pages were changed after the last signature")
    changed = sorted(
        key
        for key in signed.info.keys() | newest.info.keys()
        if signed.info.get(key) != newest.info.get(key)
    )
    if changed:
        problems.append(
            "the document information was changed after the last signature: " + ", ".join(changed)
        )
    return problems


def _first_difference(seen: str, expected: str) -> str:
    index = next(
        (i for i, (a, b) in enumerate(zip(seen, expected)) if a != b),
        min(len(seen), len(expected)),
    )
    start = max(0, index - 20)
    return f"shown “…{seen[start : index + 40]}…”, expected “…{expected[start : index + 40]}…”"

"""``slagen extract``: the agreement YAML a rendered PDF carries, exactly as it was.

``slagen render`` attaches the agreement's source as ``agreement.yaml`` and
states its fingerprint in the document information (``/SlagenFingerprint``);
both are read here with pypdf, from the newest revision of the file. An
attachment that differs from the one of the last signed revision is refused:
it was put there after signing.

Stage: sign-off.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

from slagen.core.errors import CheckFailed

__all__ = ["ATTACHMENT_NAME", "FINGERPRINT_KEY", "PdfFacts", "extract_agreement", "read_pdf_facts"]

ATTACHMENT_NAME = "agreement.yaml"
FINGERPRINT_KEY = "/SlagenFingerprint"  # slagen.documents.pdf.FINGERPRINT_KEY, as a PDF name


@dataclass(frozen=True)
class PdfFacts:
    """What slagen put into a PDF besides the pages."""

    fingerprint: str | None
    attachments: dict[str, bytes] = field(default_factory=dict)


def read_pdf_facts(pdf_bytes: bytes) -> PdfFacts:
    """The stated fingerprint and the embedded files of a PDF.

    Raises:
        CheckFailed: the data is not a readable PDF.
    """
    import pypdf
    from pypdf.errors import PyPdfError

    from slagen.signoff.pages import quiet_pypdf

    try:
        with quiet_pypdf():
            reader = pypdf.PdfReader(io.BytesIO(pdf_bytes))
            info: Any = reader.metadata or {}
            stated = info.get(FINGERPRINT_KEY)
            attachments = {name: items[0] for name, items in reader.attachments.items() if items}
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise CheckFailed(
            f"not a readable PDF: {exc}", hint="give a PDF written by `slagen render`"
        ) from None
    return PdfFacts(
        fingerprint=str(stated) if stated is not None else None, attachments=attachments
    )


def extract_agreement(pdf_bytes: bytes) -> str:
    """The agreement YAML embedded in a PDF, byte for byte as it was rendered.

    Raises:
        CheckFailed: the PDF is unreadable or carries no agreement.
    """
    from slagen.signoff.pages import read_view, signed_ends

    facts = read_pdf_facts(pdf_bytes)
    data = facts.attachments.get(ATTACHMENT_NAME)
    ends = signed_ends(pdf_bytes)
    if ends and ends[-1] < len(pdf_bytes) and read_view(pdf_bytes[: ends[-1]]).attachment != data:
        raise CheckFailed(
            f"the `{ATTACHMENT_NAME}` was replaced after the last signature: "
            "what it says now was not signed",
            hint="`slagen verify` reports every change made after signing",
        )
    if data is None:
        raise CheckFailed(
            f"the PDF carries no `{ATTACHMENT_NAME}`",
            hint="only PDFs written by `slagen render` embed their agreement",
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise CheckFailed(f"the embedded `{ATTACHMENT_NAME}` is not UTF-8 text") from None

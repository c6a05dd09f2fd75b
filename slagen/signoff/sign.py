"""``slagen sign``: a PAdES signature added to a rendered agreement PDF.

Each signature is an incremental update: the bytes already in the file, and
so the signatures already on it, stay untouched, and the parties can sign
one after another. A named field gets a visible box; when the field is named
after a party (``--field sales``) the box sits in that party's signature
block, which the rendered PDF marks with the named destination
``signature-<party>``.

Stage: sign-off.
"""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from slagen.core.errors import FileAccessError, UsageError, UserError

__all__ = ["SignatureBox", "find_signature_box", "needs_passphrase", "sign_pdf"]

BLOCK_DEST_PREFIX = "signature-"
GAP = 10.0  # the stylesheet's gap between signature blocks
PADDING = 8.0  # and their inner padding
STAMP_TEXT_BY_LANGUAGE = {
    "en": "Digitally signed by {signer}\n%(ts)s",
    "es": "Firmado digitalmente por {signer}\n%(ts)s",
}
# pyHanko's stamp font (Courier) only draws Latin-1-like text; the certificate keeps the real name.
TRANSLITERATION = str.maketrans(
    {
        "Ł": "L",
        "ł": "l",
        "Ø": "O",
        "ø": "o",
        "Đ": "D",
        "đ": "d",
        "ı": "i",
        "Œ": "OE",
        "œ": "oe",
        "–": "-",
        "—": "-",
        "’": "'",
        "‘": "'",
        "“": '"',
        "”": '"',
    }
)


@dataclass(frozen=True)
class SignatureBox:
    """A rectangle in PDF points (origin bottom left) on a page (0-based, -1 = last)."""

    page: int
    x1: float
    y1: float
    x2: float
    y2: float

    @property
    def box(self) -> tuple[int, int, int, int]:
        return round(self.x1), round(self.y1), round(self.x2), round(self.y2)


def sign_pdf(
    pdf_bytes: bytes,
    pkcs12_path: str | Path,
    passphrase: str | bytes | None,
    field_name: str | None = None,
    *,
    reason: str | None = None,
    location: str | None = None,
) -> bytes:
    """Sign ``pdf_bytes`` with the key and certificate of a PKCS#12 file.

    Args:
        field_name: with a name, a visible signature box (in the signature
            block of the party of that id, when there is one); without, an
            invisible signature in a new field ``SignatureN``.

    Raises:
        FileAccessError: the PKCS#12 file cannot be read.
        UsageError: a wrong passphrase or a file that is not PKCS#12 (exit 2);
            a field that is already signed.
        UserError: a PDF pyHanko cannot read or sign.
    """
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko.stamp import TextStampStyle

    signer = _load_signer(Path(pkcs12_path), passphrase)
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf_bytes), strict=False)
    except Exception as exc:  # noqa: BLE001 -- pyHanko's reader raises many kinds; all mean "unreadable"
        raise UserError(
            f"not a PDF slagen can sign: {exc}", hint="sign the PDF `slagen render` wrote"
        ) from None
    existing = _signature_field_names(writer.prev)  # {name: already signed?}
    name = field_name or _free_name(list(existing))
    if "." in name or not name.strip():
        raise UsageError(f"--field {name!r}: a field name must not be empty or contain a dot")
    if existing.get(name):
        raise UsageError(
            f"the PDF is already signed in the field `{name}`",
            hint="each party signs in its own field, e.g. --field "
            + ("sales" if name != "sales" else "marketing"),
        )
    spec = None
    if field_name and name not in existing:  # an empty field prepared in the PDF keeps its place
        found = find_signature_box(pdf_bytes, field_name, taken=len(existing))
        spec = fields.SigFieldSpec(sig_field_name=name, on_page=found.page, box=found.box)
    meta = signers.PdfSignatureMetadata(
        field_name=name,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        reason=reason,
        location=location,
    )
    pdf_signer = signers.PdfSigner(
        meta,
        signer=signer,
        new_field_spec=spec,
        stamp_style=TextStampStyle(
            stamp_text=_stamp_text(pdf_bytes, signer), timestamp_format="%Y-%m-%d %H:%M:%S %Z"
        ),
    )
    try:
        output = pdf_signer.sign_pdf(writer, output=io.BytesIO())
    except Exception as exc:  # noqa: BLE001 -- a signing failure of any kind is reported, not a traceback
        raise UserError(f"could not sign the PDF: {exc}") from None
    return bytes(output.getvalue())


def _stamp_text(pdf_bytes: bytes, signer: Any) -> str:
    """The visible stamp's words, in the document's language, with a name Courier can draw."""
    import pypdf
    from pypdf.errors import PyPdfError

    try:
        root: Any = pypdf.PdfReader(io.BytesIO(pdf_bytes)).trailer["/Root"]
        lang = str(root.get("/Lang", "en"))[:2].lower()
    except (PyPdfError, KeyError, ValueError):
        lang = "en"
    subject = signer.signing_cert.subject.native
    name = str(subject.get("common_name") or signer.signing_cert.subject.human_friendly)
    template = STAMP_TEXT_BY_LANGUAGE.get(lang, STAMP_TEXT_BY_LANGUAGE["en"])
    return template.format(signer=_drawable(name).replace("%", "%%"))


def _drawable(text: str) -> str:
    out = []
    for char in unicodedata.normalize("NFC", text.translate(TRANSLITERATION)):
        if _encodable(char):
            out.append(char)
        else:
            base = "".join(
                c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
            )
            out.append(base if base and all(map(_encodable, base)) else "?")
    return "".join(out)


def _encodable(char: str) -> bool:
    try:
        char.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


def needs_passphrase(pkcs12_path: str | Path) -> bool:
    """True when the PKCS#12 file cannot be opened without a passphrase (or at all)."""
    from cryptography.hazmat.primitives.serialization import pkcs12

    try:
        pkcs12.load_key_and_certificates(Path(pkcs12_path).read_bytes(), None)
    except (OSError, ValueError, TypeError):
        return True
    return False


def _load_signer(path: Path, passphrase: str | bytes | None) -> Any:
    from pyhanko.sign import signers

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FileAccessError(
            f"{path}: cannot read ({exc.strerror or exc})", hint="check the path"
        ) from None
    secret = passphrase.encode("utf-8") if isinstance(passphrase, str) else passphrase
    try:
        return signers.SimpleSigner.load_pkcs12_data(
            data, other_certs=[], passphrase=secret or None
        )
    except (ValueError, TypeError):  # pyHanko wraps every PKCS#12 failure in ValueError
        raise UsageError(
            f"{path}: cannot open the PKCS#12 file: wrong passphrase, or not a PKCS#12 (.p12/.pfx) file",
            hint="pass the passphrase in an environment variable: --passphrase-env VAR",
        ) from None


def _signature_field_names(reader: Any) -> dict[str, bool]:
    from pyhanko.sign.fields import enumerate_sig_fields

    return {
        str(name): value is not None
        for name, value, _ref in enumerate_sig_fields(reader, filled_status=None)
    }


def _free_name(existing: list[str]) -> str:
    n = len(existing) + 1
    while f"Signature{n}" in existing:
        n += 1
    return f"Signature{n}"


def find_signature_box(pdf_bytes: bytes, field_name: str, *, taken: int = 0) -> SignatureBox:
    """Where a visible signature named ``field_name`` goes.

    In the block of the party ``field_name`` when the PDF marks one: the blank
    space between the block's facts and its signature line. Otherwise one of
    two boxes side by side near the foot of the last page (``taken`` earlier
    signatures move it along).
    """
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(pdf_bytes))
    dests: dict[str, Any] = {str(k): v for k, v in reader.named_destinations.items()}
    block = dests.get(BLOCK_DEST_PREFIX + field_name)
    if block is None or block.get("/Left") is None or block.get("/Top") is None:
        column = taken % 2
        return SignatureBox(-1, 48 + column * 255, 60, 48 + column * 255 + 230, 110)
    page_index = int(reader.get_destination_page_number(block) or 0)
    page = reader.pages[page_index]
    left, top = float(block["/Left"]), float(block["/Top"])
    right = float(page.mediabox.right) - 48
    for other_name, other in dests.items():
        if other_name.startswith(BLOCK_DEST_PREFIX) and other.get("/Top") is not None:
            other_left = float(other["/Left"])
            if abs(float(other["/Top"]) - top) < 1 and left < other_left < right + GAP:
                right = other_left - GAP
    baselines = _text_baselines(page, left, right, top)
    x1, x2 = left + PADDING, right - PADDING
    if len(baselines) >= 2:
        label, above = baselines[0], baselines[1]  # the signature line's label, the last fact
        y1, y2 = label + 10, above - 4
        if y2 - y1 >= 16:
            return SignatureBox(page_index, x1, y1, x2, y2)
        return SignatureBox(page_index, x1, label + 10, x2, label + 36)
    return SignatureBox(page_index, x1, top - 150, x2, top - 110)


def _text_baselines(page: Any, left: float, right: float, top: float) -> list[float]:
    """Baselines of text inside a block, lowest first (at most 200 pt below its top)."""
    found: set[float] = set()

    def visit(text: str, cm: list[float], tm: list[float], _font: Any, _size: Any) -> None:
        if not text.strip() or abs(tm[0] * cm[1] + tm[1] * cm[3]) > 0.01:
            return  # blank, or turned (the DRAFT watermark)
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        if left - 1 <= x <= right and top - 200 <= y <= top:
            found.add(round(y, 1))

    page.extract_text(visitor_text=visit)
    return sorted(found)

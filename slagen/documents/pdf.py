"""HTML → PDF with WeasyPrint: the only module that imports it.

Three promises, each with its reason:

- **Nothing is fetched but our own assets.** WeasyPrint would read any
  ``file://`` path or URL the HTML names; :class:`AssetFetcher` serves files
  under the asset folders and refuses everything else, with a warning.
- **Same input, same bytes.** Dates come from the agreement's revision, the
  file identifier from its fingerprint, and ``SOURCE_DATE_EPOCH`` is set while
  fonts are subset (fontTools stamps the clock into subset fonts otherwise).
- **A PDF carries what it was made from.** The agreement's YAML is attached
  (PDF/A-3 keeps attachments; PDF/A-2 drops non-PDF ones) and its fingerprint
  is in the document information and the keywords.

``import weasyprint`` costs about half a second, so it happens on first use.

Stage: render.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import mimetypes
import os
import re
import threading
import warnings as pywarnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from slagen import __version__
from slagen.documents.pdf_engine import font_configuration, import_weasyprint

PDF_VARIANT = "pdf/a-3u"
PAGE_SIZES = ("A4", "Letter")
FINGERPRINT_KEY = "SlagenFingerprint"
# Environment notes WeasyPrint logs as warnings that say nothing about the document.
IGNORED_LOG_PREFIXES = ("Using fontTools instead of HarfBuzz-Subset",)
REFUSAL = "slagen refuses to fetch"

# SOURCE_DATE_EPOCH is process-wide: one PDF is written at a time.
_WRITE_LOCK = threading.Lock()


@dataclass(frozen=True)
class PdfAttachment:
    """A file embedded in the PDF (``relationship`` per PDF/A-3: Source, Data, …)."""

    name: str
    data: bytes
    description: str = ""
    relationship: str = "Source"


def html_to_pdf(
    html: str,
    *,
    base_url: str | Path,
    title: str,
    author: str,
    subject: str,
    keywords: Sequence[str],
    lang: str,
    created: dt.date,
    modified: dt.date,
    attachments: Sequence[PdfAttachment | tuple[str, bytes, str]] = (),
    fingerprint: str,
    page_size: str = "A4",
    asset_dirs: Sequence[str | Path] = (),
    warnings: list[str] | None = None,
) -> bytes:
    """Lay out ``html`` and return the PDF bytes, identical for identical input.

    Args:
        html: a complete HTML document.
        base_url: folder that relative URLs (``print.css``) resolve against.
        title, author, subject, keywords, lang: PDF document information.
        created, modified: document dates (from the agreement, never the clock).
        attachments: files to embed, ``PdfAttachment`` or ``(name, data, description)``.
        fingerprint: the agreement's fingerprint, stored as ``/SlagenFingerprint``,
            in the keywords, and as the seed of the file identifier.
        page_size: ``A4`` or ``Letter``; overrides the stylesheet's ``@page`` size.
        asset_dirs: the only folders files may be read from (``base_url`` is added).
        warnings: receives refused fetches and WeasyPrint's complaints.

    Raises:
        ValueError: an unknown ``page_size``.
    """
    if page_size not in PAGE_SIZES:
        raise ValueError(f"page size must be one of {', '.join(PAGE_SIZES)} (got {page_size!r})")
    weasyprint = _weasyprint()
    base = Path(base_url)
    found: list[str] = []
    fetcher = AssetFetcher([base, *map(Path, asset_dirs)], found)
    epoch = _epoch(modified)
    fonts = font_configuration([base, *asset_dirs])
    options: dict[str, Any] = {
        # Stylesheets given here rank below the document's own: !important wins.
        "stylesheets": [
            weasyprint.CSS(
                string=f"@page {{ size: {page_size} !important; }}",
                url_fetcher=fetcher,
                font_config=fonts,
            )
        ],
        "pdf_variant": PDF_VARIANT,
        "pdf_identifier": _identifier(fingerprint),
        "custom_metadata": True,
        "presentational_hints": False,
        "output_intent": "srgb",
    }
    with _collect_log(found), _WRITE_LOCK, _source_date_epoch(epoch):
        document = weasyprint.HTML(string=html, base_url=str(base), url_fetcher=fetcher).render(
            font_config=fonts, **options
        )
        meta = document.metadata
        meta.title = title
        meta.authors = [author]
        meta.description = subject
        meta.keywords = [*keywords, fingerprint]
        meta.generator = f"slagen {__version__}"
        meta.created = created.isoformat()
        meta.modified = modified.isoformat()
        meta.lang = lang
        meta.custom = {FINGERPRINT_KEY: fingerprint}
        # Only the attachments given here: never one an <a rel=attachment> asked for.
        meta.attachments = []
        stamp = dt.datetime.combine(modified, dt.time(0, 0))
        options["attachments"] = [
            weasyprint.Attachment(
                string=item.data,
                name=item.name,
                description=item.description,
                relationship=item.relationship,
                created=stamp,
                modified=stamp,
                url_fetcher=fetcher,
            )
            for item in map(_as_attachment, attachments)
        ]
        with pywarnings.catch_warnings():
            # WeasyPrint 70 opens its sRGB profile for PDF/A without closing it;
            # the file is freed at once, but would warn (an error under pytest).
            pywarnings.simplefilter("ignore", ResourceWarning)
            pdf = document.write_pdf(**options)
    if warnings is not None:
        warnings.extend(dict.fromkeys(found))  # once each, in order
    assert isinstance(pdf, bytes)
    return pdf


def _make_fetcher_class(weasy_urls: Any) -> type:
    class _AssetFetcher(weasy_urls.URLFetcher):  # type: ignore[misc]
        """Serves files under the asset folders; refuses every other URL.

        WeasyPrint only logs fetch failures, so each refusal is also recorded
        in ``refused`` for the caller to report.
        """

        def __init__(self, roots: Sequence[Path], refused: list[str]) -> None:
            super().__init__(allowed_protocols=("file",), allow_redirects=False, timeout=1)
            self.roots = tuple(root.resolve() for root in roots)
            self.refused = refused

        def fetch(self, url: str, headers: Any = None) -> Any:
            path = self._allowed_path(url)
            if path is None:
                self.refused.append(
                    f"refused to fetch {_shorten(url)}: only the template assets may be used"
                )
                raise ValueError(f"{REFUSAL} {url}")
            content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return weasy_urls.URLFetcherResponse(
                url, body=path.read_bytes(), headers={"Content-Type": content_type}
            )

        def _allowed_path(self, url: str) -> Path | None:
            try:
                parts = urlsplit(url)
            except ValueError:
                return None
            if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
                return None
            try:
                path = Path(url2pathname(unquote(parts.path))).resolve()
            except (OSError, ValueError):
                return None
            if not path.is_file():
                return None
            if any(path.is_relative_to(root) for root in self.roots):
                return path
            return None

    return _AssetFetcher


AssetFetcher: Any = None  # set by _weasyprint(): a weasyprint.urls.URLFetcher subclass


def _weasyprint() -> Any:
    global AssetFetcher
    weasyprint = import_weasyprint()
    if AssetFetcher is None:
        AssetFetcher = _make_fetcher_class(weasyprint.urls)
    return weasyprint


def _as_attachment(item: PdfAttachment | tuple[str, bytes, str]) -> PdfAttachment:
    if isinstance(item, PdfAttachment):
        return item
    name, data, description = item
    return PdfAttachment(name, data, description)


def _identifier(fingerprint: str) -> bytes:
    return hashlib.sha256(f"slagen-pdf:{fingerprint}".encode()).hexdigest()[:32].encode()


def _epoch(day: dt.date) -> int:
    return int(dt.datetime.combine(day, dt.time(0, 0), tzinfo=dt.UTC).timestamp())


def _shorten(url: str, limit: int = 120) -> str:
    return url if len(url) <= limit else url[: limit - 1] + "…"


@contextmanager
def _source_date_epoch(epoch: int) -> Iterator[None]:
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


class _Collector(logging.Handler):
    def __init__(self, sink: list[str]) -> None:
        super().__init__(logging.WARNING)
        self.sink = sink

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        missing = _MISSING_GLYPH_RE.search(message)
        if missing:
            message = (
                f"no installed font has {missing['text']} ({missing['code']}): it prints as an "
                "empty box; install a font that covers it (e.g. fonts-noto-cjk, "
                "fonts-noto-color-emoji) and render again"
            )
            if message in self.sink:
                return
        # A refusal is already reported by the fetcher, in plainer words.
        if not message.startswith(IGNORED_LOG_PREFIXES) and REFUSAL not in message:
            self.sink.append(message)


# WeasyPrint: '.notdef glyph rendered for Unicode string unsupported by fonts: "北" (U+5317)'
_MISSING_GLYPH_RE = re.compile(r'unsupported by fonts: "(?P<text>.+)" \((?P<code>U\+[0-9A-F]+)\)$')


@contextmanager
def _collect_log(sink: list[str]) -> Iterator[None]:
    # Library code never prints: WeasyPrint's log goes to the caller's warnings.
    logger = logging.getLogger("weasyprint")
    handler = _Collector(sink)
    saved_propagate, saved_level = logger.propagate, logger.level
    logger.addHandler(handler)
    logger.propagate = False
    if logger.level == logging.NOTSET or logger.level > logging.WARNING:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.propagate = saved_propagate
        logger.setLevel(saved_level)

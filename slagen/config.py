"""``slagen.toml``: a repository's defaults for the authoring commands.

The file is optional. ``find_config`` looks for it in a folder and its parents,
so commands run from a subfolder of an agreements repository find it too. Paths
in it (output folder, template overrides) are relative to the file. A logo is
not a setting: a file ``assets/logo.svg`` (or ``.png``, ``.jpg``) in the templates
folder is shown on the cover, and the PDF renderer reads nothing outside that
folder and slagen's own.

.. code-block:: toml

    language = "en"          # default language of `slagen new`
    currency = "USD"         # default currency of `slagen new`
    company = "Acme, Inc."   # default company of `slagen new`
    output = "build"         # `slagen build` / `render` output folder
    templates = "templates"  # folder of template overrides
    formats = ["md", "pdf"]  # what `slagen build` renders
    page_size = "A4"

Stage: configuration.
"""

from __future__ import annotations

import hashlib
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from slagen.core.errors import AgreementError, FileAccessError, UsageError

__all__ = ["CONFIG_NAME", "Config", "ConfigError", "find_config", "load_config"]

CONFIG_NAME = "slagen.toml"
LANGUAGES = ("es", "en")
FORMATS = ("md", "html", "pdf")
PAGE_SIZES = ("A4", "Letter")
KEYS = (
    "language",
    "currency",
    "company",
    "output",
    "templates",
    "formats",
    "page_size",
    "install",
    "allowed_signers",
)


class ConfigError(UsageError):
    """A ``slagen.toml`` that cannot be read or has a wrong value."""


@dataclass(frozen=True)
class Config:
    """The settings of one ``slagen.toml`` (defaults when there is none).

    Paths are absolute, resolved against the folder of the file.
    """

    path: Path | None = None
    language: str = "en"
    currency: str | None = None
    company: str | None = None
    output: Path | None = None
    templates: Path | None = None
    formats: tuple[str, ...] = ("md", "pdf")
    page_size: str = "A4"
    install: str | None = None  # what CI passes to `pip install` to get slagen
    allowed_signers: Path | None = None  # git's allowed-signers file for signed approvals
    raw: bytes = field(default=b"", repr=False)

    def digest(self) -> str:
        """A hash of the file's bytes: part of ``slagen build``'s input hash."""
        return hashlib.sha256(self.raw).hexdigest()


def find_config(start: str | os.PathLike[str] = ".") -> Path | None:
    """The nearest ``slagen.toml`` in ``start`` or one of its parents, if any."""
    folder = Path(start).resolve()
    if folder.is_file():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        path = candidate / CONFIG_NAME
        if path.is_file():
            return path
    return None


def load_config(
    path: str | os.PathLike[str] | None = None, *, start: str | os.PathLike[str] = "."
) -> Config:
    """Read ``path``, or the nearest ``slagen.toml`` from ``start``; defaults when none.

    Raises:
        ConfigError: the file cannot be read, is not TOML, or has a wrong value.
    """
    file = Path(path) if path is not None else find_config(start)
    if file is None:
        return Config()
    from slagen.core.safe_paths import read_limited

    try:
        raw = read_limited(file)  # the same size and file-type limits as agreements
        data = tomllib.loads(raw.decode("utf-8"))
    except (FileAccessError, AgreementError) as exc:
        raise ConfigError(str(exc), hint=exc.hint) from exc
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{file}: not valid TOML: {exc}", hint="see https://toml.io") from exc
    # A [slagen] table is accepted too, so the settings can live beside others.
    if isinstance(data.get("slagen"), dict):
        data = data["slagen"]
    if "logo" in data:
        raise ConfigError(
            f"{file}: logo: not a setting",
            hint="put the logo at <templates>/assets/logo.svg (or .png, .jpg): "
            "the cover shows it, and the PDF reads no file outside that folder",
        )
    unknown = sorted(set(data) - set(KEYS))
    if unknown:
        raise ConfigError(
            f"{file}: unknown setting {', '.join(unknown)}",
            hint=f"known settings: {', '.join(KEYS)}",
        )
    base = file.resolve().parent

    def text(key: str) -> str | None:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(f"{file}: {key}: must be a non-empty string (got {value!r})")
        return value

    def folder(key: str) -> Path | None:
        value = text(key)
        return (base / value).resolve() if value else None

    language = text("language") or "en"
    if language not in LANGUAGES:
        raise ConfigError(f"{file}: language: must be es or en (got {language!r})")
    currency = text("currency")
    if currency is not None and not (
        len(currency) == 3 and currency.isalpha() and currency.isupper()
    ):
        raise ConfigError(
            f"{file}: currency: must be an ISO 4217 code such as USD (got {currency!r})"
        )
    formats = data.get("formats", ["md", "pdf"])
    if not isinstance(formats, list) or not formats or any(f not in FORMATS for f in formats):
        raise ConfigError(
            f"{file}: formats: must be a list of {', '.join(FORMATS)} (got {formats!r})"
        )
    page_size = text("page_size") or "A4"
    if page_size not in PAGE_SIZES:
        raise ConfigError(f"{file}: page_size: must be A4 or Letter (got {page_size!r})")
    templates = folder("templates")
    if templates is not None and not templates.is_dir():
        raise ConfigError(
            f"{file}: templates: folder {templates} not found",
            hint="create it or remove the setting",
        )
    return Config(
        path=file,
        language=language,
        currency=currency,
        company=text("company"),
        output=folder("output"),
        templates=templates,
        formats=tuple(dict.fromkeys(formats)),
        page_size=page_size,
        install=text("install"),
        allowed_signers=folder("allowed_signers"),
        raw=raw,
    )

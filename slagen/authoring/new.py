"""``slagen new``: a complete, valid starting agreement with explanatory comments.

The starting texts live in ``starters/<type>.<language>.yaml`` with ``{{key}}``
placeholders; they are text, not YAML built in code, so their comments survive.
A test validates every type × language combination.

Stage: authoring.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from importlib import resources
from pathlib import Path

import yaml

from slagen.core.atomic_write import write_atomic
from slagen.core.errors import UsageError

__all__ = ["DEFAULT_CURRENCY_BY_LANGUAGE", "LANGUAGES", "TYPES", "create_agreement", "starter_text"]

TYPES = ("internal", "customer", "multilevel")
LANGUAGES = ("en", "es")
DEFAULT_CURRENCY_BY_LANGUAGE = {"en": "USD", "es": "EUR"}
DEFAULT_COMPANY_BY_LANGUAGE = {"en": "Example Company", "es": "Empresa de Ejemplo"}
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")


def yaml_scalar(text: str) -> str:
    """``text`` as a YAML scalar: plain when it reads back unchanged, else quoted."""
    try:
        plain_ok = "\n" not in text and yaml.safe_load(text) == text and text == text.strip()
    except yaml.YAMLError:
        plain_ok = False
    return text if plain_ok else json.dumps(text, ensure_ascii=False)


def slugify(text: str) -> str:
    """``"Acme, Inc. SLA"`` → ``"acme-inc-sla"`` (ASCII letters and digits only)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def starter_text(
    kind: str,
    language: str,
    *,
    agreement_id: str,
    company: str | None = None,
    currency: str | None = None,
    year: int | None = None,
    path: str = "agreements/<id>.yaml",
) -> str:
    """The starting agreement of ``kind`` in ``language``, filled in.

    Raises:
        UsageError: an unknown type or language, or an id that is not a slug.
    """
    if kind not in TYPES:
        raise UsageError(f"unknown agreement type {kind!r}", hint=f"use one of {', '.join(TYPES)}")
    if language not in LANGUAGES:
        raise UsageError(f"unknown language {language!r}", hint="use es or en")
    if not SLUG.match(agreement_id):
        raise UsageError(
            f"{agreement_id!r} is not a valid id",
            hint="use lowercase letters, digits and hyphens, e.g. acme-marketing-sales",
        )
    currency = (currency or DEFAULT_CURRENCY_BY_LANGUAGE[language]).upper()
    if not re.fullmatch(r"[A-Z]{3}", currency):
        raise UsageError(
            f"{currency!r} is not a currency code", hint="use an ISO 4217 code such as USD or EUR"
        )
    year = year or dt.date.today().year
    values = {
        "id": agreement_id,
        "company": yaml_scalar(company or DEFAULT_COMPANY_BY_LANGUAGE[language]),
        "currency": currency,
        "year": str(year),
        "start": f"{year}-01-01",
        "end": f"{year}-12-31",
        "path": path,
    }
    source = resources.files("slagen.authoring").joinpath("starters", f"{kind}.{language}.yaml")
    template = source.read_text(encoding="utf-8")
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], template)


def create_agreement(
    path: str | Path,
    kind: str,
    language: str,
    *,
    agreement_id: str | None = None,
    company: str | None = None,
    currency: str | None = None,
    year: int | None = None,
) -> Path:
    """Write a new starting agreement to ``path``; never overwrites.

    The id defaults to the file name without ``.yaml``.

    Raises:
        UsageError: ``path`` exists, or a value is wrong.
        FileAccessError: the file cannot be written.
    """
    target = Path(path)
    if target.suffix not in (".yaml", ".yml"):
        raise UsageError(
            f"{target}: an agreement file must end in .yaml", hint=f"use {target}.yaml"
        )
    if target.exists():
        raise UsageError(
            f"{target} already exists; slagen new never overwrites a file",
            hint="choose another id or -o FILE, or delete the file first",
        )
    text = starter_text(
        kind,
        language,
        agreement_id=agreement_id or target.stem,
        company=company,
        currency=currency,
        year=year,
        path=target.as_posix(),
    )
    return write_atomic(target, text)

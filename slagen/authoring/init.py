"""``slagen init``: scaffold an agreements repository.

Writes, in the target folder: ``agreements/`` with one example agreement,
``slagen.toml``, ``schemas/agreement.schema.json`` with
``.vscode/settings.json`` associating it with the agreements, a
``.pre-commit-config.yaml`` using slagen's hook, a GitHub Actions workflow and a
``.gitignore`` for the build folder. Files that already exist are left alone
and reported as skipped, so ``init`` can be run again to add what is missing.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from slagen import __version__
from slagen.authoring.new import (
    DEFAULT_COMPANY_BY_LANGUAGE,
    DEFAULT_CURRENCY_BY_LANGUAGE,
    LANGUAGES,
    slugify,
    starter_text,
)
from slagen.errors import UsageError
from slagen.write import write_atomic

__all__ = ["SLAGEN_REPO_URL", "InitResult", "init_repository"]

# Where other repositories fetch slagen's pre-commit hooks from.
SLAGEN_REPO_URL = "https://github.com/slagen/slagen"
WORKFLOW_PATH = ".github/workflows/slagen.yml"
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")


@dataclass
class InitResult:
    """What ``init_repository`` wrote and what it left as it was."""

    written: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)


def _scaffold(name: str, values: dict[str, str]) -> str:
    text = (
        resources.files("slagen.authoring").joinpath("scaffold", name).read_text(encoding="utf-8")
    )
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], text)


def _toml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def init_repository(
    folder: str | os.PathLike[str] = ".",
    *,
    language: str = "en",
    company: str | None = None,
    currency: str | None = None,
) -> InitResult:
    """Scaffold an agreements repository in ``folder`` (created when missing).

    Raises:
        UsageError: a wrong language or currency.
        FileAccessError: a file cannot be written.
    """
    if language not in LANGUAGES:
        raise UsageError(f"unknown language {language!r}", hint="use es or en")
    root = Path(folder)
    company = company or DEFAULT_COMPANY_BY_LANGUAGE[language]
    currency = (currency or DEFAULT_CURRENCY_BY_LANGUAGE[language]).upper()
    suffix = "marketing-ventas" if language == "es" else "marketing-sales"
    example_id = f"{slugify(company) or 'example'}-{suffix}"
    example = f"agreements/{example_id}.yaml"
    from slagen.schema import schema_text

    files: dict[str, str] = {
        example: starter_text(
            "internal",
            language,
            agreement_id=example_id,
            company=company,
            currency=currency,
            path=example,
        ),
        "slagen.toml": _scaffold(
            "slagen.toml",
            {"language": language, "currency": currency, "company": _toml_string(company)},
        ),
        "schemas/agreement.schema.json": schema_text(),
        ".vscode/settings.json": json.dumps(
            {
                "yaml.schemas": {
                    "./schemas/agreement.schema.json": [
                        "agreements/*.yaml",
                        "agreements/**/*.yaml",
                        "agreements/*.yml",
                    ]
                },
                "files.associations": {"agreements/*.yaml": "yaml"},
            },
            indent=2,
        )
        + "\n",
        ".pre-commit-config.yaml": _scaffold(
            "pre-commit-config.yaml", {"repo_url": SLAGEN_REPO_URL, "version": __version__}
        ),
        WORKFLOW_PATH: _scaffold("workflow.yml", {"version": __version__}),
        ".gitignore": "build/\n",
    }
    if (root / "agreements").is_dir() and any((root / "agreements").glob("*.y*ml")):
        del files[example]  # a repository with agreements needs no example
    result = InitResult()
    for name, text in files.items():
        target = root / name
        if target.exists():
            result.skipped.append(target)
        else:
            result.written.append(write_atomic(target, text))
    return result

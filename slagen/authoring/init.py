"""``slagen init``: scaffold an agreements repository.

Writes, in the target folder: ``agreements/`` with one example agreement,
``slagen.toml``, ``schemas/agreement.schema.json`` with
``.vscode/settings.json`` associating it with the agreements, a
``.pre-commit-config.yaml`` running the installed slagen, a GitHub Actions
workflow and a ``.gitignore`` for the build folder. Files that already exist are
left alone and reported as skipped, so ``init`` can be run again to add what is
missing.

The workflow installs slagen with ``pip install <install>``, where ``install``
is read from ``slagen.toml`` when the workflow runs: by default the source that
installed the running slagen (a package index version, a git URL with its
commit, or a local folder), so CI uses the same slagen as the person who ran
``init``. ``diff --from``, ``validate --against`` and ``git-setup`` need the
folder to be a git repository; :func:`git_init` makes it one.

Stage: authoring.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from importlib import metadata, resources
from pathlib import Path
from urllib.parse import unquote, urlparse

from slagen import __version__
from slagen.authoring.new import (
    DEFAULT_COMPANY_BY_LANGUAGE,
    DEFAULT_CURRENCY_BY_LANGUAGE,
    LANGUAGES,
    slugify,
    starter_text,
)
from slagen.core.atomic_write import write_atomic
from slagen.core.errors import UsageError

__all__ = [
    "InitResult",
    "default_install_source",
    "git_init",
    "in_git_repository",
    "init_repository",
]

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


def default_install_source(root: Path | None = None) -> str:
    """What ``pip install`` needs to get the slagen that is running now.

    Read from the installer's record (PEP 610 ``direct_url.json``): a git URL
    pinned to its commit, a local folder (relative to ``root`` when inside
    it), or else the released version from the package index.
    """
    try:
        record = metadata.distribution("slagen").read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        record = None
    if record:
        try:
            direct = json.loads(record)
        except ValueError:
            direct = {}
        url = str(direct.get("url", ""))
        vcs = direct.get("vcs_info")
        if isinstance(vcs, dict) and vcs.get("vcs") == "git":
            commit = vcs.get("commit_id") or vcs.get("requested_revision")
            return f"git+{url}@{commit}" if commit else f"git+{url}"
        if url.startswith("file://"):
            folder = Path(unquote(urlparse(url).path))
            # Inside the new repository: a relative path, so the repository can move.
            # Anywhere else: the absolute folder.
            if root is not None and folder.resolve().is_relative_to(root.resolve()):
                return "./" + folder.resolve().relative_to(root.resolve()).as_posix()
            return str(folder)
        if url:
            return url
    return f"slagen=={__version__}"


def in_git_repository(folder: Path) -> bool:
    """True when ``folder`` lies inside a git work tree."""
    for candidate in (folder.resolve(), *folder.resolve().parents):
        if (candidate / ".git").exists():
            return True
    return False


def git_init(folder: Path) -> None:
    """Make ``folder`` a git repository (``git init``).

    Raises:
        UsageError: git is not installed or refuses.
    """
    git = shutil.which("git")
    if git is None:
        raise UsageError("git is not installed", hint="install git, then run `git init`")
    proc = subprocess.run(
        [git, "init", "--quiet", str(folder)], capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        raise UsageError(f"git init failed: {proc.stderr.strip()}", hint="run `git init` yourself")


def _toml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def init_repository(
    folder: str | os.PathLike[str] = ".",
    *,
    language: str = "en",
    company: str | None = None,
    currency: str | None = None,
    install: str | None = None,
) -> InitResult:
    """Scaffold an agreements repository in ``folder`` (created when missing).

    Raises:
        UsageError: a wrong language or currency.

    ``install`` is what CI passes to ``pip install`` (default:
    :func:`default_install_source`).
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
    from slagen.core.schema import schema_text

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
            {
                "language": language,
                "currency": currency,
                "company": _toml_string(company),
                "install": _toml_string(install or default_install_source(root)),
            },
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
        ".pre-commit-config.yaml": _scaffold("pre-commit-config.yaml", {}),
        WORKFLOW_PATH: _scaffold("workflow.yml", {}),
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

"""Where the shipped schema and templates live, installed or in a checkout.

Stage: shared.
"""

from __future__ import annotations

from pathlib import Path


def _shipped(name: str) -> Path:
    # In a wheel, hatchling maps the top-level folders into the package (the
    # folder importlib.resources.files("slagen") names, without importing it).
    packaged = Path(__file__).resolve().parents[1] / name
    if packaged.is_dir():
        return packaged
    # In a source checkout (or an editable install) they sit beside the package.
    return Path(__file__).resolve().parents[2] / name


def schemas_dir() -> Path:
    return _shipped("schemas")


def templates_dir() -> Path:
    return _shipped("templates")


def schema_path() -> Path:
    return schemas_dir() / "agreement.schema.json"

"""Shared test helpers."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
AGREEMENTS = ROOT / "agreements"
GOLDEN = Path(__file__).resolve().parent / "golden"
REGEN = os.environ.get("SLAGEN_REGEN_GOLDEN") == "1"


@pytest.fixture(scope="session", autouse=True)
def _private_cache() -> Iterator[None]:
    """Renders in the suite (and the commands it runs) keep charts and templates in a
    folder of the run's own, never in the user's ~/.cache/slagen."""
    folder = tempfile.mkdtemp(prefix="slagen-test-cache-")
    before = os.environ.get("SLAGEN_CACHE_DIR")
    os.environ["SLAGEN_CACHE_DIR"] = folder
    yield
    if before is None:
        os.environ.pop("SLAGEN_CACHE_DIR", None)
    else:
        os.environ["SLAGEN_CACHE_DIR"] = before
    shutil.rmtree(folder, ignore_errors=True)


def example_files() -> list[Path]:
    return sorted(AGREEMENTS.glob("*.yaml"))


@pytest.fixture
def root() -> Path:
    return ROOT


def check_golden(path: Path, actual: str) -> None:
    """Compare with a golden file; `SLAGEN_REGEN_GOLDEN=1 pytest` rewrites them."""
    if REGEN or not path.exists():
        if not REGEN:
            pytest.fail(
                f"golden file {path} is missing; run SLAGEN_REGEN_GOLDEN=1 pytest to create it"
            )
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{path} differs; review and regenerate with SLAGEN_REGEN_GOLDEN=1"

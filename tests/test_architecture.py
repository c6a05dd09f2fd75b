"""The tree tells the pipeline: stages import downward, modules stay small and say their stage."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "slagen"
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)

# Each folder's layer: a module may import from its own folder and lower layers only;
# the side stages (layer 3) do not import each other.
LAYER_BY_FOLDER = {
    "core": 0,
    "formats": 1,
    "config": 1,
    "documents": 2,
    "revisions": 3,
    "signoff": 3,
    "actuals": 3,
    "authoring": 3,
    "cli": 4,
    "slagen": 5,  # slagen/__init__.py and __main__.py
}
STAGES = {
    "load",
    "check",
    "model",
    "compute",
    "format",
    "render",
    "write",
    "revisions",
    "sign-off",
    "actuals",
    "authoring",
    "interface",
    "configuration",
    "shared",
}
MAX_LINES = 400


def folder_of(module: Path) -> str:
    relative = module.relative_to(PACKAGE)
    if len(relative.parts) > 1:
        return relative.parts[0]
    return "slagen" if relative.stem.startswith("__") else relative.stem


def imported_folders(module: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "slagen":
                found.add(parts[1] if len(parts) > 1 else "slagen")
    return found


def name(module: Path) -> str:
    return module.relative_to(ROOT).as_posix()


@pytest.mark.parametrize("module", MODULES, ids=name)
def test_imports_go_down_the_pipeline(module: Path) -> None:
    own = folder_of(module)
    layer = LAYER_BY_FOLDER[own]
    wrong = sorted(
        folder
        for folder in imported_folders(module) - {own}
        if folder != "slagen"  # the package root: __version__ and the lazy API
        and (LAYER_BY_FOLDER[folder] > layer or LAYER_BY_FOLDER[folder] == layer)
    )
    assert wrong == [], f"{name(module)} ({own}) imports from {wrong}"


@pytest.mark.parametrize("module", MODULES, ids=name)
def test_modules_are_small(module: Path) -> None:
    text = module.read_text(encoding="utf-8")
    if "generated, do not edit" in (ast.get_docstring(ast.parse(text)) or ""):
        return  # generated code (schema_compiled.py) is regenerated, never read or edited
    lines = len(text.splitlines())
    assert lines <= MAX_LINES, f"{name(module)} has {lines} lines; split it by job"


@pytest.mark.parametrize("module", MODULES, ids=name)
def test_every_module_says_what_it_does_and_its_stage(module: Path) -> None:
    docstring = ast.get_docstring(ast.parse(module.read_text(encoding="utf-8")))
    assert docstring, f"{name(module)} has no docstring"
    last = docstring.strip().splitlines()[-1]
    assert last.startswith("Stage: ") and last.endswith("."), f"{name(module)}: {last!r}"
    stages = {s.strip() for s in last[len("Stage: ") : -1].split(",")}
    assert stages <= STAGES, f"{name(module)}: unknown stage {stages - STAGES}"

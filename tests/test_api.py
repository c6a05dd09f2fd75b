"""The public Python API: every name in slagen.__all__ resolves, lazily."""

from __future__ import annotations

import subprocess
import sys

import slagen


def test_every_public_name_resolves() -> None:
    for name in slagen.__all__:
        assert getattr(slagen, name) is not None, name


def test_import_slagen_loads_nothing_heavy() -> None:
    code = "import slagen, sys; print(' '.join(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    modules = out.split()
    assert not [
        m for m in modules if m.startswith(("weasyprint", "pyhanko", "matplotlib", "jsonschema"))
    ]

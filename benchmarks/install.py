"""The programs the benchmark times, installed as a user has them.

A user runs slagen from a wheel that pip installed, with every module compiled
to ``.pyc`` at install time. The checkout's editable install is not that: with
``PYTHONDONTWRITEBYTECODE`` set (as in many CI and container set-ups) each run
compiles slagen's sources again, which doubled the measured start-up. So the
runner builds a wheel of this checkout and installs it, without its
dependencies, into a throwaway venv under the benchmark's work folder that sees
the current environment's packages (same versions as the reference commands).

check-jsonschema, the peer tool of ``validate``, gets a throwaway venv of its
own when it is not installed; it is never a dependency of slagen.
"""

from __future__ import annotations

import subprocess
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


def _pip(*args: str) -> None:
    subprocess.run([PY, "-m", "pip", "-q", "--disable-pip-version-check", *args], check=True)


def _venv(folder: Path, inherit: bool) -> Path:
    """A venv without pip (pip runs from here with ``--python``); its python."""
    subprocess.run([PY, "-m", "venv", "--without-pip", str(folder)], check=True)
    python = folder / "bin" / "python"
    if inherit:
        site = subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True, capture_output=True, text=True,
        ).stdout.strip()  # fmt: skip
        # The current environment's packages, after the venv's own (a path
        # line, so that the editable install's .pth there is not processed).
        (Path(site) / "_bench_deps.pth").write_text(
            sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
        )
    return python


def slagen_wheel(work: Path) -> str:
    """The ``slagen`` script of this checkout built as a wheel and installed; its path."""
    wheels = work / "wheel"
    _pip("wheel", "--no-deps", "--no-build-isolation", "-w", str(wheels), str(ROOT))
    (wheel,) = wheels.glob("slagen-*.whl")
    python = _venv(work / "slagen-venv", inherit=True)
    _pip("--python", str(python), "install", "--no-deps", "--no-index", str(wheel))
    return str(python.parent / "slagen")


def check_jsonschema(work: Path) -> str:
    """check-jsonschema from the package index into its own venv; its script's path."""
    python = _venv(work / "check-jsonschema-venv", inherit=False)
    _pip("--python", str(python), "install", "check-jsonschema")
    return str(python.parent / "check-jsonschema")

"""How a ``slagen`` process ends: every byte written, the right code, no traceback.

The console script ends with ``os._exit`` once stdout and stderr are flushed
(:func:`slagen.cli.console`), skipping the interpreter's teardown. These tests
run real processes both ways (``SLAGEN_NO_OPTIMISE=1`` takes the ordinary
exit) and compare what they write; and they close the reading end of stdout
before a command writes, as ``slagen validate | head`` does.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "agreements" / "northwind-marketing-sales.yaml"
INVALID = min((ROOT / "tests" / "cases" / "invalid").glob("*.yaml"))


def buffered_env() -> dict[str, str]:
    """The environment, with stdout block-buffered as on a user's machine (no PYTHONUNBUFFERED)."""
    dropped = ("SLAGEN_NO_OPTIMISE", "PYTHONUNBUFFERED")
    return {k: v for k, v in os.environ.items() if k not in dropped}


def slagen(
    cwd: Path, *args: str, optimise: bool = True, stdout: int | None = subprocess.PIPE
) -> subprocess.CompletedProcess[bytes]:
    env = buffered_env()
    env["PYTHONPATH"] = str(ROOT)
    if not optimise:
        env["SLAGEN_NO_OPTIMISE"] = "1"
    return subprocess.run(
        [sys.executable, "-m", "slagen.cli", *args],
        cwd=cwd, env=env, stdout=stdout, stderr=subprocess.PIPE, timeout=300, check=False,
    )  # fmt: skip


@pytest.mark.parametrize(
    "args",
    [
        ["targets", str(EXAMPLE), "--format", "json"],
        ["validate", str(EXAMPLE), str(INVALID), "--format", "json"],
        ["diff", str(EXAMPLE), str(INVALID)],  # an invalid version: typer reports it
        ["targets", "missing.yaml"],
        ["--version"],
    ],
    ids=["targets", "validate", "diff", "missing", "version"],
)
def test_the_fast_exit_writes_what_the_ordinary_exit_writes(tmp_path: Path, args: list[str]) -> None:  # fmt: skip
    fast, ordinary = slagen(tmp_path, *args), slagen(tmp_path, *args, optimise=False)
    assert fast.stdout or fast.stderr
    assert (fast.returncode, fast.stdout, fast.stderr) == (
        ordinary.returncode,
        ordinary.stdout,
        ordinary.stderr,
    )
    assert b"Traceback" not in fast.stderr


def test_a_render_ends_with_its_files_complete(tmp_path: Path) -> None:
    shutil.copy(EXAMPLE, tmp_path / "a.yaml")
    fast = slagen(tmp_path, "render", "a.yaml", "--to", "md,pdf", "-o", "fast")
    ordinary = slagen(tmp_path, "render", "a.yaml", "--to", "md,pdf", "-o", "slow", optimise=False)
    assert fast.returncode == ordinary.returncode == 0
    names = sorted(p.name for p in (tmp_path / "fast").iterdir())
    assert names == ["northwind-marketing-sales.md", "northwind-marketing-sales.pdf"]
    for name in names:  # byte-identical with and without the speed-ups, the exit included
        assert (tmp_path / "fast" / name).read_bytes() == (tmp_path / "slow" / name).read_bytes()
    assert fast.stdout.decode().split() == [f"fast/{n}" for n in names]


@pytest.mark.parametrize(
    "args",
    [
        ["validate", str(EXAMPLE)],
        ["--debug", "validate", str(EXAMPLE)],  # the typer command
        ["targets", str(EXAMPLE)],
        ["diff", str(EXAMPLE), str(EXAMPLE)],
        ["render", str(EXAMPLE), "--to", "md", "-o", "out"],
        ["--version"],
    ],
    ids=["validate", "typer", "targets", "diff", "render", "version"],
)
def test_a_reader_that_went_away_ends_the_command_quietly(tmp_path: Path, args: list[str]) -> None:  # fmt: skip
    read, write = os.pipe()
    os.close(read)  # `| head` that has read all it wanted
    try:
        done = slagen(tmp_path, *args, stdout=write)
    finally:
        os.close(write)
    assert done.returncode == 141, done.stderr  # 128 + SIGPIPE, as a shell reports it
    assert done.stderr == b""


@pytest.mark.parametrize(("code", "expected"), [(0, 0), (None, 0), (1, 1), (3, 3), ("bye", 1)])
def test_what_is_still_buffered_is_written_before_the_process_ends(
    code: int | str | None, expected: int
) -> None:
    script = (
        "import sys\n"
        "from slagen.cli import _leave\n"
        "sys.stdout.write('buffered, not flushed')\n"
        f"_leave({code!r})\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT, env=buffered_env(), capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == expected
    assert done.stdout == "buffered, not flushed"
    assert done.stderr == ("bye\n" if code == "bye" else "")


def test_what_libraries_registered_for_the_exit_still_runs_once(tmp_path: Path) -> None:
    """matplotlib, for one, removes at exit the cache folder it made where home is not writable."""
    marker = tmp_path / "cleaned"
    script = (
        "import atexit, sys\n"
        "from slagen.cli import _leave\n"
        f"atexit.register(lambda: open({str(marker)!r}, 'a').write('once;'))\n"
        "_leave(0)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT, env=buffered_env(), capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert marker.read_text() == "once;"

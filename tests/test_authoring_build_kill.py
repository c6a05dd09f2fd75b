"""A killed `slagen build --jobs 2` leaves no worker running and no temporary file."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import AGREEMENTS


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")  # a zombie has ended; only its reaping is left


def test_sigkill_of_the_parent_ends_the_workers(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "agreements").mkdir(parents=True)
    for i in range(3):
        for name in ("northwind-marketing-sales", "helio-soporte-cliente"):
            text = (AGREEMENTS / f"{name}.yaml").read_text(encoding="utf-8")
            text = text.replace(f"id: {name}", f"id: {name}-{i}", 1)
            (repo / "agreements" / f"{name}-{i}.yaml").write_text(text, encoding="utf-8")
    (repo / "slagen.toml").write_text('formats = ["md", "pdf"]\n')
    assert shutil.which("pdftotext")  # the machine renders PDFs (pango installed)
    build = subprocess.Popen(
        [sys.executable, "-m", "slagen.cli", "build", "--jobs", "2"],
        cwd=repo,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        workers: list[int] = []
        deadline = time.monotonic() + 60
        while len(workers) < 2 and time.monotonic() < deadline and build.poll() is None:
            workers = _children(build.pid)
            time.sleep(0.05)
        assert len(workers) >= 2, "the build did not start two workers"
        time.sleep(1.0)  # mid-render
        os.kill(build.pid, signal.SIGKILL)
        build.wait(timeout=30)
    finally:
        if build.poll() is None:
            build.kill()
            build.wait()
    deadline = time.monotonic() + 20
    while any(map(_running, workers)) and time.monotonic() < deadline:
        time.sleep(0.1)
    alive = [pid for pid in workers if _running(pid)]
    for pid in alive:  # do not leave them to the other tests
        os.kill(pid, signal.SIGKILL)
    assert alive == []
    leftovers = [p.name for p in repo.rglob("*") if p.name.endswith((".tmp", ".slagen-tmp"))]
    assert leftovers == []


def test_a_fifo_and_a_symlink_out_fail_alone_and_the_rest_builds(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "agreements").mkdir(parents=True)
    shutil.copy(AGREEMENTS / "northwind-marketing-sales.yaml", repo / "agreements")
    os.mkfifo(repo / "agreements" / "pipe.yaml")
    outside = tmp_path / "outside.yaml"
    shutil.copy(AGREEMENTS / "helio-soporte-cliente.yaml", outside)
    os.symlink(outside, repo / "agreements" / "out.yaml")
    (repo / "slagen.toml").write_text('formats = ["md"]\n')
    done = subprocess.run(  # noqa: PLW1510  (the test reads the exit code)
        [sys.executable, "-m", "slagen.cli", "build", "--jobs", "2"],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr
    # The folder listing takes regular files only: the FIFO is never opened (no hang).
    assert "outside the repository" in done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert (repo / "build" / "northwind-marketing-sales.md").is_file()
    assert not (repo / "build" / "helio-soporte-cliente.md").exists()

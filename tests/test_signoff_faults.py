"""Faults around approve and file output: concurrent approvals, FIFOs, symlinks, killed writers."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from slagen.core.atomic_write import TEMP_SUFFIX, write_atomic
from slagen.core.validate import load_agreement

from .conftest import AGREEMENTS

SOURCE = AGREEMENTS / "northwind-marketing-sales.yaml"


def _slagen(*args: str, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: PLW1510  (the test reads the exit code)
        [sys.executable, "-m", "slagen.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def _repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    (repo / "agreements").mkdir(parents=True)
    (repo / "slagen.toml").write_text("")
    text = SOURCE.read_text(encoding="utf-8")
    (repo / "agreements" / "nw.yaml").write_text(text, encoding="utf-8")
    return repo


def test_two_concurrent_approvals_both_land(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    parties = [p.id for p in load_agreement(repo / "agreements" / "nw.yaml")[0].parties]
    assert len(parties) >= 2
    for _round in range(3):
        shutil.copy(SOURCE, repo / "agreements" / "nw.yaml")
        processes = [
            subprocess.Popen(
                [sys.executable, "-m", "slagen.cli", "approve", "agreements/nw.yaml"]
                + ["--party", party, "--name", f"Person {party}", "--date", "2026-07-01"],
                cwd=repo,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
            for party in parties[:2]
        ]
        for process in processes:
            _out, err = process.communicate(timeout=120)
            assert process.returncode == 0, err
        agreement = load_agreement(repo / "agreements" / "nw.yaml")[0]
        for party in parties[:2]:
            assert agreement.current_approval(party) is not None, party


@pytest.mark.parametrize("command", ["validate", "approve"])
def test_a_fifo_is_refused_without_hanging(tmp_path: Path, command: str) -> None:
    repo = _repo(tmp_path)
    fifo = repo / "agreements" / "pipe.yaml"
    os.mkfifo(fifo)
    args = ["approve", str(fifo), "--party", "x", "--name", "Y"] if command == "approve" else []
    done = _slagen(*(args or ["validate", str(fifo)]), cwd=repo, timeout=60)
    assert done.returncode == 2, done.stderr
    assert "FIFO" in done.stderr and "Traceback" not in done.stderr


def test_dev_zero_is_refused(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    done = _slagen("approve", "/dev/zero", "--party", "x", "--name", "Y", cwd=repo, timeout=60)
    assert done.returncode == 2 and "a device" in done.stderr


def test_approve_refuses_a_symlink_out_and_writes_through_one_inside(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    outside = tmp_path / "outside.yaml"
    shutil.copy(SOURCE, outside)
    os.symlink(outside, repo / "agreements" / "out.yaml")
    party = load_agreement(SOURCE)[0].parties[0].id
    done = _slagen("approve", "agreements/out.yaml", "--party", party, "--name", "A", cwd=repo)
    assert done.returncode == 2 and "outside the repository" in done.stderr
    assert outside.read_bytes() == SOURCE.read_bytes()

    os.symlink("nw.yaml", repo / "agreements" / "alias.yaml")
    done = _slagen("approve", "agreements/alias.yaml", "--party", party, "--name", "A", cwd=repo)
    assert done.returncode == 0, done.stderr
    assert (repo / "agreements" / "alias.yaml").is_symlink()  # still a link
    assert load_agreement(repo / "agreements" / "nw.yaml")[0].current_approval(party)


def test_a_killed_writers_temporary_file_is_swept(tmp_path: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f".doc.md.abc123.{dead.pid}{TEMP_SUFFIX}"
    stale.write_text("half")
    alive = tmp_path / f".doc.md.def456.{os.getppid()}{TEMP_SUFFIX}"
    alive.write_text("someone is writing")
    write_atomic(tmp_path / "doc.md", "whole\n")
    assert not stale.exists() and alive.exists()
    assert (tmp_path / "doc.md").read_text() == "whole\n"


def test_sigterm_while_writing_leaves_no_temporary_file(tmp_path: Path) -> None:
    # A child that blocks inside write_atomic (on a full pipe it cannot be: use a
    # huge payload and a signal sent from a timer thread inside the child).
    script = (
        "import os, signal, threading, sys\n"
        "from slagen.core import atomic_write as write\n"
        "real = os.fsync\n"
        "def slow(fd):\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "    real(fd)\n"
        "os.fsync = slow\n"
        f"write.write_atomic({str(tmp_path / 'out.md')!r}, 'x' * 1000)\n"
    )
    done = subprocess.run(  # noqa: PLW1510
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 128 + 15, done.stderr
    assert "Traceback" not in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == []

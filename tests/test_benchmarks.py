"""The benchmark runner works: it generates valid inputs and plans its commands.

Timing is never asserted here (the machine is shared); ``python -m benchmarks
--quick`` is for CI scripts.
"""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

from benchmarks import generate
from benchmarks.runner import Ratio

ROOT = Path(__file__).resolve().parent.parent


def test_dry_run_plans_every_ratio() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--dry-run"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    steps = ("validate:", "build:", "report:", "import yaml, jsonschema", "csv.reader")
    for step in (*steps, "check-jsonschema", "targets", "diff", "no-change build"):
        assert step in done.stdout


def test_generated_agreements_are_valid(tmp_path: Path) -> None:
    paths = generate.write_agreements(tmp_path, 2, segments=7, months=24)
    slagen = [sys.executable, "-m", "slagen", "validate", "--strict", *map(str, paths)]
    done = subprocess.run(slagen, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_revised_agreement_is_a_valid_next_revision(tmp_path: Path) -> None:
    (old,) = generate.write_agreements(tmp_path / "old", 1, segments=3, months=12)
    new = tmp_path / "new" / old.name
    new.parent.mkdir()
    new.write_text(generate.revised(old.read_text(encoding="utf-8")), encoding="utf-8")
    slagen = [sys.executable, "-m", "slagen"]
    done = subprocess.run([*slagen, "validate", str(new)], check=False, capture_output=True)
    assert done.returncode == 0, done.stdout + done.stderr
    diff = subprocess.run(
        [*slagen, "diff", str(old), str(new)], check=False, capture_output=True, text=True
    )
    assert diff.returncode == 1, diff.stdout + diff.stderr  # 1: the revisions differ
    assert "revision 2" in diff.stdout and "revision 3" in diff.stdout


def test_generated_csv_has_the_canonical_columns(tmp_path: Path) -> None:
    path = generate.write_csv(tmp_path / "leads.csv", 50, segments=4)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == generate.HEADER and len(rows) == 51
    assert {row[2] for row in rows[1:]} <= {"r01", "r02", "r03", "r04"}


def test_ratio_verdict_allows_only_the_measured_noise() -> None:
    assert Ratio("x", 1.05, 1.0, True, 0.10).ok(0.10)
    assert not Ratio("x", 1.25, 1.0, True, 0.10).ok(0.10)
    assert Ratio("x", 1.80, 1.85, False, 0.05).ok(0.05)
    assert not Ratio("x", 1.50, 1.85, False, 0.05).ok(0.05)


def test_a_tolerance_lets_a_busy_machine_pass_but_not_a_regression() -> None:
    from benchmarks.runner import missed_goals

    busy = Ratio("validate", 1.12, 1.0, True, 0.03)  # 12 % over: a shared CI machine
    regressed = Ratio("render", 2.1, 0.9, True, 0.05)  # WeasyPrint imported eagerly
    assert missed_goals([busy, regressed]) == [busy, regressed]
    assert missed_goals([busy, regressed], tolerance=0.25) == [regressed]

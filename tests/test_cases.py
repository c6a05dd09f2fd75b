"""Acceptance tests over the case folders, through the real command line.

``tests/cases/invalid/NAME.yaml`` is a small agreement with one thing wrong;
``NAME.expected.json`` beside it lists the findings ``slagen validate`` must
report: ``{"exit": 1, "exact": true, "findings": [{"line", "column", "path",
"code", "severity", "message_contains", "hint_contains"?}]}``. With ``exact``
no other finding may appear. ``tests/cases/valid/`` holds edge cases that must
validate with no finding at all, not even a warning.

For speed, one subprocess validates each whole folder per output format and
the findings are split per file; a few cases also run on their own for the
exit code.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
INVALID_DIR = Path("tests/cases/invalid")  # relative: findings name files as given
VALID_DIR = Path("tests/cases/valid")
INVALID = sorted(p.stem for p in (ROOT / INVALID_DIR).glob("*.yaml"))
VALID = sorted(p.stem for p in (ROOT / VALID_DIR).glob("*.yaml"))
AGREEMENTS = sorted(p.name for p in (ROOT / "agreements").glob("*.yaml"))


# No input may make slagen use more than this (address space, so a runaway
# allocation fails fast instead of swapping): alias bombs, huge numbers, long texts.
MEMORY_LIMIT = 768 * 1024 * 1024


def _limit_memory() -> None:  # runs in the child before exec
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """``python -m slagen.cli ARGS`` from the repository root, memory bounded."""
    return subprocess.run(  # noqa: PLW1510  (the test reads the exit code)
        [sys.executable, "-m", "slagen.cli", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        preexec_fn=_limit_memory,
    )


def assert_no_traceback(proc: subprocess.CompletedProcess[str]) -> None:
    output = proc.stdout + proc.stderr
    assert "Traceback" not in output, output
    assert "internal error" not in output, output


def expected_for(name: str) -> dict[str, Any]:
    return dict(
        json.loads((ROOT / INVALID_DIR / f"{name}.expected.json").read_text(encoding="utf-8"))
    )


def case_file(name: str) -> str:
    return (INVALID_DIR / f"{name}.yaml").as_posix()


def matches(want: dict[str, Any], got: dict[str, Any]) -> bool:
    return (
        all(got[key] == want[key] for key in ("line", "column", "path", "code", "severity"))
        and want["message_contains"] in got["message"]
        and want.get("hint_contains", "") in got.get("hint", "")
    )


def start_cli(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "slagen.cli", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        preexec_fn=_limit_memory,  # noqa: PLW1509  (pytest starts no threads here)
    )


@pytest.fixture(scope="module")
def folder_runs() -> dict[str, subprocess.CompletedProcess[str]]:
    """Each folder validated once per format, the runs in parallel."""
    started = {
        "json": start_cli("validate", INVALID_DIR.as_posix(), "--format", "json"),
        "text": start_cli("validate", INVALID_DIR.as_posix()),
        "github": start_cli("validate", INVALID_DIR.as_posix(), "--format", "github"),
        # edge cases of the format, not model agreements: the SLA lint is tested in test_lint.py
        "valid": start_cli(
            "validate", VALID_DIR.as_posix(), "--format", "json", "--strict", "--no-lint"
        ),
    }
    runs = {}
    for key, proc in started.items():
        stdout, stderr = proc.communicate(timeout=120)
        runs[key] = subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr)
    return runs


@pytest.fixture(scope="module")
def invalid_json(
    folder_runs: dict[str, subprocess.CompletedProcess[str]],
) -> tuple[subprocess.CompletedProcess[str], dict[str, list[dict[str, Any]]]]:
    proc = folder_runs["json"]
    by_file: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for finding in json.loads(proc.stdout):
        by_file[finding["file"]].append(finding)
    return proc, by_file


@pytest.fixture(scope="module")
def invalid_text(
    folder_runs: dict[str, subprocess.CompletedProcess[str]],
) -> subprocess.CompletedProcess[str]:
    return folder_runs["text"]


@pytest.fixture(scope="module")
def invalid_github(
    folder_runs: dict[str, subprocess.CompletedProcess[str]],
) -> subprocess.CompletedProcess[str]:
    return folder_runs["github"]


# -- the corpus itself -----------------------------------------------------------


def test_corpus_is_complete() -> None:
    assert len(INVALID) >= 35
    expected = sorted(
        p.name.removesuffix(".expected.json") for p in (ROOT / INVALID_DIR).glob("*.expected.json")
    )
    assert expected == INVALID, "every invalid case needs NAME.expected.json, and nothing else"
    assert len(VALID) >= 5


@pytest.mark.parametrize("name", INVALID)
def test_expected_file_is_well_formed(name: str) -> None:
    # Each case is named for what is wrong, and its id follows the file name so
    # that the id-file-mismatch warning does not hide among the expected findings.
    expected = expected_for(name)
    assert set(expected) <= {"exit", "exact", "findings"}
    assert expected["exit"] == 1
    assert expected["findings"], "list at least one finding"
    assert any(f["severity"] == "error" for f in expected["findings"])


# -- JSON: every expected finding, at its place ------------------------------------


def test_invalid_folder_exit_code_and_no_traceback(invalid_json: Any) -> None:
    proc, by_file = invalid_json
    assert proc.returncode == 1
    assert proc.stderr == ""
    assert_no_traceback(proc)
    assert sorted(Path(f).stem for f in by_file) == INVALID, "every invalid case has a finding"


@pytest.mark.parametrize("name", INVALID)
def test_invalid_case(name: str, invalid_json: Any) -> None:
    _, by_file = invalid_json
    got = by_file[case_file(name)]
    expected = expected_for(name)
    unmatched = list(got)
    for want in expected["findings"]:
        hit = next((g for g in unmatched if matches(want, g)), None)
        assert hit is not None, (
            f"missing {want}\nreported: {json.dumps(got, indent=1, ensure_ascii=False)}"
        )
        unmatched.remove(hit)
    if expected.get("exact"):
        assert not unmatched, (
            f"unexpected findings: {json.dumps(unmatched, indent=1, ensure_ascii=False)}"
        )
    fails = any(g["severity"] == "error" for g in got)
    assert expected["exit"] == (1 if fails else 0)
    for finding in got:
        assert finding["message"] and finding["message"][0] != " "
        assert set(finding) <= {
            "file",
            "line",
            "column",
            "path",
            "severity",
            "code",
            "message",
            "hint",
        }
        assert finding["line"] >= 1 and finding["column"] >= 1


# -- the same findings in the text and GitHub formats -------------------------------


@pytest.mark.parametrize("name", INVALID)
def test_invalid_case_text_format(
    name: str, invalid_text: subprocess.CompletedProcess[str]
) -> None:
    assert invalid_text.returncode == 1
    assert_no_traceback(invalid_text)
    lines = invalid_text.stdout.splitlines()
    for want in expected_for(name)["findings"]:
        where = f"{want['path']}: " if want["path"] else ""
        prefix = f"{case_file(name)}:{want['line']}:{want['column']}: {want['severity']}: {where}"
        assert any(
            line.startswith(prefix) and want["message_contains"] in line for line in lines
        ), prefix


def test_text_format_summary_line(invalid_text: subprocess.CompletedProcess[str]) -> None:
    last = invalid_text.stdout.splitlines()[-1]
    assert last.startswith(f"{len(INVALID)} file(s) checked: ")
    assert f"{len(INVALID)} file(s) failed" in last


@pytest.mark.parametrize("name", INVALID)
def test_invalid_case_github_format(
    name: str, invalid_github: subprocess.CompletedProcess[str]
) -> None:
    assert invalid_github.returncode == 1
    assert_no_traceback(invalid_github)
    for want in expected_for(name)["findings"]:
        prefix = (
            f"::{want['severity']} file={case_file(name)},line={want['line']},"
            f"col={want['column']},title={want['code']}::"
        )
        assert any(line.startswith(prefix) for line in invalid_github.stdout.splitlines()), prefix


def test_github_format_escapes_newlines_and_percent(
    invalid_github: subprocess.CompletedProcess[str],
) -> None:
    # GitHub reads one annotation per line; a "%" must arrive as %25.
    annotations = [line for line in invalid_github.stdout.splitlines() if line.startswith("::")]
    assert annotations
    rate = next(line for line in annotations if "percent-above-100.yaml" in line)
    assert "120%25" in rate and "120%)" not in rate


# -- a few cases on their own: the exit code of one file ----------------------------


@pytest.mark.parametrize("name", ["duplicate-key", "python-tag", "invalid-utf8", "deep-nesting"])
def test_single_invalid_file_exit_code(name: str) -> None:
    proc = run_cli("validate", case_file(name), "--format", "json")
    assert proc.returncode == expected_for(name)["exit"]
    assert_no_traceback(proc)
    findings = json.loads(proc.stdout)
    assert {f["file"] for f in findings} == {case_file(name)}


def test_oversize_file(tmp_path: Path) -> None:
    # Generated rather than committed: a valid agreement padded past 1 MiB.
    text = (ROOT / VALID_DIR / "quoted-dates.yaml").read_text(encoding="utf-8")
    path = tmp_path / "quoted-dates.yaml"
    path.write_text(
        text + ("# padding padding padding padding padding padding padding\n" * 20_000),
        encoding="utf-8",
    )
    assert path.stat().st_size > 1024 * 1024
    proc = run_cli("validate", str(path), "--format", "json")
    assert proc.returncode == 1
    assert_no_traceback(proc)
    [finding] = json.loads(proc.stdout)
    assert (finding["line"], finding["column"], finding["code"]) == (1, 1, "file-too-large")
    assert "1,048,576" in finding["message"]


def test_targets_on_an_invalid_case_reports_findings_without_traceback() -> None:
    proc = run_cli("targets", case_file("zero-deal-size"), "--format", "json")
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert_no_traceback(proc)
    assert (
        f"{case_file('zero-deal-size')}:45:22: error: targets.segments[0].avg_deal_size:"
        in proc.stderr
    )


# -- edge-valid cases ---------------------------------------------------------------


@pytest.fixture(scope="module")
def valid_json(
    folder_runs: dict[str, subprocess.CompletedProcess[str]],
) -> tuple[subprocess.CompletedProcess[str], list[dict[str, Any]]]:
    proc = folder_runs["valid"]
    return proc, json.loads(proc.stdout)


def test_valid_folder_passes_strict(valid_json: Any) -> None:
    proc, findings = valid_json
    assert_no_traceback(proc)
    assert findings == []
    assert proc.returncode == 0


@pytest.mark.parametrize("name", VALID)
def test_valid_case_has_no_finding(name: str, valid_json: Any) -> None:
    _, findings = valid_json
    assert [f for f in findings if Path(f["file"]).stem == name] == []


def test_valid_funnel_without_sla_stage_counts_the_first_stage() -> None:
    proc = run_cli(
        "targets", (VALID_DIR / "funnel-without-sla-stage.yaml").as_posix(), "--format", "json"
    )
    assert proc.returncode == 0, proc.stderr
    [segment] = json.loads(proc.stdout)["segments"]
    january = segment["months"][0]
    # 5,000 × 100% ÷ 100 = 50 customers; ÷ 40% = 125 opportunities; ÷ 25% = 500 leads
    assert list(january["stages"]) == ["leads", "opportunities"]
    assert january["stages"] == {"leads": 500, "opportunities": 125}
    assert january["leads_needed"] == 500


# -- the shipped examples -----------------------------------------------------------


@pytest.mark.parametrize("name", AGREEMENTS)
def test_example_agreement_is_clean(name: str) -> None:
    from slagen.core.validate import validate_file

    result = validate_file(ROOT / "agreements" / name, display=f"agreements/{name}")
    assert [f.format_text() for f in result.findings] == []
    assert result.agreement is not None and result.targets is not None

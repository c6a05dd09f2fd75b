"""The bad-input corpus of ``slagen report``: CSV exports and ``--columns`` mapping files.

``tests/cases/actuals/NAME.csv`` (or ``mapping-NAME.yaml``/``.json``, read against
``_base.csv``) holds one thing a CRM export or a hand-written mapping can get wrong;
``NAME.expected.json`` beside it gives ``{"exit": N, "code": "finding-code"}`` (and
``good_rows`` when the case swallows the one good row every CSV ends with).
Each case runs twice: in process, for the finding code (a row finding in the report,
or the code of the error that stopped it), and through the real command line in a
child limited to 768 MB of address space and 60 seconds, which must exit as expected
with no traceback and, when it fails, write no output file.
"""

from __future__ import annotations

import datetime as dt
import json
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from slagen.actuals import build_report
from slagen.actuals.mapping import ActualsError, MappingError, load_mapping
from slagen.core.validate import load_agreement

ROOT = Path(__file__).resolve().parent.parent
CASES_DIR = ROOT / "tests/cases/actuals"
AGREEMENT = ROOT / "agreements/northwind-marketing-sales.yaml"
AS_OF = "2026-03-31"
CASES = sorted(
    p.name
    for p in CASES_DIR.iterdir()
    if not p.name.startswith("_") and not p.name.endswith(".expected.json")
)
MEMORY_LIMIT = 768 * 1024 * 1024


def expected(name: str) -> dict[str, object]:
    stem = name.rsplit(".", 1)[0]
    data: dict[str, object] = json.loads(
        (CASES_DIR / f"{stem}.expected.json").read_text(encoding="utf-8")
    )
    return data


def files_of(name: str) -> tuple[Path, Path | None]:
    """(CSV, mapping file or None) of a case."""
    path = CASES_DIR / name
    if name.startswith("mapping-"):
        return CASES_DIR / "_base.csv", path
    return path, None


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) >= 20
    assert {n.rsplit(".", 1)[1] for n in CASES} == {"csv", "yaml", "json"}


@pytest.mark.parametrize("name", CASES)
def test_case_gives_its_finding_code(name: str) -> None:
    want = expected(name)
    csv_path, mapping_path = files_of(name)
    agreement, table = load_agreement(AGREEMENT)
    try:
        mapping = load_mapping(mapping_path) if mapping_path else None
        report = build_report(
            agreement, table, csv_path, as_of=dt.date.fromisoformat(AS_OF), mapping=mapping
        )
    except MappingError as exc:
        exit_code, codes = exc.exit_code, [f.code for f in exc.findings]
    except ActualsError as exc:
        exit_code, codes = exc.exit_code, [exc.code]
    else:
        exit_code, codes = 0, [f.code for f in report.stats.findings]
        # the one good row of every CSV still counts, whatever the bad rows did
        good = report.stats.rows - report.stats.skipped - report.stats.excluded
        assert good == want.get("good_rows", 1)
    assert exit_code == want["exit"]
    if want["code"]:
        assert want["code"] in codes, codes
    else:
        assert codes == [], codes


def _limit_memory() -> None:  # runs in the child before exec
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


@pytest.mark.parametrize("name", CASES)
def test_case_through_the_command_line(name: str, tmp_path: Path) -> None:
    want = expected(name)
    csv_path, mapping_path = files_of(name)
    out = tmp_path / "out"
    args = [str(AGREEMENT), "-a", str(csv_path), "--as-of", AS_OF, "--to", "json", "-o", str(out)]
    if mapping_path:
        args += ["--columns", str(mapping_path)]
    result = subprocess.run(
        [sys.executable, "-c", "from slagen.cli import main; main()", "report", *args],
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=_limit_memory,
        cwd=tmp_path,
        check=False,
    )
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert result.returncode == want["exit"], result.stderr
    if result.returncode:
        assert not out.exists(), "a failed report wrote files"
        assert result.stderr.strip(), "a failure must say why"
    else:
        written = json.loads((out / "northwind-marketing-sales-report.json").read_text("utf-8"))
        codes = [f["code"] for f in written["actuals"]["findings"]]
        assert (want["code"] in codes) if want["code"] else codes == []


def test_a_cell_past_the_csv_limit_is_worded_with_both_limits() -> None:
    agreement, table = load_agreement(AGREEMENT)
    report = build_report(
        agreement, table, CASES_DIR / "cell-over-csv-limit.csv", as_of=dt.date.fromisoformat(AS_OF)
    )
    (finding,) = [f for f in report.stats.findings if f.code == "unreadable-row"]
    assert "a cell longer than 131,072 characters, where a cell may hold 1,000" in finding.message

"""``--as-of`` defaults to the end of the actuals; months after the data are "no data".

Actuals that end on 15 March used to be judged up to today: April to November at 0 %
and the cancellation condition met, without a word.
"""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from slagen.cli import app

ROOT = Path(__file__).resolve().parent.parent
AGREEMENT = ROOT / "agreements/northwind-marketing-sales.yaml"
ACTUALS = ROOT / "examples/actuals/northwind-2026.csv"  # the last lead: 2026-03-15T18:02


def report(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["report", str(AGREEMENT), "-a", str(ACTUALS), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.stdout, result.stderr


def test_without_as_of_the_report_is_as_of_the_last_day_of_the_data() -> None:
    code, out, err = report()
    assert code == 0 and err == ""
    assert "As of March 15, 2026" in out
    assert "Apr 2026" not in out  # no month after the data is reported at all


def test_an_as_of_past_the_data_warns_and_shows_no_data(tmp_path: Path) -> None:
    code, _, err = report("--as-of", "2026-11-30", "--to", "md,json", "-o", str(tmp_path))
    assert code == 0
    assert "warning: --as-of 2026-11-30 is after the last day the actuals cover (2026-03-15)" in err
    md = (tmp_path / "northwind-marketing-sales-report.md").read_text(encoding="utf-8")
    april = [line for line in md.splitlines() if line.startswith("| Apr 2026 |")]
    assert april and all("no data" in line and "%" not in line for line in april)
    assert "The actuals end on March 15, 2026" in md
    import json

    data = json.loads((tmp_path / "northwind-marketing-sales-report.json").read_text("utf-8"))
    for condition in data["conditions"]:
        assert all(m["month"] <= "2026-03" for m in condition["months"]), condition


def test_spanish_no_data(tmp_path: Path) -> None:
    spanish = tmp_path / "acuerdo.yaml"
    spanish.write_text(
        AGREEMENT.read_text(encoding="utf-8").replace("language: en", "language: es"),
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        app,
        [
            "report",
            str(spanish),
            "-a",
            str(ACTUALS),
            "--as-of",
            "2026-06-30",
            "--to",
            "md",
            "-o",
            str(tmp_path),
        ],
    )
    assert result.exit_code == 0, result.output
    md = next(tmp_path.glob("*.md")).read_text(encoding="utf-8")
    months = [line for line in md.splitlines() if line.startswith(("| abr 2026 |", "| jun 2026 |"))]
    assert months and all("sin datos" in line and "%" not in line for line in months)
    assert "Los datos reales terminan el 15 de marzo de 2026" in md


def test_actuals_without_a_usable_row_need_an_explicit_day(tmp_path: Path) -> None:
    empty = tmp_path / "none.csv"
    empty.write_text(ACTUALS.read_text(encoding="utf-8").splitlines()[0] + "\n", "utf-8")
    result = CliRunner().invoke(app, ["report", str(AGREEMENT), "-a", str(empty)])
    assert result.exit_code == 1
    assert "no usable lead row" in result.stderr and "--as-of" in result.stderr


def test_past_the_data_the_month_in_detail_is_the_last_with_data(tmp_path: Path) -> None:
    code, out, err = report("--as-of", "2026-11-30")
    assert code == 0 and "warning: --as-of 2026-11-30" in err
    assert "March 2026 by segment" in out
    code, out, _ = report("--as-of", "2026-11-30", "--month", "2026-11")
    assert code == 0
    detail = out.split("November 2026 by segment")[1].split("\n\n")[0]
    rows = [line for line in detail.splitlines()[4:] if line.strip() and "rounded" not in line]
    assert len(rows) == 6  # three segments, two groups, the total
    assert all("no data" in row and "%" not in row for row in rows), rows

"""slagen report output: the JSON shape, the charts and their series, the files, determinism."""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from slagen.actuals import build_report, document
from slagen.actuals.json_output import report_data
from slagen.cli import app
from slagen.core.validate import load_agreement
from tests import test_report

# The report tests' fixtures, shared by name (pytest looks them up on the module).
agreement_path = test_report.agreement_path
actuals = test_report.actuals

SVG = "{http://www.w3.org/2000/svg}"
MONTH_KEYS = {"month", "status", "leads", "revenue", "speed", "depth"}
LEADS_KEYS = {
    "needed",
    "marketing",
    "sales",
    "delivered_pct",
    "goal_to_date",
    "pace_pct",
    "cumulative",
}
REVENUE_KEYS = {
    "customers_needed",
    "customers_won",
    "sales_customers_won",
    "marketing_revenue_goal",
    "marketing_revenue",
    "revenue_pct",
    "revenue_goal",
    "sales_revenue",
    "total_revenue_pct",
}
SPEED_KEYS = {
    "handed_off",
    "attempted",
    "on_time",
    "overdue",
    "waiting",
    "average_minutes",
    "median_minutes",
    "p90_minutes",
    "on_time_pct",
}
CONDITION_KEYS = {
    "kind",
    "index",
    "text",
    "action",
    "owner",
    "metric",
    "below",
    "above",
    "for_months",
    "streak",
    "triggered",
    "triggered_months",
    "months",
    "segments_met",
    "segments_triggered",
}
DECIMAL = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
MONEY = re.compile(r"^[0-9]+\.[0-9]{2}$")


@pytest.fixture
def report(agreement_path: Path, actuals: Path):
    agreement, table = load_agreement(agreement_path)
    return build_report(agreement, table, actuals, as_of=dt.date(2026, 4, 15))


def test_json_shape(report) -> None:
    data = json.loads(json.dumps(report_data(report)))
    assert set(data) == {
        "report",
        "agreement",
        "revision",
        "language",
        "currency",
        "timezone",
        "as_of",
        "month",
        "actuals",
        "follow_up",
        "months",
        "scopes",
        "conditions",
        "recalibration",
    }
    assert (data["report"], data["agreement"], data["as_of"], data["month"]) == (
        1,
        "acme",
        "2026-04-15",
        "2026-04",
    )
    assert data["follow_up"] == {
        "first_attempt_within": "1h",
        "first_attempt_within_minutes": 60,
        "min_attempts": 6,
    }
    assert set(data["actuals"]) == {
        "file",
        "rows",
        "skipped",
        "excluded",
        "warnings",
        "after_as_of",
        "outside_period",
        "unknown_segments",
        "unknown_other",
        "findings",
    }
    assert data["actuals"]["findings"][0]["column"] == "created_at"
    assert [s["id"] for s in data["scopes"]] == ["north", "south", "total"]
    for scope in data["scopes"]:
        assert [m["month"] for m in scope["months"]] == data["months"]
        for month in [*scope["months"], scope["period"]]:
            assert set(month) == MONTH_KEYS
            assert set(month["leads"]) == LEADS_KEYS
            assert set(month["revenue"]) == REVENUE_KEYS
            assert set(month["speed"]) == SPEED_KEYS
            assert set(month["depth"]) == {"unconnected", "attempts", "average_attempts"}
            assert isinstance(month["leads"]["needed"], int) and isinstance(
                month["leads"]["marketing"], int
            )
            assert MONEY.match(month["revenue"]["marketing_revenue"])
            assert MONEY.match(month["leads"]["goal_to_date"])
            for value in (month["leads"]["delivered_pct"], month["speed"]["on_time_pct"]):
                assert value is None or DECIMAL.match(value)
    total_april = data["scopes"][-1]["months"][-1]
    assert total_april["status"] == "to_date" and len(total_april["leads"]["cumulative"]) == 15
    assert data["scopes"][-1]["period"]["status"] == "period_to_date"
    for condition in data["conditions"]:
        assert set(condition) == CONDITION_KEYS
        assert all(set(m) == {"month", "value", "met", "streak"} for m in condition["months"])
    first = data["recalibration"]["segments"][0]
    assert set(first) == {
        "segment",
        "leads",
        "wins",
        "enough_data",
        "close_rate",
        "avg_deal_size",
        "marketing_share",
        "sales_cycle_months",
    }
    assert data["recalibration"]["fragment"].startswith("# Suggested by slagen report")


def test_json_shape_is_documented(root: Path) -> None:
    doc = (root / "docs" / "report-json.md").read_text(encoding="utf-8")
    for key in sorted(MONTH_KEYS | LEADS_KEYS | REVENUE_KEYS | SPEED_KEYS | CONDITION_KEYS):
        assert f"`{key}`" in doc, key


def _element(svg: str, gid: str) -> ET.Element:
    root = ET.fromstring(svg)
    found = root.find(f".//{SVG}g[@id='{gid}']")
    assert found is not None, f"no series {gid}"
    return found


def _vertices(group: ET.Element) -> int:
    path = group.find(f"{SVG}path")
    assert path is not None
    return len(re.findall(r"[ML]", path.get("d", "")))


def test_charts_contain_the_plotted_series(report) -> None:
    svgs = document.render_charts(report)
    assert set(svgs) == set(document.CHART_KEYS)
    months = len(report.months)
    # Pace: the goal line over days 0..30 of April, the actual step line to day 15.
    assert _vertices(_element(svgs["pace"], "goal-line")) == 31
    assert _vertices(_element(svgs["pace"], "actual-line")) >= 16
    for i in range(months):
        _element(svgs["delivered"], f"needed-{i}")
        _element(svgs["delivered"], f"delivered-{i}")
        _element(svgs["speed"], f"average-{i}")
        _element(svgs["depth"], f"attempts-{i}")
    _element(svgs["speed"], "target-line")
    _element(svgs["speed"], "p90-line")
    _element(svgs["depth"], "target-line")
    for segment in ("north", "south"):
        assert _vertices(_element(svgs["pace_segments"], f"goal-line-{segment}")) == 31
        _element(svgs["pace_segments"], f"actual-line-{segment}")
    assert "<title>" in svgs["pace"]


def test_delivered_bars_are_proportional_to_the_counts(report) -> None:
    svg = document.render_charts(report)["delivered"]
    heights = []
    for i in range(3):  # January to March, complete: 170, 130, 140 delivered
        path = _element(svg, f"delivered-{i}").find(f"{SVG}path")
        ys = [float(y) for y in re.findall(r"[ML]\s*[-0-9.]+\s+([-0-9.]+)", path.get("d", ""))]
        heights.append(max(ys) - min(ys))
    assert heights[0] / heights[1] == pytest.approx(170 / 130, rel=0.01)
    assert heights[2] / heights[1] == pytest.approx(140 / 130, rel=0.01)


def test_files_are_written_and_deterministic(
    agreement_path: Path,
    actuals: Path,
    tmp_path: Path,
) -> None:
    outputs = []
    for run in ("a", "b"):
        folder = tmp_path / run
        result = CliRunner().invoke(
            app,
            [
                "report",
                str(agreement_path),
                "-a",
                str(actuals),
                "--as-of",
                "2026-04-15",
                "--to",
                "md,html,json",
                "-o",
                str(folder),
            ],
        )
        assert result.exit_code == 0, result.output
        outputs.append({p.name: p.read_bytes() for p in sorted(folder.iterdir())})
    assert outputs[0] == outputs[1]
    names = set(outputs[0])
    assert names == {
        "acme-report.md",
        "acme-report.html",
        "acme-report.json",
        *(f"acme-report-{k}.svg" for k in document.CHART_KEYS),
    }
    markdown = outputs[0]["acme-report.md"].decode()
    for key in document.CHART_KEYS:
        assert f"](acme-report-{key}.svg)" in markdown
    html = outputs[0]["acme-report.html"].decode()
    assert (
        html.count("<svg") == len(document.CHART_KEYS)
        and 'id="goal-line"' in html
        and "<script" not in html
    )


def test_failed_report_writes_nothing(agreement_path: Path, actuals: Path, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    result = CliRunner().invoke(
        app,
        [
            "report",
            str(agreement_path),
            "-a",
            str(actuals),
            "--as-of",
            "2026-04-15",
            "--strict",
            "--to",
            "md,json",
            "-o",
            str(folder),
        ],
    )
    assert result.exit_code == 1
    assert not folder.exists()


def test_pdf_report(agreement_path: Path, actuals: Path, tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    result = CliRunner().invoke(
        app,
        [
            "report",
            str(agreement_path),
            "-a",
            str(actuals),
            "--as-of",
            "2026-04-15",
            "--to",
            "pdf",
            "-o",
            str(tmp_path),
        ],
    )
    assert result.exit_code == 0, result.output
    text = " ".join(
        page.extract_text() for page in pypdf.PdfReader(tmp_path / "acme-report.pdf").pages
    )
    text = " ".join(text.split())  # the conditions' table wraps its wording
    assert "Performance against plan" in text and "Targets missed three months in a row" in text
    again = CliRunner().invoke(
        app,
        [
            "report",
            str(agreement_path),
            "-a",
            str(actuals),
            "--as-of",
            "2026-04-15",
            "--to",
            "pdf",
            "-o",
            str(tmp_path / "again"),
        ],
    )
    assert again.exit_code == 0
    assert (tmp_path / "again" / "acme-report.pdf").read_bytes() == (
        tmp_path / "acme-report.pdf"
    ).read_bytes()


def test_help_has_examples() -> None:
    result = CliRunner().invoke(app, ["report", "--help"])
    assert result.exit_code == 0
    assert "Examples:" in result.output and "--columns" in result.output


def test_report_command_does_not_import_plotting_or_pdf_for_text() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from slagen.cli import app; from typer.testing import CliRunner; "
        "r = CliRunner().invoke(app, ['report', 'agreements/northwind-marketing-sales.yaml', '-a', "
        "'examples/actuals/northwind-2026.csv', '--as-of', '2026-03-15']); "
        "assert r.exit_code == 0, r.output; "
        "print(sorted(m for m in ('matplotlib', 'weasyprint') if m in sys.modules))"
    )
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


def test_pace_chart_follows_the_month_in_detail(agreement_path: Path, actuals: Path) -> None:
    agreement, table = load_agreement(agreement_path)
    report = build_report(agreement, table, actuals, as_of=dt.date(2026, 4, 15), month="2026-02")
    svg = document.render_charts(report)["pace"]
    assert _vertices(_element(svg, "goal-line")) == 29  # days 0..28 of February
    assert _vertices(_element(svg, "actual-line")) >= 29


def test_exit_codes_through_a_real_process(
    agreement_path: Path,
    actuals: Path,
    tmp_path: Path,
) -> None:
    import subprocess
    import sys

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        code = (
            "import sys; from slagen.cli import main; sys.argv = ['slagen', *sys.argv[1:]]; main()"
        )
        return subprocess.run(
            [sys.executable, "-c", code, "report", str(agreement_path), *args],
            capture_output=True,
            text=True,
            check=False,
        )

    ok = run("-a", str(actuals), "--as-of", "2026-04-30")
    assert ok.returncode == 0 and "Performance against plan" in ok.stdout
    strict = run("-a", str(actuals), "--as-of", "2026-04-30", "--strict")
    assert strict.returncode == 1 and "Traceback" not in strict.stderr
    early = run("-a", str(actuals), "--as-of", "2025-06-30")
    assert early.returncode == 2 and "before the agreement's first month" in early.stderr
    missing = run("-a", str(tmp_path / "missing.csv"), "--as-of", "2026-04-30")
    assert (
        missing.returncode == 2
        and "missing.csv" in missing.stderr
        and "Traceback" not in missing.stderr
    )


def test_example_report_markdown_and_json_match_golden(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`SLAGEN_REGEN_GOLDEN=1 pytest tests/test_report_output.py` rewrites them; review the diff."""
    from slagen.actuals.json_output import report_json
    from tests.conftest import GOLDEN, check_golden

    monkeypatch.chdir(root)  # the CSV's name, as given, is part of the report
    agreement, table = load_agreement(root / "agreements/northwind-marketing-sales.yaml")
    report = build_report(
        agreement, table, "examples/actuals/northwind-2026.csv", as_of=dt.date(2026, 3, 15)
    )
    check_golden(
        GOLDEN / "report" / "northwind-marketing-sales-report.md", document.render_markdown(report)
    )
    check_golden(GOLDEN / "report" / "northwind-marketing-sales-report.json", report_json(report))

"""`slagen targets --what-if` and `--explain`: scenarios and derivations from the same engine."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from slagen.cli import app
from slagen.core.errors import UsageError
from slagen.core.explain import explain_targets, format_explanation
from slagen.core.validate import load_agreement, validate_text
from slagen.core.whatif import parse_changes, run_scenario
from slagen.formats.targets import targets_to_dict

ROOT = Path(__file__).resolve().parent.parent
NORTHWIND = ROOT / "agreements" / "northwind-marketing-sales.yaml"
EXAMPLES = sorted((ROOT / "agreements").glob("*.yaml"))
runner = CliRunner()


def test_changes_are_parsed_exactly() -> None:
    (a, b, c, d) = parse_changes(
        "close_rate=-10%, na.avg_deal_size=+2.5%,marketing_share==45%,lead_value==900"
    )
    assert (a.input, a.segment, a.relative) == ("close_rate", None, Decimal("-0.1"))
    assert (b.segment, b.relative) == ("na", Decimal("0.025"))
    assert c.absolute == Decimal("0.45") and d.absolute == Decimal(900)


@pytest.mark.parametrize("text", ["", "close_rate", "close_rate=-ten%", "speed=+5%", "x y=1%"])
def test_malformed_changes_are_usage_errors(text: str) -> None:
    with pytest.raises(UsageError):
        parse_changes(text)


def test_a_zero_change_changes_nothing() -> None:
    for path in EXAMPLES:
        agreement, table = load_agreement(path)
        if agreement.targets is None:
            continue
        scenario = run_scenario(agreement, table, "close_rate=+0%,avg_deal_size=+0%")
        assert targets_to_dict(scenario.scenario) == targets_to_dict(table), path.name


def test_an_absolute_change_equals_the_file_written_with_that_value(tmp_path: Path) -> None:
    agreement, table = load_agreement(NORTHWIND)
    scenario = run_scenario(agreement, table, "na.close_rate==20%")
    text = NORTHWIND.read_text(encoding="utf-8")
    # the file's own North America close rate, rewritten by hand
    assert 'close_rate: "15%"' in text
    edited = text.replace('close_rate: "15%"', 'close_rate: "20%"', 1)
    result = validate_text(edited, "edited.yaml")
    assert result.targets is not None and not result.errors
    assert (
        targets_to_dict(scenario.scenario)["segments"][0]
        == targets_to_dict(result.targets)["segments"][0]
    )


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=1, max_value=60))
def test_a_lower_close_rate_never_needs_fewer_leads(pct: int) -> None:
    agreement, table = load_agreement(NORTHWIND)
    lower = run_scenario(agreement, table, f"close_rate=-{pct}%").scenario
    for old, new in zip(table.segments, lower.segments, strict=True):
        for a, b in zip(old.months, new.months, strict=True):
            assert b.leads_needed >= a.leads_needed
            assert b.customers_needed == a.customers_needed


def test_impossible_changes_are_refused_with_the_segment_named() -> None:
    agreement, table = load_agreement(NORTHWIND)
    with pytest.raises(UsageError, match="na's close_rate"):
        run_scenario(agreement, table, "close_rate=-100%")
    with pytest.raises(UsageError, match="no segment 'xx'"):
        run_scenario(agreement, table, "xx.close_rate=-1%")


def test_what_if_through_the_cli() -> None:
    result = runner.invoke(app, ["targets", str(NORTHWIND), "--what-if", "close_rate=-10%"])
    assert result.exit_code == 0, result.output
    assert "What if: close_rate -10%" in result.output and "→" in result.output
    result = runner.invoke(
        app, ["targets", str(NORTHWIND), "--what-if", "close_rate=-10%", "--format", "json"]
    )
    data = json.loads(result.output)
    assert data["changes"] == ["close_rate -10%"]
    assert data["total"]["leads_needed"]["scenario"] == data["targets"]["total"]["leads_needed"]
    assert runner.invoke(app, ["targets", str(NORTHWIND), "--what-if", "nope=1%"]).exit_code == 2


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_explained_figure_is_the_engines(path: Path) -> None:
    agreement, table = load_agreement(path)
    data = targets_to_dict(table)
    by_key = {
        (seg["id"], month["month"]): month for seg in data["segments"] for month in seg["months"]
    }
    derivations = explain_targets(agreement, table)
    if agreement.targets is None:
        assert derivations == ()
        return
    explained_months = set()
    for d in derivations:
        row = by_key[(d.segment, d.month)]
        results = {s.key: s.result.split()[0] for s in d.steps}
        assert results["marketing_revenue_goal"] == row["marketing_revenue_goal"]
        assert int(results["customers_needed"]) == row["customers_needed"]
        for stage, count in row["stages"].items():
            assert int(results[f"stage:{stage}"]) == count
        assert results["lead_month"] == row["lead_month"]
        assert results["lead_value_needed"] == row["lead_value_needed"]
        # a derived month's figures hold for every month said to share its inputs
        for same in d.same_months:
            other = by_key[(d.segment, same)]
            assert other["leads_needed"] == row["leads_needed"]
        explained_months |= {(d.segment, d.month), *((d.segment, m) for m in d.same_months)}
    assert explained_months == set(by_key)  # every month is covered
    text = format_explanation(derivations, table.currency)
    assert "rounded up" in text and "half-up to cents" in text


def test_explain_through_the_cli() -> None:
    result = runner.invoke(app, ["targets", str(NORTHWIND), "--explain"])
    assert result.exit_code == 0, result.output
    assert "20 ÷ 15% = 133.3333… → 134" in result.output
    assert (
        runner.invoke(app, ["targets", str(NORTHWIND), "--explain", "--format", "json"]).exit_code
        == 2
    )

"""A multilevel chain must add up: the customers sales wins fit what service is sized for."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from slagen.cli import app
from slagen.core.validate import load_agreement
from slagen.documents.render import render_markdown

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "agreements" / "compania-x-multinivel.yaml"  # sales wins 50 customers a month
runner = CliRunner()


def _with_capacity(tmp_path: Path, customers: int) -> Path:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert "customers_per_month: 60" in text
    path = tmp_path / EXAMPLE.name
    path.write_text(
        text.replace("customers_per_month: 60", f"customers_per_month: {customers}"),
        encoding="utf-8",
    )
    return path


def test_a_service_level_sized_for_fewer_customers_than_sales_wins_is_named(
    tmp_path: Path,
) -> None:
    path = _with_capacity(tmp_path, 40)
    result = runner.invoke(app, ["validate", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output  # a warning: the agreement is still valid
    [finding] = [f for f in json.loads(result.output) if f["code"] == "service-level-over-capacity"]
    assert finding["severity"] == "warning"
    assert finding["path"] == "service_levels[0].customers_per_month"
    assert "sized for 40 new customers a month" in finding["message"]
    assert "2026-01 (50)" in finding["message"] and "2026-12 (50)" in finding["message"]
    assert runner.invoke(app, ["validate", str(path), "--strict", "--no-lint"]).exit_code == 1


def test_a_chain_that_adds_up_is_quiet_and_the_document_states_the_sizing(
    tmp_path: Path,
) -> None:
    for customers in (50, 60):
        result = runner.invoke(
            app, ["validate", str(_with_capacity(tmp_path, customers)), "--strict", "--no-lint"]
        )
        assert result.exit_code == 0, result.output
    agreement, targets = load_agreement(EXAMPLE)
    assert agreement.service_levels[0].customers_per_month == 60
    markdown = render_markdown(agreement, targets)
    assert "*Dimensionado para:* hasta 60 clientes nuevos al mes" in markdown
    english = render_markdown(agreement, targets, language="en")
    assert "*Sized for:* up to 60 new customers a month" in english

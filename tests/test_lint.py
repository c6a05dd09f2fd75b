"""SLA lint: each rule with an agreement that breaks it and a near miss it accepts."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from slagen.cli import app
from slagen.core.lint import LINT_CODES, cadence_days, lint_findings
from slagen.core.validate import validate_file

CASES = Path(__file__).resolve().parent / "cases" / "lint"
FILES = sorted(CASES.glob("*.yaml"))
runner = CliRunner()
EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "agreements").glob("*.yaml"))


def _lint_codes(path: Path) -> set[str]:
    result = validate_file(path)
    assert not result.errors, [f.format_text() for f in result.errors]
    assert result.document is not None
    assert not any(f.code.startswith("lint-") for f in result.findings)  # lint runs on request
    return {f.code for f in lint_findings(result.document)}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_each_rule_fails_and_passes_where_it_should(path: Path) -> None:
    code, kind = path.stem.rsplit(".", 1)
    assert code in LINT_CODES
    found = _lint_codes(path)
    if kind == "fail":
        assert found == {code}
    else:
        assert found == set()


def test_every_rule_has_a_failing_case() -> None:
    failing = {p.stem.rsplit(".", 1)[0] for p in FILES if p.stem.endswith(".fail")}
    assert failing == set(LINT_CODES)


def test_lint_findings_are_warnings_with_a_hint_and_a_position() -> None:
    path = CASES / "lint-objective-no-target.fail.yaml"
    result = validate_file(path)
    assert result.document is not None
    [finding] = lint_findings(result.document)
    assert finding.severity == "warning" and finding.hint and finding.line > 1
    assert finding.path == "objectives[0].metric"
    assert f"{path}:{finding.line}:{finding.column}" in finding.format_text()


def test_strict_runs_the_lint_and_fails_on_it(tmp_path: Path) -> None:
    case = CASES / "lint-objective-no-target.fail.yaml"
    named = tmp_path / "northwind-marketing-sales.yaml"  # no id-file-mismatch
    named.write_bytes(case.read_bytes())
    relaxed = runner.invoke(app, ["validate", str(named)])
    assert relaxed.exit_code == 0 and "lint-" not in relaxed.output
    shown = runner.invoke(app, ["validate", str(named), "--lint", "--format", "json"])
    assert shown.exit_code == 0 and '"lint-objective-no-target"' in shown.output
    strict = runner.invoke(app, ["validate", str(named), "--strict"])
    assert strict.exit_code == 1 and "objectives[0].metric" in strict.output
    assert runner.invoke(app, ["validate", str(named), "--strict", "--no-lint"]).exit_code == 0


@pytest.mark.parametrize(
    ("text", "days"),
    [("weekly (Mondays)", 7), ("Mensual", 30), ("trimestral", 91), ("diaria", 1), ("ad hoc", None)],
)
def test_cadences_are_read_in_both_languages(text: str, days: int | None) -> None:
    assert cadence_days(text) == days


def test_the_examples_are_clean_but_for_what_they_show() -> None:
    found = {p.stem: _lint_codes(p) for p in EXAMPLES}
    assert found["northwind-marketing-sales"] == set()
    assert found["andina-ans-ventas-marketing"] == set()
    assert all(codes == set() for codes in found.values()), found


@pytest.mark.parametrize("kind", ["internal", "customer", "multilevel"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_every_starter_passes_the_lint(kind: str, language: str, tmp_path: Path) -> None:
    path = tmp_path / "agreements" / f"starter-{kind}-{language}.yaml"
    result = runner.invoke(
        app, ["new", path.stem, "--type", kind, "--lang", language, "-o", str(path)]
    )
    assert result.exit_code == 0, result.output
    checked = runner.invoke(app, ["validate", str(path), "--strict"])
    assert checked.exit_code == 0, checked.output

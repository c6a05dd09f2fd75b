"""Roll-ups: regional agreements under a global one must add up to it, month by month."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from slagen.cli import app
from slagen.core.rollup import rollup_findings
from slagen.core.validate import validate_file
from slagen.documents.write_documents import render_documents
from tests.conftest import check_golden

ROOT = Path(__file__).resolve().parent.parent
PARENT = ROOT / "agreements" / "northwind-marketing-sales.yaml"
yaml = YAML(typ="safe", pure=True)  # plain data: no comments to carry over
yaml.default_flow_style = False
runner = CliRunner()


def _write(path: Path, data: Any) -> Path:
    out = io.StringIO()
    yaml.dump(data, out)
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def _child(parent: Any, segment: str) -> Any:
    data = copy.deepcopy(parent)
    data["id"] = f"northwind-{segment}"
    data["title"] = f"Northwind {segment}"
    data["targets"]["segments"] = [s for s in data["targets"]["segments"] if s["id"] == segment]
    data["part_of"] = {"agreement": parent["id"], "segment": segment}
    return data


@pytest.fixture
def repo(tmp_path: Path) -> tuple[Path, Any]:
    parent = yaml.load(PARENT.read_text(encoding="utf-8"))
    _write(tmp_path / f"{parent['id']}.yaml", parent)
    for seg in ("na", "latam", "emea"):
        _write(tmp_path / f"northwind-{seg}.yaml", _child(parent, seg))
    return tmp_path, parent


def _rollup(folder: Path) -> dict[str, list[Any]]:
    results = [validate_file(p) for p in sorted(folder.glob("*.yaml"))]
    assert not any(r.errors for r in results), [f.format_text() for r in results for f in r.errors]
    return {Path(k).name: v for k, v in rollup_findings(results).items()}


def test_children_that_add_up_are_quiet(repo: tuple[Path, Any]) -> None:
    folder, _ = repo
    assert _rollup(folder) == {}
    result = runner.invoke(app, ["validate", str(folder)])
    assert result.exit_code == 0, result.output


def test_a_child_short_in_two_months_is_named(repo: tuple[Path, Any]) -> None:
    folder, parent = repo
    child = _child(parent, "na")
    goal = child["targets"]["segments"][0]["revenue_goal"]
    goal["2026-03"] = 300000
    goal["2026-04"] = 300000
    _write(folder / "northwind-na.yaml", child)
    found = _rollup(folder)
    assert list(found) == ["northwind-marketing-sales.yaml"]
    messages = [f.message for f in found["northwind-marketing-sales.yaml"]]
    assert all(f.code == "rollup-mismatch" for f in found["northwind-marketing-sales.yaml"])
    leads = next(m for m in messages if m.startswith("leads needed"))
    assert "2026-03" in leads and "2026-04" in leads and "2026-05" not in leads
    assert "segment na" in leads and "northwind-na" in leads
    result = runner.invoke(app, ["validate", str(folder)])
    assert result.exit_code == 1 and "rollup-mismatch" not in result.output  # text shows messages
    assert "do not add up to segment na in 2026-03" in result.output


def test_a_reset_of_the_parent_breaks_the_roll_up(repo: tuple[Path, Any]) -> None:
    folder, parent = repo
    reset = copy.deepcopy(parent)
    emea = next(s for s in reset["targets"]["segments"] if s["id"] == "emea")
    emea["avg_deal_size"] = 9000
    _write(folder / "northwind-marketing-sales.yaml", reset)
    found = _rollup(folder)["northwind-marketing-sales.yaml"]
    assert any("segment emea" in f.message and "customers needed" in f.message for f in found)
    assert not any("segment na" in f.message for f in found)


def test_tolerance_allows_a_stated_difference(repo: tuple[Path, Any]) -> None:
    folder, parent = repo
    child = _child(parent, "emea")
    child["targets"]["segments"][0]["revenue_goal"] = 319000  # the parent plans 320,000 a month
    child["part_of"]["tolerance"] = "1%"
    _write(folder / "northwind-emea.yaml", child)
    assert _rollup(folder) == {}
    child["part_of"]["tolerance"] = "0.1%"
    _write(folder / "northwind-emea.yaml", child)
    assert "northwind-marketing-sales.yaml" in _rollup(folder)


def test_children_must_cover_the_parents_period(repo: tuple[Path, Any]) -> None:
    folder, parent = repo
    child = _child(parent, "latam")
    child["period"]["end"] = "2026-06-30"
    for key in ("revenue_goal",):
        value = child["targets"]["segments"][0][key]
        if isinstance(value, dict):
            for month in [m for m in value if m > "2026-06"]:
                del value[month]
    _write(folder / "northwind-latam.yaml", child)
    found = _rollup(folder)["northwind-marketing-sales.yaml"]
    [gap] = [f for f in found if f.code == "rollup-period-not-covered"]
    assert "2026-07" in gap.message and "2026-12" in gap.message


def test_unknown_parent_and_segment_point_at_part_of(repo: tuple[Path, Any]) -> None:
    folder, parent = repo
    child = _child(parent, "na")
    child["part_of"] = {"agreement": "northwind-global"}
    _write(folder / "northwind-na.yaml", child)
    other = _child(parent, "emea")
    other["part_of"]["segment"] = "apac"
    _write(folder / "northwind-emea.yaml", other)
    found = _rollup(folder)
    [unknown] = found["northwind-na.yaml"]
    assert unknown.code == "rollup-unknown-parent" and unknown.path == "part_of.agreement"
    [segment] = found["northwind-emea.yaml"]
    assert segment.code == "rollup-unknown-segment" and "na, latam, emea" in segment.hint


def test_targets_of_a_parent_show_the_breakdown_by_child(repo: tuple[Path, Any]) -> None:
    folder, _ = repo
    path = folder / "northwind-marketing-sales.yaml"
    table = runner.invoke(app, ["targets", str(path)])
    assert table.exit_code == 0, table.output
    assert "Breakdown by child agreement" in table.output and "northwind-na (na)" in table.output
    data = json.loads(runner.invoke(app, ["targets", str(path), "--format", "json"]).output)
    children = {c["id"]: c for c in data["children"]}
    assert set(children) == {"northwind-na", "northwind-latam", "northwind-emea"}
    parent_na = next(s for s in data["segments"] if s["id"] == "na")
    assert children["northwind-na"]["total"]["leads_needed"] == parent_na["total"]["leads_needed"]
    alone = runner.invoke(app, ["targets", str(PARENT), "--format", "json"])
    assert "children" not in json.loads(alone.output)  # the shape is unchanged without children


def test_diff_of_a_parent_names_the_children_a_reset_breaks(repo: tuple[Path, Any]) -> None:
    folder, parent = repo
    old = folder.parent / "old.yaml"
    _write(old, parent)
    reset = copy.deepcopy(parent)
    next(s for s in reset["targets"]["segments"] if s["id"] == "emea")["avg_deal_size"] = 9000
    new = _write(folder / "northwind-marketing-sales.yaml", reset)
    for fmt, marker in (("text", "roll-ups:"), ("md", "**Roll-ups:**")):
        result = runner.invoke(app, ["diff", str(old), str(new), "--format", fmt])
        assert result.exit_code == 1, result.output
        assert marker in result.output
        assert "northwind-emea" in result.output and "northwind-na" not in result.output
    retitled = copy.deepcopy(parent)
    retitled["title"] = "Northwind: marketing and sales, 2026"
    _write(new, retitled)
    quiet = runner.invoke(app, ["diff", str(old), str(new)])
    assert quiet.exit_code == 1 and "roll-ups" not in quiet.output


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_markdown_of_a_parent_shows_its_breakdown_by_child(
    repo: tuple[Path, Any], language: str
) -> None:
    folder, _ = repo
    out = folder / "out"
    render_documents([folder / "northwind-marketing-sales.yaml"], ["md"], out, language=language)
    markdown = (out / "northwind-marketing-sales.md").read_text(encoding="utf-8")
    heading = {
        "en": "### Breakdown by child agreement",
        "es": "### Desglose por acuerdos derivados",
    }
    start = markdown.index(heading[language])
    section = markdown[start : markdown.index("\n## ", start)]
    check_golden(ROOT / "tests" / "golden" / "rollup" / f"breakdown.{language}.md", section)
    # the three children add up to the parent: the last two rows hold the same figures
    rows = [line for line in section.splitlines() if line.startswith("| **")]
    assert len(rows) == 2 and rows[0].split("|")[3:] == rows[1].split("|")[3:]


def test_the_breakdown_stays_out_of_a_lone_agreement_and_out_of_the_pdf_html(
    repo: tuple[Path, Any],
) -> None:
    folder, _ = repo
    alone = render_documents([PARENT], ["md"], folder / "alone")
    assert "Breakdown by child agreement" not in alone[0].read_text(encoding="utf-8")
    [html] = render_documents([folder / "northwind-marketing-sales.yaml"], ["html"], folder / "h")
    # a signed PDF (rendered from this HTML) carries nothing its own YAML does not say
    assert "Breakdown by child agreement" not in html.read_text(encoding="utf-8")


def test_build_renders_the_parent_again_when_a_child_changes(repo: tuple[Path, Any]) -> None:
    folder, parent = repo
    work = folder / "work"
    (work / "agreements").mkdir(parents=True)
    for path in folder.glob("*.yaml"):
        path.rename(work / "agreements" / path.name)
    (work / "slagen.toml").write_text('formats = ["md"]\n', encoding="utf-8")
    first = runner.invoke(app, ["build", str(work)])
    assert first.exit_code == 0 and "4 rendered" in first.output, first.output
    assert "0 rendered, 4 unchanged" in runner.invoke(app, ["build", str(work)]).output
    child = work / "agreements" / "northwind-na.yaml"
    data = yaml.load(child.read_text(encoding="utf-8"))
    data["title"] = "Northwind North America"
    _write(child, data)
    again = runner.invoke(app, ["build", str(work)])
    assert "2 rendered, 2 unchanged" in again.output, again.output
    parent_md = (work / "build" / f"{parent['id']}.md").read_text(encoding="utf-8")
    assert "Northwind North America (`northwind-na`)" in parent_md

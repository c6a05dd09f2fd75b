"""Segment groups and funnel stages print under the names the agreement gives them.

``targets.groups`` names a group and a funnel stage's ``name`` names the stage;
the documents, the targets outputs, the diff and the report use those names,
and without them keep the name made from the id ("Americas", "MQL").
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from slagen.actuals import build_report, document
from slagen.core.validate import load_agreement
from tests.test_diff_fixtures import agreement, dump, next_revision, segment, slagen

ROOT = Path(__file__).resolve().parent.parent


def _named(lang: str = "es", *, names: bool = True) -> dict[str, Any]:
    data = agreement(language=lang)
    segment(data, "na")["group"] = "americas"
    emea = segment(data, "emea")
    emea["group"] = "europe"
    del emea["close_rate"]
    emea["funnel"] = [
        {"stage": "mql", "rate": "25%", "sla": True},
        {"stage": "proposals", "rate": "40%"},
    ]
    if names:
        data["targets"]["groups"] = [
            {"id": "americas", "name": "Las Américas"},
            {"id": "europe", "name": "Europa y Oriente Medio"},
        ]
        emea["funnel"][0]["name"] = "Leads cualificados"
        emea["funnel"][1]["name"] = "Propuestas enviadas"
    return data


def _write(tmp_path: Path, data: dict[str, Any], name: str = "acme.yaml") -> Path:
    path = tmp_path / name
    path.write_text(dump(data), encoding="utf-8")
    return path


def _markdown(tmp_path: Path, data: dict[str, Any]) -> str:
    path = _write(tmp_path, data)
    result = slagen("render", str(path), "--to", "md", "-o", str(tmp_path / "out"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return (tmp_path / "out" / "acme.md").read_text(encoding="utf-8")


def test_the_document_prints_the_names_given(tmp_path: Path) -> None:
    text = _markdown(tmp_path, _named())
    assert "| Mes del lead | Las Américas | Europa y Oriente Medio | Total |" in text
    assert "*Subtotal Europa y Oriente Medio*" in text
    assert "### Segmento: EMEA (Europa y Oriente Medio)" in text
    assert (
        "**Leads cualificados** → (25\u00a0%) → Propuestas enviadas → (40\u00a0%) → clientes"
        in text
    )
    assert "| **Leads cualificados** | Propuestas enviadas |" in text
    assert "Americas" not in text and "MQL" not in text and "Proposals" not in text


def test_without_names_the_ids_are_humanised_as_before(tmp_path: Path) -> None:
    text = _markdown(tmp_path, _named(names=False))
    assert "| Mes del lead | Americas | Europe | Total |" in text
    assert "**MQL** → (25\u00a0%) → Proposals → (40\u00a0%) → clientes" in text


def test_targets_json_and_text_carry_the_names(tmp_path: Path) -> None:
    path = _write(tmp_path, _named())
    out = slagen("targets", str(path), "--format", "json", cwd=tmp_path)
    data = json.loads(out.stdout)
    assert [(g["id"], g["name"]) for g in data["groups"]] == [
        ("americas", "Las Américas"),
        ("europe", "Europa y Oriente Medio"),
    ]
    stage_names = {s["id"]: s["stage_names"] for s in data["segments"]}
    assert stage_names == {
        "na": {},
        "emea": {"mql": "Leads cualificados", "proposals": "Propuestas enviadas"},
    }
    assert data["segments"][1]["months"][0]["stages"].keys() == {"mql", "proposals"}  # ids stay
    text = slagen("targets", str(path), cwd=tmp_path).stdout
    assert "Grupo Las Américas" in text and "Grupo americas" not in text
    unnamed = _write(tmp_path, _named(names=False), "plain.yaml")
    plain = json.loads(slagen("targets", str(unnamed), "--format", "json", cwd=tmp_path).stdout)
    assert [g["name"] for g in plain["groups"]] == [None, None]


def test_the_diff_names_groups_and_stages(tmp_path: Path) -> None:
    old = _named()
    new = next_revision(old, date="2026-01-01")
    segment(new, "emea")["funnel"][0]["rate"] = "30%"
    segment(new, "na")["group"] = "europe"
    new["targets"]["groups"] = [new["targets"]["groups"][1]]
    a, b = _write(tmp_path, old, "old.yaml"), _write(tmp_path, new, "new.yaml")
    text = slagen("diff", str(a), str(b), cwd=tmp_path).stdout
    assert "Tasa de conversión (etapa Leads cualificados, EMEA): 25\u00a0% → 30\u00a0%" in text
    assert "Grupo (North America): Las Américas → Europa y Oriente Medio" in text
    assert "(nombres de los grupos)" in text
    changes = json.loads(slagen("diff", str(a), str(b), "--format", "json", cwd=tmp_path).stdout)
    by_path = {c["path"]: c for c in changes["changes"]}
    assert by_path["targets.segments[id=na].group"]["new"] == "europe"  # JSON keeps the ids
    assert by_path["targets.segments[id=emea].funnel[stage=mql].rate"]["label"] == (
        "EMEA Leads cualificados stage conversion rate"
    )


def test_a_name_for_a_group_no_segment_has_is_a_warning(tmp_path: Path) -> None:
    # A warning: a roll-up's child copied from its parent keeps the parent's group names.
    data = _named()
    data["targets"]["groups"].append({"id": "apac", "name": "Asia-Pacífico"})
    path = tmp_path / "acme.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    result = slagen("validate", str(path), "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    findings = json.loads(result.stdout)
    assert [(f["code"], f["severity"], f["path"]) for f in findings] == [
        ("unknown-group", "warning", "targets.groups[2].id")
    ]
    assert "no segment belongs to the group `apac`" in findings[0]["message"]
    assert "`americas`, `europe`" in findings[0]["hint"]


@pytest.mark.parametrize(("lang", "label"), [("en", "Group: EMEA"), ("es", "Grupo: EMEA")])
def test_the_report_names_a_named_group(tmp_path: Path, lang: str, label: str) -> None:
    source = tmp_path / "northwind.yaml"
    text = (ROOT / "agreements/northwind-marketing-sales.yaml").read_text(encoding="utf-8")
    source.write_text(text.replace("language: en", f"language: {lang}"), encoding="utf-8")
    agreement_, table = load_agreement(source)
    actuals = ROOT / "examples/actuals/northwind-2026.csv"
    report = build_report(agreement_, table, actuals, as_of=dt.date(2026, 3, 15))
    markdown = document.render_markdown(report)
    assert label in markdown
    assert [s.name for s in report.scopes if s.kind == "group"] == ["Americas", "EMEA"]

"""slagen new: every type × language starts valid, with comments, and never overwrites."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from slagen.authoring.new import LANGUAGES, TYPES, create_agreement, starter_text
from slagen.cli import app, authoring
from slagen.core.errors import UsageError
from slagen.core.validate import validate_file, validate_text

runner = CliRunner()


@pytest.mark.parametrize(("kind", "lang"), list(itertools.product(TYPES, LANGUAGES)))
def test_every_starter_validates_without_findings(kind: str, lang: str) -> None:
    text = starter_text(
        kind, lang, agreement_id="acme-test", company="Acme: Ñandú & Co.", year=2027
    )
    result = validate_text(text, "acme-test.yaml")
    assert result.findings == [], [f.format_text() for f in result.findings]
    assert result.agreement is not None
    assert result.agreement.language == lang
    data = yaml.safe_load(text)
    assert data["type"] == kind and data["company"] == "Acme: Ñandú & Co."
    assert (
        str(data["period"]["start"]) == "2027-01-01" and str(data["period"]["end"]) == "2027-12-31"
    )
    # comments explain the fields, in the chosen language
    comments = [line for line in text.splitlines() if line.lstrip().startswith("#")]
    assert len(comments) >= 25
    marker = "Identificador estable" if lang == "es" else "Stable identifier"
    assert any(marker in line for line in comments)


def test_cli_writes_default_path_and_refuses_to_overwrite(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    first = runner.invoke(
        app, ["new", "acme-sla", "--type", "multilevel", "--lang", "es", "--company", "Acme"]
    )
    assert first.exit_code == 0, first.output
    path = tmp_path / "agreements" / "acme-sla.yaml"
    assert validate_file(path).findings == []
    before = path.read_bytes()
    second = runner.invoke(app, ["new", "acme-sla", "--type", "internal"])
    assert second.exit_code == 2
    assert "already exists" in second.output and "hint:" in second.output
    assert path.read_bytes() == before


def test_cli_without_id_and_without_terminal_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["new", "--type", "customer"])
    assert result.exit_code == 2
    assert "id" in result.output
    assert not (tmp_path / "agreements").exists()


def test_cli_id_from_output_and_defaults_from_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "slagen.toml").write_text(
        'language = "es"\ncurrency = "MXN"\ncompany = "Norte, S.A."\n'
    )
    result = runner.invoke(app, ["new", "-o", "drafts/norte-ans.yaml"])
    assert result.exit_code == 0, result.output
    data = yaml.safe_load((tmp_path / "drafts/norte-ans.yaml").read_text(encoding="utf-8"))
    assert (data["id"], data["language"], data["currency"], data["company"]) == (
        "norte-ans",
        "es",
        "MXN",
        "Norte, S.A.",
    )


def test_cli_asks_in_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(authoring, "_interactive", lambda: True)
    result = runner.invoke(app, ["new"], input="customer\nen\nHelio Cloud\n\n")
    assert result.exit_code == 0, result.output
    path = tmp_path / "agreements" / "helio-cloud-customer-sla.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert (data["type"], data["language"], data["company"]) == ("customer", "en", "Helio Cloud")
    assert validate_file(path).findings == []


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"agreement_id": "Not A Slug"}, "not a valid id"),
        ({"currency": "dollars"}, "not a currency code"),
    ],
)
def test_bad_values_are_usage_errors(tmp_path: Path, kwargs: dict[str, str], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        create_agreement(tmp_path / "x.yaml", "internal", "en", **kwargs)
    assert not (tmp_path / "x.yaml").exists()


def test_unknown_type_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="unknown agreement type"):
        starter_text("partnership", "en", agreement_id="x")

"""slagen init: a scaffolded repository that validates, with editor, pre-commit and CI set up."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from slagen import __version__
from slagen.authoring.init import default_install_source
from slagen.cli import app
from slagen.config import ConfigError, load_config
from slagen.core.validate import collect_agreement_files, validate_file

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent


def test_init_scaffolds_a_valid_repository(tmp_path: Path) -> None:
    repo = tmp_path / "sla"
    result = runner.invoke(app, ["init", str(repo), "--lang", "es", "--company", "Andina Clima"])
    assert result.exit_code == 0, result.output

    files = collect_agreement_files([repo / "agreements"])
    assert [f.name for f in files] == ["andina-clima-marketing-ventas.yaml"]
    assert validate_file(files[0]).findings == []

    config = load_config(repo / "slagen.toml")
    assert (config.language, config.currency, config.company) == ("es", "EUR", "Andina Clima")
    assert config.output == (repo / "build").resolve()

    settings = json.loads((repo / ".vscode/settings.json").read_text())
    [(schema, globs)] = settings["yaml.schemas"].items()
    assert (repo / schema).is_file() and "agreements/*.yaml" in globs
    json.loads((repo / schema).read_text())  # the schema itself

    hooks = yaml.safe_load((repo / ".pre-commit-config.yaml").read_text())
    [entry] = hooks["repos"]
    assert entry["repo"] == "local"  # runs the installed slagen: no repository URL to guess
    [hook] = entry["hooks"]
    assert hook["id"] == "slagen-validate" and hook["entry"] == "slagen validate"
    assert config.install == default_install_source(repo)


def test_workflow_validates_diffs_and_keeps_pdfs(tmp_path: Path) -> None:
    assert runner.invoke(app, ["init", str(tmp_path)]).exit_code == 0
    workflow = yaml.safe_load((tmp_path / ".github/workflows/slagen.yml").read_text())
    triggers = workflow[True] if True in workflow else workflow["on"]  # YAML 1.1 reads `on` as true
    assert "pull_request" in triggers
    steps = workflow["jobs"]["agreements"]["steps"]
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0
    scripts = "\n".join(s.get("run", "") for s in steps)
    assert "slagen validate agreements/ --format github" in scripts
    assert "--format md" in scripts and "gh pr comment" in scripts
    assert "slagen build" in scripts
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact"))
    assert "build/*.pdf" in upload["with"]["path"]
    assert workflow["permissions"]["pull-requests"] == "write"
    assert "tomllib" in scripts and 'pip install "$install"' in scripts
    gate = next(s for s in steps if "--require-approved" in s.get("run", ""))
    assert "default_branch" in gate["if"]
    signoff = workflow["jobs"]["sign-off"]["steps"]
    assert any("--require-approved" in s.get("run", "") for s in signoff)


def test_install_source_is_the_running_slagen_or_what_the_user_sets(tmp_path: Path) -> None:
    source = default_install_source()
    # this checkout is installed from its folder (pip install -e .): CI gets the same code
    assert source in (str(ROOT), f"slagen=={__version__}") or source.startswith("git+")
    assert default_install_source(ROOT.parent) in ("./" + ROOT.name, source)
    result = runner.invoke(app, ["init", str(tmp_path), "--install", "slagen==9.9"])
    assert result.exit_code == 0, result.output
    assert load_config(tmp_path / "slagen.toml").install == "slagen==9.9"


def test_init_makes_a_git_repository_when_asked(tmp_path: Path) -> None:
    result = runner.invoke(app, ["init", str(tmp_path / "a"), "--git"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "a" / ".git").is_dir() and "initialized a git repository" in result.output
    result = runner.invoke(app, ["init", str(tmp_path / "b")])
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "b" / ".git").exists()
    assert "git init" in result.output  # says what to run instead


def test_init_never_overwrites(tmp_path: Path) -> None:
    (tmp_path / "slagen.toml").write_text('language = "en"\n')
    (tmp_path / "agreements").mkdir()
    mine = tmp_path / "agreements" / "mine.yaml"
    mine.write_text("slagen: 1\n")
    result = runner.invoke(app, ["init", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "kept" in result.output
    assert (tmp_path / "slagen.toml").read_text() == 'language = "en"\n'
    assert [p.name for p in (tmp_path / "agreements").iterdir()] == [
        "mine.yaml"
    ]  # no example beside yours
    assert (tmp_path / ".github/workflows/slagen.yml").is_file()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('language = "fr"\n', "language"),
        ('colour = "blue"\n', "unknown setting"),
        ('templates = "nowhere"\n', "not found"),
        ('formats = ["docx"]\n', "formats"),
        ("language = \n", "not valid TOML"),
    ],
)
def test_config_errors_name_the_file(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "slagen.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=message) as info:
        load_config(path)
    assert str(path) in info.value.message


def test_config_is_found_in_a_parent_folder(tmp_path: Path) -> None:
    (tmp_path / "slagen.toml").write_text('[slagen]\ncurrency = "ARS"\n')
    (tmp_path / "agreements").mkdir()
    config = load_config(start=tmp_path / "agreements")
    assert config.currency == "ARS" and config.path == tmp_path / "slagen.toml"
    other = tmp_path / "no-config-here"
    other.mkdir()
    (tmp_path / "slagen.toml").unlink()
    assert load_config(start=other).path is None  # defaults without a file

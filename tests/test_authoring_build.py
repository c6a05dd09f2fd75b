"""slagen build: parallel, incremental, one broken agreement does not stop the others."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from slagen.cli import app
from tests.conftest import AGREEMENTS

runner = CliRunner()


def _repo(
    tmp_path: Path,
    formats: str = '["md", "html"]',
    names: tuple[str, ...] = (
        "northwind-marketing-sales",
        "helio-soporte-cliente",
        "compania-x-multinivel",
    ),
) -> Path:
    repo = tmp_path / "repo"
    (repo / "agreements").mkdir(parents=True)
    for name in names:
        shutil.copy(AGREEMENTS / f"{name}.yaml", repo / "agreements")
    (repo / "templates").mkdir()
    (repo / "slagen.toml").write_text(f'formats = {formats}\ntemplates = "templates"\n')
    return repo


def _build(repo: Path, *args: str) -> tuple[int, str, dict[str, object]]:
    result = runner.invoke(app, ["build", str(repo), *args])
    manifest_path = repo / "build" / "manifest.json"
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    return result.exit_code, result.output, manifest


def test_second_build_renders_nothing_and_changes_render_only_what_changed(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    code, output, manifest = _build(repo, "--jobs", "1")
    assert code == 0, output
    assert output.count("rendered ") == 3 and "3 rendered, 0 unchanged, 0 failed" in output
    entries = manifest["agreements"]
    assert set(entries) == {
        f"agreements/{n}.yaml"
        for n in ("northwind-marketing-sales", "helio-soporte-cliente", "compania-x-multinivel")
    }
    for entry in entries.values():
        assert entry["fingerprint"].startswith("sha256:")
        for out in entry["outputs"]:
            data = (repo / "build" / out["path"]).read_bytes()
            assert out["sha256"] == hashlib.sha256(data).hexdigest()
            assert out["fingerprint"] == entry["fingerprint"]
    mtimes = {p: p.stat().st_mtime_ns for p in (repo / "build").glob("*.html")}

    code, output, again = _build(repo)
    assert code == 0 and "0 rendered, 3 unchanged, 0 failed" in output
    assert again["agreements"] == entries
    assert {p: p.stat().st_mtime_ns for p in (repo / "build").glob("*.html")} == mtimes

    # one source changed → only that one
    helio = repo / "agreements" / "helio-soporte-cliente.yaml"
    helio.write_text(helio.read_text() + "\n# a comment\n")
    code, output, _ = _build(repo)
    assert code == 0 and "1 rendered, 2 unchanged" in output
    assert "rendered agreements/helio-soporte-cliente.yaml" in output

    # a template override changed → all of them
    (repo / "templates" / "notes.txt").write_text("any file in the templates folder counts\n")
    assert "3 rendered, 0 unchanged" in _build(repo)[1]

    # an output deleted → that one again
    (repo / "build" / "compania-x-multinivel.md").unlink()
    code, output, _ = _build(repo)
    assert (
        "1 rendered, 2 unchanged" in output
        and (repo / "build" / "compania-x-multinivel.md").exists()
    )

    # the config changed → all of them
    (repo / "slagen.toml").write_text('formats = ["md"]\ntemplates = "templates"\n')
    assert "3 rendered, 0 unchanged" in _build(repo)[1]


def test_a_broken_agreement_is_reported_and_the_others_render(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    (repo / "agreements" / "broken.yaml").write_text("slagen: 1\nid: [\n")
    bad = repo / "agreements" / "northwind-marketing-sales.yaml"
    (repo / "agreements" / "invalid.yaml").write_text(
        bad.read_text()
        .replace("id: northwind-marketing-sales", "id: invalid")
        .replace('close_rate: "15%"', "close_rate: 15")
    )
    code, output, manifest = _build(repo, "--jobs", "2")
    assert code == 1
    assert "3 rendered, 0 unchanged, 2 failed" in output
    assert "agreements/broken.yaml:3:1: error:" in output
    assert "invalid.yaml" in output and "close_rate" in output
    assert set(manifest["agreements"]) == {
        f"agreements/{n}.yaml"
        for n in ("northwind-marketing-sales", "helio-soporte-cliente", "compania-x-multinivel")
    }
    assert sorted(p.name for p in (repo / "build").glob("*.html")) == [
        "compania-x-multinivel.html",
        "helio-soporte-cliente.html",
        "northwind-marketing-sales.html",
    ]
    # still failing next time, the good ones skipped
    code, output, _ = _build(repo)
    assert code == 1 and "0 rendered, 3 unchanged, 2 failed" in output


def test_duplicate_ids_fail_the_second_file(tmp_path: Path) -> None:
    repo = _repo(tmp_path, names=("helio-soporte-cliente",))
    shutil.copy(
        repo / "agreements" / "helio-soporte-cliente.yaml", repo / "agreements" / "zz-copy.yaml"
    )
    code, output, manifest = _build(repo)
    assert code == 1 and "also the id of agreements/helio-soporte-cliente.yaml" in output
    assert list(manifest["agreements"]) == ["agreements/helio-soporte-cliente.yaml"]


def test_pdfs_in_parallel_processes(tmp_path: Path) -> None:
    repo = _repo(
        tmp_path, formats='["pdf"]', names=("helio-soporte-cliente", "compania-x-multinivel")
    )
    code, output, manifest = _build(repo, "-o", str(repo / "build"), "--jobs", "2")
    assert code == 0, output
    pdfs = sorted((repo / "build").glob("*.pdf"))
    assert [p.name for p in pdfs] == ["compania-x-multinivel.pdf", "helio-soporte-cliente.pdf"]
    assert all(p.read_bytes().startswith(b"%PDF") for p in pdfs)
    assert len(manifest["agreements"]) == 2


def test_no_agreements_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["build", str(tmp_path)])
    assert result.exit_code == 2 and "no agreement files" in result.output


@pytest.mark.parametrize("damage", ["{not json", '{"agreements": []}'])
def test_a_damaged_manifest_means_render_everything(tmp_path: Path, damage: str) -> None:
    repo = _repo(tmp_path, names=("helio-soporte-cliente",))
    assert _build(repo)[0] == 0
    (repo / "build" / "manifest.json").write_text(damage)
    code, output, _ = _build(repo)
    assert code == 0 and "1 rendered, 0 unchanged" in output


def test_build_keys_the_manifest_the_same_however_it_is_called(tmp_path: Path) -> None:
    import subprocess
    import sys

    repo = tmp_path / "repo"
    assert CliRunner().invoke(app, ["init", str(repo), "--no-git"]).exit_code == 0

    def build(*args: str, cwd: Path = repo) -> str:
        proc = subprocess.run(
            [sys.executable, "-m", "slagen", "build", *args, "--jobs", "1"],
            cwd=cwd,
            capture_output=True,
            text=True,
            check=True,
        )
        return proc.stdout + proc.stderr

    first = build()
    assert "1 rendered" in first
    for args, cwd in ((("agreements/", "-o", "build"), repo), ((str(repo),), tmp_path)):
        again = build(*args, cwd=cwd)
        assert "0 rendered, 1 unchanged" in again, again
    keys = list(json.loads((repo / "build" / "manifest.json").read_text())["agreements"])
    assert keys == ["agreements/example-company-marketing-sales.yaml"]
    assert str(repo) not in first  # paths printed relative to where the user stands

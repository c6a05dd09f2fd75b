"""`slagen render` takes its defaults from the nearest slagen.toml; options win."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import AGREEMENTS


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: PLW1510  (the test reads the exit code)
        [sys.executable, "-m", "slagen.cli", *args], cwd=cwd, capture_output=True, text=True
    )


def test_render_reads_output_and_formats_from_config(tmp_path: Path) -> None:
    (tmp_path / "agreements").mkdir()
    shutil.copy(AGREEMENTS / "compania-x-multinivel.yaml", tmp_path / "agreements")
    (tmp_path / "slagen.toml").write_text(
        'output = "docs-out"\nformats = ["md"]\n', encoding="utf-8"
    )
    done = run("render", "agreements/compania-x-multinivel.yaml", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (tmp_path / "docs-out").iterdir()) == ["compania-x-multinivel.md"]
    done = run(
        "render",
        "agreements/compania-x-multinivel.yaml",
        "--to",
        "html",
        "-o",
        "other",
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (tmp_path / "other").iterdir()) == ["compania-x-multinivel.html"]


def test_a_logo_setting_is_refused_with_where_the_logo_goes(tmp_path: Path) -> None:
    # It was checked for existence (even /etc/shadow) and never used.
    (tmp_path / "agreements").mkdir()
    shutil.copy(AGREEMENTS / "compania-x-multinivel.yaml", tmp_path / "agreements")
    (tmp_path / "slagen.toml").write_text('logo = "/etc/shadow"\n', encoding="utf-8")
    done = run("render", "agreements/compania-x-multinivel.yaml", "--to", "md", cwd=tmp_path)
    assert done.returncode == 2
    assert "logo: not a setting" in done.stderr and "assets/logo.svg" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "build").exists()


def test_a_huge_or_special_config_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "agreements").mkdir()
    shutil.copy(AGREEMENTS / "compania-x-multinivel.yaml", tmp_path / "agreements")
    (tmp_path / "slagen.toml").write_text("# padding\n" * 200_000, encoding="utf-8")
    done = run("render", "agreements/compania-x-multinivel.yaml", "--to", "md", cwd=tmp_path)
    assert done.returncode == 2
    assert "limited to" in done.stderr and "Traceback" not in done.stderr

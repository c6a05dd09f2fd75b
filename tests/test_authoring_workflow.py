"""The CI workflow that `slagen init` writes, run for real (not on GitHub).

The steps' shell scripts are taken from the generated YAML and run as GitHub
runs them (`bash -eo pipefail`), in a fresh virtual environment that installs
slagen with the workflow's own install step, on a real git repository with an
`origin` remote and a pull-request branch.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent


def _git(cwd: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Ana",
        "GIT_AUTHOR_EMAIL": "ana@example.com",
        "GIT_COMMITTER_NAME": "Ana",
        "GIT_COMMITTER_EMAIL": "ana@example.com",
    }
    proc = subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True
    )
    return proc.stdout


def _fresh_environment(tmp_path: Path) -> Path:
    """A new venv that sees this one's dependencies but not its slagen."""
    deps = tmp_path / "deps"
    deps.mkdir()
    site = Path(sysconfig.get_paths()["purelib"])
    for entry in site.iterdir():
        name = entry.name.lower()
        if name.startswith(("slagen", "_slagen", "__editable__")) or name.endswith(".pth"):
            continue
        (deps / entry.name).symlink_to(entry)
    venv = tmp_path / "fresh"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    fresh_site = next((venv / "lib").glob("python*/site-packages"))
    (fresh_site / "dependencies.pth").write_text(f"{deps}\n", encoding="utf-8")
    return venv


def _script(step: dict[str, Any], base_ref: str) -> str:
    text = str(step["run"])
    return text.replace("${{ github.base_ref }}", base_ref)


def _without_apt(script: str) -> str:
    kept: list[str] = []
    continued = False
    for line in script.splitlines():
        skip = continued or line.strip().startswith("sudo apt-get")
        continued = skip and line.rstrip().endswith("\\")
        if not skip:
            kept.append(line)
    return "\n".join(kept)


def _run_step(
    step: dict[str, Any], cwd: Path, env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: PLW1510  (the test reads the exit code)
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", _script(step, "main")],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_generated_workflow_runs_on_a_real_repository(tmp_path: Path) -> None:
    venv = _fresh_environment(tmp_path)
    origin = tmp_path / "origin.git"
    _git(tmp_path, "init", "--quiet", "--bare", "-b", "main", str(origin))

    work = tmp_path / "work"
    slagen = [sys.executable, "-m", "slagen"]
    subprocess.run(
        [*slagen, "init", str(work), "--git", "--lang", "en", "--install", str(ROOT)],
        check=True,
        capture_output=True,
    )
    _git(work, "checkout", "--quiet", "-b", "main")
    _git(work, "add", ".")
    _git(work, "commit", "--quiet", "-m", "scaffold")
    _git(work, "remote", "add", "origin", str(origin))
    _git(work, "push", "--quiet", "origin", "main")
    _git(work, "fetch", "--quiet", "origin")

    # The pull request: a mid-year reset of the example agreement.
    _git(work, "checkout", "--quiet", "-b", "reset")
    [agreement] = (work / "agreements").glob("*.yaml")
    text = agreement.read_text(encoding="utf-8")
    first = (
        "revision:\n  number: 1\n  date: 2026-01-01\n  summary: First version of the agreement.\n"
    )
    assert first in text
    reset = (
        "revision:\n  number: 2\n  date: 2026-07-01\n  summary: Mid-year reset.\n"
        "history:\n  - number: 1\n    date: 2026-01-01\n"
        "    summary: First version of the agreement.\n"
    )
    agreement.write_text(text.replace(first, reset).replace("title: ", "title: Revised ", 1))
    _git(work, "commit", "--quiet", "-am", "reset")

    workflow = yaml.safe_load((work / ".github/workflows/slagen.yml").read_text())
    steps = {s.get("name"): s for s in workflow["jobs"]["agreements"]["steps"]}
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHON"))},
        "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}",
        "PIP_NO_BUILD_ISOLATION": "0",  # hatchling comes from the shared dependencies
        "PIP_NO_INDEX": "1",  # everything slagen needs is already there: no network
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    }

    # The runner's apt-get lines install pango and fonts, which this machine has already.
    install = _run_step({"run": _without_apt(steps["Install slagen"]["run"])}, work, env)
    assert install.returncode == 0, install.stdout + install.stderr
    assert f"pip install {ROOT}" in install.stdout  # the source written by init
    assert (venv / "bin" / "slagen").exists()

    validate = _run_step(
        steps["Validate (with the reset checks against the base branch)"], work, env
    )
    assert validate.returncode == 0, validate.stdout + validate.stderr

    describe = _run_step(steps["Describe the changes"], work, env)
    assert describe.returncode == 0, describe.stdout + describe.stderr
    comment = (work / "slagen-diff.md").read_text(encoding="utf-8")
    assert agreement.stem in comment and "Revised" in comment and "revision 1" in comment

    gate = workflow["jobs"]["sign-off"]["steps"][-1]
    unapproved = _run_step(gate, work, env)
    assert unapproved.returncode == 1, unapproved.stdout + unapproved.stderr
    assert "approv" in unapproved.stdout + unapproved.stderr

    render = _run_step(steps["Render"], work, env)
    assert render.returncode == 0, render.stdout + render.stderr
    assert (work / "build" / "manifest.json").is_file()
    assert list((work / "build").glob("*.pdf"))

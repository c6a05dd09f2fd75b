"""The pre-commit hooks of .pre-commit-hooks.yaml, run the way pre-commit runs them.

pre-commit itself needs the network to install a hook's repository, so this
emulates it: select files with the hook's ``files`` pattern, then run its
``entry`` split like a shell would, with the selected files appended, and the
installed ``slagen`` first on PATH.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import AGREEMENTS, ROOT

HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def _run_hook(
    hook: dict[str, object], repo: Path, changed: list[str]
) -> subprocess.CompletedProcess[str]:
    selected = [f for f in changed if re.search(str(hook["files"]), f)]
    assert selected, "the hook must select the agreement files"
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    args = hook.get("args") or []
    assert isinstance(args, list)
    command = [*shlex.split(str(hook["entry"])), *map(str, args), *selected]
    return subprocess.run(
        command, check=False, cwd=repo, env=env, capture_output=True, text=True, timeout=60
    )


def test_hook_definitions_are_what_pre_commit_expects() -> None:
    assert {h["id"] for h in HOOKS} == {"slagen-validate", "slagen-validate-strict"}
    for hook in HOOKS:
        assert {"id", "name", "entry", "language"} <= set(hook)
        assert hook["language"] == "python"  # installs this repository with pip
        assert shlex.split(hook["entry"])[0] == "slagen"  # the console script of pyproject.toml
        pattern = re.compile(hook["files"])
        assert pattern.search("agreements/acme.yaml") and pattern.search("agreements/team/acme.yml")
        assert not pattern.search("README.md") and not pattern.search(
            "schemas/agreement.schema.json"
        )


@pytest.mark.parametrize("hook", HOOKS, ids=[h["id"] for h in HOOKS])
def test_hook_fails_a_commit_with_a_broken_agreement(
    tmp_path: Path, hook: dict[str, object]
) -> None:
    (tmp_path / "agreements").mkdir()
    good = AGREEMENTS / "helio-soporte-cliente.yaml"
    shutil.copy(good, tmp_path / "agreements")
    broken = tmp_path / "agreements" / "broken.yaml"
    broken.write_text(
        good.read_text(encoding="utf-8")
        .replace("id: helio-soporte-cliente", "id: broken")
        .replace("window: monthly", "window: hourly", 1),
        encoding="utf-8",
    )
    changed = ["README.md", "agreements/helio-soporte-cliente.yaml", "agreements/broken.yaml"]

    failed = _run_hook(hook, tmp_path, changed)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "agreements/broken.yaml:" in failed.stdout and "window" in failed.stdout
    assert "Traceback" not in failed.stderr

    passed = _run_hook(hook, tmp_path, ["agreements/helio-soporte-cliente.yaml"])
    assert passed.returncode == 0, passed.stdout + passed.stderr


def test_init_uses_a_hook_this_repository_defines(tmp_path: Path) -> None:
    from slagen.authoring.init import init_repository

    init_repository(tmp_path)
    config = yaml.safe_load((tmp_path / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    used = {h["id"] for repo in config["repos"] for h in repo["hooks"]}
    assert used <= {h["id"] for h in HOOKS}

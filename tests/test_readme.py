"""README's Quick start, pasted line by line into a shell, works (as sqlite-utils and mkdocs test)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def quick_start_lines() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.DOTALL)
    assert block, "README's Quick start has no sh block"
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_quick_start_runs_in_a_fresh_shell(tmp_path: Path) -> None:
    lines = quick_start_lines()
    assert lines[0].startswith(". .venv/bin/activate")
    # The setup command made `.venv` in the checkout; a fresh folder with that
    # environment stands in for it, so nothing is written to the checkout.
    (tmp_path / ".venv").symlink_to(Path(sys.prefix))
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env["PATH"] = "/usr/local/bin:/usr/bin:/bin"  # no slagen on PATH until the first line
    env["GIT_AUTHOR_NAME"] = env["GIT_COMMITTER_NAME"] = "Ana"
    env["GIT_AUTHOR_EMAIL"] = env["GIT_COMMITTER_EMAIL"] = "ana@example.com"
    script = "set -e\n" + "".join(f"echo '+ {i}'\n{line}\n" for i, line in enumerate(lines))
    proc = subprocess.run(  # noqa: PLW1510  (the test reads the exit code)
        ["bash", "--noprofile", "--norc", "-c", script],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, f"line failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}"
    repo = tmp_path / "my-slas"
    assert (repo / ".git").is_dir()
    assert (repo / "build" / "acme-sales.pdf").is_file()


def test_the_readme_counts_the_hostile_inputs_it_claims() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    agreements = len(list((ROOT / "tests/cases/invalid").glob("*.yaml")))
    actuals = len(list((ROOT / "tests/cases/actuals").glob("*.expected.json")))
    assert f"feeds it {agreements} broken or hostile agreements and {actuals} broken CSV" in text


def test_ci_runs_exactly_the_test_command_readme_gives() -> None:
    setup = README.split("Install and pass the tests:", 1)[1]
    block = re.search(r"```sh\n(.*?)```", setup, re.DOTALL)
    assert block, "README gives no command that installs and passes the tests"
    test_command = block.group(1).strip().rsplit(" && ", 1)[-1]
    assert test_command.startswith(".venv/bin/python -m pytest")
    assert f"The test command is `{test_command}`" in README
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test_command in ci

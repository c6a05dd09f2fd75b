"""A team's template override runs in Jinja's sandbox: no way to Python internals or the OS."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import AGREEMENTS

ESCAPES = [
    "{{ cycler.__init__.__globals__.os.popen('echo PWNED').read() }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ self._TemplateReference__context }}",
    "{{ lipsum.__globals__['os'].popen('echo PWNED').read() }}",
    "{{ joiner.__init__.__globals__ }}",
    "{{ agreement.__class__.__init__.__globals__ }}",
    "{{ party_name.__globals__ }}",
    "{{ '{0.__class__}'.format(agreement) }}",
]


def _repo(tmp_path: Path, body: str) -> Path:
    (tmp_path / "agreements").mkdir()
    shutil.copy(AGREEMENTS / "compania-x-multinivel.yaml", tmp_path / "agreements")
    (tmp_path / "tpl" / "sections").mkdir(parents=True)
    (tmp_path / "tpl" / "sections" / "summary.md.j2").write_text(body + "\n", encoding="utf-8")
    (tmp_path / "slagen.toml").write_text('templates = "tpl"\nformats = ["md"]\n')
    return tmp_path


@pytest.mark.parametrize("body", ESCAPES)
def test_template_cannot_escape_the_sandbox(tmp_path: Path, body: str) -> None:
    repo = _repo(tmp_path, body)
    done = subprocess.run(  # noqa: PLW1510  (the test reads the exit code)
        [sys.executable, "-m", "slagen.cli", "render", "agreements/compania-x-multinivel.yaml"],
        cwd=repo,
        capture_output=True,
        text=True,
    )
    out = repo / "build" / "compania-x-multinivel.md"
    text = out.read_text(encoding="utf-8") if out.exists() else ""
    assert "PWNED" not in text + done.stdout + done.stderr
    assert "__globals__" not in text and "<class" not in text and "subclasses" not in text
    assert "Traceback" not in done.stderr
    # Refused as a template error (exit 2) and no half-written document left behind.
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert "template error" in done.stderr
    assert not out.exists()


def test_an_ordinary_override_still_renders(tmp_path: Path) -> None:
    repo = _repo(tmp_path, "Team summary for {{ agreement.id }}.")
    done = subprocess.run(  # noqa: PLW1510
        [sys.executable, "-m", "slagen.cli", "render", "agreements/compania-x-multinivel.yaml"],
        cwd=repo,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    text = (repo / "build" / "compania-x-multinivel.md").read_text(encoding="utf-8")
    assert "Team summary for compania-x-multinivel." in text

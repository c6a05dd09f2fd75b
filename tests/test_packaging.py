"""The wheel carries the schema and templates: slagen works from any folder."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import ROOT


def test_wheel_ships_schema_and_templates_and_works_elsewhere(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(dist),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("slagen-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "slagen/schemas/agreement.schema.json" in names
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    agreement = elsewhere / "company.yaml"
    agreement.write_bytes((ROOT / "agreements" / "compania-x-multinivel.yaml").read_bytes())
    code = (
        "import sys, slagen.core.resources as r; "
        "assert r.schema_path().is_file(), r.schema_path(); "
        f"assert str(r.schema_path()).startswith({str(site)!r}), r.schema_path(); "
        "from slagen.cli import main; sys.argv=['slagen','validate','company.yaml']; main()"
    )
    proc = subprocess.run(  # noqa: PLW1510  (the test reads the exit code)
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(site)!r}); " + code],
        cwd=elsewhere,
        capture_output=True,
        text=True,
    )
    assert proc.returncode in (0, 1), proc.stderr
    assert "Traceback" not in proc.stderr
    assert "company.yaml" in proc.stdout

"""`slagen validate --fingerprints`: the fingerprint of docs/signoff.md in validate's JSON output."""

from __future__ import annotations

import json
import subprocess
import sys

from slagen.core.fingerprint import compute_fingerprint, sha256_function
from slagen.core.loader import load_file
from tests.conftest import ROOT

FILE = "agreements/compania-x-multinivel.yaml"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: PLW1510  (the test reads the exit code)
        [sys.executable, "-m", "slagen.cli", *args], cwd=ROOT, capture_output=True, text=True
    )


def test_json_carries_the_fingerprint_as_an_info_entry() -> None:
    proc = run("validate", FILE, "--format", "json", "--fingerprints", "--strict")
    assert proc.returncode == 0, proc.stderr
    [entry] = json.loads(proc.stdout)
    expected = compute_fingerprint(load_file(ROOT / FILE).data)
    assert entry["severity"] == "info" and entry["code"] == "fingerprint"
    assert entry["fingerprint"] == expected and expected in entry["message"]
    assert "awaiting approval by marketing, ventas, servicio" in entry["message"]


def test_default_json_is_the_plain_list_of_findings() -> None:
    proc = run("validate", FILE, "--format", "json")
    assert proc.returncode == 0 and json.loads(proc.stdout) == []


def test_github_format_makes_it_a_notice() -> None:
    proc = run("validate", FILE, "--format", "github", "--fingerprints")
    assert proc.stdout.startswith("::notice file=agreements/compania-x-multinivel.yaml,line=")


def test_the_fingerprint_is_hashlibs_sha256_of_the_canonical_json() -> None:
    import hashlib

    from slagen.core.fingerprint import canonical_json

    data = load_file(FILE).data
    expected = hashlib.sha256(canonical_json(data).encode("utf-8")).hexdigest()
    assert compute_fingerprint(data) == "sha256:" + expected
    for text in (b"", b"abc", "ñandú €".encode(), b"x" * 1_000_003):
        assert sha256_function()(text).hexdigest() == hashlib.sha256(text).hexdigest()

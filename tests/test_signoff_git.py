"""Approvals proven by signed git commits: real repositories, real SSH keys from ssh-keygen."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from slagen.cli import app
from slagen.core.validate import load_agreement
from slagen.signoff.approve import approve
from slagen.signoff.gitproof import authenticate_approvals, commit_approval

ROOT = Path(__file__).resolve().parent.parent
CASE = ROOT / "tests" / "cases" / "valid" / "quoted-dates.yaml"  # reps: Ana Ruiz, Ben Ortiz
runner = CliRunner()
pytestmark = pytest.mark.skipif(
    shutil.which("ssh-keygen") is None or shutil.which("git") is None,
    reason="needs git and ssh-keygen",
)


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=repo, capture_output=True, text=True, check=True
    ).stdout


def _key(folder: Path, name: str) -> tuple[Path, str]:
    key = folder / name
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(key)], check=True
    )
    return key, (folder / f"{name}.pub").read_text().strip()


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    keys = tmp_path / "keys"
    keys.mkdir()
    ana, ana_pub = _key(keys, "ana")
    ben, ben_pub = _key(keys, "ben")
    mallory, _ = _key(keys, "mallory")
    signers = tmp_path / "allowed_signers"
    # principals are the representatives' names (they have no e-mail in this agreement)
    signers.write_text(f'"Ana Ruiz" {ana_pub}\n"Ben Ortiz" {ben_pub}\n', encoding="utf-8")
    work = tmp_path / "work"
    (work / "agreements").mkdir(parents=True)
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))  # no user git config leaks in
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    _git(work, "init", "--quiet", "-b", "main")
    for key, value in [
        ("user.name", "Ana Ruiz"),
        ("user.email", "ana@example.com"),
        ("gpg.format", "ssh"),
        ("user.signingkey", str(ana)),
        ("commit.gpgsign", "false"),
    ]:
        _git(work, "config", key, value)
    agreement = work / "agreements" / "quoted-dates.yaml"
    shutil.copy(CASE, agreement)
    _git(work, "add", ".")
    _git(work, "commit", "--quiet", "-m", "draft")
    return {
        "work": work,
        "agreement": agreement,
        "signers": signers,
        "ana": ana,
        "ben": ben,
        "mallory": mallory,
    }


def _approve_signed(repo: dict[str, Path], party: str, name: str, key: Path) -> str:
    _git(repo["work"], "config", "user.signingkey", str(key))
    result = approve(repo["agreement"], party, name)
    return commit_approval(repo["agreement"], party, result.approval.fingerprint)


def _states(repo: dict[str, Path]) -> dict[str, str]:
    agreement, _ = load_agreement(repo["agreement"])
    return {
        a.party: a.status
        for a in authenticate_approvals(repo["agreement"], agreement, repo["signers"])
    }


def test_a_signed_approval_verifies_and_one_signed_by_another_key_does_not(
    repo: dict[str, Path],
) -> None:
    _approve_signed(repo, "marketing", "Ana Ruiz", repo["ana"])
    _approve_signed(repo, "sales", "Ben Ortiz", repo["mallory"])  # signed, but not Ben's key
    assert _states(repo) == {"marketing": "authenticated", "sales": "untrusted"}
    agreement, _ = load_agreement(repo["agreement"])
    auths = authenticate_approvals(repo["agreement"], agreement, repo["signers"])
    ana = auths[0]
    assert ana.principal == "Ana Ruiz" and ana.key and ana.key.startswith("SHA256:")
    assert "authenticated: commit" in ana.describe()


def test_a_key_of_another_representative_does_not_prove_this_party(repo: dict[str, Path]) -> None:
    _approve_signed(repo, "sales", "Ben Ortiz", repo["ana"])  # Ana's valid key, Ben's party
    assert _states(repo)["sales"] == "untrusted"


def test_a_yaml_only_approval_is_labelled_unauthenticated(repo: dict[str, Path]) -> None:
    approve(repo["agreement"], "marketing", "Ana Ruiz")  # not committed at all
    assert _states(repo)["marketing"] == "unauthenticated"
    _git(repo["work"], "commit", "--quiet", "-am", "approval, unsigned")
    assert _states(repo)["marketing"] == "unsigned"


def test_a_changed_agreement_makes_every_approval_stale(repo: dict[str, Path]) -> None:
    _approve_signed(repo, "marketing", "Ana Ruiz", repo["ana"])
    _approve_signed(repo, "sales", "Ben Ortiz", repo["ben"])
    assert _states(repo) == {"marketing": "authenticated", "sales": "authenticated"}
    text = repo["agreement"].read_text(encoding="utf-8")
    repo["agreement"].write_text(text.replace("within a day", "within two days"), encoding="utf-8")
    _git(repo["work"], "commit", "--quiet", "-am", "change after sign-off")
    assert _states(repo) == {"marketing": "not-approved", "sales": "not-approved"}


def test_validate_reports_who_approved_with_which_key(repo: dict[str, Path]) -> None:
    _approve_signed(repo, "marketing", "Ana Ruiz", repo["ana"])
    approve(repo["agreement"], "sales", "Ben Ortiz")
    _git(repo["work"], "commit", "--quiet", "-am", "sales approves, unsigned")
    cwd = os.getcwd()
    os.chdir(repo["work"])
    try:
        result = runner.invoke(
            app,
            [
                "validate",
                "agreements/quoted-dates.yaml",
                "--require-approved",
                "--allowed-signers",
                str(repo["signers"]),
                "--format",
                "json",
            ],
        )
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    codes = {f["code"]: f for f in json.loads(result.output)}
    assert codes["approval-authenticated"]["severity"] == "info"
    assert "signed by Ana Ruiz" in codes["approval-authenticated"]["message"]
    assert codes["approval-unsigned"]["severity"] == "warning"


def test_approve_git_makes_the_signed_commit(repo: dict[str, Path]) -> None:
    _git(repo["work"], "config", "user.signingkey", str(repo["ben"]))
    result = runner.invoke(
        app, ["approve", str(repo["agreement"]), "--party", "sales", "--name", "Ben Ortiz", "--git"]
    )
    assert result.exit_code == 0, result.output
    assert "signed commit" in result.output
    assert _states(repo)["sales"] == "authenticated"
    assert _git(repo["work"], "status", "--porcelain") == ""  # nothing left uncommitted


def _verify(repo: dict[str, Path]) -> Any:
    from slagen.documents.render import render_pdf
    from slagen.signoff.verify import verify_pdf

    agreement, targets = load_agreement(repo["agreement"])
    pdf = render_pdf(agreement, targets)
    return verify_pdf(
        pdf,
        repo["agreement"],
        allow_unsigned=True,  # the PDF signatures are another test's subject
        check_pages=False,
        allowed_signers=repo["signers"],
    )


def test_verify_reports_who_proved_each_approval_and_fails_a_forged_one(
    repo: dict[str, Path],
) -> None:
    from slagen.signoff.verdict import format_report

    _approve_signed(repo, "marketing", "Ana Ruiz", repo["ana"])
    _approve_signed(repo, "sales", "Ben Ortiz", repo["mallory"])  # Mallory signs for Ben
    report = _verify(repo)
    by_party = {a["party"]: a for a in report.approvals}
    assert by_party["marketing"]["status"] == "authenticated"
    assert by_party["marketing"]["principal"] == "Ana Ruiz"
    assert by_party["marketing"]["key"].startswith("SHA256:")
    assert by_party["sales"]["status"] == "untrusted"
    assert not report.ok
    assert any(p.startswith("approval of sales:") for p in report.all_problems)
    text = format_report(report)
    assert "approvals proven in git:" in text and "marketing: approved by Ana Ruiz" in text
    assert json.loads(json.dumps(report.as_dict()))["approvals"][0]["party"] == "marketing"


def test_verify_passes_when_every_approval_is_proven_by_its_representative(
    repo: dict[str, Path],
) -> None:
    _approve_signed(repo, "marketing", "Ana Ruiz", repo["ana"])
    _approve_signed(repo, "sales", "Ben Ortiz", repo["ben"])
    report = _verify(repo)
    assert [a["status"] for a in report.approvals] == ["authenticated", "authenticated"]
    assert report.ok, report.all_problems


def test_the_verify_command_names_the_forged_approval(repo: dict[str, Path]) -> None:
    from slagen.documents.render import render_pdf

    _approve_signed(repo, "marketing", "Ana Ruiz", repo["ana"])
    _approve_signed(repo, "sales", "Ben Ortiz", repo["mallory"])
    agreement, targets = load_agreement(repo["agreement"])
    pdf = repo["work"] / "quoted-dates.pdf"
    pdf.write_bytes(render_pdf(agreement, targets))
    result = runner.invoke(
        app,
        [
            "verify",
            str(pdf),
            "--agreement",
            str(repo["agreement"]),
            "--allow-unsigned",
            "--allowed-signers",
            str(repo["signers"]),
        ],
    )
    assert result.exit_code == 1
    assert "approvals proven in git:" in result.output
    assert "sales: approved by Ben Ortiz in commit" in result.output
    assert "NOT verified" in result.output

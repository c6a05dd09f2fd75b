"""Approvals proven by signed git commits (sign-off stage), checked with git's own machinery.

An ``approvals`` entry in YAML is a claim anyone can type. It becomes evidence
when a commit signed by the party's representative records it: the commit's
tree holds the agreement with the approved fingerprint, and git verifies the
signature against an allowed-signers file (git's ``gpg.ssh.allowedSignersFile``
format: ``PRINCIPAL [options] KEYTYPE KEY``) that maps each representative's
e-mail (or name) to a key. GPG-signed commits are checked the same way by git
with the keys in the user's keyring.

The commit is the approval's ``proof.commit`` when given, otherwise the oldest
commit of the file's history whose agreement carries that approval (the commit
that added it). Each party gets one of: ``authenticated`` (good signature by a
principal that names the representative), ``untrusted`` (signed, but by a key
the allowed-signers file does not map to the representative), ``unsigned``,
``mismatch`` (the commit's agreement is not the approved content), or
``unauthenticated`` (no commit found: the approval exists only in YAML).

Stage: sign-off.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from slagen.core.errors import AgreementError, FileAccessError, UsageError
from slagen.core.model import Agreement

__all__ = ["PartyAuthentication", "authenticate_approvals", "commit_approval"]

MAX_COMMITS = 500
_GOOD = {"G"}  # git: good signature from a trusted principal
_SIGNED_UNTRUSTED = {"U", "X", "Y", "R", "E", "B"}


@dataclass(frozen=True)
class PartyAuthentication:
    party: str
    status: str  # authenticated | untrusted | unsigned | mismatch | unauthenticated | not-approved
    name: str | None = None
    commit: str | None = None
    when: str | None = None
    principal: str | None = None
    key: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            k: getattr(self, k)
            for k in ("party", "status", "name", "commit", "when", "principal", "key")
        }

    def describe(self) -> str:
        commit = (self.commit or "")[:12]
        if self.status == "authenticated":
            return (
                f"approved by {self.name}, authenticated: commit {commit} of {self.when} signed by "
                f"{self.principal} ({self.key})"
            )
        if self.status == "untrusted":
            signer = self.principal or "an unknown signer"
            return (
                f"approved by {self.name} in commit {commit}, signed by {signer} ({self.key}), a key "
                "the allowed-signers file does not give to the representative"
            )
        if self.status == "unsigned":
            return f"approved by {self.name} in commit {commit}, which is not signed"
        if self.status == "mismatch":
            return f"commit {commit} does not hold the approved content"
        if self.status == "unauthenticated":
            return f"approved by {self.name} in the YAML only (no commit records it)"
        return "not approved"


def _git(
    repo: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    git = shutil.which("git")
    if git is None:
        raise UsageError("git is not installed", hint="approvals are proven by git commits")
    return subprocess.run(
        [git, "-C", str(repo), *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **(env or {}), "GIT_TERMINAL_PROMPT": "0"},
        timeout=60,
    )


def _repository(path: Path) -> tuple[Path, str]:
    proc = _git(path.parent, "rev-parse", "--show-toplevel")
    if proc.returncode != 0:
        raise UsageError(f"{path}: not in a git repository", hint="approvals are proven by commits")
    root = Path(proc.stdout.strip())
    return root, path.resolve().relative_to(root.resolve()).as_posix()


def _approvals_at(repo: Path, commit: str, relpath: str) -> list[dict[str, Any]] | None:
    from slagen.core.loader import load_text

    proc = _git(repo, "show", f"{commit}:{relpath}")
    if proc.returncode != 0:
        return None
    try:
        data = load_text(proc.stdout, relpath).data
    except AgreementError:
        return None
    approvals = data.get("approvals") if isinstance(data, dict) else None
    return [a for a in approvals if isinstance(a, dict)] if isinstance(approvals, list) else []


def _fingerprint_at(repo: Path, commit: str, relpath: str) -> str | None:
    from slagen.core.validate import validate_text

    proc = _git(repo, "show", f"{commit}:{relpath}")
    if proc.returncode != 0:
        return None
    result = validate_text(proc.stdout, relpath)
    return result.agreement.fingerprint if result.agreement is not None else None


def _adding_commit(repo: Path, relpath: str, party: str, fingerprint: str) -> str | None:
    proc = _git(repo, "log", f"--max-count={MAX_COMMITS}", "--format=%H", "--", relpath)
    for commit in reversed(proc.stdout.split()):  # oldest first
        for entry in _approvals_at(repo, commit, relpath) or []:
            if entry.get("party") == party and entry.get("fingerprint") == fingerprint:
                return commit
    return None


def _signature(repo: Path, commit: str, allowed_signers: Path | None) -> tuple[str, str, str, str]:
    config = []
    if allowed_signers is not None:
        config = ["-c", f"gpg.ssh.allowedSignersFile={allowed_signers.resolve()}"]
    proc = _git(repo, *config, "log", "-1", "--format=%G?%x00%GS%x00%GF%x00%cI", commit)
    status, signer, key, when = (proc.stdout.strip("\n").split("\x00") + ["", "", "", ""])[:4]
    return status, signer, key, when


def _names_representative(principal: str, agreement: Agreement, party: str) -> bool:
    rep = agreement.party(party).representative
    wanted = {rep.name.casefold()}
    if rep.email:
        wanted.add(rep.email.casefold())
    return principal.casefold() in wanted


def authenticate_approvals(
    path: str | Path, agreement: Agreement, allowed_signers: str | Path | None
) -> list[PartyAuthentication]:
    """Each party's current approval, with the commit that proves it (or why none does).

    Raises:
        UsageError: git is missing or the file is not in a git repository.
        FileAccessError: the allowed-signers file cannot be read.
    """
    signers = Path(allowed_signers) if allowed_signers is not None else None
    if signers is not None and not signers.is_file():
        raise FileAccessError(f"{signers}: no such allowed-signers file")
    repo, relpath = _repository(Path(path))
    raw = _approvals_at(repo, "HEAD", relpath)  # proof fields as committed
    proofs = {
        (a.get("party"), a.get("fingerprint")): a["proof"].get("commit")
        for a in raw or []
        if isinstance(a.get("proof"), dict)
    }
    result = []
    for party in agreement.parties:
        approval = agreement.current_approval(party.id)
        if approval is None:
            result.append(PartyAuthentication(party.id, "not-approved"))
            continue
        commit = proofs.get((party.id, approval.fingerprint)) or _adding_commit(
            repo, relpath, party.id, approval.fingerprint
        )
        if commit is None:
            result.append(PartyAuthentication(party.id, "unauthenticated", approval.name))
            continue
        if _fingerprint_at(repo, commit, relpath) != approval.fingerprint:
            result.append(PartyAuthentication(party.id, "mismatch", approval.name, commit))
            continue
        status, signer, key, when = _signature(repo, commit, signers)
        if status == "N" or not status:
            state = "unsigned"
        elif status in _GOOD and _names_representative(signer, agreement, party.id):
            state = "authenticated"
        else:
            state = "untrusted"
        result.append(
            PartyAuthentication(
                party.id, state, approval.name, commit, when, signer or None, key or None
            )
        )
    return result


def commit_approval(path: str | Path, party: str, fingerprint: str) -> str:
    """Commit the agreement file, signed (``git commit -S``), and return the commit's hash.

    git signs with the user's configured key (``user.signingkey``, ``gpg.format``).

    Raises:
        UsageError: git refuses (no signing key, nothing to commit).
    """
    repo, relpath = _repository(Path(path))
    message = f"Approve {relpath} for {party}\n\nFingerprint: {fingerprint}\n"
    proc = _git(repo, "commit", "-S", "--quiet", "-m", message, "--", relpath)
    if proc.returncode != 0:
        raise UsageError(
            f"git commit -S failed: {proc.stderr.strip() or proc.stdout.strip()}",
            hint="set a signing key: git config user.signingkey KEY (and gpg.format ssh for SSH keys)",
        )
    return _git(repo, "rev-parse", "HEAD").stdout.strip()

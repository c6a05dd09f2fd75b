"""Pull-request approvals (sign-off stage): which parties approved the current head.

Two inputs, both read from files so nothing here touches the network:

- an **approvers file**, CODEOWNERS-style: one line per party, ``PARTY @login
  [@login …]``, optionally preceded by a path pattern so that different
  agreements have different approvers (``agreements/emea-*.yaml marketing
  @ines``); ``#`` starts a comment; the last matching line wins, as in CODEOWNERS;
- a pull request's reviews and commits as the GitHub CLI prints them:
  ``gh pr view N --json reviews,commits,headRefOid > pr.json``.

A party has approved when one of its people's latest review is ``APPROVED`` and
was given on the head commit (a review on an earlier commit is stale: the
agreement may have changed since). A later ``CHANGES_REQUESTED`` or
``DISMISSED`` review by the same person withdraws the approval. GitHub
authenticates the reviewer; this module only reads what it recorded.

Stage: sign-off.
"""

from __future__ import annotations

import fnmatch
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from slagen.core.errors import FileAccessError, UsageError

__all__ = [
    "ApproverRule",
    "PartyApproval",
    "PullRequest",
    "Review",
    "approvals_for",
    "parse_approvers",
    "parse_pull_request",
]

MAX_BYTES = 5_000_000
_LOGIN = re.compile(r"^@?([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))$")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class ApproverRule:
    pattern: str  # "*" when the line names no path
    party: str
    logins: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class Review:
    login: str
    state: str
    submitted_at: str
    commit: str | None


@dataclass(frozen=True)
class PullRequest:
    head: str
    reviews: tuple[Review, ...]
    commits: tuple[str, ...]  # oldest first


@dataclass(frozen=True)
class PartyApproval:
    """One party's state on the pull request's head."""

    party: str
    status: str  # approved | stale | missing | no-approvers
    login: str | None = None
    submitted_at: str | None = None
    commit: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "party": self.party,
            "status": self.status,
            "login": self.login,
            "submitted_at": self.submitted_at,
            "commit": self.commit,
        }


def _read(path: str | Path, what: str) -> str:
    file = Path(path)
    try:
        if not file.is_file():
            raise FileAccessError(f"{file}: not a file", hint=f"give the {what} file")
        if file.stat().st_size > MAX_BYTES:
            raise UsageError(
                f"{file}: larger than {MAX_BYTES:,} bytes", hint=f"is this the {what}?"
            )
        return file.read_text(encoding="utf-8")
    except OSError as exc:
        raise FileAccessError(f"{file}: cannot read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise UsageError(f"{file}: not UTF-8 text") from exc


def parse_approvers(path: str | Path) -> tuple[ApproverRule, ...]:
    """Read an approvers file.

    Raises:
        UsageError: a line that names no party or no login, with its line number.
        FileAccessError: the file cannot be read.
    """
    rules = []
    for number, raw in enumerate(_read(path, "approvers").splitlines(), 1):
        text = raw.split("#", 1)[0].strip()
        if not text:
            continue
        tokens = text.split()
        pattern = "*"
        if not _SLUG.match(tokens[0]):
            pattern, tokens = tokens[0], tokens[1:]
        if not tokens or not _SLUG.match(tokens[0]):
            raise UsageError(
                f"{path}:{number}: expected a party id", hint="write: PARTY @login [@login …]"
            )
        logins = []
        for token in tokens[1:]:
            match = _LOGIN.match(token)
            if match is None:
                raise UsageError(f"{path}:{number}: {token!r} is not a GitHub login")
            logins.append(match.group(1).lower())
        if not logins:
            raise UsageError(
                f"{path}:{number}: party {tokens[0]} has no approver", hint="add @login"
            )
        rules.append(ApproverRule(pattern, tokens[0], tuple(logins), number))
    return tuple(rules)


def parse_pull_request(path: str | Path) -> PullRequest:
    """Read ``gh pr view --json reviews,commits,headRefOid`` output.

    Raises:
        UsageError: the file is not that JSON.
    """
    try:
        data = json.loads(_read(path, "pull request JSON"))
    except ValueError as exc:
        raise UsageError(f"{path}: not JSON: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("reviews"), list):
        raise UsageError(
            f"{path}: no reviews list",
            hint="make it with: gh pr view N --json reviews,commits,headRefOid",
        )
    commits = tuple(
        str(c["oid"]) for c in data.get("commits") or [] if isinstance(c, dict) and c.get("oid")
    )
    head = data.get("headRefOid") or (commits[-1] if commits else None)
    if not isinstance(head, str) or not head:
        raise UsageError(f"{path}: no head commit", hint="include headRefOid or commits")
    reviews = []
    for item in data["reviews"]:
        if not isinstance(item, dict):
            continue
        raw_author, raw_commit = item.get("author"), item.get("commit")
        author: dict[str, Any] = raw_author if isinstance(raw_author, dict) else {}
        commit: dict[str, Any] = raw_commit if isinstance(raw_commit, dict) else {}
        login = author.get("login")
        if isinstance(login, str) and login:
            reviews.append(
                Review(
                    login.lower(),
                    str(item.get("state", "")),
                    str(item.get("submittedAt", "")),
                    commit.get("oid") if isinstance(commit.get("oid"), str) else None,
                )
            )
    return PullRequest(head, tuple(reviews), commits)


def _approvers(rules: Sequence[ApproverRule], agreement_file: str) -> dict[str, tuple[str, ...]]:
    by_party: dict[str, tuple[str, ...]] = {}
    for rule in rules:  # the last matching line wins
        if rule.pattern == "*" or fnmatch.fnmatch(agreement_file, rule.pattern):
            by_party[rule.party] = rule.logins
    return by_party


def approvals_for(
    parties: Sequence[str],
    agreement_file: str,
    rules: Sequence[ApproverRule],
    pull: PullRequest,
) -> list[PartyApproval]:
    """Each party's approval state on the head of ``pull``."""
    approvers = _approvers(rules, agreement_file)
    latest: dict[str, Review] = {}
    for review in sorted(pull.reviews, key=lambda r: r.submitted_at):
        if review.state in ("APPROVED", "CHANGES_REQUESTED", "DISMISSED"):
            latest[review.login] = review  # COMMENTED leaves an approval standing
    result = []
    for party in parties:
        logins = approvers.get(party)
        if not logins:
            result.append(PartyApproval(party, "no-approvers"))
            continue
        approved = [latest[x] for x in logins if x in latest and latest[x].state == "APPROVED"]
        on_head = [r for r in approved if r.commit == pull.head]  # unknown commit: not proof
        if on_head:
            best = max(on_head, key=lambda r: r.submitted_at)
            result.append(
                PartyApproval(party, "approved", best.login, best.submitted_at, pull.head)
            )
        elif approved:
            best = max(approved, key=lambda r: r.submitted_at)
            result.append(PartyApproval(party, "stale", best.login, best.submitted_at, best.commit))
        else:
            result.append(PartyApproval(party, "missing"))
    return result

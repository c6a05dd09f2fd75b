"""Helpers for the diff tests: agreements built in code, and real git repositories.

The repositories are real: ``git init`` in ``tmp_path``, commits with an
author set through the environment, tags for revisions. Nothing is mocked.
"""

from __future__ import annotations

import copy
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from slagen.core.validate import validate_text

MONTHS = [f"2026-{m:02d}" for m in range(1, 13)]
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.com",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.com",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_TERMINAL_PROMPT": "0",
}

BASE: dict[str, Any] = {
    "slagen": 1,
    "id": "acme",
    "title": "Acme marketing ↔ sales SLA",
    "type": "internal",
    "language": "en",
    "currency": "EUR",
    "period": {"start": "2026-01-01", "end": "2026-12-31"},
    "revision": {"number": 1, "date": "2026-01-01", "summary": "First agreement for 2026."},
    "parties": [
        {
            "id": "marketing",
            "name": "Marketing",
            "role": "provider",
            "representative": {"name": "Bruno"},
        },
        {"id": "sales", "name": "Sales", "role": "recipient", "representative": {"name": "Ana"}},
    ],
    "summary": "Marketing delivers qualified leads to Sales every month; Sales calls each lead within one "
    "business day and makes six attempts.",
    "objectives": [
        {"party": "marketing", "text": "Deliver the leads"},
        {"party": "sales", "text": "Win"},
    ],
    "needs": [{"party": "sales", "from": "marketing", "text": "Leads spread over the month"}],
    "contacts": [{"party": "marketing", "name": "Bruno", "role": "Director"}],
    "consequences": [{"trigger": "Missed leads", "action": "Recovery plan"}],
    "cancellation": [{"text": "Three missed months"}],
    "targets": {
        "dimension": "region",
        "segments": [
            {
                "id": "na",
                "name": "North America",
                "revenue_goal": 120000,
                "marketing_share": "50%",
                "avg_deal_size": 10000,
                "close_rate": "12%",
            },
            {
                "id": "emea",
                "name": "EMEA",
                "revenue_goal": 80000,
                "marketing_share": "50%",
                "avg_deal_size": 8000,
                "close_rate": "10%",
            },
        ],
    },
    "follow_up": {"first_attempt_within": "1d", "min_attempts": 6},
    "capacity": {"reps": 3, "hours_per_rep_month": 40, "minutes_per_attempt": 10},
}


def agreement(**changes: Any) -> dict[str, Any]:
    """A valid agreement; keyword arguments replace top-level fields."""
    data = copy.deepcopy(BASE)
    data.update(copy.deepcopy(changes))
    return data


def segment(data: dict[str, Any], seg_id: str) -> dict[str, Any]:
    return next(s for s in data["targets"]["segments"] if s["id"] == seg_id)


def next_revision(
    old: dict[str, Any], *, date: str, summary: str = "Mid-year reset."
) -> dict[str, Any]:
    """The next revision of ``old``: number + 1, the old revision moved into history."""
    new = copy.deepcopy(old)
    new["history"] = [*old.get("history", []), old["revision"]]
    new["revision"] = {"number": old["revision"]["number"] + 1, "date": date, "summary": summary}
    return new


def dump(data: dict[str, Any]) -> str:
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    result = validate_text(text, "fixture.yaml")
    assert not result.errors, [f.format_text() for f in result.errors]
    return text


class Repo:
    """A real git repository in a temporary folder."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["git", "-c", "commit.gpgsign=false", *args],
            cwd=self.path,
            env=git_env(),
            capture_output=True,
            text=True,
            check=check,
        )

    def write(self, rel: str, data: dict[str, Any] | str) -> Path:
        file = self.path / rel
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(data if isinstance(data, str) else dump(data), encoding="utf-8")
        return file

    def commit(
        self, rel: str, data: dict[str, Any] | str, message: str, tag: str | None = None
    ) -> None:
        self.write(rel, data)
        self.git("add", rel)
        self.git("commit", "-q", "-m", message)
        if tag:
            self.git("tag", tag)


def git_env() -> dict[str, str]:
    return {**os.environ, **GIT_ENV}


def slagen(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the real CLI in a subprocess (exit codes, stderr, imports)."""
    return subprocess.run(
        [sys.executable, "-m", "slagen.cli", *args],
        cwd=cwd,
        env=git_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_fixture_agreements_are_valid() -> None:
    old = agreement()
    dump(old)
    dump(next_revision(old, date="2026-07-01"))


def test_repo_commits_and_tags(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "r")
    repo.commit("agreements/acme.yaml", agreement(), "revision 1", tag="v1")
    assert repo.git("rev-parse", "v1").stdout.strip()

"""The git integration: `slagen git-setup` makes `git diff` and `git log -p` semantic."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from slagen.revisions.textconv import textconv_text
from tests.test_diff_fixtures import Repo, agreement, dump, next_revision, segment, slagen

FILE = "agreements/acme.yaml"


def test_textconv_view_is_sorted_normalized_and_has_targets() -> None:
    data = agreement()
    view = textconv_text(dump(data).encode(), "a.yaml")
    lines = view.splitlines()
    assert "targets.segments[id=na].close_rate: 12%" in lines
    assert "capacity.reps: 3" in lines
    # list items sorted by id: emea before na whatever the file order
    assert lines.index("targets.segments[id=emea].id: emea") < lines.index(
        "targets.segments[id=na].id: na"
    )
    assert "# computed lead targets (slagen textconv)" in lines
    assert (
        "targets[na][2026-01]: lead month 2026-01, leads 50, customers 6, marketing goal 60,000.00"
        in lines
    )
    assert any(
        line.startswith("monthly[2026-01]: leads ") and "capacity " in line for line in lines
    )
    # the same content written differently gives the same view
    reordered = dump(data).replace("close_rate: 12%", "close_rate: 0.12")
    assert textconv_text(("# comment\n" + reordered).encode(), "b.yaml") == view


def test_textconv_prints_unloadable_files_unchanged() -> None:
    assert textconv_text(b"id: [broken\n", "x.yaml") == "id: [broken\n"


def test_git_setup_then_git_diff_and_log_show_the_semantic_view(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo")
    old = agreement()
    repo.commit(FILE, old, "Revision 1")
    command = f"{shlex.quote(sys.executable)} -m slagen.cli textconv"
    done = slagen("git-setup", "--command", command, cwd=repo.path)
    assert done.returncode == 0, done.stderr
    assert repo.git("config", "diff.slagen.textconv").stdout.strip() == command
    assert (repo.path / ".gitattributes").read_text() == "agreements/*.yaml diff=slagen\n"
    # idempotent
    again = slagen("git-setup", "--command", command, cwd=repo.path)
    assert "already has" in again.stdout
    assert (repo.path / ".gitattributes").read_text() == "agreements/*.yaml diff=slagen\n"
    repo.git("add", ".gitattributes")
    repo.git("commit", "-q", "-m", "Semantic diffs for agreements")

    new = next_revision(old, date="2026-07-01")
    segment(new, "na")["close_rate"] = {
        m: ("12%" if m < "2026-07" else "15%") for m in [f"2026-{i:02d}" for i in range(1, 13)]
    }
    repo.write(FILE, new)
    diff = repo.git("diff").stdout
    assert "-targets.segments[id=na].close_rate: 12%" in diff
    assert "+targets.segments[id=na].close_rate.2026-07: 15%" in diff
    assert "-targets[na][2026-07]: lead month 2026-07, leads 50," in diff
    assert "+targets[na][2026-07]: lead month 2026-07, leads 40," in diff
    assert "+revision.number: 2" in diff
    repo.git("commit", "-q", "-am", "Revision 2")
    log = repo.git("log", "-p", "-1").stdout
    assert "+revision.number: 2" in log and "+targets[na][2026-07]" in log
    # REV:PATH works as anywhere else
    shown = slagen("textconv", f"HEAD~1:{FILE}", cwd=repo.path)
    assert shown.returncode == 0 and "revision.number: 1" in shown.stdout.splitlines()
    # without the attribute, git shows YAML lines
    raw = repo.git("-c", "diff.slagen.textconv=cat", "log", "-p", "-1").stdout
    assert "close_rate" in raw


def test_install_git_driver_option_uses_this_installation(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo")
    (repo.path / ".gitattributes").write_text("*.png binary")  # no final newline
    done = slagen("diff", "--install-git-driver", cwd=repo.path)
    assert done.returncode == 0, done.stderr
    configured = repo.git("config", "diff.slagen.textconv").stdout.strip()
    assert configured.endswith(" textconv") and "slagen" in configured
    assert (
        repo.path / ".gitattributes"
    ).read_text() == "*.png binary\nagreements/*.yaml diff=slagen\n"
    outside = tmp_path / "plain"
    outside.mkdir()
    done = slagen("git-setup", cwd=outside)
    assert done.returncode == 2 and "not inside a git repository" in done.stderr

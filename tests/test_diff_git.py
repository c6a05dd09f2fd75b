"""slagen diff on real git repositories: mid-year resets, exit codes, reports, shallow clones."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from slagen.core.validate import validate_file
from slagen.revisions import reset_check_findings
from tests.test_diff_fixtures import MONTHS, Repo, agreement, dump, next_revision, segment, slagen

FILE = "agreements/acme.yaml"


def diff_json(repo: Repo, *args: str) -> tuple[int, dict[str, Any]]:
    done = slagen("diff", FILE, *args, "--format", "json", cwd=repo.path)
    assert done.returncode in (0, 1), done.stderr
    return done.returncode, json.loads(done.stdout)


@pytest.fixture
def july_reset(tmp_path: Path) -> Repo:
    """Revision 1 for the year; revision 2 raises North America's goal and close rate only from July."""
    repo = Repo(tmp_path / "repo")
    old = agreement()
    repo.commit(FILE, old, "Revision 1", tag="v1")
    new = next_revision(
        old, date="2026-07-01", summary="Mid-year reset: North America raised from July."
    )
    na = segment(new, "na")
    na["revenue_goal"] = {m: (120000 if m < "2026-07" else 150000) for m in MONTHS}
    na["close_rate"] = {m: ("12%" if m < "2026-07" else "15%") for m in MONTHS}
    new["capacity"]["reps"] = 4
    repo.commit(FILE, new, "Revision 2: mid-year reset", tag="v2")
    return repo


def test_july_reset_json(july_reset: Repo) -> None:
    code, data = diff_json(july_reset, "--from", "v1", "--to", "v2")
    assert code == 1
    assert data["format"] == 1 and data["changed"] is True
    assert (data["old"]["revision"], data["new"]["revision"]) == (1, 2)
    assert data["old"]["source"] == f"v1:{FILE}"
    by_path = {c["path"]: c for c in data["changes"]}
    goal = by_path["targets.segments[id=na].revenue_goal[2026-07..2026-12]"]
    assert goal["label"] == "North America revenue goal (2026-07 … 2026-12)"
    assert (goal["old"], goal["new"], goal["months"]) == ("120000", "150000", MONTHS[6:])
    rate = by_path["targets.segments[id=na].close_rate[2026-07..2026-12]"]
    assert (rate["old"], rate["new"], rate["old_text"], rate["new_text"]) == (
        "0.12",
        "0.15",
        "12%",
        "15%",
    )
    assert by_path["capacity.reps"]["old"] == "3" and by_path["capacity.reps"]["new"] == "4"
    assert by_path["history"]["kind"] == "added"
    # EMEA did not change: nothing about it anywhere
    assert not any("emea" in path for path in by_path)
    [na] = data["targets"]["segments"]
    assert na["id"] == "na" and [m["month"] for m in na["months"]] == MONTHS[6:]
    july = na["months"][0]
    # 150,000 × 50 % = 75,000 ÷ 10,000 → 8 customers ÷ 15 % → 54 leads (was 6 ÷ 12 % = 50)
    assert july["customers_needed"] == {"old": 6, "new": 8, "diff": 2, "pct": "33.3"}
    assert july["leads_needed"] == {"old": 50, "new": 54, "diff": 4, "pct": "8.0"}
    assert july["marketing_revenue_goal"]["old"] == "60000.00"
    # every month's capacity moved (4 reps instead of 3); leads only from July
    months = {m["month"]: m for m in data["targets"]["months"]}
    assert months["2026-03"]["leads_needed"]["diff"] == 0
    assert months["2026-03"]["capacity"]["available_hours"] == {
        "old": "120.00",
        "new": "160.00",
        "diff": "40.00",
        "pct": "33.3",
    }
    assert months["2026-07"]["leads_needed"]["diff"] == 4
    assert data["summary"]["leads_needed"]["diff"] == 24
    assert data["findings"] == []


def test_july_reset_markdown(july_reset: Repo) -> None:
    done = slagen("diff", FILE, "--from", "v1", "--to", "v2", "--format", "md", cwd=july_reset.path)
    assert done.returncode == 1, done.stderr
    md = done.stdout
    assert md.startswith("### slagen diff: `acme` revision 1 → 2\n")
    # the summary table comes before any folded details
    assert md.index("| Leads needed (period) |") < md.index("<details>")
    assert "| Revision | 1 (January 1, 2026) | 2 (July 1, 2026) |" in md
    assert "**Reset checks** ✅ passed" in md
    assert "<details><summary>Field changes (" in md
    assert "| Close rate (North America, July 2026 – December 2026) | 12% | 15% |" in md
    assert "| North America · 2026-07 | 50 → 54 (+4, +8.0%) |" in md
    assert md.count("<details>") == md.count("</details>")


def test_working_tree_is_the_default_new_side(july_reset: Repo) -> None:
    data = agreement()
    data["title"] = "Acme SLA, edited in the working tree"
    july_reset.write(FILE, next_revision(data, date="2026-07-01"))
    code, result = diff_json(july_reset, "--from", "v2")
    assert code == 1
    assert result["new"]["source"] == FILE
    assert any(c["path"] == "title" for c in result["changes"])


def test_rev_path_arguments_and_no_change(july_reset: Repo) -> None:
    done = slagen("diff", f"v2:{FILE}", FILE, cwd=july_reset.path)
    assert done.returncode == 0, done.stderr
    assert "No changes." in done.stdout
    done = slagen("diff", f"v1:{FILE}", f"v2:{FILE}", "--format", "json", cwd=july_reset.path)
    assert done.returncode == 1 and json.loads(done.stdout)["new"]["source"] == f"v2:{FILE}"


def test_reset_that_shortens_the_period(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo")
    old = agreement()
    repo.commit(FILE, old, "Revision 1", tag="v1")
    new = next_revision(old, date="2026-07-01")
    new["period"] = {"start": "2026-07-01", "end": "2026-12-31"}
    segment(new, "emea")["close_rate"] = "8%"
    repo.commit(FILE, new, "Revision 2: second half only", tag="v2")
    code, data = diff_json(repo, "--from", "v1", "--to", "v2")
    assert code == 1
    by_path = {c["path"]: c for c in data["changes"]}
    assert (
        by_path["period.start"]["old"] == "2026-01-01"
        and by_path["period.start"]["new"] == "2026-07-01"
    )
    assert by_path["targets.segments[id=emea].close_rate"]["label"] == "EMEA close rate"
    assert by_path["targets.segments[id=emea].close_rate"]["new_text"] == "8%"
    assert data["new"]["period"] == {"start": "2026-07-01", "end": "2026-12-31"}
    months = {m["month"]: m for m in data["targets"]["months"]}
    assert months["2026-01"]["status"] == "removed"
    assert (
        months["2026-01"]["leads_needed"]["new"] is None
        and months["2026-01"]["leads_needed"]["diff"] is None
    )
    emea = next(s for s in data["targets"]["segments"] if s["id"] == "emea")
    changed = [m["month"] for m in emea["months"] if m["status"] == "changed"]
    assert changed == MONTHS[6:]
    # 40,000 ÷ 8,000 = 5 customers; ÷ 10 % = 50 leads, ÷ 8 % = 63
    assert emea["months"][-1]["leads_needed"] == {"old": 50, "new": 63, "diff": 13, "pct": "26.0"}
    # dropping the first half is a valid reset, not a rewrite of history
    assert data["findings"] == []


def test_rewriting_history_is_a_warning_naming_the_months(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo")
    old = agreement()
    repo.commit(FILE, old, "Revision 1", tag="v1")
    new = next_revision(old, date="2026-07-01")
    segment(new, "na")["close_rate"] = "10%"  # the whole year, January included
    repo.commit(FILE, new, "Revision 2", tag="v2")
    code, data = diff_json(repo, "--from", "v1", "--to", "v2")
    assert code == 1
    [finding] = data["findings"]
    assert finding["severity"] == "warning" and finding["code"] == "rewriting-history"
    assert finding["path"] == "revision.date"
    assert "2026-01, 2026-02, 2026-03, 2026-04, 2026-05, 2026-06" in finding["message"]
    assert "2026-07" not in finding["message"].split("earlier months:")[1]
    assert "North America" in finding["message"]
    done = slagen("diff", FILE, "--from", "v1", "--to", "v2", cwd=repo.path)
    assert "Warning: Date (revision): rewriting history" in done.stdout


def test_content_change_without_a_new_revision_is_an_error(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo")
    old = agreement()
    repo.commit(FILE, old, "Revision 1", tag="v1")
    new = agreement()
    segment(new, "emea")["avg_deal_size"] = 9000
    repo.write(FILE, new)
    code, data = diff_json(repo, "--from", "v1")
    assert code == 1
    [finding] = data["findings"]
    assert (finding["severity"], finding["code"], finding["path"]) == (
        "error",
        "revision-not-incremented",
        "revision.number",
    )
    assert "EMEA average deal size" in finding["message"]
    assert "revision 2" in finding["hint"]


def test_history_must_carry_over(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo")
    first = agreement()
    second = next_revision(first, date="2026-04-01", summary="Spring update.")
    repo.commit(FILE, second, "Revision 2", tag="v2")
    third = next_revision(second, date="2026-07-01")
    third["history"] = [third["history"][1]]  # revision 1 dropped
    third["history"][0]["date"] = "2026-04-01"
    repo.write(FILE, third)
    _, data = diff_json(repo, "--from", "v2")
    codes = [(f["severity"], f["code"]) for f in data["findings"]]
    assert ("error", "history-missing") in codes
    assert "revision 1 (2026-01-01) is missing from history" in data["findings"][0]["message"]
    third["history"] = [{**first["revision"], "date": "2026-02-01"}, second["revision"]]
    repo.write(FILE, third)
    _, data = diff_json(repo, "--from", "v2")
    assert [(f["code"], f["path"]) for f in data["findings"]] == [
        ("history-changed", "history[0].date")
    ]


def test_formatting_and_rate_notation_are_no_change(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo")
    repo.commit(FILE, agreement(), "Revision 1", tag="v1")
    text = "# a comment that changes nothing\n" + dump(agreement()).replace(
        "close_rate: 12%", "close_rate: 0.12"
    )
    assert "close_rate: 0.12" in text
    repo.write(FILE, text)
    done = slagen("diff", FILE, "--from", "v1", cwd=repo.path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No changes." in done.stdout


def test_validate_against_helper(july_reset: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    """reset_check_findings, for `slagen validate --against REV`."""
    monkeypatch.chdir(july_reset.path)
    bad = agreement()
    segment(bad, "na")["close_rate"] = "20%"
    july_reset.write(FILE, bad)  # revision 1 again, content changed
    result = validate_file(FILE)
    findings = reset_check_findings(result, "v2")
    codes = [f.code for f in findings]
    assert codes == ["revision-not-incremented"]
    assert findings[0].file == FILE and findings[0].line > 1
    assert reset_check_findings(validate_file(FILE), "v1")[0].code == "revision-not-incremented"
    july_reset.git("checkout", "-q", FILE)
    assert reset_check_findings(validate_file(FILE), "v1") == []
    # a file that did not exist at the revision has nothing to be checked against
    july_reset.write("agreements/new.yaml", agreement(id="new"))
    assert reset_check_findings(validate_file("agreements/new.yaml"), "v1") == []


def test_missing_revision_in_a_shallow_clone(july_reset: Repo, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    done = Repo.__new__(Repo)
    done.path = tmp_path
    done.git("clone", "-q", "--depth", "1", f"file://{july_reset.path}", str(clone))
    result = slagen("diff", FILE, "--from", "v1", cwd=clone)
    assert result.returncode == 2
    assert "shallow" in result.stderr
    assert "git fetch --deepen" in result.stderr and "fetch-depth: 0" in result.stderr
    assert "Traceback" not in result.stderr
    result = slagen("diff", FILE, "--from", "HEAD~1", cwd=clone)
    assert result.returncode == 2 and "shallow" in result.stderr


def test_errors_exit_2(july_reset: Repo, tmp_path: Path) -> None:
    result = slagen("diff", FILE, "--from", "no-such-tag", cwd=july_reset.path)
    assert result.returncode == 2 and "unknown git revision 'no-such-tag'" in result.stderr
    result = slagen("diff", "agreements/other.yaml", "--from", "v1", cwd=july_reset.path)
    assert result.returncode == 2 and "does not exist in revision v1" in result.stderr
    result = slagen("diff", "agreements", "--from", "v1", cwd=july_reset.path)
    assert result.returncode == 2 and "is a folder in revision v1" in result.stderr
    outside = tmp_path / "plain"
    outside.mkdir()
    (outside / "a.yaml").write_text(dump(agreement()), encoding="utf-8")
    result = slagen("diff", "a.yaml", "--from", "HEAD", cwd=outside)
    assert result.returncode == 2 and "not inside a git repository" in result.stderr
    (outside / "bad.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    result = slagen("diff", "a.yaml", "bad.yaml", cwd=outside)
    assert result.returncode == 2 and "bad.yaml:" in result.stderr
    result = slagen("diff", "a.yaml", cwd=outside)
    assert result.returncode == 2 and "name two versions" in result.stderr


def test_validate_against_cli(july_reset: Repo) -> None:
    """`slagen validate --against REV` fails a content change without a new revision."""
    assert slagen("validate", FILE, "--against", "v2", cwd=july_reset.path).returncode == 0
    bad = agreement()
    segment(bad, "na")["close_rate"] = "20%"
    july_reset.write(FILE, bad)
    done = slagen("validate", FILE, "--against", "v2", "--format", "json", cwd=july_reset.path)
    assert done.returncode == 1, done.stderr
    assert "revision-not-incremented" in done.stdout
    missing = slagen("validate", FILE, "--against", "no-such-rev", cwd=july_reset.path)
    assert missing.returncode == 2 and "Traceback" not in missing.stderr

"""Pull-request approvals from recorded `gh pr view` JSON, mapped to parties (never the network)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from slagen.cli import app
from slagen.core.errors import UsageError
from slagen.signoff.reviews import approvals_for, parse_approvers, parse_pull_request

ROOT = Path(__file__).resolve().parent.parent
PR = ROOT / "tests" / "data" / "gh-pr-view.json"
NORTHWIND = ROOT / "agreements" / "northwind-marketing-sales.yaml"  # parties: marketing, sales
HEAD = "c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3"
runner = CliRunner()


def _approvers(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "slagen-approvers"
    path.write_text(text, encoding="utf-8")
    return path


def test_an_approval_on_the_head_counts_and_one_on_an_earlier_commit_is_stale(
    tmp_path: Path,
) -> None:
    rules = parse_approvers(_approvers(tmp_path, "marketing @marta-lopez\nsales @dan @sam\n"))
    pull = parse_pull_request(PR)
    assert pull.head == HEAD
    marketing, sales = approvals_for(["marketing", "sales"], "agreements/x.yaml", rules, pull)
    assert (marketing.status, marketing.login) == ("stale", "marta-lopez")  # logins are case-blind
    assert marketing.commit and marketing.commit.startswith("a1a1")
    # dan approved the head (his later comment does not withdraw it); sam withdrew his
    assert (sales.status, sales.login, sales.commit) == ("approved", "dan", HEAD)


def test_changes_requested_withdraws_an_approval(tmp_path: Path) -> None:
    rules = parse_approvers(_approvers(tmp_path, "sales @sam\n"))
    [sales] = approvals_for(["sales"], "a.yaml", rules, parse_pull_request(PR))
    assert sales.status == "missing"


def test_patterns_give_agreements_their_own_approvers_last_match_wins(tmp_path: Path) -> None:
    rules = parse_approvers(
        _approvers(
            tmp_path,
            "# who signs for whom\nmarketing @ines\nagreements/northwind-*.yaml marketing @dan  # regional\n",
        )
    )
    pull = parse_pull_request(PR)
    [north] = approvals_for(["marketing"], "agreements/northwind-x.yaml", rules, pull)
    [other] = approvals_for(["marketing"], "agreements/andina.yaml", rules, pull)
    assert north.status == "approved" and other.status == "missing"
    [nobody] = approvals_for(["service"], "agreements/andina.yaml", rules, pull)
    assert nobody.status == "no-approvers"


@pytest.mark.parametrize("text", ["@dan\n", "marketing\n", "marketing dan!\n"])
def test_bad_approver_lines_name_their_line(tmp_path: Path, text: str) -> None:
    with pytest.raises(UsageError, match=":1:"):
        parse_approvers(_approvers(tmp_path, text))


def test_a_file_that_is_not_gh_output_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "pr.json"
    bad.write_text('{"title": "x"}', encoding="utf-8")
    with pytest.raises(UsageError, match="no reviews list") as raised:
        parse_pull_request(bad)
    assert "gh pr view" in raised.value.hint


def test_the_command_says_who_approved_and_fails_until_everyone_has(tmp_path: Path) -> None:
    approvers = _approvers(tmp_path, "marketing @marta-lopez\nsales @dan\n")
    args = ["approvals", str(NORTHWIND), "--pr-json", str(PR), "--approvers", str(approvers)]
    result = runner.invoke(app, args)
    assert result.exit_code == 1, result.output
    assert "sales: approved by @dan" in result.output
    assert (
        "marketing: approved by @marta-lopez on an earlier commit (a1a1a1a1a1a1)" in result.output
    )
    data = json.loads(runner.invoke(app, [*args, "--format", "json"]).output)
    [entry] = data["agreements"]
    assert {p["party"]: p["status"] for p in entry["parties"]} == {
        "marketing": "stale",
        "sales": "approved",
    }
    both = _approvers(tmp_path, "marketing @dan\nsales @dan\n")
    ok = runner.invoke(
        app, ["approvals", str(NORTHWIND), "--pr-json", str(PR), "--approvers", str(both)]
    )
    assert ok.exit_code == 0, ok.output
    missing = runner.invoke(
        app,
        [
            "approvals",
            str(NORTHWIND),
            "--pr-json",
            str(tmp_path / "no.json"),
            "--approvers",
            str(both),
        ],
    )
    assert missing.exit_code == 2

"""`slagen approve`: approvals bound to content, recorded without disturbing the file."""

from __future__ import annotations

import datetime as dt
import difflib
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from slagen.cli import app
from slagen.core.errors import UsageError
from slagen.core.validate import validate_file
from slagen.signoff.approve import approve

from .conftest import AGREEMENTS

SOURCE = AGREEMENTS / "northwind-marketing-sales.yaml"
runner = CliRunner()


def _commented(tmp_path: Path, approvals: str = "") -> Path:
    """The Northwind example with extra comments, odd quoting and an approvals block of its own."""
    text = SOURCE.read_text(encoding="utf-8")
    text = text.replace(
        "slagen: 1\n", "slagen: 1   # format version\n# a comment between fields\n", 1
    )
    text = text.replace('close_rate: "15%"', "close_rate: '15%'    # quoted the other way", 1)
    text += "# trailing comment, kept\n" + approvals
    path = tmp_path / "northwind-marketing-sales.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _changed_lines(before: str, after: str) -> list[str]:
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
    return [line for line in diff if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def test_approve_adds_only_approval_lines(tmp_path: Path) -> None:
    path = _commented(tmp_path)
    before = path.read_text(encoding="utf-8")
    result = approve(path, "marketing", "Dana Whitfield", date="2026-06-20")
    after = path.read_text(encoding="utf-8")
    fingerprint = validate_file(path).agreement.fingerprint  # type: ignore[union-attr]
    assert after.startswith(before)
    assert _changed_lines(before, after) == [
        "+approvals:",
        "+  - party: marketing",
        "+    name: Dana Whitfield",
        "+    title: VP Marketing",  # the representative's title, by default
        "+    date: 2026-06-20",
        f"+    fingerprint: {fingerprint}",
    ]
    assert result.changed and result.pending == ("sales",)
    assert result.approval.fingerprint == fingerprint


def test_second_approval_replaces_not_piles_up(tmp_path: Path) -> None:
    path = _commented(tmp_path)
    approve(path, "marketing", "Dana Whitfield", date="2026-06-20")
    approve(path, "sales", "Marcus Oyelaran", title="CRO", date="2026-06-21")
    before = path.read_text(encoding="utf-8")
    result = approve(path, "marketing", "Dana Whitfield", title="CMO", date="2026-06-22")
    after = path.read_text(encoding="utf-8")
    assert _changed_lines(before, after) == [
        "-    title: VP Marketing",
        "-    date: 2026-06-20",
        "+    title: CMO",
        "+    date: 2026-06-22",
    ]
    agreement = validate_file(path).agreement
    assert agreement is not None and agreement.is_approved
    assert [a.party for a in agreement.approvals] == ["marketing", "sales"]
    assert result.replaced[0].date == dt.date(2026, 6, 20) and result.approved


def test_comments_inside_the_approvals_block_survive(tmp_path: Path) -> None:
    stale = "sha256:" + "0" * 64
    block = (
        "approvals:   # written by slagen approve\n"
        "  # marketing signed the first draft\n"
        f"  - party: marketing\n    name: Dana Whitfield\n    date: 2026-01-02\n    fingerprint: {stale}\n"
        "  # sales, hand-written\n"
        f'  - {{party: sales, name: "Marcus Oyelaran", date: 2026-01-03, fingerprint: "{stale}"}}\n'
    )
    path = _commented(tmp_path, block)
    before = path.read_text(encoding="utf-8")
    approve(path, "marketing", "Dana Whitfield", date="2026-06-20")
    after = path.read_text(encoding="utf-8")
    changed = _changed_lines(before, after)
    assert all("fingerprint" in line or "date" in line or "title" in line for line in changed), (
        changed
    )
    assert (
        "  # marketing signed the first draft\n" in after and "  # sales, hand-written\n" in after
    )
    assert (
        '  - {party: sales, name: "Marcus Oyelaran"' in after
    )  # the other party's entry untouched
    findings = validate_file(path).findings
    assert [f.code for f in findings if f.code == "stale-approval"] == [
        "stale-approval"
    ]  # only sales


def test_empty_flow_list_and_crlf_are_kept(tmp_path: Path) -> None:
    text = SOURCE.read_text(encoding="utf-8") + "approvals: []  # none yet\n"
    path = tmp_path / "northwind-marketing-sales.yaml"
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    approve(path, "sales", "Marcus Oyelaran", date="2026-06-21")
    after = path.read_bytes().decode("utf-8")
    assert after.startswith(SOURCE.read_text(encoding="utf-8").replace("\n", "\r\n"))
    assert "approvals: # none yet\r\n  - party: sales\r\n" in after
    assert "\n" not in after.replace("\r\n", "")


def test_changing_a_target_input_makes_approvals_stale(tmp_path: Path) -> None:
    path = _commented(tmp_path)
    approve(path, "marketing", "Dana Whitfield", date="2026-06-20")
    approve(path, "sales", "Marcus Oyelaran", date="2026-06-21")
    assert validate_file(path, require_approved=True).findings == []

    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("close_rate: '15%'", "close_rate: '16%'", 1), encoding="utf-8")
    warnings = [f for f in validate_file(path).findings if f.code == "stale-approval"]
    assert len(warnings) == 2 and all(f.severity == "warning" for f in warnings)
    errors = [
        f for f in validate_file(path, require_approved=True).errors if f.code == "stale-approval"
    ]
    assert len(errors) == 2
    result = runner.invoke(app, ["validate", str(path), "--require-approved"])
    assert result.exit_code == 1 and "must approve again" in result.output


def test_reformatting_and_recommenting_keeps_approvals_current(tmp_path: Path) -> None:
    path = _commented(tmp_path)
    approve(path, "marketing", "Dana Whitfield", date="2026-06-20")
    approve(path, "sales", "Marcus Oyelaran", date="2026-06-21")
    text = path.read_text(encoding="utf-8")
    text = text.replace("close_rate: '15%'    # quoted the other way", 'close_rate: "15%"', 1)
    text = text.replace("# a comment between fields\n", "\n\n# another comment, rewritten\n", 1)
    text = text.replace("currency: USD", "currency: 'USD'   # dollars", 1)
    path.write_text(text, encoding="utf-8")
    result = validate_file(path, require_approved=True)
    assert [f.code for f in result.findings] == []
    assert result.agreement is not None and result.agreement.is_approved


def test_cli_approve_today_by_default(tmp_path: Path) -> None:
    path = _commented(tmp_path)
    result = runner.invoke(
        app, ["approve", str(path), "--party", "sales", "--name", "Marcus Oyelaran"]
    )
    assert result.exit_code == 0, result.output
    assert "still to approve: marketing" in result.output
    assert f"date: {dt.date.today().isoformat()}" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["--party", "sale", "--name", "X"], 2, "did you mean `sales`"),
        (["--party", "sales", "--name", "X", "--date", "2026-13-01"], 2, "YYYY-MM-DD"),
        (["--party", "sales", "--name", "  "], 2, "--name"),
    ],
)
def test_cli_approve_usage_errors_leave_the_file_alone(
    tmp_path: Path, args: list[str], code: int, words: str
) -> None:
    path = _commented(tmp_path)
    before = path.read_bytes()
    result = runner.invoke(app, ["approve", str(path), *args])
    assert result.exit_code == code and words in result.output
    assert path.read_bytes() == before


def test_cli_approve_refuses_an_invalid_agreement(tmp_path: Path) -> None:
    path = _commented(tmp_path)
    path.write_text(
        path.read_text(encoding="utf-8").replace("close_rate: '15%'", "close_rate: 15", 1),
        encoding="utf-8",
    )
    before = path.read_bytes()
    result = runner.invoke(app, ["approve", str(path), "--party", "sales", "--name", "X"])
    assert result.exit_code == 1 and "close_rate" in result.output
    assert path.read_bytes() == before


def test_signoff_commands_do_not_import_pyhanko_for_help() -> None:
    code = (
        "import sys\nfrom typer.testing import CliRunner\nfrom slagen.cli import app\n"
        "for c in ('approve', 'sign', 'verify', 'extract'):\n"
        "    r = CliRunner().invoke(app, [c, '--help'])\n"
        "    assert r.exit_code == 0 and 'Example' in r.output, r.output\n"
        "assert not [m for m in sys.modules if m.startswith(('pyhanko', 'pypdf'))]\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_block_in_the_middle_in_the_files_own_list_style(tmp_path: Path) -> None:
    stale = "sha256:" + "1" * 64
    block = (
        f"approvals:\n- party: sales\n  name: Marcus\n  date: 2026-01-01\n  fingerprint: {stale}   # old\n"
        "\n# about the summary\n"
    )
    text = SOURCE.read_text(encoding="utf-8")
    at = text.index("\nsummary: |\n") + 1
    path = tmp_path / "northwind-marketing-sales.yaml"
    path.write_text(text[:at] + block + text[at:], encoding="utf-8")
    before = path.read_text(encoding="utf-8")
    approve(path, "marketing", "Dana Whitfield", date="2026-02-02")
    approve(path, "sales", "Marcus Oyelaran", date="2026-02-03")
    after = path.read_text(encoding="utf-8")
    fingerprint = validate_file(path).agreement.fingerprint  # type: ignore[union-attr]
    assert _changed_lines(before, after) == [
        "-  name: Marcus",
        "-  date: 2026-01-01",
        f"-  fingerprint: {stale}   # old",
        "+  name: Marcus Oyelaran",
        "+  title: Chief Revenue Officer",
        "+  date: 2026-02-03",
        f"+  fingerprint: {fingerprint}",
        "+- party: marketing",
        "+  name: Dana Whitfield",
        "+  title: VP Marketing",
        "+  date: 2026-02-02",
        f"+  fingerprint: {fingerprint}",
    ]
    assert after.endswith(text[at:])


@pytest.mark.parametrize("name", ["yes", "O'Brien: Jr.", "#1 fan", "Łukasz Żółć"])
def test_names_that_need_quoting_round_trip(tmp_path: Path, name: str) -> None:
    path = _commented(tmp_path)
    approve(path, "sales", name, title="Head: Sales", date="2026-06-21")
    agreement = validate_file(path).agreement
    assert agreement is not None
    approval = agreement.current_approval("sales")
    assert approval is not None and (approval.name, approval.title) == (name, "Head: Sales")


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=st.text(min_size=1, max_size=30))
def test_any_name_round_trips_or_is_refused_as_usage(tmp_path: Path, name: str) -> None:
    path = tmp_path / SOURCE.name
    path.write_bytes(SOURCE.read_bytes())
    try:
        approve(path, "sales", name, title=name, date="2026-01-01")
    except UsageError:
        # only an all-blank name, or one with control or invisible characters, is refused
        assert not name.split() or any(
            unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn") for c in name
        )
        assert path.read_bytes() == SOURCE.read_bytes()
        return
    agreement = validate_file(path).agreement
    assert agreement is not None
    approval = agreement.current_approval("sales")
    assert approval is not None and approval.name == approval.title == " ".join(name.split())


def test_fingerprint_command_shows_each_partys_status(tmp_path: Path) -> None:
    import json

    path = _commented(tmp_path)
    approve(path, "marketing", "Dana Whitfield", date="2026-06-20")
    fingerprint = validate_file(path).agreement.fingerprint  # type: ignore[union-attr]
    result = runner.invoke(app, ["fingerprint", str(path)])
    assert result.exit_code == 0
    assert result.output.splitlines()[:3] == [
        f"{fingerprint}  {path}",
        "  marketing: current — Dana Whitfield, VP Marketing, 2026-06-20",
        "  sales: pending",
    ]
    path.write_text(
        path.read_text(encoding="utf-8").replace("close_rate: '15%'", "close_rate: '16%'", 1),
        encoding="utf-8",
    )
    (status,) = json.loads(runner.invoke(app, ["fingerprint", str(path), "-f", "json"]).stdout)
    assert status["fingerprint"] != fingerprint and not status["approved"]
    assert [p["status"] for p in status["parties"]] == ["stale", "pending"]
    assert status["parties"][0]["fingerprint"] == fingerprint


def test_a_file_without_a_final_line_break(tmp_path: Path) -> None:
    stale = "sha256:" + "3" * 64
    text = SOURCE.read_text(encoding="utf-8") + (
        f"approvals:\n  - party: sales\n    name: M\n    date: 2026-01-01\n    fingerprint: {stale}"
    )
    path = tmp_path / SOURCE.name
    path.write_text(text, encoding="utf-8")
    approve(path, "marketing", "Dana Whitfield", date="2026-06-20")
    after = path.read_text(encoding="utf-8")
    assert after.startswith(text + "\n  - party: marketing\n")
    path.write_text(SOURCE.read_text(encoding="utf-8").rstrip("\n"), encoding="utf-8")
    approve(path, "sales", "Marcus Oyelaran", date="2026-06-21")
    assert path.read_text(encoding="utf-8").startswith(
        SOURCE.read_text(encoding="utf-8") + "approvals:\n"
    )

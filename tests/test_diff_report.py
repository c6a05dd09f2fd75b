"""The comparison and the reports, on files: matching by id, prose, escaping, colour, speed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from slagen.cli import app
from slagen.revisions import diff_sources, read_source
from slagen.revisions.json_format import diff_to_dict
from slagen.revisions.md_format import diff_markdown
from slagen.revisions.text_format import diff_text
from tests.test_diff_fixtures import MONTHS, agreement, dump, next_revision, segment

runner = CliRunner()


def write_pair(tmp_path: Path, old: dict[str, Any], new: dict[str, Any]) -> tuple[Path, Path]:
    a, b = tmp_path / "old.yaml", tmp_path / "new.yaml"
    a.write_text(dump(old), encoding="utf-8")
    b.write_text(dump(new), encoding="utf-8")
    return a, b


def compare(tmp_path: Path, old: dict[str, Any], new: dict[str, Any]) -> Any:
    a, b = write_pair(tmp_path, old, new)
    return diff_sources(read_source(str(a)), read_source(str(b)))


def test_segments_match_by_id_not_position(tmp_path: Path) -> None:
    old = agreement()
    new = next_revision(old, date="2026-07-01")
    new["targets"]["segments"].reverse()
    segment(new, "emea")["close_rate"] = "8%"
    new["targets"]["segments"].append(
        {
            "id": "apac",
            "name": "APAC",
            "revenue_goal": 50000,
            "marketing_share": "40%",
            "avg_deal_size": 5000,
            "close_rate": "10%",
        }
    )
    result = compare(tmp_path, old, new)
    targets = [c for c in result.changes if c.section == "targets"]
    assert [(c.kind, c.path, c.label) for c in targets] == [
        ("changed", "targets.segments[id=emea].close_rate", "EMEA close rate"),
        ("added", "targets.segments[id=apac]", "APAC"),
    ]
    apac = next(s for s in result.targets.segments if s.id == "apac")
    assert apac.status == "added" and apac.months[0].values["leads_needed"].old is None
    assert apac.months[0].values["leads_needed"].new == 40  # 20,000 ÷ 5,000 = 4 ÷ 10 %
    assert "Close rate (EMEA): 10% → 8%" in diff_text(result)


def test_prose_is_compared_word_by_word(tmp_path: Path) -> None:
    old = agreement()
    new = next_revision(old, date="2026-07-01")
    new["summary"] = old["summary"].replace("within one business day", "within 4 hours")
    result = compare(tmp_path, old, new)
    [summary] = [c for c in result.changes if c.path == "summary"]
    ops = [(w.op, w.text) for w in summary.words]
    assert ("delete", "one business day") in ops and ("insert", "4 hours") in ops
    assert "[-one business day-] {+4 hours+}" in diff_text(result)
    assert "<del>one business day</del> <ins>4 hours</ins>" in diff_markdown(result)
    data = diff_to_dict(result)
    assert {"op": "insert", "text": "4 hours"} in next(
        c for c in data["changes"] if c["path"] == "summary"
    )["words"]


def test_objectives_are_aligned_by_content(tmp_path: Path) -> None:
    old = agreement()
    new = next_revision(old, date="2026-07-01")
    new["objectives"].insert(0, {"party": "sales", "text": "Call every lead"})
    result = compare(tmp_path, old, new)
    objective_changes = [c for c in result.changes if c.section == "objectives"]
    assert [(c.kind, c.path) for c in objective_changes] == [("added", "objectives[0]")]


def test_markdown_escapes_user_text(tmp_path: Path) -> None:
    old = agreement()
    new = next_revision(old, date="2026-07-01")
    # Plain text may hold anything (validate refuses raw HTML in Markdown fields).
    segment(new, "na")["name"] = (
        "NA <script>alert(1)</script> | *bold* <img src=x onerror=alert(1)> ![x](http://e.test/x.png)"
    )
    md = diff_markdown(compare(tmp_path, old, new))
    unescaped = md.replace("\\<", "")  # a backslash-escaped "<" prints as text on GitHub
    assert "<script" not in unescaped and "<img" not in unescaped
    assert r"\<script\>" in md and r"\| \*bold\*" in md and r"!\[x\]" in md
    # our own HTML is intact and balanced
    assert md.count("<details>") == md.count("</details>") >= 1


def test_color_only_when_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old = agreement()
    new = next_revision(old, date="2026-07-01")
    a, b = write_pair(tmp_path, old, new)
    plain = runner.invoke(app, ["diff", str(a), str(b)])
    assert plain.exit_code == 1 and "\x1b[" not in plain.stdout
    colored = runner.invoke(app, ["diff", str(a), str(b), "--color"])
    assert colored.exit_code == 1 and "\x1b[32m" in colored.stdout
    out = tmp_path / "diff.txt"
    to_file = runner.invoke(app, ["diff", str(a), str(b), "--color", "-o", str(out)])
    assert to_file.exit_code == 1 and "\x1b[" not in out.read_text()


def test_output_file_and_usage_errors(tmp_path: Path) -> None:
    old = agreement()
    a, b = write_pair(tmp_path, old, next_revision(old, date="2026-07-01"))
    out = tmp_path / "out" / "diff.json"
    done = runner.invoke(app, ["diff", str(a), str(b), "--format", "json", "-o", str(out)])
    assert done.exit_code == 1
    assert json.loads(out.read_text())["changed"] is True
    assert runner.invoke(app, ["diff", str(a), str(b), "--format", "pdf"]).exit_code == 2
    assert runner.invoke(app, ["diff", str(a), "--to", "HEAD"]).exit_code == 2
    assert runner.invoke(app, ["diff", str(a), str(b), "--from", "HEAD"]).exit_code == 2


def test_every_command_has_help_with_examples() -> None:
    for command in ("diff", "textconv", "git-setup"):
        done = runner.invoke(app, [command, "--help"])
        assert done.exit_code == 0 and "Example" in done.stdout, command


def big_agreement(seed: int) -> dict[str, Any]:
    data = agreement()
    data["targets"]["segments"] = [
        {
            "id": f"s{i:02d}",
            "name": f"Segment {i}",
            "group": f"g{i % 4}",
            "revenue_goal": {
                m: 100000 + 1000 * i + (seed * 500 if m >= "2026-07" else 0) for m in MONTHS
            },
            "marketing_share": "50%",
            "avg_deal_size": 5000 + 100 * i,
            "close_rate": {
                m: ("10%" if m < "2026-07" or i % 2 else f"{10 + seed}%") for m in MONTHS
            },
            "sales_cycle_months": i % 3,
        }
        for i in range(20)
    ]
    data["capacity"]["reps"] = 40
    return data


def test_twenty_segments_by_twelve_months_diff_without_weasyprint(tmp_path: Path) -> None:
    old = big_agreement(0)
    new = next_revision(big_agreement(1), date="2026-07-01")
    a, b = write_pair(tmp_path, old, new)
    script = f"""
import sys, time
from slagen.revisions import diff_sources, read_source
from slagen.revisions.json_format import diff_json
from slagen.revisions.md_format import diff_markdown
from slagen.revisions.text_format import diff_text
result = diff_sources(read_source({str(a)!r}), read_source({str(b)!r}))
diff_json(result); diff_markdown(result); diff_text(result)
assert result.changed and len(result.targets.segments) == 20
print(any(name == "weasyprint" or name.startswith("weasyprint.") for name in sys.modules))
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["False"]  # speed: python -m benchmarks, never a test
    # the command as a whole does not import WeasyPrint either
    cli = subprocess.run(
        [
            sys.executable,
            "-c",
            (
                "import sys\n"
                f"sys.argv = ['slagen', 'diff', {str(a)!r}, {str(b)!r}, '--format', 'json']\n"
                "from slagen.cli import main\n"
                "try:\n    main()\nexcept SystemExit as e:\n"
                "    print('exit', e.code, file=sys.stderr)\n"
                "print('weasyprint' in sys.modules, file=sys.stderr)"
            ),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "exit 1" in cli.stderr and cli.stderr.strip().endswith("False"), cli.stderr
    assert runner.invoke(app, ["diff", str(a), str(b), "--format", "md"]).exit_code == 1


def test_funnel_stages_match_by_stage_and_approvals_need_no_new_revision(tmp_path: Path) -> None:
    old = agreement()
    segment(old, "emea").pop("close_rate")
    segment(old, "emea")["funnel"] = [
        {"stage": "visits", "rate": "2%"},
        {"stage": "mql", "rate": "35%", "sla": True},
        {"stage": "proposals", "rate": "40%"},
    ]
    new = next_revision(old, date="2026-07-01")
    segment(new, "emea")["funnel"][1]["rate"] = "30%"
    result = compare(tmp_path, old, new)
    [rate] = [c for c in result.changes if c.section == "targets"]
    assert rate.path == "targets.segments[id=emea].funnel[stage=mql].rate"
    assert rate.label == "EMEA mql stage conversion rate"
    assert [f.code for f in result.findings] == ["rewriting-history"]
    # an approval changes the file but not the content: no new revision needed
    approved = agreement(
        approvals=[
            {
                "party": "sales",
                "name": "Ana",
                "date": "2026-01-05",
                "fingerprint": "sha256:" + "0" * 64,
            }
        ]
    )
    result = compare(tmp_path, agreement(), approved)
    assert result.changed and [c.section for c in result.changes] == ["approvals"]
    assert result.findings == []


def test_markdown_comment_stays_under_githubs_limit(tmp_path: Path) -> None:
    old = big_agreement(0)
    new = next_revision(big_agreement(1), date="2026-07-01")
    for seg in new["targets"]["segments"]:
        seg["avg_deal_size"] += 1  # every segment, every month
    result = compare(tmp_path, old, new)
    md = diff_markdown(result)
    assert len(md) < 65536
    assert "more rows: run `slagen diff --format json`" in md
    assert sum(len(s.months) for s in result.targets.segments) == 240

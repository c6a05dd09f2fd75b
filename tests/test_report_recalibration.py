"""The suggested recalibration fragment respects the current revision.

As of 15 March, with revision 2 effective 1 July, the fragment used to suggest new
inputs from April: applied, the next revision rewrote months that revision 2 signed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml
from typer.testing import CliRunner

from slagen.actuals import build_report
from slagen.actuals.recalibrate import next_revision_date
from slagen.cli import app
from slagen.core.validate import load_agreement

ROOT = Path(__file__).resolve().parent.parent
AGREEMENT = ROOT / "agreements/northwind-marketing-sales.yaml"
ACTUALS = ROOT / "examples/actuals/northwind-2026.csv"


def _fragment(as_of: dt.date) -> tuple[dict[str, Any], str]:
    agreement, table = load_agreement(AGREEMENT)
    report = build_report(agreement, table, ACTUALS, as_of=as_of)
    return yaml.safe_load(report.fragment), report.fragment


def _apply(fragment: dict[str, Any], effective: dt.date, folder: Path) -> Path:
    """The next revision: the fragment's inputs, revision 3, revision 2 moved to history."""
    data = yaml.safe_load(AGREEMENT.read_text(encoding="utf-8"))
    by_id = {s["id"]: s for s in data["targets"]["segments"]}
    for suggestion in fragment["targets"]["segments"]:
        for key, value in suggestion.items():
            if key != "id":
                by_id[suggestion["id"]][key] = (
                    {str(m): v for m, v in value.items()} if isinstance(value, dict) else value
                )
    data["history"].append(dict(data["revision"]))
    data["revision"] = {"number": 3, "date": effective, "summary": "Recalibrated from actuals."}
    folder.mkdir()
    path = folder / AGREEMENT.name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _diff(new: Path) -> str:
    result = CliRunner().invoke(app, ["diff", str(AGREEMENT), str(new)])
    return result.stdout + result.stderr


def test_before_the_revision_date_the_fragment_starts_at_it(tmp_path: Path) -> None:
    as_of = dt.date(2026, 3, 15)
    fragment, text = _fragment(as_of)
    agreement, _ = load_agreement(AGREEMENT)
    assert next_revision_date(agreement, as_of) == dt.date(2026, 7, 1)
    assert "For revision 3 effective 2026-07-01" in text
    changed = 0
    for suggestion in fragment["targets"]["segments"]:
        signed = next(s for s in agreement.targets.segments if s.id == suggestion["id"])  # type: ignore[union-attr]
        for key, value in suggestion.items():
            if key == "id" or not isinstance(value, dict):
                continue
            for month, suggested in value.items():
                if str(month) < "2026-07":  # April to June belong to revision 2 as signed
                    assert yaml.safe_load(yaml.safe_dump(suggested)) == _signed(
                        signed, key, str(month)
                    ), (key, month)
                else:
                    changed += 1
    assert changed  # North America's marketing share is suggested from July on
    revised = _apply(fragment, dt.date(2026, 7, 1), tmp_path / "revised")
    out = _diff(revised)
    assert "rewriting history" not in out, out
    assert "marketing" in out.lower()  # the diff does see the recalibrated inputs


def _signed(segment: Any, key: str, month: str) -> str:
    value = getattr(segment, key)[month]
    text = format((value * 100).normalize(), "f")
    return f"{text}%"


def test_the_check_would_see_a_fragment_that_rewrote_april(tmp_path: Path) -> None:
    """The diff's rewriting-history check does catch a change before the revision date."""
    fragment, _ = _fragment(dt.date(2026, 3, 15))
    for suggestion in fragment["targets"]["segments"]:
        share = suggestion.get("marketing_share")
        if isinstance(share, dict):
            for month in share:
                share[month] = "75.7%"  # every month, April to June included
    revised = _apply(fragment, dt.date(2026, 7, 1), tmp_path / "rewrote")
    assert "rewriting history" in _diff(revised)


def test_after_the_revision_date_the_next_month_starts_the_new_revision() -> None:
    agreement, _ = load_agreement(AGREEMENT)
    assert next_revision_date(agreement, dt.date(2026, 8, 15)) == dt.date(2026, 9, 1)
    assert next_revision_date(agreement, dt.date(2026, 12, 31)) == dt.date(2027, 1, 1)

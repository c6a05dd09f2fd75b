"""slagen report: CSVs generated here, whose right answers are known by construction.

The agreement is the seeds' Company X twice over: North needs 100 leads a month
(5,000 ÷ 100 = 50 customers at a 50 % close rate), South 50; follow-up within
1 hour and at least 6 attempts; the time zone is Mexico City (UTC−6, no DST).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from slagen.actuals import build_report
from slagen.actuals.json_output import report_data
from slagen.actuals.mapping import ActualsError, MappingError, load_mapping
from slagen.cli import app
from slagen.core.validate import load_agreement

AGREEMENT = """\
slagen: 1
id: acme
title: Acme test SLA
type: internal
language: {lang}
currency: USD
timezone: America/Mexico_City
period: {{start: 2026-01-01, end: 2026-06-30}}
revision: {{number: 1, date: 2026-01-01, summary: First.}}
parties:
  - {{id: marketing, name: Marketing, role: provider, representative: {{name: Bruno}}}}
  - {{id: sales, name: Sales, role: recipient, representative: {{name: Ana}}}}
summary: Marketing delivers leads.
objectives:
  - {{party: marketing, text: Deliver leads.}}
  - {{party: sales, text: Follow up.}}
needs:
  - {{party: marketing, from: sales, text: Weekly status.}}
contacts:
  - {{party: marketing, name: Bruno, role: CMO}}
targets:
  dimension: region
  segments:
    - {{id: north, name: North, revenue_goal: 5000, marketing_share: "100%", avg_deal_size: 100, close_rate: "50%"}}
    - {{id: south, name: South, revenue_goal: 2500, marketing_share: "100%", avg_deal_size: 100, close_rate: "50%"}}
follow_up: {{first_attempt_within: 1h, min_attempts: 6}}
consequences:
  - {{trigger: Fewer leads than needed, action: Recovery plan., owner: marketing, when: {{metric: leads_delivered_pct, below: "100%"}}}}
  - {{trigger: Slow follow-up, action: Review routing., owner: sales, when: {{metric: first_attempt_on_time_pct, below: "90%"}}}}
  - {{trigger: Shallow follow-up, action: Reopen leads., owner: sales, when: {{metric: avg_attempts_unconnected, below: 6}}}}
  - {{trigger: Revenue short two months, action: Joint review., owner: sales, when: {{metric: revenue_pct, below: "85%", for_months: 2}}}}
cancellation:
  - {{text: Targets missed three months in a row., when: {{metric: leads_delivered_pct, below: "100%", for_months: 3}}}}
  - {{text: A reorganisation.}}
"""
HEADER = [
    "id",
    "created_at",
    "segment",
    "source",
    "handed_off_at",
    "first_attempt_at",
    "attempts",
    "connected",
    "closed_at",
    "revenue",
]

# (segment, month): (marketing leads, late first attempts, wins)
PLAN = {
    ("north", "2026-01"): (120, 20, 50),  # above target, 20 late, revenue on goal
    ("north", "2026-02"): (80, 0, 40),  # below target, revenue 80 %
    ("north", "2026-03"): (90, 0, 30),  # below, revenue 60 %
    ("north", "2026-04"): (70, 0, 50),
    ("south", "2026-01"): (50, 0, 25),
    ("south", "2026-02"): (50, 0, 20),  # total revenue in February: 6,000 of 7,500 = 80 %
    ("south", "2026-03"): (50, 0, 25),
    ("south", "2026-04"): (50, 0, 25),
}


def lead_rows(
    segment: str, month: str, count: int, late: int, wins: int, first_id: int
) -> list[list[str]]:
    """Lead i is created on day 1 + i % 28 at 10:00 local time (no offset) and handed off
    at once; the first ``late`` get their first attempt after 2 hours, the others after
    30 minutes; odd leads are not connected and have 4 attempts; the first ``wins`` are
    won the same day for 100."""
    rows = []
    for i in range(count):
        day = f"{month}-{1 + i % 28:02d}"
        rows.append(
            [
                f"L{first_id + i}",
                f"{day}T10:00",
                segment,
                "marketing",
                f"{day}T10:00",
                f"{day}T12:00" if i < late else f"{day}T10:30",
                "4" if i % 2 else "2",
                "false" if i % 2 else "true",
                f"{day}T18:00" if i < wins else "",
                "100" if i < wins else "",
            ]
        )
    return rows


def write_csv(path: Path, rows: list[list[str]], header: list[str] = HEADER) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path


@pytest.fixture
def agreement_path(tmp_path: Path) -> Path:
    path = tmp_path / "acme.yaml"
    path.write_text(AGREEMENT.format(lang="en"), encoding="utf-8")
    return path


@pytest.fixture
def actuals(tmp_path: Path) -> Path:
    rows: list[list[str]] = []
    next_id = 1
    for (segment, month), (count, late, wins) in PLAN.items():
        rows.extend(lead_rows(segment, month, count, late, wins, next_id))
        next_id += count
    rows.append(
        [
            "S1",
            "2026-01-05T09:00",
            "north",
            "sales",
            "",
            "",
            "0",
            "false",
            "2026-01-20T09:00",
            "300",
        ]
    )
    rows.append(["B1", "not-a-date", "north", "marketing", "", "", "", "", "", ""])  # the bad row
    rows.extend(
        [
            [f"W{i}", "2026-01-03T09:00", "west", "marketing", "", "", "", "", "", ""]
            for i in range(3)
        ]
    )
    return write_csv(tmp_path / "leads.csv", rows)


def report_for(agreement_path: Path, csv_path: Path, as_of: str, **options: object):
    agreement, table = load_agreement(agreement_path)
    return build_report(agreement, table, csv_path, as_of=dt.date.fromisoformat(as_of), **options)


def month_of(report, scope: str, month: str):
    found = next(s for s in report.scopes if s.id == scope).month(month)
    assert found is not None
    return found


def test_leads_delivered_against_needed_by_month(agreement_path: Path, actuals: Path) -> None:
    report = report_for(agreement_path, actuals, "2026-04-30")
    assert report.months == ("2026-01", "2026-02", "2026-03", "2026-04")
    jan = month_of(report, "north", "2026-01")
    assert (jan.goals.leads_needed, jan.marketing_leads, jan.sales_leads) == (100, 120, 1)
    assert jan.leads_delivered_pct == Decimal("1.2")
    total = [month_of(report, "total", m) for m in report.months]
    assert [m.marketing_leads for m in total] == [170, 130, 140, 120]
    assert [m.goals.leads_needed for m in total] == [150] * 4
    assert all(m.status == "complete" for m in total)
    assert report.total.period.marketing_leads == 560
    assert report.total.period.goals.leads_needed == 600


def test_pace_against_the_daily_goal_line(agreement_path: Path, actuals: Path) -> None:
    report = report_for(agreement_path, actuals, "2026-04-15")
    april = month_of(report, "total", "2026-04")
    assert april.status == "to_date"
    assert april.goal_to_date == Decimal("75.00")  # 150 × 15 ÷ 30
    north = sum(1 for i in range(70) if 1 + i % 28 <= 15)
    south = sum(1 for i in range(50) if 1 + i % 28 <= 15)
    assert april.marketing_leads == north + south
    assert april.cumulative[-1] == north + south and len(april.cumulative) == 15
    assert april.pace_pct == (Decimal(north + south) / 75).quantize(Decimal("0.0001"))


def test_revenue_and_customers_by_month_won(agreement_path: Path, actuals: Path) -> None:
    report = report_for(agreement_path, actuals, "2026-04-30")
    north_feb = month_of(report, "north", "2026-02")
    assert north_feb.customers_won == 40 and north_feb.goals.customers_needed == 50
    assert north_feb.marketing_revenue == Decimal(4000)
    assert north_feb.revenue_pct == Decimal("0.8")
    north_jan = month_of(report, "north", "2026-01")
    assert north_jan.sales_customers_won == 1 and north_jan.sales_revenue == Decimal(300)
    assert north_jan.revenue_pct == Decimal(1)  # sales-sourced revenue is apart


def test_follow_up_speed_and_depth(agreement_path: Path, actuals: Path) -> None:
    report = report_for(agreement_path, actuals, "2026-04-30")
    jan = month_of(report, "north", "2026-01")
    assert (jan.speed.handed_off, jan.speed.attempted, jan.speed.on_time) == (120, 120, 100)
    assert jan.speed.on_time_pct == Decimal("0.8333")
    assert jan.speed.median_minutes == 30
    assert jan.speed.p90_minutes == 120  # rank 108 of 120 falls among the 20 late ones
    assert jan.speed.average_minutes == Decimal("45.0")  # (100 × 30 + 20 × 120) ÷ 120
    assert jan.depth.unconnected == 60 and jan.depth.average_attempts == Decimal(4)
    feb = month_of(report, "north", "2026-02")
    assert feb.speed.on_time_pct == Decimal(1)


def test_unattempted_leads_are_overdue_only_after_the_window(
    agreement_path: Path, tmp_path: Path
) -> None:
    rows = [
        [
            "A",
            "2026-03-10T09:00",
            "north",
            "marketing",
            "2026-03-10T09:00",
            "",
            "0",
            "false",
            "",
            "",
        ],
        [
            "B",
            "2026-03-10T23:30",
            "north",
            "marketing",
            "2026-03-10T23:30",
            "",
            "0",
            "false",
            "",
            "",
        ],
    ]
    report = report_for(agreement_path, write_csv(tmp_path / "o.csv", rows), "2026-03-10")
    speed = month_of(report, "north", "2026-03").speed
    assert (speed.overdue, speed.waiting, speed.on_time_pct) == (1, 1, Decimal(0))


def test_conditions_streaks_and_cancellation(agreement_path: Path, actuals: Path) -> None:
    report = report_for(agreement_path, actuals, "2026-04-30")
    by_text = {c.text: c for c in report.conditions}
    cancel = by_text["Targets missed three months in a row."]
    assert cancel.kind == "cancellation"
    assert [c.met for c in cancel.months] == [False, True, True, True]
    assert cancel.streak == 3 and cancel.triggered and cancel.triggered_months == ("2026-04",)
    assert cancel.segments_triggered == ("north",)  # South delivered its 50 every month
    assert cancel.segments_met == {"north": ("2026-02", "2026-03", "2026-04")}
    revenue = by_text["Revenue short two months"]
    assert revenue.triggered_months == ("2026-03",)  # total: Feb 80 %, Mar 73 %; Apr back on goal
    assert not revenue.triggered
    assert by_text["Shallow follow-up"].triggered  # 4 attempts on average, 6 agreed
    assert not by_text["Slow follow-up"].triggered  # only January was slow
    assert "A reorganisation." not in by_text  # no `when`, nothing to evaluate
    early = report_for(agreement_path, actuals, "2026-03-31")
    cancel = next(c for c in early.conditions if c.kind == "cancellation")
    assert cancel.streak == 2 and not cancel.triggered
    text_line = next(
        line
        for line in _text(agreement_path, actuals, "2026-03-31").splitlines()
        if "Cancellation 1" in line
    )
    assert "2 of 3 months" in text_line and text_line.startswith("[not triggered]")


def test_a_month_in_progress_neither_starts_nor_breaks_a_streak(
    agreement_path: Path, actuals: Path
) -> None:
    report = report_for(agreement_path, actuals, "2026-04-10")
    cancel = next(c for c in report.conditions if c.kind == "cancellation")
    assert [c.month for c in cancel.months] == ["2026-01", "2026-02", "2026-03"]
    assert cancel.streak == 2


def test_bad_rows_and_unknown_segments_are_reported(agreement_path: Path, actuals: Path) -> None:
    report = report_for(agreement_path, actuals, "2026-04-30")
    bad_line = 1 + sum(p[0] for p in PLAN.values()) + 1 + 1  # header, leads, sales lead, bad row
    assert report.stats.skipped == 1
    finding = report.stats.findings[0]
    assert (finding.line, finding.column, finding.severity) == (bad_line, "created_at", "error")
    assert "not-a-date" in finding.message
    assert report.stats.unknown_segments == {"west": 3}
    text = _text(agreement_path, actuals, "2026-04-30")
    assert f"leads.csv:{bad_line}: error: created_at:" in text
    assert "west (3)" in text and "1 skipped" in text


def test_strict_fails_on_a_bad_row(agreement_path: Path, actuals: Path) -> None:
    with pytest.raises(ActualsError, match="1 bad row"):
        report_for(agreement_path, actuals, "2026-04-30", strict=True)
    result = CliRunner().invoke(
        app,
        [
            "report",
            str(agreement_path),
            "--actuals",
            str(actuals),
            "--as-of",
            "2026-04-30",
            "--strict",
        ],
    )
    assert result.exit_code == 1
    assert "not-a-date" in result.output


def test_time_without_offset_is_in_the_agreements_time_zone(
    agreement_path: Path, tmp_path: Path
) -> None:
    # 20:00 on 31 January in Mexico City is 02:00 on 1 February in UTC.
    rows = [
        ["A", "2026-01-31T20:00", "north", "marketing", "", "", "", "", "", ""],
        ["B", "2026-02-01T02:00:00Z", "north", "marketing", "", "", "", "", "", ""],
        ["C", "2026-02-01T02:00:00+00:00", "south", "marketing", "", "", "", "", "", ""],
        ["D", "2026-02-01", "south", "marketing", "", "", "", "", "", ""],
    ]
    report = report_for(agreement_path, write_csv(tmp_path / "tz.csv", rows), "2026-02-28")
    assert month_of(report, "north", "2026-01").marketing_leads == 2
    assert month_of(report, "south", "2026-01").marketing_leads == 1
    assert month_of(report, "south", "2026-02").marketing_leads == 1
    assert month_of(report, "north", "2026-01").cumulative[30] == 2  # both on day 31


def test_missing_required_column_is_an_error(agreement_path: Path, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "x.csv", [["1", "2026-01-01"]], header=["id", "created_at"])
    result = CliRunner().invoke(
        app, ["report", str(agreement_path), "-a", str(path), "--as-of", "2026-01-31"]
    )
    assert result.exit_code == 1
    assert "missing column(s) segment, source" in result.output


def test_usage_errors_exit_2(agreement_path: Path, actuals: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    base = ["report", str(agreement_path), "-a", str(actuals)]
    assert runner.invoke(app, [*base, "--as-of", "2026-13-01"]).exit_code == 2
    assert runner.invoke(app, [*base, "--as-of", "2026-04-30", "--to", "docx"]).exit_code == 2
    assert runner.invoke(app, [*base, "--as-of", "2026-04-30", "--month", "2026-05"]).exit_code == 2
    assert (
        runner.invoke(
            app,
            [
                "report",
                str(agreement_path),
                "-a",
                str(tmp_path / "none.csv"),
                "--as-of",
                "2026-04-30",
            ],
        ).exit_code
        == 2
    )


HUBSPOT_HEADER = [
    "Record ID",
    "Became a Marketing Qualified Lead Date",
    "Region",
    "Original Source",
    "Owner Assigned Date",
    "First Engagement Date",
    "Number of Sales Activities",
    "Lead Status",
    "Became a Customer Date",
    "Recent Deal Amount",
]


def test_hubspot_mapping_gives_the_same_report(
    agreement_path: Path, tmp_path: Path, root: Path
) -> None:
    canonical = lead_rows("north", "2026-01", 30, 5, 10, 1)
    canonical.append(["S1", "2026-01-05T09:00", "north", "sales", "", "", "0", "false", "", ""])
    sources = {
        "marketing": ["Organic Search", "Paid Social", "Email Marketing"],
        "sales": ["Offline Sources"],
    }
    hubspot = []
    for i, row in enumerate(canonical):
        mapped = [
            r.replace("T", " ") if 1 <= n <= 8 and n not in (2, 3, 6, 7) else r
            for n, r in enumerate(row)
        ]
        mapped[2] = "North"  # the segment's name instead of its id
        mapped[3] = sources[row[3]][i % len(sources[row[3]])]
        mapped[7] = "Connected" if row[7] == "true" else "Attempted to Contact"
        hubspot.append(mapped)
    plain = report_for(agreement_path, write_csv(tmp_path / "c.csv", canonical), "2026-01-31")
    mapped = report_for(
        agreement_path,
        write_csv(tmp_path / "h.csv", hubspot, HUBSPOT_HEADER),
        "2026-01-31",
        mapping=load_mapping(root / "examples/mappings/hubspot-leads.yaml"),
    )
    assert mapped.stats.skipped == 0
    strip = lambda data: {**data, "actuals": {**data["actuals"], "file": ""}}
    assert strip(report_data(mapped)) == strip(report_data(plain))
    jan = month_of(mapped, "north", "2026-01")
    assert (jan.marketing_leads, jan.sales_leads, jan.speed.on_time, jan.customers_won) == (
        30,
        1,
        25,
        10,
    )


def test_mapped_header_missing_names_the_crm_header(
    agreement_path: Path, tmp_path: Path, root: Path
) -> None:
    path = write_csv(tmp_path / "h.csv", [["1"]], header=["Record ID"])
    with pytest.raises(ActualsError, match="Became a Marketing Qualified Lead Date"):
        report_for(
            agreement_path,
            path,
            "2026-01-31",
            mapping=load_mapping(root / "examples/mappings/hubspot-leads.yaml"),
        )


def test_example_actuals_report_cleanly(root: Path) -> None:
    report = report_for(
        root / "agreements/northwind-marketing-sales.yaml",
        root / "examples/actuals/northwind-2026.csv",
        "2026-03-15",
    )
    assert report.stats.skipped == 0 and report.stats.unknown_rows == 0
    assert report.months[0] == "2025-12"  # LATAM's pre-period lead month
    assert report.total.period.marketing_leads > 1000
    scopes = {s.id: s for s in report.scopes}
    assert [s.kind for s in report.scopes] == ["segment"] * 3 + ["group"] * 2 + ["total"]
    americas = scopes["americas"].period
    assert (
        americas.marketing_leads
        == scopes["na"].period.marketing_leads + scopes["latam"].period.marketing_leads
    )
    assert (
        americas.goals.leads_needed == scopes["na"].period.goals.leads_needed + 600
    )  # LATAM: 150 × 4


def test_spanish_report(tmp_path: Path, actuals: Path) -> None:
    path = tmp_path / "acme.yaml"
    path.write_text(AGREEMENT.format(lang="es"), encoding="utf-8")
    text = _text(path, actuals, "2026-04-30")
    assert "Desempeño frente al plan" in text and "3 de 3 meses" in text and "abr 2026" in text


def _text(agreement_path: Path, actuals: Path, as_of: str) -> str:
    result = CliRunner().invoke(
        app, ["report", str(agreement_path), "--actuals", str(actuals), "--as-of", as_of]
    )
    assert result.exit_code == 0, result.output
    return result.output


def test_cli_json_is_the_library_json(agreement_path: Path, actuals: Path) -> None:
    result = CliRunner().invoke(
        app,
        [
            "report",
            str(agreement_path),
            "-a",
            str(actuals),
            "--as-of",
            "2026-04-30",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data == json.loads(
        json.dumps(report_data(report_for(agreement_path, actuals, "2026-04-30")))
    )


def test_a_csv_that_is_not_utf8_is_refused(agreement_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes(
        (",".join(HEADER) + "\nL1,2026-01-05,Norté,marketing,,,,,,\n").encode("latin-1")
    )
    with pytest.raises(ActualsError, match="latin1.csv: not UTF-8"):
        report_for(agreement_path, path, "2026-01-31")


def test_month_option_picks_the_month_in_detail(agreement_path: Path, actuals: Path) -> None:
    report = report_for(agreement_path, actuals, "2026-04-15", month="2026-02")
    assert report.focus_month == "2026-02"
    text = (
        CliRunner()
        .invoke(
            app,
            [
                "report",
                str(agreement_path),
                "-a",
                str(actuals),
                "--as-of",
                "2026-04-15",
                "--month",
                "2026-02",
            ],
        )
        .output
    )
    assert "February 2026 by segment" in text


def test_suggested_fragment_makes_a_valid_revision_that_keeps_history(
    agreement_path: Path, actuals: Path, tmp_path: Path
) -> None:
    import yaml

    from slagen.core.validate import validate_file

    report = report_for(agreement_path, actuals, "2026-04-30")
    fragment = yaml.safe_load(report.fragment)
    data = yaml.safe_load(agreement_path.read_text(encoding="utf-8"))
    by_id = {s["id"]: s for s in data["targets"]["segments"]}
    changed = set()
    for suggestion in fragment["targets"]["segments"]:
        for key, value in suggestion.items():
            if key != "id":
                by_id[suggestion["id"]][key] = (
                    {str(m): v for m, v in value.items()} if isinstance(value, dict) else value
                )
                changed.add(key)
    # North: 120 of 290 matured marketing leads won (41.4 %), not the agreed 50 %.
    assert "close_rate" in changed and "avg_deal_size" not in changed  # every deal was 100
    revised = tmp_path / "revised" / "acme.yaml"
    revised.parent.mkdir()
    revised.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert validate_file(revised).errors == []
    _, before = load_agreement(agreement_path)
    _, after = load_agreement(revised)
    for old, new in zip(before.segments, after.segments, strict=True):
        assert old.months[:4] == new.months[:4]  # January to April as signed
    north_may = after.segment("north").months[4]
    assert north_may.leads_needed > before.segment("north").months[4].leads_needed


SALESFORCE_HEADER = [
    "Lead ID",
    "MQL Date",
    "Region",
    "Lead Source",
    "Owner Assigned Date",
    "First Activity Date",
    "Activity Count",
    "Lead Status",
    "Closed Won Date",
    "Won Amount",
]


def test_salesforce_mapping_reads_us_dates(
    agreement_path: Path, tmp_path: Path, root: Path
) -> None:
    rows = [
        [
            "00Q1",
            "1/31/2026 8:00 PM",
            "North",
            "Web",
            "1/31/2026 8:10 PM",
            "1/31/2026 8:40 PM",
            "3",
            "Working - Contacted",
            "2/10/2026",
            "250",
        ],
        [
            "00Q2",
            "2/2/2026 9:15 AM",
            "South",
            "Phone Inquiry",
            "",
            "",
            "0",
            "Open - Not Contacted",
            "",
            "",
        ],
        ["00Q3", "2/3/2026", "South", "Carrier Pigeon", "", "", "", "Open - Not Contacted", "", ""],
    ]
    report = report_for(
        agreement_path,
        write_csv(tmp_path / "sf.csv", rows, SALESFORCE_HEADER),
        "2026-02-28",
        mapping=load_mapping(root / "examples/mappings/salesforce-leads.yaml"),
    )
    jan = month_of(report, "north", "2026-01")
    assert (jan.marketing_leads, jan.speed.on_time, jan.speed.median_minutes) == (1, 1, 30)
    assert month_of(report, "north", "2026-02").marketing_revenue == Decimal(250)
    assert month_of(report, "south", "2026-02").sales_leads == 1
    (finding,) = report.stats.findings
    assert finding.line == 4 and finding.column == "source (Lead Source)"
    assert "Carrier Pigeon" in finding.message


def test_strict_fails_on_unknown_segments_too(agreement_path: Path, tmp_path: Path) -> None:
    rows = [["A", "2026-01-05", "west", "marketing", "", "", "", "", "", ""]]
    path = write_csv(tmp_path / "w.csv", rows)
    assert report_for(agreement_path, path, "2026-01-31").stats.unknown_segments == {"west": 1}
    with pytest.raises(ActualsError, match="unknown segments: west"):
        report_for(agreement_path, path, "2026-01-31", strict=True)


def test_nothing_after_as_of_counts(agreement_path: Path, tmp_path: Path) -> None:
    rows = [
        [
            "A",
            "2026-01-10T10:00",
            "north",
            "marketing",
            "2026-01-10T10:00",
            "2026-01-20T10:00",
            "1",
            "false",
            "2026-01-25T10:00",
            "100",
        ],
        ["B", "2026-01-16T00:00", "north", "marketing", "", "", "", "", "", ""],
    ]
    report = report_for(agreement_path, write_csv(tmp_path / "a.csv", rows), "2026-01-15")
    jan = month_of(report, "north", "2026-01")
    assert report.after_as_of == 1 and jan.marketing_leads == 1
    assert jan.customers_won == 0  # won on the 25th: not yet
    assert (jan.speed.attempted, jan.speed.overdue) == (
        0,
        1,
    )  # attempted on the 20th: not yet, and late


def test_depth_waits_for_the_attempts_window(tmp_path: Path) -> None:
    path = tmp_path / "acme.yaml"
    path.write_text(
        AGREEMENT.format(lang="en").replace(
            "follow_up: {first_attempt_within: 1h, min_attempts: 6}",
            "follow_up: {first_attempt_within: 1h, min_attempts: 6, attempts_within: 14d}",
        ),
        encoding="utf-8",
    )
    rows = [
        [
            "A",
            "2026-03-01T10:00",
            "north",
            "marketing",
            "2026-03-01T10:00",
            "2026-03-01T10:20",
            "6",
            "false",
            "",
            "",
        ],
        [
            "B",
            "2026-03-10T10:00",
            "north",
            "marketing",
            "2026-03-10T10:00",
            "2026-03-10T10:20",
            "1",
            "false",
            "",
            "",
        ],
    ]
    report = report_for(path, write_csv(tmp_path / "d.csv", rows), "2026-03-20")
    depth = month_of(report, "north", "2026-03").depth
    assert (depth.unconnected, depth.average_attempts) == (
        1,
        Decimal(6),
    )  # B's 14 days are not over
    later = report_for(path, write_csv(tmp_path / "d.csv", rows), "2026-03-31")
    assert month_of(later, "north", "2026-03").depth.average_attempts == Decimal("3.5")


def test_semicolon_csv_with_decimal_commas_and_any_header_case(
    agreement_path: Path, tmp_path: Path
) -> None:
    # What Excel writes as "CSV" in a Spanish locale.
    header = ";".join(name.upper() for name in HEADER)
    path = tmp_path / "excel.csv"
    path.write_text(
        header + "\nL1;2026-01-05 10:00;North;marketing;;;;;2026-01-20 10:00;1.234,50\n",
        encoding="utf-8-sig",
    )
    report = report_for(agreement_path, path, "2026-01-31")
    jan = month_of(report, "north", "2026-01")
    assert report.stats.skipped == 0
    assert (jan.marketing_leads, jan.customers_won, jan.marketing_revenue) == (
        1,
        1,
        Decimal("1234.50"),
    )


def test_json_mapping_and_bad_mappings(agreement_path: Path, tmp_path: Path) -> None:
    mapping = tmp_path / "crm.json"
    mapping.write_text(
        json.dumps(
            {
                "columns": {"id": "Key", "segment": "Territory"},
                "values": {"source": {"Inbound": "marketing"}},
            }
        ),
        encoding="utf-8",
    )
    header = ["Key", "created_at", "Territory", "source"]
    path = write_csv(tmp_path / "crm.csv", [["1", "2026-01-02", "south", "Inbound"]], header=header)
    report = report_for(agreement_path, path, "2026-01-31", mapping=load_mapping(mapping))
    assert month_of(report, "south", "2026-01").marketing_leads == 1
    bad = tmp_path / "bad.yaml"
    bad.write_text("columns: {lead_id: Key}\n", encoding="utf-8")
    with pytest.raises(MappingError, match="'lead_id' is not a canonical column"):
        load_mapping(bad)
    result = CliRunner().invoke(
        app,
        [
            "report",
            str(agreement_path),
            "-a",
            str(path),
            "--columns",
            str(bad),
            "--as-of",
            "2026-01-31",
        ],
    )
    assert result.exit_code == 1 and "canonical columns: id, created_at" in result.output


def test_mapping_excludes_rows_that_are_not_leads(agreement_path: Path, tmp_path: Path) -> None:
    mapping = tmp_path / "m.yaml"
    mapping.write_text("exclude:\n  status: [Rejected]\n", encoding="utf-8")
    rows = [
        ["1", "2026-01-02", "north", "marketing", "Accepted"],
        ["2", "2026-01-03", "north", "marketing", "Rejected"],
    ]
    path = write_csv(
        tmp_path / "r.csv", rows, header=["id", "created_at", "segment", "source", "status"]
    )
    report = report_for(agreement_path, path, "2026-01-31", mapping=load_mapping(mapping))
    assert report.stats.excluded == 1 and report.stats.skipped == 0
    assert month_of(report, "north", "2026-01").marketing_leads == 1


@pytest.mark.parametrize(
    ("cell", "amount"),
    [("USD 12,000.50", "12000.50"), ("$1,200", "1200"), ("900.5", "900.5"), ("EUR 300", "300")],
)
def test_revenue_cells_as_crms_write_them(
    agreement_path: Path, tmp_path: Path, cell: str, amount: str
) -> None:
    rows = [["1", "2026-01-02", "north", "marketing", "", "", "", "", "2026-01-09", cell]]
    report = report_for(agreement_path, write_csv(tmp_path / "m.csv", rows), "2026-01-31")
    assert month_of(report, "north", "2026-01").marketing_revenue == Decimal(amount)


def test_an_ambiguous_amount_is_a_bad_row(agreement_path: Path, tmp_path: Path) -> None:
    rows = [["1", "2026-01-02", "north", "marketing", "", "", "", "", "2026-01-09", "12,00"]]
    report = report_for(agreement_path, write_csv(tmp_path / "m.csv", rows), "2026-01-31")
    assert report.stats.skipped == 1 and report.stats.findings[0].column == "revenue"

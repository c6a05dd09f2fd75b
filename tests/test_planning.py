"""Calendars and currencies in the target engine: spreads, proration, goal days, conversion."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from slagen.core.explain import explain_targets, format_explanation
from slagen.core.planning_calendar import (
    daily_goal_line,
    goal_days,
    prorate_factor,
    prorated_month,
    spread_by_weights,
    spread_quarters,
)
from slagen.core.scalars import days_in_month
from slagen.core.targets import convert, goal_line
from slagen.core.validate import load_agreement, validate_file
from slagen.formats.targets import targets_csv, targets_json
from tests.conftest import AGREEMENTS

PLANNING = Path(__file__).resolve().parent / "data" / "planning" / "northwind-planning.yaml"
MONTHS = tuple(f"2026-{m:02d}" for m in range(1, 13))

amounts = st.decimals(min_value=0, max_value=Decimal("99999999.99"), places=2)


def hand_round(value: Decimal) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = 80
        return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@settings(max_examples=300, deadline=None)
@given(
    total=amounts,
    weights=st.lists(st.decimals(min_value=0, max_value=1000, places=3), min_size=12, max_size=12),
)
def test_weights_spread_a_total_into_months_that_add_up_exactly(
    total: Decimal, weights: list[Decimal]
) -> None:
    by_month = spread_by_weights(total, MONTHS, dict(zip(MONTHS, weights, strict=True)))
    assert sum(by_month.values()) == total
    whole = sum(weights) or Decimal(12)
    for month, weight in zip(MONTHS, weights, strict=True):
        share = Fraction(total) * Fraction(weight if sum(weights) else 1) / Fraction(whole)
        # largest remainder: never more than one cent from the exact share
        assert abs(Fraction(by_month[month]) - share) < Fraction(1, 100)
        assert by_month[month] == by_month[month].quantize(Decimal("0.01"))


@settings(max_examples=100, deadline=None)
@given(quarters=st.lists(amounts, min_size=4, max_size=4))
def test_quarters_spread_within_each_quarter(quarters: list[Decimal]) -> None:
    by_month = spread_quarters(quarters, MONTHS, None)
    for index, amount in enumerate(quarters):
        assert sum(by_month[m] for m in MONTHS[index * 3 : index * 3 + 3]) == amount


def test_spread_breaks_ties_towards_the_earlier_month() -> None:
    spread = spread_by_weights(Decimal("0.02"), ("2026-01", "2026-02", "2026-03"), None)
    assert list(spread.values()) == [Decimal("0.01"), Decimal("0.01"), Decimal("0.00")]


@settings(max_examples=300, deadline=None)
@given(goal=amounts, day=st.integers(min_value=1, max_value=31), month=st.sampled_from(MONTHS))
def test_prorating_never_loses_a_cent_against_a_hand_computation(
    goal: Decimal, day: int, month: str
) -> None:
    days = days_in_month(month)
    day = min(day, days)
    effective = dt.date(2026, int(month[5:]), day)
    factor = prorate_factor(month, effective)
    assert factor == Fraction(days - day + 1, days)
    with localcontext() as ctx:
        ctx.prec = 80
        hand = hand_round(goal * (days - day + 1) / days)
    assert prorated_month(goal, factor) == hand
    # a date outside the month leaves it whole
    assert prorate_factor(month, dt.date(2025, 1, 15)) == 1


@settings(max_examples=300, deadline=None)
@given(amount=amounts, rate=st.decimals(min_value=Decimal("0.0001"), max_value=200, places=4))
def test_conversion_never_loses_a_cent_against_a_hand_computation(
    amount: Decimal, rate: Decimal
) -> None:
    with localcontext() as ctx:
        ctx.prec = 80
        assert convert(amount, rate) == hand_round(amount * rate)


def test_segment_in_its_own_currency_is_totalled_in_the_agreements() -> None:
    _, table = load_agreement(PLANNING)
    emea = table.segment("emea")
    assert emea.currency == "EUR"
    assert emea.exchange_rate == Decimal("1.0845")
    rate = Decimal("1.0845")
    hand = sum(hand_round(r.lead_value_needed * rate) for r in emea.months)
    assert emea.agreement_total.lead_value_needed == hand
    assert emea.agreement_total.revenue_goal == sum(
        hand_round(r.revenue_goal * rate) for r in emea.months
    )
    # counts do not change with the currency
    assert emea.agreement_total.leads_needed == emea.total.leads_needed
    others = sum(s.total.revenue_goal for s in table.segments if s.id != "emea")
    assert table.total.revenue_goal == others + emea.agreement_total.revenue_goal
    data = json.loads(targets_json(table))
    seg = next(s for s in data["segments"] if s["id"] == "emea")
    assert seg["currency"] == "EUR"
    assert seg["total_in_agreement_currency"]["revenue_goal"] == str(
        emea.agreement_total.revenue_goal
    )
    monthly_money = sum(Decimal(m["revenue_goal"]) for m in data["months"])
    assert monthly_money == Decimal(data["total"]["revenue_goal"])


def test_the_revision_month_is_prorated_and_the_months_before_keep_their_figures() -> None:
    _, table = load_agreement(PLANNING)  # revision 2 takes effect on 2026-07-15
    na = table.segment("na")
    july = next(r for r in na.months if r.month == "2026-07")
    assert july.prorate == Fraction(17, 31)
    assert july.revenue_goal_given == Decimal("540000.00")
    assert july.revenue_goal == hand_round(Decimal(540000) * 17 / 31)
    june = next(r for r in na.months if r.month == "2026-06")
    assert june.prorate == 1 and june.revenue_goal == Decimal("480000.00")
    row = next(
        m
        for s in json.loads(targets_json(table))["segments"]
        if s["id"] == "na"
        for m in s["months"]
        if m["month"] == "2026-07"
    )
    assert row["prorate"] == "17/31" and row["revenue_goal_given"] == "540000.00"
    assert row["fiscal_month"] == "FY2026 month 7"


def test_spread_revenue_goal_from_the_file_adds_up_to_its_total() -> None:
    agreement, _ = load_agreement(PLANNING)
    assert agreement.targets is not None
    latam = next(s for s in agreement.targets.segments if s.id == "latam")
    assert latam.revenue_spread == "total"
    assert sum(latam.revenue_goal[m] for m in MONTHS) == Decimal(1800000)
    # weight 11 of 98 in December
    assert abs(Fraction(latam.revenue_goal["2026-12"]) - Fraction(1800000 * 11, 98)) < Fraction(
        1, 100
    )


def test_business_days_skip_weekends_and_holidays() -> None:
    holidays = frozenset({dt.date(2026, 7, 3)})
    days = goal_days("2026-07", "business", holidays)
    assert len(days) == 22  # 23 weekdays in July 2026, less the 3rd
    assert dt.date(2026, 7, 4) not in days and dt.date(2026, 7, 3) not in days
    assert len(goal_days("2026-07", "calendar", holidays)) == 31
    line = daily_goal_line(94, "2026-07", "business", holidays)
    assert len(line) == 31
    assert line[-1][1] == 94
    assert line[2][1] == line[1][1]  # the holiday adds nothing
    assert line[1][1] == Fraction(94 * 2, 22)


def test_goal_line_uses_the_agreements_calendar_and_json_names_it() -> None:
    _, table = load_agreement(PLANNING)
    line = goal_line(table, "2026-07", 100)
    assert line[-1][1] == 100
    assert line[3][1] == line[2][1]  # 2026-07-04 is a Saturday
    calendar = json.loads(targets_json(table))["calendar"]
    assert calendar["goal_days"] == "business"
    july = next(m for m in calendar["months"] if m["month"] == "2026-07")
    assert july["goal_days"] == 22
    _, plain = load_agreement(AGREEMENTS / "northwind-marketing-sales.yaml")
    assert "calendar" not in json.loads(targets_json(plain))
    assert goal_line(plain, "2026-07", 31)[0][1] == 1


def test_the_derivation_equals_the_json_output() -> None:
    agreement, table = load_agreement(PLANNING)
    data = json.loads(targets_json(table))
    rows = {(s["id"], m["month"]): m for s in data["segments"] for m in s["months"]}
    derivations = explain_targets(agreement, table)
    assert derivations
    for d in derivations:
        for month in (d.month, *d.same_months):
            row = rows[(d.segment, month)]
            results = {step.key: step.value[1] for step in d.steps}
            assert str(results["marketing_revenue_goal"]) == row["marketing_revenue_goal"]
            assert results["customers_needed"] == row["customers_needed"]
            assert str(results["lead_value_needed"]) == row["lead_value_needed"]
            for stage, count in row["stages"].items():
                assert results[f"stage:{stage}"] == count
            if "prorate" in row:
                assert str(results["revenue_goal_prorated"]) == row["revenue_goal"]
    assert any(
        d.month == "2026-07" and d.steps[0].key == "revenue_goal_prorated" for d in derivations
    )


def _validate(tmp_path: Path, old: str, new: str) -> list[str]:
    text = PLANNING.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "northwind-planning.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return [f.code for f in validate_file(path).findings]


def test_planning_fields_validate(tmp_path: Path) -> None:
    assert _validate(tmp_path, "goal_days: business", "goal_days: business") == []
    assert "weights-missing" in _validate(tmp_path, " 2026-12: 11}", "}")
    weights = PLANNING.read_text(encoding="utf-8").split("weights: {")[1].split("}")[0]
    all_zero = re.sub(r"(2026-\d\d): \d+", r"\1: 0", weights)
    assert "weights-all-zero" in _validate(tmp_path, weights, all_zero)
    assert "quarters-count" in _validate(
        tmp_path, "total: 1800000\n", "quarters: [400000, 500000]\n"
    )
    assert "missing-exchange-rate" in _validate(tmp_path, "      exchange_rate: 1.0845\n", "")
    assert "exchange-rate-without-currency" in _validate(tmp_path, "      currency: EUR\n", "")
    assert "unknown-currency" in _validate(tmp_path, "currency: EUR\n", "currency: EUX\n")
    assert "holidays-unused" in _validate(tmp_path, "goal_days: business", "goal_days: calendar")
    assert "holiday-outside-period" in _validate(tmp_path, "2026-01-01, 2026-05-25", "2025-12-31")
    assert "prorate-no-effect" in _validate(tmp_path, "date: 2026-07-15", "date: 2026-07-01")
    codes = _validate(tmp_path, "goal_days: business", "goal_days: weekdays")
    assert codes and all(c != "internal-error" for c in codes)


def test_a_fiscal_year_starting_in_april_counts_its_months_from_april(tmp_path: Path) -> None:
    text = PLANNING.read_text(encoding="utf-8")
    text = text.replace(
        "start: 2026-01-01\n  end: 2026-12-31", "start: 2026-04-01\n  end: 2027-03-31"
    )
    # month maps of the calendar year no longer fit: use single values and a spread
    text = re.sub(r"revenue_goal:\n(        2026-\d\d: \d+.*\n)+", "revenue_goal: 500000\n", text)
    text = re.sub(r"weights: \{[^}]*\}", "weights: {}", text)
    text = text.replace("weights: {}", "")
    text = text.replace("date: 2026-07-15", "date: 2026-04-01", 1)
    path = tmp_path / "northwind-planning.yaml"
    path.write_text(text, encoding="utf-8")
    result = validate_file(path)
    assert [f.code for f in result.findings if f.severity == "error"] == []
    _, table = load_agreement(path)
    assert table.months[0] == "2026-04" and table.months[-1] == "2027-03"
    assert table.fiscal_month("2026-04") == "FY2026 month 1"
    assert table.fiscal_month("2027-03") == "FY2026 month 12"
    latam = table.segment("latam")
    assert sum(r.revenue_goal for r in latam.months) == Decimal(1800000)
    assert all(r.revenue_goal == Decimal(150000) for r in latam.months)


def test_csv_and_explain_name_the_segments_currency() -> None:
    agreement, table = load_agreement(PLANNING)
    rows = [line.split(",") for line in targets_csv(table).splitlines()[1:]]
    assert {r[-1] for r in rows if r[2] == "emea"} == {"EUR"}
    assert {r[-1] for r in rows if r[2] == "na"} == {"USD"}
    text = format_explanation(explain_targets(agreement, table), table.currency)
    emea = text.split("Europe, Middle East & Africa (emea), 2026-07")[1].split("\n\n")[0]
    assert "→ 161774.19 EUR" in emea
    assert "× 1.0845 = 101802.015 → 101802.02 USD" in emea


def test_a_malformed_spread_gets_findings_that_name_the_field(tmp_path: Path) -> None:
    def findings(new: str) -> list[tuple[str, str]]:
        text = PLANNING.read_text(encoding="utf-8").replace("total: 1800000", new, 1)
        path = tmp_path / "northwind-planning.yaml"
        path.write_text(text, encoding="utf-8")
        return [(f.code, f.path) for f in validate_file(path).findings if f.severity == "error"]

    goal = "targets.segments[1].revenue_goal"
    assert findings('total: "1,800,000"') == [("invalid-money", f"{goal}.total")]
    assert ("revenue-goal-spread", goal) in findings("total: 1800000\n        quarters: [1]")
    assert ("unknown-field", f"{goal}.annual") in findings("total: 1\n        annual: 5")
    assert findings("quarters: [400000, 450000, 450000, 500000]") == []


def test_a_roll_up_adds_a_segments_money_in_the_agreements_currency() -> None:
    from slagen.core.rollup import month_figures

    _, table = load_agreement(PLANNING)
    emea = table.segment("emea")
    january = month_figures(table, "emea")["2026-01"]
    assert january["marketing_revenue_goal"] == convert(Decimal("147500.00"), Decimal("1.0845"))
    assert emea.months[0].marketing_revenue_goal == Decimal("147500.00")


@settings(max_examples=25, deadline=None)
@given(
    goal=st.integers(min_value=0, max_value=5_000_000),
    share=st.integers(min_value=1, max_value=100),
    deal=st.integers(min_value=1, max_value=90_000),
    close=st.integers(min_value=1, max_value=100),
    day=st.integers(min_value=1, max_value=31),
    rate=st.decimals(min_value=Decimal("0.01"), max_value=50, places=4),
)
def test_for_any_inputs_the_derivation_equals_the_json(
    tmp_path_factory: object, goal: int, share: int, deal: int, close: int, day: int, rate: Decimal
) -> None:
    text = PLANNING.read_text(encoding="utf-8")
    text = re.sub(
        r"(- id: na\n(?:.*\n)*?      revenue_goal:\n)((?:        2026-.*\n)+)", r"\g<1>", text
    )
    text = text.replace(
        '      revenue_goal:\n      marketing_share: "55%"',
        f'      revenue_goal: {goal}\n      marketing_share: "{share}%"',
        1,
    )
    text = text.replace(
        'avg_deal_size: 12000\n      close_rate: "15%"',
        f'avg_deal_size: {deal}\n      close_rate: "{close}%"',
        1,
    )
    text = text.replace("exchange_rate: 1.0845", f"exchange_rate: {rate}", 1)
    text = text.replace("date: 2026-07-15", f"date: 2026-07-{day:02d}", 1)
    folder = Path(str(tmp_path_factory.mktemp("any")))  # type: ignore[attr-defined]
    path = folder / "northwind-planning.yaml"
    path.write_text(text, encoding="utf-8")
    agreement, table = load_agreement(path)
    assert agreement.targets is not None
    spec = agreement.targets.segments[0]
    assert spec.close_rate is not None and spec.close_rate.single == Decimal(close) / 100
    assert spec.revenue_goal.single == goal and spec.avg_deal_size.single == deal
    na = table.segment("na")
    july = next(r for r in na.months if r.month == "2026-07")
    assert july.revenue_goal == hand_round(Decimal(goal) * (31 - day + 1) / 31)
    assert july.marketing_revenue_goal == hand_round(july.revenue_goal * share / 100)
    data = json.loads(targets_json(table))
    rows = {(s["id"], m["month"]): m for s in data["segments"] for m in s["months"]}
    for d in explain_targets(agreement, table):
        results = {step.key: step.value[1] for step in d.steps}
        for month in (d.month, *d.same_months):
            row = rows[(d.segment, month)]
            assert str(results["marketing_revenue_goal"]) == row["marketing_revenue_goal"]
            assert results["customers_needed"] == row["customers_needed"]
            assert str(results["lead_value_needed"]) == row["lead_value_needed"]
            assert all(results[f"stage:{s}"] == c for s, c in row["stages"].items())
    emea = next(s for s in data["segments"] if s["id"] == "emea")
    converted = sum(hand_round(Decimal(m["lead_value_needed"]) * rate) for m in emea["months"])
    assert Decimal(emea["total_in_agreement_currency"]["lead_value_needed"]) == converted


def test_diff_names_a_changed_total_and_weight_and_a_switch_to_a_spread() -> None:
    from slagen.core.loader import load_text
    from slagen.revisions.fields import compare_documents

    text = PLANNING.read_text(encoding="utf-8")
    old = load_text(text)
    changed = load_text(
        text.replace("total: 1800000", "total: 1900000").replace("2026-12: 11}", "2026-12: 12}")
    )
    paths = {c.path: (c.old, c.new) for c in compare_documents(old, changed)}
    latam = "targets.segments[id=latam].revenue_goal"
    assert paths[f"{latam}.total"] == (1800000, 1900000)
    assert paths[f"{latam}.weights.2026-12"] == (11, 12)
    single = load_text(
        re.sub(
            r"      revenue_goal:\n        total: 1800000\n        weights: \{[^}]*\}\n",
            "      revenue_goal: 150000\n",
            text,
        )
    )
    kinds = {c.path: c.kind for c in compare_documents(old, single)}
    assert kinds.get(latam) == "changed"


@settings(max_examples=100, deadline=None)
@given(
    needed=st.integers(min_value=0, max_value=100_000),
    month=st.sampled_from(MONTHS),
    holidays=st.sets(st.integers(min_value=1, max_value=28), max_size=10),
)
def test_the_business_day_goal_line_rises_only_on_business_days(
    needed: int, month: str, holidays: set[int]
) -> None:
    days = frozenset(dt.date(2026, int(month[5:]), d) for d in holidays)
    line = daily_goal_line(needed, month, "business", days)
    counted = goal_days(month, "business", days)
    assert len(line) == days_in_month(month)
    assert line[-1][1] == needed
    previous = Fraction(0)
    for day, goal in line:
        rises = goal != previous
        assert goal >= previous
        assert rises == (day in counted and needed > 0)
        assert (day.weekday() >= 5 or day in days) == (day not in counted)
        previous = goal

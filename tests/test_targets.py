"""The target arithmetic of docs/targets.md: worked examples and properties."""

from __future__ import annotations

import copy
import itertools
import json
import math
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from slagen.core.assemble import build_agreement
from slagen.core.targets import compute_targets, exact_ceil, money
from slagen.core.validate import validate_text
from slagen.formats.targets import targets_json, targets_to_dict
from tests.conftest import GOLDEN, check_golden, example_files

BASE: dict[str, Any] = {
    "slagen": 1,
    "id": "company-x",
    "title": "Company X",
    "type": "internal",
    "language": "en",
    "currency": "USD",
    "period": {"start": "2026-01-01", "end": "2026-03-31"},
    "revision": {"number": 1, "date": "2026-01-01", "summary": "First"},
    "parties": [
        {
            "id": "marketing",
            "name": "Marketing",
            "role": "provider",
            "representative": {"name": "Bruno"},
        },
        {"id": "sales", "name": "Sales", "role": "recipient", "representative": {"name": "Ana"}},
    ],
    "summary": "Marketing delivers leads.",
    "objectives": [{"party": "marketing", "text": "Leads"}, {"party": "sales", "text": "Revenue"}],
    "needs": [{"party": "sales", "from": "marketing", "text": "Leads"}],
    "contacts": [{"party": "marketing", "name": "Bruno", "role": "Director"}],
    "consequences": [{"trigger": "Missed", "action": "Review"}],
    "cancellation": [{"text": "Three missed months"}],
}


def agreement_with(*segments: dict[str, Any], **extra: Any) -> Any:
    data = copy.deepcopy(BASE)
    data["targets"] = {"dimension": "region", "segments": list(segments)}
    data.update(extra)
    return build_agreement(data)


def segment(**fields: Any) -> dict[str, Any]:
    base = {
        "id": "s",
        "name": "S",
        "revenue_goal": Decimal(5000),
        "marketing_share": "100%",
        "avg_deal_size": Decimal(100),
        "close_rate": "50%",
    }
    base.update(fields)
    return {k: v for k, v in base.items() if v is not None}


def test_company_x_from_the_seeds() -> None:
    """Goal 5,000 a month, share 100 %, deal 100, close 50 % → 50 customers → 100 leads."""
    table = compute_targets(agreement_with(segment()))
    for row in table.segments[0].months:
        assert row.marketing_revenue_goal == Decimal("5000.00")
        assert row.customers_needed == 50
        assert row.leads_needed == 100
        assert row.lead_value == Decimal("50.00")
        assert row.lead_value_needed == Decimal("5000.00")
    assert [m.leads_needed for m in table.monthly] == [100, 100, 100]
    assert table.total.leads_needed == 300


def test_spec_json_example_numbers() -> None:
    """docs/targets.md: 200,000 × 60 % = 120,000; ÷ 8,000 = 15 customers; ÷ 12 % = 125 leads."""
    seg = segment(
        id="na",
        revenue_goal=Decimal(200000),
        marketing_share="60%",
        avg_deal_size=Decimal(8000),
        close_rate="12%",
        lead_value=Decimal(960),
    )
    data = targets_to_dict(compute_targets(agreement_with(seg)))
    month = data["segments"][0]["months"][0]
    assert month["revenue_goal"] == "200000.00"
    assert month["marketing_revenue_goal"] == "120000.00"
    assert month["customers_needed"] == 15
    assert month["leads_needed"] == 125
    assert month["stages"] == {"leads": 125}
    assert month["lead_value_needed"] == "120000.00"


def test_decimal_rates_are_exact() -> None:
    # 3 customers at 0.1 is exactly 30 leads; binary floats would say 30.000000000000004 → 31.
    seg = segment(revenue_goal=Decimal(300), avg_deal_size=Decimal(100), close_rate=Decimal("0.1"))
    assert compute_targets(agreement_with(seg)).segments[0].months[0].leads_needed == 30
    # 17 customers at 8.5 % = 200 leads exactly.
    for rate in ("8.5%", Decimal("0.085"), "8.5 %"):
        seg = segment(revenue_goal=Decimal(1700), close_rate=rate)
        assert compute_targets(agreement_with(seg)).segments[0].months[0].leads_needed == 200


def test_funnel_walks_up_from_customers() -> None:
    funnel = [
        {"stage": "visits", "rate": "2%"},
        {"stage": "leads", "rate": "25%", "sla": True},
        {"stage": "proposals", "rate": "48%"},
    ]
    seg = segment(
        close_rate=None, funnel=funnel, revenue_goal=Decimal(12000), avg_deal_size=Decimal(1000)
    )
    row = compute_targets(agreement_with(seg)).segments[0].months[0]
    # 12 customers ÷ 48 % = 25 proposals; ÷ 25 % = 100 leads; ÷ 2 % = 5,000 visits
    assert row.customers_needed == 12
    assert dict(row.stages) == {"visits": 5000, "leads": 100, "proposals": 25}
    assert row.leads_needed == 100
    # a lead is worth deal × 25 % × 48 %
    assert row.lead_value == Decimal("120.00")


def test_funnel_without_sla_stage_uses_the_first() -> None:
    funnel = [{"stage": "mql", "rate": "50%"}, {"stage": "sql", "rate": "50%"}]
    seg = segment(close_rate=None, funnel=funnel)
    row = compute_targets(agreement_with(seg)).segments[0].months[0]
    assert row.leads_needed == 200 and dict(row.stages) == {"mql": 200, "sql": 100}


def test_sales_cycle_shifts_lead_months_before_the_period() -> None:
    seg = segment(sales_cycle_months=2)
    table = compute_targets(agreement_with(seg))
    assert [r.lead_month for r in table.segments[0].months] == ["2025-11", "2025-12", "2026-01"]
    assert [(m.month, m.pre_period, m.leads_needed) for m in table.monthly] == [
        ("2025-11", True, 100),
        ("2025-12", True, 100),
        ("2026-01", False, 100),
        ("2026-02", False, 0),
        ("2026-03", False, 0),
    ]


def test_month_maps_zero_goal_groups_and_capacity() -> None:
    a = segment(
        id="a",
        group="g1",
        revenue_goal={"2026-01": Decimal(0), "2026-02": Decimal(5000), "2026-03": Decimal(10000)},
    )
    b = segment(
        id="b", group="g1", close_rate={"2026-01": "25%", "2026-02": "50%", "2026-03": "100%"}
    )
    c = segment(id="c", group="g2")
    agreement = agreement_with(
        a,
        b,
        c,
        follow_up={"first_attempt_within": "4h", "min_attempts": 6},
        capacity={
            "reps": 2,
            "hours_per_rep_month": Decimal(20),
            "minutes_per_attempt": Decimal(10),
        },
    )
    table = compute_targets(agreement)
    assert [r.leads_needed for r in table.segment("a").months] == [0, 100, 200]
    assert [r.leads_needed for r in table.segment("b").months] == [200, 100, 50]
    assert [g.id for g in table.groups] == ["g1", "g2"]
    assert table.groups[0].total.leads_needed == 650
    assert table.total.leads_needed == 950
    jan = table.monthly[0]
    # 300 leads × 6 attempts × 10 minutes ÷ 60 = 300 hours against 2 × 20 = 40 hours
    assert jan.capacity is not None
    assert jan.capacity.needed_hours == Decimal(300) and jan.capacity.available_hours == Decimal(40)
    assert jan.capacity.over and table.over_capacity_months == ("2026-01", "2026-02", "2026-03")


rates = st.decimals(min_value=Decimal("0.001"), max_value=Decimal(1), places=3)
moneys = st.decimals(min_value=Decimal(0), max_value=Decimal(10_000_000), places=2)
deals = st.decimals(min_value=Decimal("0.01"), max_value=Decimal(1_000_000), places=2)


@settings(max_examples=300, deadline=None)
@given(goal=moneys, share=rates, deal=deals, close=rates)
def test_counts_are_the_smallest_that_meet_the_goal(
    goal: Decimal, share: Decimal, deal: Decimal, close: Decimal
) -> None:
    seg = segment(revenue_goal=goal, marketing_share=share, avg_deal_size=deal, close_rate=close)
    row = compute_targets(agreement_with(seg)).segments[0].months[0]
    mrg = row.marketing_revenue_goal
    assert abs(mrg - goal * share) <= Decimal("0.005")
    assert row.customers_needed * deal >= mrg
    assert row.customers_needed == 0 or (row.customers_needed - 1) * deal < mrg
    assert Fraction(row.leads_needed) * Fraction(close) >= row.customers_needed
    assert (
        row.leads_needed == 0
        or Fraction(row.leads_needed - 1) * Fraction(close) < row.customers_needed
    )


@settings(max_examples=200, deadline=None)
@given(goal=moneys, more=moneys, share=rates, deal=deals, close=rates)
def test_results_never_decrease_when_the_goal_rises(
    goal: Decimal, more: Decimal, share: Decimal, deal: Decimal, close: Decimal
) -> None:
    low = segment(revenue_goal=goal, marketing_share=share, avg_deal_size=deal, close_rate=close)
    high = segment(
        revenue_goal=goal + more, marketing_share=share, avg_deal_size=deal, close_rate=close
    )
    a = compute_targets(agreement_with(low)).segments[0].months[0]
    b = compute_targets(agreement_with(high)).segments[0].months[0]
    assert b.customers_needed >= a.customers_needed
    assert b.leads_needed >= a.leads_needed
    assert b.lead_value_needed >= a.lead_value_needed


@settings(max_examples=200, deadline=None)
@given(
    customers_goal=st.integers(min_value=0, max_value=5000),
    stage_rates=st.lists(rates, min_size=1, max_size=4),
)
def test_funnel_each_stage_feeds_the_next(customers_goal: int, stage_rates: list[Decimal]) -> None:
    funnel = [{"stage": f"s{i}", "rate": r} for i, r in enumerate(stage_rates)]
    seg = segment(close_rate=None, funnel=funnel, revenue_goal=Decimal(customers_goal * 100))
    row = compute_targets(agreement_with(seg)).segments[0].months[0]
    assert row.customers_needed == customers_goal
    counts = [count for _, count in row.stages] + [row.customers_needed]
    for (count, nxt), rate in zip(itertools.pairwise(counts), stage_rates, strict=False):
        assert Fraction(count) * Fraction(rate) >= nxt
        assert count == 0 or Fraction(count - 1) * Fraction(rate) < nxt


@settings(max_examples=100, deadline=None)
@given(percent=st.decimals(min_value=Decimal("0.1"), max_value=Decimal(100), places=1))
def test_percent_string_and_fraction_agree(percent: Decimal) -> None:
    as_text = segment(close_rate=f"{percent}%")
    as_fraction = segment(close_rate=percent / 100)
    a = compute_targets(agreement_with(as_text)).segments[0].months[0]
    b = compute_targets(agreement_with(as_fraction)).segments[0].months[0]
    assert a.leads_needed == b.leads_needed


exact_numbers = st.one_of(
    st.integers(-(10**20), 10**20),
    st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**15), max_value=10**15),
    st.decimals(allow_nan=False, allow_infinity=False, min_value=Decimal("-1e-12"),
                max_value=Decimal("1e-12"), places=30),
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(numerator=exact_numbers, denominator=exact_numbers)
def test_exact_ceil_is_the_ceiling_of_the_exact_quotient(
    numerator: Decimal | int, denominator: Decimal | int
) -> None:
    if denominator == 0:
        with pytest.raises(ZeroDivisionError):
            exact_ceil(numerator, denominator)
        return
    assert exact_ceil(numerator, denominator) == math.ceil(
        Fraction(numerator) / Fraction(denominator)
    )


def test_money_rounds_half_up_with_sixty_digits() -> None:
    assert money(Decimal("0.005")) == Decimal("0.01")
    assert money(Decimal("-0.005")) == Decimal("-0.01")
    assert money(Fraction(1, 3)) == Decimal("0.33")
    assert money(Fraction(2, 3)) == Decimal("0.67")
    # 20 significant digits times 20 more: exact within sixty, then rounded once
    big = Decimal("12345678901234567890.12")
    assert money(big) == big and str(money(Decimal(1) / 8)) == "0.13"


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.stem)
def test_golden_targets_json(path: Any) -> None:
    result = validate_text(path.read_bytes(), str(path))
    assert not result.errors, [f.format_text() for f in result.errors]
    assert result.targets is not None
    text = targets_json(result.targets)
    json.loads(text)
    check_golden(GOLDEN / "targets" / f"{path.stem}.json", text)


PLANNING = Path(__file__).resolve().parent / "data" / "planning" / "northwind-planning.yaml"


def _targets_of(text: str, *, fresh: bool) -> str:
    """The targets' full repr, computed after whatever came before or from nothing."""
    from slagen.core import targets

    if fresh:
        targets._LAST_BY_ID.clear()
    result = validate_text(text, "planning.yaml")
    assert result.agreement is not None, result.findings
    return repr(compute_targets(result.agreement))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("exchange_rate: 1.0845", "exchange_rate: 1.08450"),  # equal, written differently
        ("exchange_rate: 1.0845", "exchange_rate: 1.0846"),
        ("  date: 2026-07-15", "  date: 2026-07-16"),  # the prorated month moves
        ("  prorate: true", "  prorate: false"),
        ("  number: 2\n", "  number: 3\n"),  # nothing of the targets changes
    ],
)
def test_targets_taken_from_the_previous_revision_are_the_ones_computed(old: str, new: str) -> None:
    """A diff computes two revisions: segments equal in every field reuse the first's targets."""
    before = PLANNING.read_text(encoding="utf-8")
    after = before.replace(old, new, 1)
    assert after != before
    _targets_of(before, fresh=True)
    reused = _targets_of(after, fresh=False)
    assert reused == _targets_of(after, fresh=True)
    assert _targets_of(before, fresh=False) == _targets_of(before, fresh=True)

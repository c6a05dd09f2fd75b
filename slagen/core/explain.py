"""The working shown (compute stage): each segment's targets derived step by step.

For every segment, the first month and every month whose inputs differ from
the month before are derived, each step with its inputs, its exact quotient
and its rounding rule; months with the same inputs as a derived month are named
beside it. Every result is the engine's own figure (read from the
:class:`~slagen.core.targets.TargetTable`), and the exact quotient before rounding
is computed with fractions, so the derivation can never disagree with the
targets it explains.

Stage: compute.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from slagen.core.model import Agreement, Segment
from slagen.core.targets import SegmentMonth, TargetTable, convert

__all__ = ["Derivation", "Step", "explain_targets", "format_explanation"]


@dataclass(frozen=True)
class Step:
    """One step: what is computed, from what, the exact value and the rounded result."""

    key: str  # marketing_revenue_goal | customers_needed | stage:<name> | lead_month | lead_value_needed
    formula: str
    exact: Fraction | None  # the value before rounding (None when nothing is rounded)
    result: str
    rounding: str  # half-up to cents | up to a whole number | none
    # The same, structured for documents that format numbers in their language:
    # ``left op right = value``, each term ``(kind, value, label)`` with kind one
    # of money | percent | count | fraction | number | month.
    left: tuple[str, object, str] = ("number", 0, "")
    op: str = "×"
    right: tuple[str, object, str] = ("number", 0, "")
    value: tuple[str, object, str] = ("number", 0, "")

    @property
    def exact_shown(self) -> tuple[Decimal, bool] | None:
        """The exact value to 4 places and whether it was cut short, when it differs."""
        if self.exact_text is None or self.exact is None:
            return None
        shown = Decimal(self.exact.numerator) / Decimal(self.exact.denominator)
        short = shown.quantize(Decimal("0.0001"))
        return short, short != shown

    @property
    def exact_text(self) -> str | None:
        """The exact value when rounding changed it (``133.3333…``), else None."""
        if self.exact is None or self.exact == Fraction(Decimal(self.result.split()[0])):
            return None
        return _num(self.exact)


@dataclass(frozen=True)
class Derivation:
    """One segment's derivation for one month (and the months that share its inputs)."""

    segment: str
    segment_name: str
    month: str
    same_months: tuple[str, ...]
    steps: tuple[Step, ...]
    currency: str | None = None  # the segment's own currency, when not the agreement's


def _inputs(segment: Segment, row: SegmentMonth) -> tuple[object, ...]:
    month = row.month

    def at(value: object) -> object:
        return None if value is None else value[month]  # type: ignore[index]

    funnel = tuple((s.stage, s.rate, s.sla) for s in segment.funnel or ())
    return (
        row.revenue_goal,
        row.prorate,
        segment.marketing_share[month],
        segment.avg_deal_size[month],
        at(segment.close_rate),
        at(segment.lead_value),
        funnel,
    )


def _num(value: Decimal | Fraction | int) -> str:
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return str(value.numerator)
        shown = Decimal(value.numerator) / Decimal(value.denominator)
        short = shown.quantize(Decimal("0.0001"))
        return f"{short.normalize():f}" if short == shown else f"{short:f}…"
    if isinstance(value, Decimal):
        return f"{value.normalize():f}" if value == value.to_integral() else f"{value:f}"
    return str(value)


def _pct(rate: Decimal) -> str:
    return f"{(rate * 100).normalize():f}%"


def _steps(segment: Segment, row: SegmentMonth) -> tuple[Step, ...]:
    month = row.month
    goal, share, deal = (
        row.revenue_goal,
        segment.marketing_share[month],
        segment.avg_deal_size[month],
    )
    steps = []
    if row.revenue_goal_given is not None:
        factor = row.prorate
        steps.append(
            Step(
                "revenue_goal_prorated",
                f"{row.revenue_goal_given:f} × {factor.numerator}/{factor.denominator}",
                Fraction(row.revenue_goal_given) * factor,
                f"{row.revenue_goal:f}",
                "half-up to cents",
                ("money", row.revenue_goal_given, ""),
                "×",
                ("fraction", f"{factor.numerator}/{factor.denominator}", ""),
                ("money", row.revenue_goal, ""),
            )
        )
    steps += [
        Step(
            "marketing_revenue_goal",
            f"{_num(goal)} × {_pct(share)}",
            Fraction(goal) * Fraction(share),
            f"{row.marketing_revenue_goal:f}",
            "half-up to cents",
            ("money", goal, ""),
            "×",
            ("percent", share, ""),
            ("money", row.marketing_revenue_goal, ""),
        ),
        Step(
            "customers_needed",
            f"{row.marketing_revenue_goal:f} ÷ {_num(deal)}",
            Fraction(row.marketing_revenue_goal) / Fraction(deal),
            str(row.customers_needed),
            "up to a whole customer",
            ("money", row.marketing_revenue_goal, ""),
            "÷",
            ("money", deal, ""),
            ("count", row.customers_needed, ""),
        ),
    ]
    counts = dict(row.stages)
    if segment.funnel:
        following = ("customers", row.customers_needed)
        for stage in reversed(segment.funnel):
            steps.append(
                Step(
                    f"stage:{stage.stage}",
                    f"{following[1]} {following[0]} ÷ {_pct(stage.rate)}",
                    Fraction(following[1]) / Fraction(stage.rate) if following[1] else Fraction(0),
                    str(counts[stage.stage]),
                    "up to a whole number",
                    ("count", following[1], following[0]),
                    "÷",
                    ("percent", stage.rate, ""),
                    ("count", counts[stage.stage], ""),
                )
            )
            following = (stage.stage, counts[stage.stage])
    else:
        assert segment.close_rate is not None
        rate = segment.close_rate[month]
        steps.append(
            Step(
                "stage:leads",
                f"{row.customers_needed} ÷ {_pct(rate)}",
                Fraction(row.customers_needed) / Fraction(rate),
                str(row.leads_needed),
                "up to a whole lead",
                ("count", row.customers_needed, ""),
                "÷",
                ("percent", rate, ""),
                ("count", row.leads_needed, ""),
            )
        )
    steps.append(
        Step(
            "lead_month",
            f"{month} − {segment.sales_cycle_months} month(s)",
            None,
            row.lead_month + (" (before the period)" if row.pre_period else ""),
            "none",
            ("month", month, ""),
            "−",
            ("count", segment.sales_cycle_months, "months"),
            ("month", row.lead_month, "before the period" if row.pre_period else ""),
        )
    )
    steps.append(
        Step(
            "lead_value_needed",
            f"{row.leads_needed} × {row.lead_value:f}",
            Fraction(row.lead_value) * row.leads_needed,
            f"{row.lead_value_needed:f}",
            "half-up to cents",
            ("count", row.leads_needed, ""),
            "×",
            ("money", row.lead_value, ""),
            ("money", row.lead_value_needed, ""),
        )
    )
    if segment.exchange_rate is not None:
        steps.append(
            Step(
                "lead_value_needed_converted",
                f"{row.lead_value_needed:f} × {_num(segment.exchange_rate)}",
                Fraction(row.lead_value_needed) * Fraction(segment.exchange_rate),
                f"{convert(row.lead_value_needed, segment.exchange_rate):f}",
                "half-up to cents",
                ("money", row.lead_value_needed, ""),
                "×",
                ("number", segment.exchange_rate, ""),
                ("agreement_money", convert(row.lead_value_needed, segment.exchange_rate), ""),
            )
        )
    return tuple(steps)


def explain_targets(agreement: Agreement, table: TargetTable) -> tuple[Derivation, ...]:
    """Every segment's derivation: the first month and each month whose inputs change."""
    if agreement.targets is None:
        return ()
    derivations: list[Derivation] = []
    for segment, computed in zip(agreement.targets.segments, table.segments, strict=True):
        groups: list[tuple[SegmentMonth, list[str]]] = []
        previous: tuple[object, ...] | None = None
        for row in computed.months:
            inputs = _inputs(segment, row)
            if inputs != previous:
                groups.append((row, []))
            else:
                groups[-1][1].append(row.month)
            previous = inputs
        for row, same in groups:
            derivations.append(
                Derivation(
                    segment.id,
                    segment.name,
                    row.month,
                    tuple(same),
                    _steps(segment, row),
                    segment.currency,
                )
            )
    return tuple(derivations)


LABEL_BY_KEY = {
    "marketing_revenue_goal": "marketing revenue goal",
    "customers_needed": "customers needed",
    "lead_month": "lead month",
    "lead_value_needed": "lead value needed",
    "revenue_goal_prorated": "revenue goal, prorated",
    "lead_value_needed_converted": "lead value needed in the agreement's currency",
}


def format_explanation(derivations: tuple[Derivation, ...], currency: str | None) -> str:
    """The derivations as plain text for the terminal."""
    lines: list[str] = []
    for d in derivations:
        own = d.currency or currency
        money = f" {own}" if own else ""
        months = (
            d.month if not d.same_months else f"{d.month} (same inputs: {', '.join(d.same_months)})"
        )
        lines.append(f"{d.segment_name} ({d.segment}), {months}")
        for number, step in enumerate(d.steps, 1):
            label = LABEL_BY_KEY.get(step.key) or step.key.split(":", 1)[1] + " needed"
            unit = ""
            if step.key in ("revenue_goal_prorated", "marketing_revenue_goal", "lead_value_needed"):
                unit = money
            elif step.key == "lead_value_needed_converted" and currency:
                unit = f" {currency}"
            exact = "" if step.exact_text is None else f" = {step.exact_text}"
            rounding = "" if step.rounding == "none" else f"  [rounded {step.rounding}]"
            lines.append(
                f"  {number}. {label} = {step.formula}{exact} → {step.result}{unit}{rounding}"
            )
        lines.append("")
    lines.append(
        "Counts are rounded up (a fraction of a customer or lead still has to be won); money is "
        "rounded half-up to cents. See docs/targets.md."
    )
    return "\n".join(lines) + "\n"

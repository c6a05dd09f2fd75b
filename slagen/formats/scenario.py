"""What-if scenarios for people and machines: the table of what moved, and its JSON.

Stage: format.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from slagen.core.whatif import Scenario
from slagen.formats.targets import targets_table, targets_to_dict

__all__ = ["format_scenario", "scenario_to_dict"]


def scenario_to_dict(scenario: Scenario) -> dict[str, Any]:
    """The scenario as ``targets --what-if --format json`` prints it."""

    def delta(old: int, new: int) -> dict[str, Any]:
        pct = None if old == 0 else str(((Decimal(new - old) / old) * 100).quantize(Decimal("0.1")))
        return {"baseline": old, "scenario": new, "change": new - old, "change_pct": pct}

    return {
        "changes": [c.describe() for c in scenario.changes],
        "segments": [
            {
                "id": old.id,
                "leads_needed": delta(old.total.leads_needed, new.total.leads_needed),
                "customers_needed": delta(old.total.customers_needed, new.total.customers_needed),
            }
            for old, new in zip(scenario.baseline.segments, scenario.scenario.segments, strict=True)
        ],
        "months": [
            {"month": old.month, "leads_needed": delta(old.leads_needed, new.leads_needed)}
            for old, new in zip(scenario.baseline.monthly, scenario.scenario.monthly, strict=True)
        ],
        "total": {
            "leads_needed": delta(
                scenario.baseline.total.leads_needed, scenario.scenario.total.leads_needed
            ),
            "customers_needed": delta(
                scenario.baseline.total.customers_needed, scenario.scenario.total.customers_needed
            ),
        },
        "targets": targets_to_dict(scenario.scenario),
    }


def format_scenario(scenario: Scenario, language: str) -> str:
    """The scenario's targets table, then what moved, for the terminal."""

    def change(old: int, new: int) -> str:
        diff = new - old
        pct = "" if old == 0 else f" ({(Decimal(diff) / old * 100).quantize(Decimal('0.1')):+}%)"
        return f"{old:>8,} → {new:>8,}  {diff:+,}{pct}"

    lines = ["What if: " + ", ".join(c.describe() for c in scenario.changes), ""]
    lines.append(targets_table(scenario.scenario, language).rstrip("\n"))
    lines += ["", "Leads needed, as agreed → under the change:"]
    width = (
        max(len(s.name) for s in scenario.baseline.segments) if scenario.baseline.segments else 5
    )
    for old, new in zip(scenario.baseline.segments, scenario.scenario.segments, strict=True):
        lines.append(
            f"  {old.name:<{width}}  {change(old.total.leads_needed, new.total.leads_needed)}"
        )
    total_old, total_new = scenario.baseline.total, scenario.scenario.total
    lines.append(f"  {'Total':<{width}}  {change(total_old.leads_needed, total_new.leads_needed)}")
    lines.append(
        f"  {'Customers':<{width}}  {change(total_old.customers_needed, total_new.customers_needed)}"
    )
    return "\n".join(lines) + "\n"

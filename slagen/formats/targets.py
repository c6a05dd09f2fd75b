"""Targets as JSON (docs/json.md), CSV and a terminal table in the agreement's language.

Stage: format.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from slagen.core.planning_calendar import goal_days
from slagen.core.targets import (
    CapacityCheck,
    MonthTotals,
    SegmentMonth,
    SegmentTargets,
    TargetTable,
    Totals,
)

__all__ = ["targets_csv", "targets_json", "targets_table", "targets_to_dict"]

CENT = Decimal("0.01")


def money_text(value: Decimal) -> str:
    """Money as a string with exactly two decimals: ``"120000.00"``."""
    return str(value.quantize(CENT, rounding=ROUND_HALF_UP))


def ratio_text(value: Decimal, places: int = 4) -> str:
    return str(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def _totals(t: Totals) -> dict[str, Any]:
    return {
        "revenue_goal": money_text(t.revenue_goal),
        "marketing_revenue_goal": money_text(t.marketing_revenue_goal),
        "customers_needed": t.customers_needed,
        "leads_needed": t.leads_needed,
        "lead_value_needed": money_text(t.lead_value_needed),
    }


def _segment_month(row: SegmentMonth) -> dict[str, Any]:
    data = {
        "month": row.month,
        "lead_month": row.lead_month,
        "pre_period": row.pre_period,
        "revenue_goal": money_text(row.revenue_goal),
        "marketing_revenue_goal": money_text(row.marketing_revenue_goal),
        "customers_needed": row.customers_needed,
        "leads_needed": row.leads_needed,
        "stages": dict(row.stages),
        "lead_value": money_text(row.lead_value),
        "lead_value_needed": money_text(row.lead_value_needed),
    }
    if row.revenue_goal_given is not None:
        data["prorate"] = f"{row.prorate.numerator}/{row.prorate.denominator}"
        data["revenue_goal_given"] = money_text(row.revenue_goal_given)
    return data


def _segment(seg: SegmentTargets, table: TargetTable) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": seg.id,
        "name": seg.name,
        "group": seg.group,
        "sla_stage": seg.sla_stage,
        "stage_names": dict(seg.stage_names),
        "sales_cycle_months": seg.sales_cycle_months,
        "months": [_segment_month(r) for r in seg.months],
        "total": _totals(seg.total),
    }
    if table.fiscal_year is not None:
        for row in data["months"]:
            row["fiscal_month"] = table.fiscal_month(row["month"])
    if seg.currency is not None and seg.exchange_rate is not None:
        data["currency"] = seg.currency
        data["exchange_rate"] = f"{seg.exchange_rate.normalize():f}"
        data["total_in_agreement_currency"] = _totals(seg.agreement_total)
    return data


def _calendar(table: TargetTable) -> dict[str, Any]:
    return {
        "goal_days": table.goal_days,
        "holidays": sorted(d.isoformat() for d in table.holidays),
        "months": [
            {"month": m, "goal_days": len(goal_days(m, table.goal_days, table.holidays))}
            for m in table.lead_months
        ],
    }


def _capacity(check: CapacityCheck) -> dict[str, Any]:
    return {
        "needed_hours": money_text(check.needed_hours),
        "available_hours": money_text(check.available_hours),
        "utilization": ratio_text(check.utilization),
        "over": check.over,
    }


def _month_totals(m: MonthTotals) -> dict[str, Any]:
    data: dict[str, Any] = {"month": m.month, "pre_period": m.pre_period}
    data.update(_totals(m.totals))
    if m.capacity is not None:
        data["capacity"] = _capacity(m.capacity)
    return data


def targets_to_dict(table: TargetTable) -> dict[str, Any]:
    """The JSON object of docs/json.md (with a few documented additions)."""
    data = {
        "agreement": table.agreement,
        "revision": table.revision,
        "currency": table.currency,
        "dimension": table.dimension,
        "segments": [_segment(seg, table) for seg in table.segments],
        "months": [_month_totals(m) for m in table.monthly],
        "groups": [
            {
                "id": g.id,
                "name": g.name,
                "segments": list(g.segments),
                "months": [_month_totals(m) for m in g.months],
                "total": _totals(g.total),
            }
            for g in table.groups
        ],
        "total": _totals(table.total),
        "over_capacity_months": list(table.over_capacity_months),
    }
    if table.fiscal_year is not None:
        data["fiscal_year"] = table.fiscal_year
    if table.goal_days != "calendar" or table.holidays:
        data["calendar"] = _calendar(table)
    return data


def targets_json(table: TargetTable) -> str:
    return json.dumps(targets_to_dict(table), indent=2, ensure_ascii=False) + "\n"


CSV_COLUMNS = [
    "agreement",
    "revision",
    "segment",
    "group",
    "month",
    "lead_month",
    "pre_period",
    "revenue_goal",
    "marketing_revenue_goal",
    "customers_needed",
    "sla_stage",
    "leads_needed",
    "stages",
    "lead_value",
    "lead_value_needed",
    "currency",
]


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_text(value: str) -> str:
    """A text cell a spreadsheet will not run: ``=1+cmd|x`` → ``'=1+cmd|x`` (OWASP)."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def targets_csv(table: TargetTable) -> str:
    """One row per segment and revenue month; numbers unlocalized for spreadsheets."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for seg in table.segments:
        for r in seg.months:
            writer.writerow(
                [
                    csv_text(table.agreement),
                    table.revision,
                    csv_text(seg.id),
                    csv_text(seg.group or ""),
                    r.month,
                    r.lead_month,
                    str(r.pre_period).lower(),
                    money_text(r.revenue_goal),
                    money_text(r.marketing_revenue_goal),
                    r.customers_needed,
                    csv_text(seg.sla_stage),
                    r.leads_needed,
                    csv_text(";".join(f"{name}={count}" for name, count in r.stages)),
                    money_text(r.lead_value),
                    money_text(r.lead_value_needed),
                    seg.currency or table.currency or "",
                ]
            )
    return out.getvalue()


LABELS = {
    "en": {
        "title": "Lead targets",
        "revision": "revision",
        "lead_month": "Lead month",
        "total": "Total",
        "customers": "Customers",
        "capacity": "Capacity",
        "segment": "Segment",
        "group": "Group",
        "revenue_goal": "Revenue goal",
        "marketing_goal": "Marketing goal",
        "leads": "Leads",
        "value": "Lead value needed",
        "pre": "before the period",
        "over": "over capacity in",
        "none": "This agreement has no targets.",
        "cycle": "leads {n} month(s) earlier",
    },
    "es": {
        "title": "Objetivos de leads",
        "revision": "revisión",
        "lead_month": "Mes de leads",
        "total": "Total",
        "customers": "Clientes",
        "capacity": "Capacidad",
        "segment": "Segmento",
        "group": "Grupo",
        "revenue_goal": "Objetivo de ingresos",
        "marketing_goal": "Objetivo de marketing",
        "leads": "Leads",
        "value": "Valor de leads necesario",
        "pre": "antes del período",
        "over": "capacidad superada en",
        "none": "Este acuerdo no tiene objetivos.",
        "cycle": "leads {n} mes(es) antes",
    },
}


def _group_name(table: TargetTable, group: str | None) -> str:
    """The group as the table prints it: its name when `targets.groups` gives one."""
    if group is None:
        return ""
    return next((g.name for g in table.groups if g.id == group and g.name), group)


def _grid(header: list[str], rows: list[list[str]], right: set[int]) -> list[str]:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return "  ".join(
            c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths))
        )

    return [line(header), "  ".join("-" * w for w in widths), *(line(r) for r in rows)]


def targets_table(table: TargetTable, language: str) -> str:
    """A table for the terminal, numbers and money in the agreement's locale."""
    from slagen.formats.i18n import format_money, format_pattern, integer_format

    lang = language if language in ("es", "en") else "en"
    lab = LABELS.get(language, LABELS["en"])
    num = integer_format(lang)

    def cur(value: Decimal) -> str:
        if table.currency:
            return format_money(value, table.currency, lang)
        return format_pattern(value, "#,##0.00", lang)

    lines = [f"{lab['title']} — {table.agreement} ({lab['revision']} {table.revision})", ""]
    if not table.segments:
        return "\n".join(lines + [lab["none"]]) + "\n"
    header = [lab["lead_month"]] + [s.id for s in table.segments] + [lab["total"], lab["customers"]]
    has_capacity = any(m.capacity for m in table.monthly)
    if has_capacity:
        header.append(lab["capacity"])
    rows = []
    due: list[dict[str, int]] = []  # per segment: lead month → leads due
    for seg in table.segments:
        leads: dict[str, int] = {}
        for r in seg.months:
            leads[r.lead_month] = leads.get(r.lead_month, 0) + r.leads_needed
        due.append(leads)
    for m in table.monthly:
        per = [num(leads.get(m.month, 0)) for leads in due]
        label = m.month + (f" ({lab['pre']})" if m.pre_period else "")
        row = [label, *per, num(m.leads_needed), num(m.customers_needed)]
        if has_capacity:
            row.append(
                format_pattern(m.capacity.utilization, "#,##0.0 %", lang)
                + (" !" if m.capacity.over else "")
                if m.capacity
                else ""
            )
        rows.append(row)
    total = (
        [lab["total"]]
        + [num(s.total.leads_needed) for s in table.segments]
        + [num(table.total.leads_needed), num(table.total.customers_needed)]
    )
    if has_capacity:
        total.append("")
    rows.append(total)
    lines += _grid(header, rows, set(range(1, len(header))))
    lines.append("")
    header2 = [
        lab["segment"],
        lab["group"],
        lab["revenue_goal"],
        lab["marketing_goal"],
        lab["customers"],
        lab["leads"],
        lab["value"],
    ]
    rows2 = []
    for seg in table.segments:
        name = seg.name + (
            " (" + lab["cycle"].format(n=seg.sales_cycle_months) + ")"
            if seg.sales_cycle_months
            else ""
        )
        rows2.append(
            [
                name,
                _group_name(table, seg.group),
                cur(seg.agreement_total.revenue_goal),
                cur(seg.agreement_total.marketing_revenue_goal),
                num(seg.total.customers_needed),
                num(seg.total.leads_needed),
                cur(seg.agreement_total.lead_value_needed),
            ]
        )
    for g in table.groups:
        rows2.append(
            [
                f"{lab['group']} {g.name or g.id}",
                g.name or g.id,
                cur(g.total.revenue_goal),
                cur(g.total.marketing_revenue_goal),
                num(g.total.customers_needed),
                num(g.total.leads_needed),
                cur(g.total.lead_value_needed),
            ]
        )
    t = table.total
    rows2.append(
        [
            lab["total"],
            "",
            cur(t.revenue_goal),
            cur(t.marketing_revenue_goal),
            num(t.customers_needed),
            num(t.leads_needed),
            cur(t.lead_value_needed),
        ]
    )
    lines += _grid(header2, rows2, {2, 3, 4, 5, 6})
    if table.over_capacity_months:
        lines += ["", f"! {lab['over']}: " + ", ".join(table.over_capacity_months)]
    return "\n".join(lines) + "\n"

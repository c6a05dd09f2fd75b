"""The report as one JSON object (``--format json``, ``--to json``).

Conventions follow ``slagen targets --format json``: counts are integers, money values strings with two
decimals (``"120000.00"``), rates and shares strings of decimals rounded half-up
to four places (``"0.9276"`` is 92.76 %), durations integers or decimal strings
of minutes; ``null`` where a value cannot be computed (nothing needed, nothing
handed off). Keys are always present. Shape (``report`` is the shape version)::

    {"report": 1, "agreement": "id", "revision": 2, "language": "en", "currency": "USD",
     "timezone": "America/Chicago", "as_of": "2026-03-15", "month": "2026-03",
     "actuals": {"file": "…", "rows": 1500, "skipped": 1, "excluded": 0, "warnings": 0,
                 "after_as_of": 0, "outside_period": 0,
                 "unknown_segments": {"apac": 3}, "unknown_other": 0,
                 "findings": [{"file", "line", "column", "severity", "code", "message"}]},
     "follow_up": {"first_attempt_within": "4h", "first_attempt_within_minutes": 240,
                   "min_attempts": 6} | null,
     "months": ["2025-12", "2026-01", …],          # reported months, up to as_of
     "scopes": [{"id": "na", "name": "North America", "kind": "segment",
                 "months": [MONTH, …], "period": MONTH}, …,
                {"id": "americas", "name": "Americas", "kind": "group", …}, …,
                {"id": "total", "name": "", "kind": "total", …}],   # the total is always last
     "conditions": [{"kind": "consequence" | "cancellation", "index": 0, "text": "…",
                     "action": "…", "owner": "marketing" | null,
                     "metric": "leads_delivered_pct", "below": "0.9" | null, "above": null,
                     "for_months": 1, "streak": 2, "triggered": true,
                     "triggered_months": ["2026-02"],
                     "months": [{"month": "2026-01", "value": "0.93", "met": false, "streak": 0}],
                     "segments_met": {"na": ["2026-02"]}, "segments_triggered": []}],
     "recalibration": {"segments": [{"segment": "na", "leads": 400, "wins": 60, "enough_data": true,
                                     "close_rate": {"observed": "0.15", "agreed": "0.15"},
                                     "avg_deal_size": {"observed": "…", "agreed": "…"},
                                     "marketing_share": {"observed": "…", "agreed": "…"},
                                     "sales_cycle_months": {"observed": 0, "agreed": 0}}],
                       "fragment": "# Suggested …\\ntargets:\\n  segments: …"}}

``MONTH`` (``month`` is ``"period"`` and ``cumulative`` empty for the period to date)::

    {"month": "2026-01", "status": "complete" | "to_date" | "period_to_date",
     "leads": {"needed": 539, "marketing": 510, "sales": 12, "delivered_pct": "0.9462",
               "goal_to_date": "539.00", "pace_pct": "0.9462", "cumulative": [17, 35, …]},
     "revenue": {"customers_needed": 51, "customers_won": 40, "sales_customers_won": 3,
                 "marketing_revenue_goal": "…", "marketing_revenue": "…", "revenue_pct": "…",
                 "revenue_goal": "…", "sales_revenue": "…", "total_revenue_pct": "…"},
     "speed": {"handed_off": 500, "attempted": 480, "on_time": 430, "overdue": 5, "waiting": 15,
               "average_minutes": "131.5", "median_minutes": 95, "p90_minutes": 260,
               "on_time_pct": "0.8866"},
     "depth": {"unconnected": 300, "attempts": 1650, "average_attempts": "5.5"}}

Leads count in their ``created_at`` month against that lead month's
``leads_needed``; follow-up in the ``handed_off_at`` month (marketing leads);
wins and revenue in the ``closed_at`` month against that revenue month's goals.

Stage: actuals.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from slagen.actuals import PerformanceReport
from slagen.actuals.metrics import MonthMetrics

SHAPE_VERSION = 1


def _money(value: Decimal) -> str:
    return str(Decimal(value).quantize(Decimal("0.01")))


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else format(value.normalize(), "f")


def month_json(row: MonthMetrics) -> dict[str, Any]:
    return {
        "month": row.month,
        "status": row.status,
        "leads": {
            "needed": row.goals.leads_needed,
            "marketing": row.marketing_leads,
            "sales": row.sales_leads,
            "delivered_pct": _dec(row.leads_delivered_pct),
            "goal_to_date": _money(row.goal_to_date),
            "pace_pct": _dec(row.pace_pct),
            "cumulative": list(row.cumulative),
        },
        "revenue": {
            "customers_needed": row.goals.customers_needed,
            "customers_won": row.customers_won,
            "sales_customers_won": row.sales_customers_won,
            "marketing_revenue_goal": _money(row.goals.marketing_revenue_goal),
            "marketing_revenue": _money(row.marketing_revenue),
            "revenue_pct": _dec(row.revenue_pct),
            "revenue_goal": _money(row.goals.revenue_goal),
            "sales_revenue": _money(row.sales_revenue),
            "total_revenue_pct": _dec(row.total_revenue_pct),
        },
        "speed": {
            "handed_off": row.speed.handed_off,
            "attempted": row.speed.attempted,
            "on_time": row.speed.on_time,
            "overdue": row.speed.overdue,
            "waiting": row.speed.waiting,
            "average_minutes": _dec(row.speed.average_minutes),
            "median_minutes": row.speed.median_minutes,
            "p90_minutes": row.speed.p90_minutes,
            "on_time_pct": _dec(row.speed.on_time_pct),
        },
        "depth": {
            "unconnected": row.depth.unconnected,
            "attempts": row.depth.attempts,
            "average_attempts": _dec(row.depth.average_attempts),
        },
    }


def report_data(report: PerformanceReport) -> dict[str, Any]:
    """The JSON object as Python data (shape in the module docstring)."""
    agreement = report.agreement
    stats = report.stats
    follow = agreement.follow_up
    return {
        "report": SHAPE_VERSION,
        "agreement": agreement.id,
        "revision": agreement.revision.number,
        "language": agreement.language,
        "currency": agreement.currency,
        "timezone": agreement.timezone,
        "as_of": report.as_of.isoformat(),
        "month": report.focus_month,
        "actuals": {
            "file": report.actuals,
            "rows": stats.rows,
            "skipped": stats.skipped,
            "excluded": stats.excluded,
            "warnings": stats.warnings,
            "after_as_of": report.after_as_of,
            "outside_period": report.outside_period,
            "unknown_segments": dict(sorted(stats.unknown_segments.items())),
            "unknown_other": stats.unknown_other,
            "findings": [f.as_dict() for f in stats.findings],
        },
        "follow_up": None
        if follow is None
        else {
            "first_attempt_within": follow.first_attempt_within.text,
            "first_attempt_within_minutes": follow.first_attempt_within.minutes,
            "min_attempts": follow.min_attempts,
        },
        "months": list(report.months),
        "scopes": [
            {
                "id": s.id,
                "name": s.name,
                "kind": s.kind,
                "months": [month_json(m) for m in s.months],
                "period": month_json(s.period),
            }
            for s in report.scopes
        ],
        "conditions": [
            {
                "kind": c.kind,
                "index": c.index,
                "text": c.text,
                "action": c.action,
                "owner": c.owner,
                "metric": c.condition.metric,
                "below": _dec(c.condition.below),
                "above": _dec(c.condition.above),
                "for_months": c.condition.for_months,
                "streak": c.streak,
                "triggered": c.triggered,
                "triggered_months": list(c.triggered_months),
                "months": [
                    {"month": m.month, "value": _dec(m.value), "met": m.met, "streak": m.streak}
                    for m in c.months
                ],
                "segments_met": {k: list(v) for k, v in c.segments_met.items()},
                "segments_triggered": list(c.segments_triggered),
            }
            for c in report.conditions
        ],
        "recalibration": {
            "segments": [
                {
                    "segment": o.segment,
                    "leads": o.leads,
                    "wins": o.wins,
                    "enough_data": o.enough_data,
                    "close_rate": {
                        "observed": _dec(o.close_rate),
                        "agreed": _dec(o.agreed_close_rate),
                    },
                    "avg_deal_size": {
                        "observed": None if o.avg_deal_size is None else _money(o.avg_deal_size),
                        "agreed": _money(o.agreed_avg_deal_size),
                    },
                    "marketing_share": {
                        "observed": _dec(o.marketing_share),
                        "agreed": _dec(o.agreed_marketing_share),
                    },
                    "sales_cycle_months": {
                        "observed": o.sales_cycle_months,
                        "agreed": o.agreed_sales_cycle_months,
                    },
                }
                for o in report.observed
            ],
            "fragment": report.fragment,
        },
    }


def report_json(report: PerformanceReport) -> str:
    """The JSON text, keys in a fixed order, ending with a newline."""
    return json.dumps(report_data(report), ensure_ascii=False, indent=2) + "\n"

"""``slagen diff --format json``: the stable, documented shape (also in docs/diff-json.md).

One object; keys are never renamed or removed within ``"format": 1`` (new keys
may be added)::

    {
      "format": 1,
      "changed": true,                       # false: exit code 0
      "old": {"source": "v1:agreements/a.yaml", "id": "a", "revision": 1,
              "revision_date": "2026-01-01", "period": {"start": "…", "end": "…"},
              "fingerprint": "sha256:…"},
      "new": {…same keys…},
      "summary": {"added": 1, "removed": 0, "changed": 9, "prose": 1,
                  "segment_months_changed": 6, "lead_months_changed": 13,
                  "errors": 0, "warnings": 0,
                  "leads_needed": {"old": 6200, "new": 6349, "diff": 149, "pct": "2.4"}},
      "changes": [{"path": "targets.segments[id=na].revenue_goal[2026-07..2026-08]",
                   "kind": "changed",                     # added | removed | changed
                   "section": "targets",                  # the top-level field
                   "label": "North America revenue goal (2026-07 … 2026-08)",
                   "old": "480000", "new": "540000",      # exact values, see below
                   "old_text": "480,000", "new_text": "540,000",
                   "months": ["2026-07", "2026-08"],      # month-map inputs only, else []
                   "words": [{"op": "equal|delete|insert", "text": "…"}],  # prose only, else []
                   "line": 185}],                         # in the new file (old file for removals)
      "targets": {
        "segments": [{"id": "na", "name": "North America", "status": "changed|added|removed",
                      "months": [{"month": "2026-07", "status": "changed|added|removed",
                                  "lead_month": {"old": "2026-07", "new": "2026-07"},
                                  "leads_needed": {"old": 147, "new": 167, "diff": 20, "pct": "13.6"},
                                  "customers_needed": {…}, "marketing_revenue_goal": {…},
                                  "revenue_goal": {…}, "lead_value_needed": {…}}],
                      "total": {"leads_needed": {…}, "customers_needed": {…},
                                "marketing_revenue_goal": {…}, "revenue_goal": {…}}}],
        "months": [{"month": "2026-07", "status": "…",      # monthly SLA totals, by lead month
                    "leads_needed": {…}, "customers_needed": {…}, "marketing_revenue_goal": {…},
                    "revenue_goal": {…},
                    "capacity": {"needed_hours": {…}, "available_hours": {…}, "utilization": {…}}}],
        "total": {"leads_needed": {…}, "customers_needed": {…}, "marketing_revenue_goal": {…},
                  "revenue_goal": {…}}},
      "findings": [{"file", "line", "column", "path", "severity", "code", "message", "hint"?}]
    }

Values: ``old``/``new`` of a field change are the normalized values — numbers
and rates as exact decimal strings (``"0.15"`` for 15 %), dates and text as
written, lists and mappings as JSON; ``null`` on the side where the field does
not exist. In ``targets``, each number is ``{"old", "new", "diff", "pct"}``:
counts are integers, money and hours strings with two decimals, utilization a
ratio string with four; ``diff`` is new − old and ``pct`` the change in percent
of the old value with one decimal, both ``null`` when a side is missing (and
``pct`` when the old value is 0). Only rows where something moved are listed.
``capacity`` appears when either version has a capacity check.

Stage: revisions.
"""

from __future__ import annotations

import json
from typing import Any

from slagen.revisions.result import DiffResult
from slagen.revisions.targets import Delta, MonthDelta, number_json
from slagen.revisions.values import format_value, json_value

__all__ = ["JSON_FORMAT_VERSION", "diff_json", "diff_to_dict"]

JSON_FORMAT_VERSION = 1


def _delta(field: str, d: Delta) -> dict[str, Any]:
    pct = d.pct
    return {
        "old": number_json(field, d.old),
        "new": number_json(field, d.new),
        "diff": number_json(field, d.diff),
        "pct": None if pct is None else str(pct),
    }


def _deltas(values: dict[str, Delta]) -> dict[str, Any]:
    return {k: _delta(k, d) for k, d in values.items()}


def _month(m: MonthDelta, *, lead_month: bool) -> dict[str, Any]:
    data: dict[str, Any] = {"month": m.month, "status": m.status}
    if lead_month:
        data["lead_month"] = {"old": m.lead_month[0], "new": m.lead_month[1]}
    data.update(_deltas(m.values))
    if m.capacity is not None:
        data["capacity"] = _deltas(m.capacity)
    return data


def _side(result: DiffResult, which: str) -> dict[str, Any]:
    source = result.old_source if which == "old" else result.new_source
    agreement = result.old_agreement if which == "old" else result.new_agreement
    return {
        "source": source.name,
        "id": agreement.id,
        "revision": agreement.revision.number,
        "revision_date": agreement.revision.date.isoformat(),
        "period": {
            "start": agreement.period.start.isoformat(),
            "end": agreement.period.end.isoformat(),
        },
        "fingerprint": agreement.fingerprint,
    }


def diff_to_dict(result: DiffResult) -> dict[str, Any]:
    """The JSON object documented above."""
    t = result.targets
    return {
        "format": JSON_FORMAT_VERSION,
        "changed": result.changed,
        "old": _side(result, "old"),
        "new": _side(result, "new"),
        "summary": {
            "added": result.count("added"),
            "removed": result.count("removed"),
            "changed": result.count("changed"),
            "prose": sum(1 for c in result.changes if c.words),
            "segment_months_changed": sum(len(s.months) for s in t.segments),
            "lead_months_changed": len(t.months),
            "errors": len(result.errors),
            "warnings": len(result.warnings),
            "leads_needed": _delta("leads_needed", t.total["leads_needed"]),
        },
        "changes": [
            {
                "path": c.path,
                "kind": c.kind,
                "section": c.section,
                "label": c.label,
                "old": json_value(c.old),
                "new": json_value(c.new),
                "old_text": None if c.kind == "added" else format_value(c.old),
                "new_text": None if c.kind == "removed" else format_value(c.new),
                "months": list(c.months),
                "words": [{"op": w.op, "text": w.text} for w in c.words],
                "line": c.line,
            }
            for c in result.changes
        ],
        "targets": {
            "segments": [
                {
                    "id": s.id,
                    "name": s.name,
                    "status": s.status,
                    "months": [_month(m, lead_month=True) for m in s.months],
                    "total": _deltas(s.total),
                }
                for s in t.segments
            ],
            "months": [_month(m, lead_month=False) for m in t.months],
            "total": _deltas(t.total),
        },
        "findings": [f.as_dict() for f in result.findings],
    }


def diff_json(result: DiffResult) -> str:
    return json.dumps(diff_to_dict(result), indent=2, ensure_ascii=False) + "\n"

"""The vocabulary of a semantic diff: how values compare, print and are named.

Values are compared after normalization, so ``"12%"`` and ``0.12`` are the
same close rate and a reformatted file is no change. Labels use the words of
the people who sign: ``Europe close rate``, not ``targets.segments[2].close_rate``.

Stage: revisions.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from slagen.core.fingerprint import normalize_decimal
from slagen.core.scalars import parse_rate, to_decimal

__all__ = [
    "FIELD_LABELS",
    "KEY_BY_LIST",
    "MONTHLY_KEYS",
    "PROSE_KEYS",
    "Rate",
    "format_value",
    "json_value",
    "normalize",
]

# List items are matched by these keys; other lists are aligned by content.
KEY_BY_LIST = {
    "parties": "id",
    "segments": "id",
    "groups": "id",
    "service_levels": "id",
    "funnel": "stage",
    "definitions": "term",
    "contacts": "name",
    "reports": "name",
    "meetings": "name",
    "history": "number",
}
# Target inputs that may be one value or a month map (docs/targets.md).
MONTHLY_KEYS = frozenset(
    {"revenue_goal", "marketing_share", "avg_deal_size", "close_rate", "lead_value"}
)
RATE_KEYS = frozenset({"marketing_share", "close_rate", "rate", "credit"})
THRESHOLD_KEYS = frozenset({"below", "above"})
# Markdown and free-text fields, compared word by word.
PROSE_KEYS = frozenset(
    {
        "summary",
        "text",
        "description",
        "action",
        "content",
        "amendment",
        "trigger",
        "measurement",
        "responsibilities",
    }
)

FIELD_LABELS = {
    "slagen": "format version",
    "id": "id",
    "title": "title",
    "type": "type",
    "language": "language",
    "currency": "currency",
    "company": "company",
    "timezone": "time zone",
    "period": "period",
    "start": "start",
    "end": "end",
    "revision": "revision",
    "number": "number",
    "date": "date",
    "summary": "summary",
    "history": "revision history",
    "parties": "parties",
    "representative": "representative",
    "name": "name",
    "role": "role",
    "email": "email",
    "phone": "phone",
    "definitions": "definitions",
    "objectives": "objectives",
    "needs": "needs",
    "from": "from",
    "cadence": "cadence",
    "contacts": "contacts",
    "responsibilities": "responsibilities",
    "service_levels": "service levels",
    "metric": "metric",
    "target": "target",
    "unit": "unit",
    "comparison": "comparison",
    "window": "window",
    "measurement": "measurement",
    "priority": "priority",
    "first_response": "first response",
    "resolution": "resolution",
    "targets": "targets",
    "dimension": "target dimension",
    "segments": "segments",
    "group": "group",
    "revenue_goal": "revenue goal",
    "marketing_share": "marketing share",
    "avg_deal_size": "average deal size",
    "close_rate": "close rate",
    "sales_cycle_months": "sales cycle (months)",
    "lead_value": "lead value",
    "funnel": "funnel",
    "rate": "conversion rate",
    "sla": "SLA stage",
    "follow_up": "follow-up",
    "first_attempt_within": "first attempt within",
    "min_attempts": "minimum attempts",
    "attempts_within": "attempts within",
    "capacity": "capacity",
    "reps": "sales reps",
    "hours_per_rep_month": "hours per rep a month",
    "minutes_per_attempt": "minutes per attempt",
    "reports": "reports",
    "to": "to",
    "content": "content",
    "meetings": "meetings",
    "participants": "participants",
    "consequences": "consequences",
    "trigger": "trigger",
    "action": "action",
    "owner": "owner",
    "when": "condition",
    "below": "below",
    "above": "above",
    "for_months": "for months",
    "credit": "service credit",
    "cancellation": "cancellation",
    "amendment": "amendment",
    "approvals": "approvals",
    "fingerprint": "fingerprint",
    "party": "party",
    "text": "text",
    "due": "due",
    "description": "description",
}


@dataclass(frozen=True)
class Rate:
    """A normalized rate: prints as a percentage, compares as an exact fraction."""

    value: Decimal

    def __str__(self) -> str:
        return normalize_decimal(self.value * 100) + "%"


def normalize(key: str | int | None, value: Any) -> Any:
    """A scalar in the form it is compared in (rates as :class:`Rate`, numbers as ``Decimal``)."""
    if isinstance(value, bool) or value is None:
        return value
    try:
        if key in RATE_KEYS:
            return Rate(parse_rate(value, allow_above_one=True))
        if key in THRESHOLD_KEYS and isinstance(value, str):
            return Rate(parse_rate(value, allow_above_one=True))
    except ValueError:
        return value
    if isinstance(value, (int, Decimal)):
        return to_decimal(value)  # 3 and 3.0 are the same number; JSON shows both as "3"
    return value


def format_value(value: Any) -> str:
    """A value as a person reads it: ``15%``, ``540,000``, ``4h``, ``—`` for nothing."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Rate):
        return str(value)
    if isinstance(value, Decimal):
        text = normalize_decimal(value)
        whole, dot, frac = text.partition(".")
        sign = "-" if whole.startswith("-") else ""
        return f"{sign}{int(whole.lstrip('-')):,}" + (dot + frac if dot else "")
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, list):
        return ", ".join(format_value(v) for v in value) or "—"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {format_value(v)}" for k, v in value.items()) + "}"
    return " ".join(str(value).split())


def json_value(value: Any) -> Any:
    """A compared value for JSON: exact decimals as strings (``"0.15"``, ``"540000"``)."""
    if isinstance(value, Rate):
        return normalize_decimal(value.value)
    if isinstance(value, Decimal):
        return normalize_decimal(value)
    if isinstance(value, list):
        return [json_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): json_value(v) for k, v in value.items()}
    return value


def field_label(key: str) -> str:
    return FIELD_LABELS.get(key, key.replace("_", " "))

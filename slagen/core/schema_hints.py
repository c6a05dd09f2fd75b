"""Suggested fixes for values the schema rejects: a quoted rate, a duration unit, a slug.

Stage: compute.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any


def _rate_hint(value: Any) -> str:
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool) and 1 < value <= 100:
        return f'write "{value}%" (quoted) or the fraction {value / 100}'
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool) and value <= 0:
        return 'a rate of 0 makes the target impossible; use the real rate, e.g. "12%"'
    return ""


UNIT_BY_WORD = {"minute": "m", "min": "m", "hour": "h", "hr": "h", "day": "d", "week": "w"}


def _duration_hint(value: Any) -> str:
    match = re.match(r"^\s*([0-9]+)\s*([a-z]+?)s?\s*$", str(value).lower())
    if match and match.group(2) in UNIT_BY_WORD and int(match.group(1)) > 0:
        return f"write {int(match.group(1))}{UNIT_BY_WORD[match.group(2)]}"
    return "a whole number above 0 and a unit: m, h, d or w, e.g. 30m, 4h, 2d, 1w"


def _slug_hint(value: Any) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", str(value).lower()).strip("-")
    return f"e.g. {slug}" if slug else ""


def _only_required(branches: Any) -> bool:
    return isinstance(branches, list) and all(
        isinstance(b, dict) and set(b) == {"required"} for b in branches
    )


def _is_month(text: str) -> bool:
    return (
        len(text) == 7
        and text[4] == "-"
        and text[:4].isdigit()
        and text[5:].isdigit()
        and 1 <= int(text[5:]) <= 12
    )

"""What every semantic check shares: the loaded document, its period, and how a finding is made.

Stage: check.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from slagen.core.errors import Finding
from slagen.core.loader import Document
from slagen.core.scalars import months_between, parse_date

__all__ = ["MAX_PERCENT_CHARS", "CheckerBase", "Path_", "items", "optional_date"]

Path_ = tuple[Any, ...]
MAX_PERCENT_CHARS = 32  # exact arithmetic on "0.000…1%" with thousands of digits would hang


def optional_date(value: Any) -> dt.date | None:
    try:
        return parse_date(value) if isinstance(value, str) else None
    except ValueError:
        return None


def items(data: Any, key: str) -> list[tuple[int, dict[str, Any]]]:
    value = data.get(key) if isinstance(data, dict) else None
    if not isinstance(value, list):
        return []
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)]


class CheckerBase:
    """The document under check and the months of its period."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.data = doc.data
        self.party_ids: list[str] = [
            p["id"] for _, p in items(self.data, "parties") if isinstance(p.get("id"), str)
        ]
        raw_period = self.data.get("period")
        period: dict[str, Any] = raw_period if isinstance(raw_period, dict) else {}
        self.start = optional_date(period.get("start"))
        self.end = optional_date(period.get("end"))
        self.months: tuple[str, ...] = ()
        if self.start and self.end and self.start <= self.end:
            self.months = months_between(self.start, self.end)

    def error(
        self, path: Path_, code: str, message: str, hint: str = "", at_key: bool = False
    ) -> Finding:
        return self.doc.finding(path, code, message, hint=hint, at_key=at_key)

    def warning(self, path: Path_, code: str, message: str, hint: str = "") -> Finding:
        return self.doc.finding(path, code, message, severity="warning", hint=hint)

    def unique_ids(self, key: str, what: str, container: Path_ = ()) -> Iterator[Finding]:
        data: Any = self.data
        for part in container:
            data = data.get(part) if isinstance(data, dict) else None
        seen: dict[str, int] = {}
        for i, item in items(data, key):
            ident = item.get("id")
            if not isinstance(ident, str):
                continue
            if ident in seen:
                first = self.doc.mark(container + (key, seen[ident], "id")).line
                yield self.error(
                    container + (key, i, "id"),
                    "duplicate-id",
                    f"the {what} id `{ident}` is used twice (first on line {first})",
                    "give every item its own id",
                )
            else:
                seen[ident] = i

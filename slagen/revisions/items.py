"""How a list item is named in a change label: a segment by its name, a history entry by its number.

Stage: revisions.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["SINGULAR", "item_label"]

SINGULAR = {
    "objectives": "objective",
    "needs": "need",
    "consequences": "consequence",
    "cancellation": "cancellation condition",
    "approvals": "approval",
    "reports": "report",
    "meetings": "meeting",
    "contacts": "contact",
    "definitions": "definition",
    "service_levels": "service level",
    "history": "history entry",
}


def item_label(list_name: str, item: Any, index: int) -> str:
    if isinstance(item, Mapping):
        if list_name in ("segments", "groups", "parties", "service_levels") and item.get("name"):
            return str(item["name"])
        if list_name == "funnel":
            return f"{item.get('name') or item.get('stage')} stage"
        if list_name == "history":
            return f"history entry {item.get('number')}"
        if list_name in ("definitions",) and item.get("term"):
            return f"definition “{item['term']}”"
        if list_name in ("contacts", "reports", "meetings") and item.get("name"):
            return f"{SINGULAR[list_name]} “{item['name']}”"
        if list_name == "approvals":
            return f"approval by {item.get('name')} ({item.get('party')}, {item.get('date')})"
        if item.get("party") and list_name in ("objectives", "needs"):
            return f"{SINGULAR[list_name]} {index + 1} ({item['party']})"
    return f"{SINGULAR.get(list_name, list_name)} {index + 1}"

"""Human names for changed fields, in the agreement's language.

A change's path (``targets.segments[id=latam].revenue_goal[2026-09]``) becomes
what the people who sign read: ``Revenue goal (Latin America, September 2026)``
/ ``Objetivo de ingresos (Latin America, septiembre de 2026)``. The field is
named first; the item and the sections it sits in follow in parentheses, the
innermost first. Fields without an entry in :data:`FIELD_NAMES` are named from
their key (``first_touch`` → ``First touch``). JSON keeps the paths.

Stage: revisions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from slagen.formats.i18n import format_month

__all__ = ["FIELD_NAMES", "N_", "Namer"]

_PART_RE = re.compile(r"([^.\[\]]+)|\[([^\]]*)\]")
_MONTH_RE = re.compile(r"^\d{4}-\d{2}$")


def N_(message: str) -> str:
    """Marks a message for ``pybabel extract``; translated where it is used."""
    return message


FIELD_NAMES = {
    "slagen": N_("Format version"),
    "id": N_("Identifier"),
    "title": N_("Title"),
    "type": N_("Agreement type"),
    "language": N_("Language"),
    "currency": N_("Currency"),
    "company": N_("Company"),
    "timezone": N_("Time zone"),
    "period": N_("Period"),
    "start": N_("Start"),
    "end": N_("End"),
    "revision": N_("Revision"),
    "number": N_("Number"),
    "date": N_("Date"),
    "summary": N_("Summary"),
    "history": N_("Revision history"),
    "parties": N_("Parties"),
    "representative": N_("Representative"),
    "name": N_("Name"),
    "role": N_("Role"),
    "email": N_("Email"),
    "phone": N_("Phone"),
    "definitions": N_("Definitions"),
    "objectives": N_("Objectives"),
    "needs": N_("Needs"),
    "from": N_("From"),
    "cadence": N_("Cadence"),
    "contacts": N_("Contacts"),
    "responsibilities": N_("Responsibilities"),
    "service_levels": N_("Service levels"),
    "metric": N_("Metric"),
    "target": N_("Target"),
    "unit": N_("Unit"),
    "comparison": N_("Comparison"),
    "window": N_("Window"),
    "measurement": N_("Measurement"),
    "priority": N_("Priority"),
    "first_response": N_("First response"),
    "resolution": N_("Resolution"),
    "targets": N_("Targets"),
    "dimension": N_("Target dimension"),
    "segments": N_("Segments"),
    "group": N_("Group"),
    "groups": N_("Group names"),
    "revenue_goal": N_("Revenue goal"),
    "marketing_share": N_("Marketing share"),
    "avg_deal_size": N_("Average deal size"),
    "close_rate": N_("Close rate"),
    "sales_cycle_months": N_("Sales cycle (months)"),
    "lead_value": N_("Lead value"),
    "funnel": N_("Funnel"),
    "stage": N_("Stage"),
    "rate": N_("Conversion rate"),
    "sla": N_("SLA stage"),
    "follow_up": N_("Follow-up"),
    "first_attempt_within": N_("First attempt within"),
    "min_attempts": N_("Minimum attempts"),
    "attempts_within": N_("Attempts within"),
    "capacity": N_("Capacity"),
    "reps": N_("Sales reps"),
    "sales_reps": N_("Sales reps"),
    "hours_per_rep_month": N_("Hours per rep a month"),
    "minutes_per_attempt": N_("Minutes per attempt"),
    "reports": N_("Reports"),
    "to": N_("To"),
    "content": N_("Content"),
    "meetings": N_("Meetings"),
    "participants": N_("Participants"),
    "consequences": N_("Consequences"),
    "trigger": N_("Trigger"),
    "action": N_("Action"),
    "owner": N_("Owner"),
    "when": N_("Condition"),
    "below": N_("Below"),
    "above": N_("Above"),
    "for_months": N_("For months"),
    "credit": N_("Service credit"),
    "cancellation": N_("Cancellation"),
    "amendment": N_("Amendment"),
    "approvals": N_("Approvals"),
    "fingerprint": N_("Fingerprint"),
    "party": N_("Party"),
    "text": N_("Text"),
    "due": N_("Due"),
    "description": N_("Description"),
    "weights": N_("Weights"),
    "quarters": N_("Quarters"),
    "total": N_("Total"),
}
# An item of an unkeyed list, by position: "objective 2".
ITEM_NAMES = {
    "objectives": N_("objective %(number)s"),
    "needs": N_("need %(number)s"),
    "consequences": N_("consequence %(number)s"),
    "cancellation": N_("cancellation condition %(number)s"),
    "approvals": N_("approval %(number)s"),
    "reports": N_("report %(number)s"),
    "meetings": N_("meeting %(number)s"),
    "contacts": N_("contact %(number)s"),
    "definitions": N_("definition %(number)s"),
    "service_levels": N_("service level %(number)s"),
    "history": N_("revision %(number)s"),
}
# Containers whose name adds nothing once the item inside names itself.
SILENT = frozenset({"targets", "segments", "parties"})


def _lower_first(text: str) -> str:
    if len(text) > 1 and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


class Namer:
    """Names paths for one language; ``names`` maps ``(list, id)`` to a display name."""

    def __init__(
        self, lang: str, gettext: Callable[[str], str], names: Mapping[tuple[str, str], str]
    ) -> None:
        self.lang, self._, self.names = lang, gettext, names

    def field(self, key: str) -> str:
        """``Sales reps`` / ``Vendedores``; unknown keys humanised."""
        if key in FIELD_NAMES:
            return self._(FIELD_NAMES[key])
        return _capital(key.replace("_", " "))

    def month(self, selector: str) -> str:
        if ".." in selector:
            first, last = selector.split("..", 1)
            return f"{format_month(first, self.lang)} – {format_month(last, self.lang)}"
        return format_month(selector, self.lang)

    def item(self, list_name: str, selector: str) -> str:
        """An item of a list, named: a segment by its name, an objective by its number."""
        if "=" in selector:
            key, ident = selector.split("=", 1)
            if key == "stage":
                name = self.names.get((list_name, ident), ident)
                return self._("%(name)s stage") % {"name": name}
            if (list_name, ident) in self.names:
                return self.names[(list_name, ident)]
            if list_name == "history":
                return self._(ITEM_NAMES["history"]) % {"number": ident}
            return f"“{ident}”" if key in ("term", "name") else ident
        if selector.isdigit():
            template = ITEM_NAMES.get(list_name)
            number = int(selector) + 1
            if template is None:
                return f"{self.field(list_name)} {number}"
            return self._(template) % {"number": number}
        return selector

    def path(self, path: str) -> str:
        """The human label of a change path."""
        parts: list[tuple[str, str]] = []  # (kind, text): key | item | month
        last_key = ""
        for key, selector in _PART_RE.findall(path):
            if key:
                parts.append(("key", key))
                last_key = key
            elif _MONTH_RE.match(selector.split("..", 1)[0]):
                parts.append(("month", self.month(selector)))
            else:
                parts.append(("item", self.item(last_key, selector)))
        if not parts:
            return path
        month = parts.pop()[1] if parts[-1][0] == "month" else None
        qualifiers: list[str] = []
        kind, text = parts.pop() if parts else ("key", path)
        if kind == "item":
            head = _capital(text)
            if parts and parts[-1][1] != "targets":
                qualifiers.append(_lower_first(self.field(parts.pop()[1])))
        else:
            head = self.field(text)
        for i in range(len(parts) - 1, -1, -1):
            kind, text = parts[i]
            followed_by_item = i + 1 < len(parts) and parts[i + 1][0] == "item"
            if kind == "item":
                qualifiers.append(text)
            elif text not in SILENT and not followed_by_item:
                qualifiers.append(_lower_first(self.field(text)))
        if month is not None:
            qualifiers.append(month)
        return head + (f" ({', '.join(dict.fromkeys(qualifiers))})" if qualifiers else "")


def display_names(*documents: Mapping[str, Any]) -> dict[tuple[str, str], str]:
    """``(list, id)`` → name for segments, groups, funnel stages, parties and service levels.

    The documents come oldest first, so the newest name wins.
    """
    names: dict[tuple[str, str], str] = {}
    for data in documents:
        targets = data.get("targets")
        segments = targets.get("segments") if isinstance(targets, Mapping) else None
        for segment in segments if isinstance(segments, list) else []:
            funnel = segment.get("funnel") if isinstance(segment, Mapping) else None
            for stage in funnel if isinstance(funnel, list) else []:
                if isinstance(stage, Mapping) and stage.get("stage") and stage.get("name"):
                    names[("funnel", str(stage["stage"]))] = str(stage["name"])
        lists = {
            "segments": segments,
            "groups": targets.get("groups") if isinstance(targets, Mapping) else None,
            "parties": data.get("parties"),
            "service_levels": data.get("service_levels"),
        }
        for list_name, items in lists.items():
            for item in items if isinstance(items, list) else []:
                if isinstance(item, Mapping) and item.get("id") is not None and item.get("name"):
                    names[(list_name, str(item["id"]))] = str(item["name"])
    return names

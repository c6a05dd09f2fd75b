"""The words and figures of a diff, in the agreement's language.

The text diff, the Markdown diff and the redline speak the language of the new
revision: labels come from the translation catalog, numbers, money, rates and
dates from the same Babel formatting the agreement document uses
(:mod:`slagen.formats.i18n`). English output keeps the figures it always had
(``540,000``, ``129.2%``). JSON stays language-neutral and does not use this.

Stage: revisions.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from slagen.core.errors import Finding
from slagen.formats.i18n import (
    format_date,
    format_duration,
    format_money,
    format_number,
    format_percent,
    translations,
)
from slagen.revisions.fields import FieldChange
from slagen.revisions.labels import N_, Namer, display_names
from slagen.revisions.result import DiffResult
from slagen.revisions.targets import Delta
from slagen.revisions.values import Rate

__all__ = ["Wording"]

MONEY_KEYS = frozenset({"revenue_goal", "avg_deal_size", "lead_value"})
DATE_KEYS = frozenset({"date", "start", "end", "due"})
MONEY_FIELDS = frozenset(
    {
        "marketing_revenue_goal",
        "revenue_goal",
        "lead_value_needed",
        "needed_hours",
        "available_hours",
    }
)
FINGERPRINT_CHARS = len("sha256:") + 12
_DURATION_RE = re.compile(r"^(\d+)\s*([mhdw])$")
_KEY_RE = re.compile(r"([^.\[\]]+)")
SEVERITIES = {"error": N_("Error"), "warning": N_("Warning")}
KINDS = {"added": N_("added"), "removed": N_("removed"), "changed": N_("changed")}


def _leaf(path: str) -> str:
    keys = _KEY_RE.findall(re.sub(r"\[[^\]]*\]", "", path))
    return keys[-1] if keys else ""


class Wording:
    """Labels and figures of one diff in one language."""

    def __init__(self, result: DiffResult) -> None:
        new = result.new_agreement
        self.lang = new.language
        self.currency = new.currency
        self._ = translations(self.lang).gettext
        docs = [r.document.data for r in (result.old, result.new) if r.document is not None]
        self.namer = Namer(self.lang, self._, display_names(*docs))

    def t(self, message: str, **values: object) -> str:
        """``message`` translated, with ``%(name)s`` placeholders filled."""
        text = self._(message)
        return text % values if values else text

    def label(self, change: FieldChange) -> str:
        return self.namer.path(change.path)

    def severity(self, severity: str) -> str:
        return self._(SEVERITIES.get(severity, severity))

    def kind(self, kind: str) -> str:
        return self._(KINDS.get(kind, kind))

    def where(self, finding: Finding) -> str:
        """The field a finding is about, named (``Date (revision)``), or nothing."""
        return self.namer.path(finding.path) if finding.path else ""

    def date(self, value: object) -> str:
        if isinstance(value, dt.date):
            return format_date(value, self.lang)
        try:
            return format_date(dt.date.fromisoformat(str(value)), self.lang)
        except ValueError:
            return str(value)

    def value(self, value: Any, key: str = "") -> str:
        """A compared value as a person reads it in this language (``—`` for nothing)."""
        if value is None:
            return "—"
        if isinstance(value, bool):
            return self._("yes") if value else self._("no")
        if isinstance(value, Rate):
            return format_percent(value.value, self.lang, decimals=4)
        if isinstance(value, (int, Decimal)):
            if key in MONEY_KEYS and self.currency:
                return format_money(Decimal(value), self.currency, self.lang)
            return format_number(value, self.lang)
        if isinstance(value, dt.date) or (key in DATE_KEYS and isinstance(value, str)):
            return self.date(value)
        if isinstance(value, list):
            sep = "; " if any(isinstance(v, Mapping) for v in value) else ", "
            return sep.join(self.value(v, key) for v in value) or "—"
        if isinstance(value, Mapping):
            return self.mapping(value, key)
        text = " ".join(str(value).split())
        if key in ("party", "from") and ("parties", text) in self.namer.names:
            return self.namer.names[("parties", text)]  # the party's name, not its id
        if key == "group" and ("groups", text) in self.namer.names:
            return self.namer.names[("groups", text)]
        if key == "fingerprint" and len(text) > FINGERPRINT_CHARS:
            return text[:FINGERPRINT_CHARS] + "…"  # the full value is in the document
        match = _DURATION_RE.match(text)
        if match and key not in ("text", "summary"):
            return format_duration(int(match.group(1)), match.group(2), self.lang)
        return text

    def mapping(self, value: Mapping[str, Any], key: str = "") -> str:
        """A mapping in words; a history entry as ``Revision 1, 1 January 2026: summary``."""
        if {"number", "date"} <= set(value) and key in ("", "history"):
            head = self.t(
                N_("Revision %(number)s, %(date)s"),
                number=value["number"],
                date=self.date(value["date"]),
            )
            summary = value.get("summary")
            return head + (f": {' '.join(str(summary).split())}" if summary else "")
        return "; ".join(f"{self.namer.field(k)}: {self.value(v, k)}" for k, v in value.items())

    def change_value(self, change: FieldChange, side: str) -> str:
        key = _leaf(change.path)
        return self.value(change.old if side == "old" else change.new, key)

    def number(self, field: str, value: object) -> str:
        """A target figure: counts whole, money with two decimals, utilization in percent."""
        if value is None:
            return "—"
        assert isinstance(value, (int, Decimal))
        if field == "utilization":
            return format_percent(Decimal(value), self.lang, decimals=1, fixed=True)
        if field in MONEY_FIELDS:
            return format_number(value, self.lang, decimals=2, fixed=True)
        return format_number(value, self.lang)

    def delta(self, field: str, d: Delta, old: Any = None, new: Any = None) -> str:
        """``147 → 167 (+20, +13.6%)``; ``old``/``new`` style the two sides (colour)."""
        paint_old = old or (lambda text: text)
        paint_new = new or (lambda text: text)
        if d.old == d.new:
            return self.number(field, d.new)
        text = f"{paint_old(self.number(field, d.old))} → {paint_new(self.number(field, d.new))}"
        diff = d.diff
        if diff is not None and diff != 0 and field != "utilization":
            sign = "+" if diff > 0 else "−"
            pct = d.pct
            text += f" ({sign}{self.number(field, abs(diff))}"
            if pct is not None:
                share = format_percent(abs(pct) / 100, self.lang, decimals=1, fixed=True)
                text += f", {'+' if pct > 0 else '−'}{share}"
            text += ")"
        return text

"""Checks the JSON Schema cannot express (docs/format.md, docs/targets.md).

Each check reads the loaded data (already schema-valid in shape where it
looks) and yields findings with a stable ``code``. Checks are written to be
robust: data that failed the schema is skipped, never crashed on.

Stage: check.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterator
from typing import Any

from slagen.core.errors import Finding
from slagen.core.loader import Document
from slagen.core.planning_checks import planning_findings
from slagen.core.scalars import parse_rate
from slagen.core.semantic_base import Path_, items, optional_date
from slagen.core.target_checks import TargetChecks

__all__ = ["semantic_findings"]


class _Checker(TargetChecks):
    def run(self) -> Iterator[Finding]:
        yield from self.period()
        yield from self.revisions()
        yield from self.parties()
        yield from self.references()
        yield from self.objectives()
        yield from self.unique_ids("service_levels", "service level")
        yield from self.customer()
        yield from self.currency()
        yield from self.targets()
        yield from self.conditions()
        yield from self.yaml_booleans()
        yield from self.file_name()

    # -- period and revisions ------------------------------------------------

    def period(self) -> Iterator[Finding]:
        if self.start and self.end:
            if self.start > self.end:
                yield self.error(
                    ("period", "end"),
                    "period-order",
                    f"the period ends ({self.end}) before it starts ({self.start})",
                    "`start` is the first day of the first month, `end` the last day of the last",
                )
                return
            if self.start.day != 1:
                yield self.error(
                    ("period", "start"),
                    "period-whole-months",
                    f"the period must start on the first day of a month (got {self.start})",
                    f"use {self.start.replace(day=1)}",
                )
            nxt = self.end + dt.timedelta(days=1)
            if nxt.day != 1:
                last = self.end.replace(day=28) + dt.timedelta(days=4)
                last = last - dt.timedelta(days=last.day)
                yield self.error(
                    ("period", "end"),
                    "period-whole-months",
                    f"the period must end on the last day of a month (got {self.end})",
                    f"use {last}",
                )

    def revisions(self) -> Iterator[Finding]:
        raw_revision = self.data.get("revision")
        revision: dict[str, Any] = raw_revision if isinstance(raw_revision, dict) else {}
        number = revision.get("number")
        rev_date = optional_date(revision.get("date"))
        if rev_date and self.end and rev_date > self.end and self.months:
            yield self.warning(
                ("revision", "date"),
                "revision-after-period",
                f"the revision takes effect ({rev_date}) after the period ends ({self.end})",
            )
        previous_number: int | None = None
        previous_date: dt.date | None = None
        for i, entry in items(self.data, "history"):
            n = entry.get("number")
            d = optional_date(entry.get("date"))
            if isinstance(n, int) and not isinstance(n, bool):
                if previous_number is not None and n <= previous_number:
                    yield self.error(
                        ("history", i, "number"),
                        "history-order",
                        f"history numbers must increase (revision {n} follows {previous_number})",
                        "list earlier revisions oldest first",
                    )
                if isinstance(number, int) and n >= number:
                    yield self.error(
                        ("history", i, "number"),
                        "history-order",
                        f"history entry {n} is not below the current revision {number}",
                        "raise revision.number above every history entry",
                    )
                previous_number = n
            if d:
                if previous_date and d < previous_date:
                    yield self.error(
                        ("history", i, "date"),
                        "history-order",
                        f"history dates must not decrease ({d} follows {previous_date})",
                    )
                if rev_date and d > rev_date:
                    yield self.error(
                        ("history", i, "date"),
                        "history-order",
                        f"history entry dated {d} is after the current revision ({rev_date})",
                        "history holds earlier revisions: check both dates",
                    )
                previous_date = d

    # -- parties ---------------------------------------------------------------

    def parties(self) -> Iterator[Finding]:
        yield from self.unique_ids("parties", "party")
        if (
            self.data.get("type") == "multilevel"
            and isinstance(self.data.get("parties"), list)
            and len(self.data["parties"]) < 3
        ):
            yield self.error(
                ("parties",),
                "multilevel-parties",
                f"a multilevel agreement needs at least 3 parties (has {len(self.data['parties'])})",
                "add the further provider or end user, or use type: internal",
                at_key=True,
            )

    def party_ref(self, path: Path_, value: Any, *, free_text: bool = False) -> Iterator[Finding]:
        if not isinstance(value, str) or value in self.party_ids or free_text or not self.party_ids:
            return  # without usable parties, the schema's finding says what to fix
        close = difflib.get_close_matches(value, self.party_ids, n=1, cutoff=0.5)
        hint = (
            f"did you mean `{close[0]}`?"
            if close
            else "known parties: " + ", ".join(self.party_ids)
        )
        yield self.error(
            path, "unknown-party", f"`{value}` is not the id of a party of this agreement", hint
        )

    def references(self) -> Iterator[Finding]:
        customer = self.data.get("type") == "customer"
        for key, fields in (
            ("objectives", ("party",)),
            ("needs", ("party", "from")),
            ("contacts", ("party",)),
            ("consequences", ("owner",)),
            ("approvals", ("party",)),
        ):
            for i, item in items(self.data, key):
                for name in fields:
                    yield from self.party_ref((key, i, name), item.get(name))
        for i, item in items(self.data, "reports"):
            yield from self.party_ref(("reports", i, "from"), item.get("from"))
            yield from self.party_ref(("reports", i, "to"), item.get("to"), free_text=customer)
        for i, item in items(self.data, "meetings"):
            participants = item.get("participants")
            if isinstance(participants, list):
                for j, ref in enumerate(participants):
                    yield from self.party_ref(("meetings", i, "participants", j), ref)
        for i, item in items(self.data, "needs"):
            if item.get("party") is not None and item.get("party") == item.get("from"):
                yield self.warning(
                    ("needs", i, "from"),
                    "need-from-self",
                    f"party `{item['party']}` needs something from itself",
                    "`from` names the party that provides what is needed",
                )

    def objectives(self) -> Iterator[Finding]:
        if not isinstance(self.data.get("objectives"), list):
            return
        having = {
            o.get("party")
            for _, o in items(self.data, "objectives")
            if isinstance(o.get("party"), str)
        }
        for i, party in items(self.data, "parties"):
            if isinstance(party.get("id"), str) and party["id"] not in having:
                yield self.error(
                    ("parties", i, "id"),
                    "party-without-objective",
                    f"party `{party['id']}` has no objective",
                    "add an entry to `objectives` with this party: both sides commit to goals",
                )

    def customer(self) -> Iterator[Finding]:
        if self.data.get("type") == "customer" and not self.data.get("service_levels"):
            yield self.error(
                (),
                "missing-service-levels",
                "a customer agreement needs `service_levels`: the measurable commitments",
                "add service levels such as first response time or availability",
                at_key=True,
            )

    def currency(self) -> Iterator[Finding]:
        has_money = bool(self.data.get("targets"))
        if has_money and not self.data.get("currency"):
            yield self.error(
                (),
                "missing-currency",
                "`currency` is required when the agreement has targets",
                "add e.g. `currency: EUR` (an ISO 4217 code)",
            )
        code = self.data.get("currency")
        if isinstance(code, str) and len(code) == 3 and code.isupper():
            from slagen.core.schema_compiled import CURRENCIES  # Babel's, without Babel

            if code not in CURRENCIES:
                yield self.error(
                    ("currency",),
                    "unknown-currency",
                    f"{code} is not an ISO 4217 currency code",
                    "e.g. EUR, USD, MXN, ARS",
                )

    # -- targets ---------------------------------------------------------------

    # -- conditions ------------------------------------------------------------

    def conditions(self) -> Iterator[Finding]:
        for i, item in items(self.data, "consequences"):
            yield from self.percent_range(("consequences", i, "credit"), item.get("credit"))
        for key in ("consequences", "cancellation"):
            for i, item in items(self.data, key):
                when = item.get("when")
                if not isinstance(when, dict):
                    continue
                path: Path_ = (key, i, "when")
                metric = when.get("metric")
                for bound in ("below", "above"):
                    value = when.get(bound)
                    if value is None:
                        continue
                    if metric == "avg_attempts_unconnected":
                        if isinstance(value, str):
                            yield self.error(
                                path + (bound,),
                                "invalid-condition",
                                "avg_attempts_unconnected is a number of attempts, not a percentage",
                                "write e.g. below: 4",
                            )
                        continue
                    try:
                        parse_rate(value, allow_above_one=True)
                    except ValueError as exc:
                        yield self.error(path + (bound,), "invalid-condition", str(exc))
                if metric in (
                    "first_attempt_on_time_pct",
                    "avg_attempts_unconnected",
                ) and not self.data.get("follow_up"):
                    yield self.warning(
                        path + ("metric",),
                        "condition-needs-follow-up",
                        f"{metric} is measured against `follow_up`, which is missing",
                        "add a follow_up block",
                    )
                if metric in ("leads_delivered_pct", "revenue_pct") and not self.data.get(
                    "targets"
                ):
                    yield self.warning(
                        path + ("metric",),
                        "condition-needs-targets",
                        f"{metric} is measured against `targets`, which are missing",
                    )

    def yaml_booleans(self) -> Iterator[Finding]:
        for path in sorted(self.doc.yaml11_booleans, key=lambda p: self.doc.mark(p).line):
            raw = self.doc.raw_scalars.get(path, "")
            yield self.warning(
                path,
                "yaml-boolean",
                f"YAML reads `{raw}` as the boolean {str(raw.lower() in ('y', 'yes', 'on')).lower()}",
                f'write true/false for a yes-or-no value, or quote it ("{raw}") for text',
            )

    def file_name(self) -> Iterator[Finding]:
        ident = self.data.get("id")
        name = self.doc.file.replace("\\", "/").rsplit("/", 1)[-1]
        if isinstance(ident, str) and name.endswith((".yaml", ".yml")):
            stem = name.rsplit(".", 1)[0]
            if stem != ident:
                yield self.warning(
                    ("id",),
                    "id-file-mismatch",
                    f"the id `{ident}` differs from the file name `{name}`",
                    f"outputs are named after the id; rename the file to {ident}.yaml",
                )


def semantic_findings(doc: Document) -> list[Finding]:
    """Every semantic finding of ``doc`` (rules beyond the schema, docs/format.md)."""
    checker = _Checker(doc)
    return [*checker.run(), *planning_findings(doc, checker.months)]

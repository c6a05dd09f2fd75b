"""SLA lint (check stage): what a valid agreement still lacks to be a good one.

The schema and the semantic checks say whether an agreement can be used; these
rules say whether it will hold up: objectives that can be measured (SMART), a
shared written definition of a qualified lead and of a connection, consequences
with an owner and a measurable condition, lead targets matched by follow-up
terms, reports at least as frequent as the meetings that review them. Every
finding is a warning with a stable ``lint-`` code (an error under ``--strict``)
and says how to fix it; ``docs/lint.md`` explains each rule and its reason.

Runs only on agreements without errors, on the loaded data (positions from the
document), and never changes a computed figure.

Stage: check.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from slagen.core.errors import Finding
from slagen.core.loader import Document

__all__ = ["LINT_CODES", "cadence_days", "lint_findings"]

LINT_CODES = (
    "lint-objective-no-metric",
    "lint-objective-no-target",
    "lint-objective-due-outside-period",
    "lint-objective-unmeasured",
    "lint-party-no-need",
    "lint-no-qualified-lead-definition",
    "lint-no-connection-definition",
    "lint-consequence-no-owner",
    "lint-consequence-unmeasurable",
    "lint-targets-without-follow-up",
    "lint-follow-up-without-targets",
    "lint-report-slower-than-meeting",
)

_QUALIFIED_LEAD = re.compile(
    r"\b(mql|sql|sal|qualified|calificad|cualificad|aceptad[oa] por ventas|sales[- ]accepted)"
)
_CONNECTION = re.compile(r"(connect|conexi|conectad|contacto efectivo|contactad)")
_CADENCE_DAYS = (
    (re.compile(r"\b(daily|diari|every day|cada d[ií]a)"), 1),
    (re.compile(r"\b(weekly|semanal|every week|cada semana)"), 7),
    (re.compile(r"\b(biweekly|fortnightly|quincenal|every two weeks)"), 14),
    (re.compile(r"\b(monthly|mensual|every month|cada mes)"), 30),
    (re.compile(r"\b(quarterly|trimestral|every quarter)"), 91),
    (re.compile(r"\b(semi-?annual|semestral|twice a year)"), 182),
    (re.compile(r"\b(annual|yearly|anual)"), 365),
)
# what each condition metric measures, in the words objectives use (es and en)
_MEASURED_BY_CONDITION = {
    "leads_delivered_pct": ("lead", "mql", "sql", "oportunidad", "prospect"),
    "first_attempt_on_time_pct": ("attempt", "intento", "follow", "seguimiento", "respuesta"),
    "avg_attempts_unconnected": ("attempt", "intento", "contact"),
    "revenue_pct": ("revenue", "ingreso", "venta", "sales", "won", "ganad", "cuota", "quota"),
}
_STOPWORDS = {
    "the",
    "and",
    "for",
    "from",
    "with",
    "within",
    "rate",
    "number",
    "share",
    "total",
    "los",
    "las",
    "del",
    "por",
    "con",
    "para",
    "tasa",
    "numero",
    "cuota",
    "sobre",
}


def _plain(text: str) -> str:
    """Lower case without accents, for matching words in either language."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def cadence_days(text: str) -> int | None:
    """How many days a free-text cadence spans (``weekly`` → 7), when it says."""
    plain = _plain(text)
    for pattern, days in _CADENCE_DAYS:
        if pattern.search(plain):
            return days
    return None


def _list(data: dict[str, Any], key: str) -> list[tuple[int, dict[str, Any]]]:
    value = data.get(key)
    if not isinstance(value, list):
        return []
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)]


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", _plain(text)) if len(w) >= 3} - _STOPWORDS


def _iso_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _period(data: dict[str, Any]) -> tuple[dt.date | None, dt.date | None]:
    period = data.get("period")
    if not isinstance(period, dict):
        return None, None
    return _iso_date(period.get("start")), _iso_date(period.get("end"))


def _objectives(doc: Document, data: dict[str, Any]) -> Iterator[Finding]:
    measured_text = " ".join(
        f"{r.get('name', '')} {r.get('content', '')}" for _, r in _list(data, "reports")
    )
    measured = _words(measured_text)
    condition_words: set[str] = set()
    for key in ("consequences", "cancellation"):
        for _, item in _list(data, key):
            when = item.get("when")
            if isinstance(when, dict) and isinstance(when.get("metric"), str):
                condition_words.update(_MEASURED_BY_CONDITION.get(when["metric"], ()))
    for i, objective in _list(data, "objectives"):
        path = ("objectives", i)
        metric = objective.get("metric")
        if not isinstance(metric, str) or not metric.strip():
            yield doc.finding(
                path,
                "lint-objective-no-metric",
                "this objective names no metric, so nobody can tell whether it was reached",
                severity="warning",
                hint="add `metric:` (what is counted, e.g. MQLs delivered) and `target:`",
            )
            continue
        if objective.get("target") in (None, ""):
            yield doc.finding(
                (*path, "metric"),
                "lint-objective-no-target",
                f"the metric {metric!r} has no target value",
                severity="warning",
                hint='add `target:` (a number or a value with its unit, e.g. "90%")',
            )
        due = _iso_date(objective.get("due"))
        start, end = _period(data)
        if due is not None and start is not None and end is not None and not start <= due <= end:
            yield doc.finding(
                (*path, "due"),
                "lint-objective-due-outside-period",
                f"the objective is due on {due}, outside the agreement's period "
                f"({start} to {end}), so this agreement cannot hold anyone to it",
                severity="warning",
                hint="give a `due` date inside the period, or leave `due` out: the period's end "
                "is then the deadline",
            )
        words = _words(metric)
        by_report = words & measured
        by_condition = any(w.startswith(c) for w in words for c in condition_words)
        if words and not by_report and not by_condition:
            yield doc.finding(
                (*path, "metric"),
                "lint-objective-unmeasured",
                f"no report and no condition measures {metric!r}",
                severity="warning",
                hint="name the metric in a report's content, or add a consequence with a "
                "`when:` condition on it",
            )


def _parties(doc: Document, data: dict[str, Any]) -> Iterator[Finding]:
    needing = {n.get("party") for _, n in _list(data, "needs")}
    for i, party in _list(data, "parties"):
        if party.get("id") not in needing and party.get("role") != "recipient":
            yield doc.finding(
                ("parties", i, "id"),
                "lint-party-no-need",
                f"party {party.get('id')!r} states nothing it needs from the others",
                severity="warning",
                hint="add a `needs` entry with `party: "
                f"{party.get('id')}` (what it needs, from whom, how often)",
            )


def _definitions(doc: Document, data: dict[str, Any]) -> Iterator[Finding]:
    if data.get("type") not in ("internal", "multilevel"):
        return
    entries = _list(data, "definitions")
    texts = [_plain(f"{d.get('term', '')} {d.get('text', '')}") for _, d in entries]
    terms = [_plain(str(d.get("term", ""))) for _, d in entries]
    where = ("definitions",) if entries else ("type",)
    if not any(_QUALIFIED_LEAD.search(t) for t in terms):
        yield doc.finding(
            where,
            "lint-no-qualified-lead-definition",
            "no definition says what counts as a qualified lead (MQL/SQL)",
            severity="warning",
            hint="add to `definitions` a term such as MQL with the criteria both teams accept",
        )
    if not any(_CONNECTION.search(t) for t in texts):
        yield doc.finding(
            where,
            "lint-no-connection-definition",
            "no definition says what counts as a connection with a lead",
            severity="warning",
            hint="add to `definitions` a term such as Connection (e.g. a conversation held, "
            "not a voicemail)",
        )


def _consequences(doc: Document, data: dict[str, Any]) -> Iterator[Finding]:
    for i, item in _list(data, "consequences"):
        if not item.get("owner"):
            yield doc.finding(
                ("consequences", i),
                "lint-consequence-no-owner",
                "nobody owns this consequence",
                severity="warning",
                hint="add `owner:` with the id of the party that acts on it",
            )
        trigger = str(item.get("trigger", ""))
        measurable = (
            isinstance(item.get("when"), dict)
            or item.get("credit") is not None
            or re.search(r"\d", trigger) is not None  # a threshold people can check
        )
        if not measurable:
            yield doc.finding(
                ("consequences", i, "trigger"),
                "lint-consequence-unmeasurable",
                "this consequence names no threshold, so nobody can tell when it applies",
                severity="warning",
                hint='add `when: {metric: leads_delivered_pct, below: "90%", for_months: 2}` '
                "(see docs/format.md)",
            )


def _follow_up(doc: Document, data: dict[str, Any]) -> Iterator[Finding]:
    if data.get("targets") is not None and data.get("follow_up") is None:
        yield doc.finding(
            ("targets",),
            "lint-targets-without-follow-up",
            "marketing commits to lead targets, but sales commits to no follow-up",
            severity="warning",
            hint="add `follow_up: {first_attempt_within: 4h, min_attempts: 6}`",
        )
    if data.get("follow_up") is not None and data.get("targets") is None:
        yield doc.finding(
            ("follow_up",),
            "lint-follow-up-without-targets",
            "sales commits to follow-up terms, but no lead targets say how many leads to expect",
            severity="warning",
            hint="add a `targets` block (see docs/targets.md)",
        )


def _cadences(doc: Document, data: dict[str, Any]) -> Iterator[Finding]:
    meetings = [
        (m, cadence_days(str(m.get("cadence", ""))), set(m.get("participants") or ()))
        for _, m in _list(data, "meetings")
    ]
    for i, report in _list(data, "reports"):
        days = cadence_days(str(report.get("cadence", "")))
        attended = [
            (meeting, every)
            for meeting, every, participants in meetings
            if every is not None and report.get("to") in participants
        ]
        if days is None or not attended:
            continue
        # a report is reviewed by the meetings its recipient attends; it is too
        # slow only when every one of them meets more often than it arrives
        if all(every < days for _, every in attended):
            meeting, _ = max(attended, key=lambda pair: pair[1])
            yield doc.finding(
                ("reports", i, "cadence"),
                "lint-report-slower-than-meeting",
                f"{report.get('name')!r} arrives {report.get('cadence')!r}, but every meeting of "
                f"its recipient is more frequent ({meeting.get('name')!r}: "
                f"{meeting.get('cadence')!r}), so most meetings would review an old report",
                severity="warning",
                hint="send the report at least as often as the meeting, or meet less often",
            )


def lint_findings(doc: Document) -> list[Finding]:
    """Every lint finding of a loaded agreement that has no errors."""
    data = doc.data
    if not isinstance(data, dict):
        return []
    findings: list[Finding] = []
    for rule in (_objectives, _parties, _definitions, _consequences, _follow_up, _cadences):
        findings.extend(rule(doc, data))
    return findings

"""What templates see: the agreement, its targets, and what they need prepared.

Sections are numbered here, once, so the Markdown document (one template
including every section) and the HTML document (each section rendered on its
own) number them alike.

Stage: render.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from slagen.core.model import Agreement, Approval, Party
from slagen.core.resources import templates_dir as shipped_templates_dir
from slagen.core.targets import TargetTable
from slagen.formats.i18n import translations

SECTIONS = (
    "cover",
    "summary",
    "definitions",
    "objectives",
    "needs",
    "contacts",
    "service_levels",
    "lead_targets",
    "sensitivity",
    "breakdown",
    "follow_up_capacity",
    "reports_meetings",
    "consequences",
    "cancellation",
    "amendment",
    "revision_history",
    "signatures",
    "derivation",
)
# Sections an agreement may leave out; the others always appear.
PRESENT_BY_SECTION: dict[str, Callable[[Agreement], bool]] = {
    "definitions": lambda a: bool(a.definitions),
    "service_levels": lambda a: bool(a.service_levels),
    "lead_targets": lambda a: a.targets is not None,
    "sensitivity": lambda a: a.targets is not None and a.targets.sensitivity,
    "derivation": lambda a: a.targets is not None and a.targets.appendix,
    "follow_up_capacity": lambda a: a.follow_up is not None or a.capacity is not None,
    "reports_meetings": lambda a: bool(a.reports or a.meetings),
    "amendment": lambda a: bool(a.amendment),
}
UNNUMBERED = frozenset({"cover", "breakdown"})  # breakdown: a part of the lead targets


def _child_row(child: Mapping[str, Any], targets: TargetTable) -> dict[str, Any]:
    segment = child.get("segment")
    names = {seg.id: seg.name for seg in targets.segments}
    return {
        "id": child["id"],
        "title": child["title"],
        "segment": names.get(segment, segment) if segment else None,
        "marketing_revenue_goal": Decimal(str(child["total"]["marketing_revenue_goal"])),
        "customers_needed": int(child["total"]["customers_needed"]),
        "leads_needed": int(child["total"]["leads_needed"]),
    }


@dataclass(frozen=True)
class Section:
    name: str
    number: int | None


@dataclass(frozen=True)
class PartyApproval:
    """One party's line of the signature block."""

    party: Party
    approval: Approval | None  # the current one
    stale: tuple[Approval, ...]  # approvals of earlier content

    @property
    def status(self) -> str:
        if self.approval is not None:
            return "current"
        return "stale" if self.stale else "pending"


def build_context(
    agreement: Agreement,
    targets: TargetTable,
    lang: str,
    *,
    mode: str,
    children: Sequence[Mapping[str, Any]] = (),
) -> dict[str, Any]:
    """What the templates see. ``children``: the roll-up breakdown (Markdown only)."""
    sections = []
    number = 0
    for name in SECTIONS:
        present = PRESENT_BY_SECTION.get(name)
        if present is not None and not present(agreement):
            continue
        if name == "breakdown" and not (children and targets.segments):
            continue
        if name not in UNNUMBERED:
            number += 1
        sections.append(Section(name, None if name in UNNUMBERED else number))
    approvals = [
        PartyApproval(
            party=party,
            approval=agreement.current_approval(party.id),
            stale=tuple(a for a in agreement.stale_approvals() if a.party == party.id),
        )
        for party in agreement.parties
    ]
    leads_by_segment = {
        seg.id: {month: 0 for month in targets.lead_months} for seg in targets.segments
    }
    for seg in targets.segments:
        for row in seg.months:
            leads_by_segment[seg.id][row.lead_month] += row.leads_needed
    stage_totals: dict[str, dict[str, int]] = {}
    for seg in targets.segments:
        totals = stage_totals.setdefault(seg.id, {})
        for row in seg.months:
            for stage, count in row.stages:
                totals[stage] = totals.get(stage, 0) + count
    token = hashlib.sha256(
        f"{agreement.fingerprint}\0{agreement.source_text}".encode()
    ).hexdigest()[:24]
    names = {s.name for s in sections}
    derivations: Any = ()
    sensitivity = None
    # Imported only for the agreements that show them (~30 ms of imports).
    if "derivation" in names:
        from slagen.core.explain import explain_targets

        derivations = explain_targets(agreement, targets)
    if "sensitivity" in names:
        from slagen.core.whatif import sensitivity_table

        sensitivity = sensitivity_table(agreement, targets)
    return {
        "derivations": derivations,
        "sensitivity": sensitivity,
        "children": [_child_row(child, targets) for child in children],
        "children_total": {
            measure: sum((Decimal(str(child["total"][measure])) for child in children), Decimal(0))
            for measure in ("marketing_revenue_goal", "customers_needed", "leads_needed")
        },
        "agreement": agreement,
        "targets": targets,
        "lang": lang,
        "mode": mode,
        "sections": sections,
        "approvals": approvals,
        "approved": agreement.is_approved,
        "pending_parties": [a.party for a in approvals if a.approval is None],
        "leads_by_segment": leads_by_segment,
        "stage_totals": stage_totals,
        "markdown_warnings": [],
        "party_name": agreement.party_name,
        # A paragraph the HTML renderer swaps for a chart; the token depends on
        # the agreement's own text, so no agreement can contain it.
        "figure": (lambda name: f"SLAGENFIGURE{token}{name.upper().replace('_', '')}")
        if mode == "html"
        else (lambda name: ""),
    }


def render_figures(targets: TargetTable, user_dir: Path | None, lang: str) -> dict[str, str]:
    if not targets.segments:
        return {}
    from slagen.documents.chart_cache import lead_targets_chart

    _ = translations(lang, user_dir).gettext
    series = [
        (
            seg.name,
            [
                sum(r.leads_needed for r in seg.months if r.lead_month == m)
                for m in targets.lead_months
            ],
        )
        for seg in targets.segments
    ]
    svg = lead_targets_chart(
        list(targets.lead_months),
        series,
        title=_("Leads needed per lead month, by segment"),
        y_label=_("Leads"),
        lang=lang,
    )
    return {"lead_targets": f'<figure class="chart">{svg}</figure>'}


LOGO_NAMES = ("logo.svg", "logo.png", "logo.jpg")


def find_logo(user_dir: Path | None) -> str | None:
    """A team's ``assets/logo.*`` (the PDF renderer may read that folder), if any."""
    for folder in (user_dir, shipped_templates_dir()):
        for name in LOGO_NAMES:
            if folder is not None and (folder / "assets" / name).is_file():
                return (folder / "assets" / name).resolve().as_uri()
    return None

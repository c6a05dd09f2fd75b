"""Roll-ups (check stage): agreements that break a parent agreement down must add up to it.

A child names its parent with ``part_of: {agreement: ID, segment: ID?, tolerance: rate?}``.
For every revenue month of the parent's period, the children's marketing revenue
goal, customers needed and leads needed (summed over their segments) must equal
the parent's totals — or, with ``segment``, that segment's figures — exactly, or
within ``tolerance`` of the parent's figure. The children together must cover
the parent's period, and no child may reach outside it.

Findings land on the parent's file (``targets``) for sums that do not match and
months not covered, and on a child's ``part_of`` for a parent or segment that
does not exist. Only validated agreements without errors take part.

Stage: check.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from slagen.core.errors import Finding
from slagen.core.scalars import parse_rate
from slagen.core.targets import TargetTable
from slagen.core.validate import ValidationResult

__all__ = [
    "MEASURES",
    "Child",
    "breakdown",
    "children_of",
    "format_breakdown",
    "month_figures",
    "rollup_findings",
    "sibling_results",
]

MEASURES = ("marketing_revenue_goal", "customers_needed", "leads_needed")


@dataclass(frozen=True)
class Child:
    """One agreement that declares itself part of another."""

    result: ValidationResult
    parent: str
    segment: str | None
    tolerance: Decimal

    @property
    def id(self) -> str:
        assert self.result.agreement is not None
        return self.result.agreement.id


def month_figures(table: TargetTable, segment: str | None = None) -> dict[str, dict[str, Decimal]]:
    """Per revenue month, the three measures summed over segments (or for one segment)."""
    figures: dict[str, dict[str, Decimal]] = {}
    for seg in table.segments:
        if segment is not None and seg.id != segment:
            continue
        for row in seg.months:
            month = figures.setdefault(row.month, {m: Decimal(0) for m in MEASURES})
            # in the agreement's currency, for a segment that plans in its own
            month["marketing_revenue_goal"] += seg.converted_month(row).marketing_revenue_goal
            month["customers_needed"] += row.customers_needed
            month["leads_needed"] += row.leads_needed
    return figures


def _part_of(result: ValidationResult) -> dict[str, Any] | None:
    data = result.document.data if result.document is not None else None
    value = data.get("part_of") if isinstance(data, dict) else None
    return value if isinstance(value, dict) else None


def children_of(results: Sequence[ValidationResult]) -> list[Child]:
    """Every valid agreement among ``results`` that names a parent."""
    children = []
    for result in results:
        part_of = _part_of(result)
        if part_of is None or result.errors or result.targets is None:
            continue
        try:
            tolerance = parse_rate(part_of["tolerance"]) if "tolerance" in part_of else Decimal(0)
        except ValueError:  # "0%": no difference allowed
            tolerance = Decimal(0)
        children.append(Child(result, str(part_of["agreement"]), part_of.get("segment"), tolerance))
    return children


def _fmt(value: Decimal, measure: str) -> str:
    return f"{value:,.2f}" if measure == "marketing_revenue_goal" else f"{int(value):,}"


def _child_finding(child: Child, key: str, code: str, message: str, hint: str) -> Finding:
    assert child.result.document is not None
    return child.result.document.finding(("part_of", key), code, message, hint=hint)


def _check_parent(parent: ValidationResult, kids: list[Child]) -> list[Finding]:
    assert parent.document is not None and parent.targets is not None
    doc, table = parent.document, parent.targets
    findings: list[Finding] = []
    by_segment: dict[str | None, list[Child]] = {}
    for child in kids:
        by_segment.setdefault(child.segment, []).append(child)
    for segment, group in sorted(by_segment.items(), key=lambda item: item[0] or ""):
        expected = month_figures(table, segment)
        sums = {m: {k: Decimal(0) for k in MEASURES} for m in expected}
        covered: set[str] = set()
        for child in group:
            assert child.result.targets is not None
            for month, figures in month_figures(child.result.targets).items():
                if month not in expected:
                    findings.append(
                        _child_finding(
                            child,
                            "agreement",
                            "rollup-outside-parent",
                            f"month {month} lies outside the period of its parent",
                            "shorten this agreement's period to the parent's",
                        )
                    )
                    break
                covered.add(month)
                for measure in MEASURES:
                    sums[month][measure] += figures[measure]
        names = ", ".join(sorted(c.id for c in group))
        target = f"segment {segment}" if segment else "the totals"
        missing = [m for m in expected if m not in covered]
        if missing:
            findings.append(
                doc.finding(
                    ("targets",),
                    "rollup-period-not-covered",
                    f"the agreements under {target} ({names}) do not cover " + ", ".join(missing),
                    hint="extend a child's period, or add an agreement for those months",
                )
            )
        tolerance = max(c.tolerance for c in group)
        for measure in MEASURES:
            off = []
            for month in expected:
                if month not in covered:
                    continue
                want, got = expected[month][measure], sums[month][measure]
                if abs(got - want) > tolerance * want:
                    off.append(f"{month} ({_fmt(got, measure)} for {_fmt(want, measure)})")
            if off:
                findings.append(
                    doc.finding(
                        ("targets",) if segment is None else ("targets", "segments"),
                        "rollup-mismatch",
                        f"{measure.replace('_', ' ')} of {names} do not add up to {target} in "
                        + "; ".join(off),
                        hint="change the children's targets or the parent's so they agree"
                        + ("" if tolerance else ", or allow a difference with part_of.tolerance"),
                    )
                )
    return findings


def rollup_findings(results: Sequence[ValidationResult]) -> dict[str, list[Finding]]:
    """Roll-up findings of a set of validated files, keyed by the file they belong to."""
    by_id = {r.agreement.id: r for r in results if r.agreement is not None and not r.errors}
    found: dict[str, list[Finding]] = {}
    grouped: dict[str, list[Child]] = {}
    for child in children_of(results):
        parent = by_id.get(child.parent)
        if parent is None:
            if len(results) > 1:  # one file alone cannot know its siblings
                found.setdefault(child.result.file, []).append(
                    _child_finding(
                        child,
                        "agreement",
                        "rollup-unknown-parent",
                        f"no agreement with id {child.parent!r} among the files checked",
                        "check the id, or validate the folder that holds the parent",
                    )
                )
            continue
        if child.segment is not None and parent.targets is not None:
            ids = [s.id for s in parent.targets.segments]
            if child.segment not in ids:
                found.setdefault(child.result.file, []).append(
                    _child_finding(
                        child,
                        "segment",
                        "rollup-unknown-segment",
                        f"{child.parent} has no segment {child.segment!r}",
                        "segments: " + ", ".join(ids),
                    )
                )
                continue
        grouped.setdefault(child.parent, []).append(child)
    for parent_id, kids in grouped.items():
        for finding in _check_parent(by_id[parent_id], kids):
            found.setdefault(finding.file, []).append(finding)
    for child_file in list(found):
        found[child_file].sort(key=lambda f: (f.line, f.column))
    return found


def sibling_results(path: str | Path) -> list[ValidationResult]:
    """The other agreements in ``path``'s folder that may be its children, validated."""
    from slagen.core.validate import collect_agreement_files, validate_file

    folder = Path(path).parent
    results = []
    for file in collect_agreement_files([folder]):
        if Path(file).resolve() == Path(path).resolve():
            continue
        try:
            text = Path(file).read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        if "part_of" in text:  # only possible children are worth validating
            results.append(validate_file(file))
    return results


def breakdown(parent_id: str, results: Sequence[ValidationResult]) -> list[dict[str, Any]]:
    """Each child of ``parent_id``: what it contributes per revenue month, and in total."""
    rows = []
    for child in children_of(results):
        if child.parent != parent_id:
            continue
        assert child.result.targets is not None and child.result.agreement is not None
        months = month_figures(child.result.targets)
        total = {m: sum((f[m] for f in months.values()), Decimal(0)) for m in MEASURES}
        rows.append(
            {
                "id": child.id,
                "title": child.result.agreement.title,
                "segment": child.segment,
                "months": [
                    {"month": month, **{m: _json(v, m) for m, v in figures.items()}}
                    for month, figures in sorted(months.items())
                ],
                "total": {m: _json(v, m) for m, v in total.items()},
            }
        )
    return sorted(rows, key=lambda r: (r["segment"] or "", r["id"]))


def _json(value: Decimal, measure: str) -> str | int:
    return f"{value:.2f}" if measure == "marketing_revenue_goal" else int(value)


def format_breakdown(children: list[dict[str, Any]]) -> str:
    """The children's leads needed per revenue month, for the terminal."""
    if not children:
        return ""
    months = sorted({m["month"] for child in children for m in child["months"]})
    header = [
        "Month",
        *(c["id"] + (f" ({c['segment']})" if c["segment"] else "") for c in children),
    ]
    rows = [
        [
            month,
            *(
                str(next((m["leads_needed"] for m in c["months"] if m["month"] == month), ""))
                for c in children
            ),
        ]
        for month in months
    ]
    rows.append(["Total", *(str(c["total"]["leads_needed"]) for c in children)])
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = ["", "Breakdown by child agreement (leads needed per revenue month):", ""]
    for row in [header, *rows]:
        lines.append(
            "  ".join(
                cell.rjust(w) if i else cell.ljust(w)
                for i, (cell, w) in enumerate(zip(row, widths, strict=True))
            )
        )
    return "\n".join(lines) + "\n"

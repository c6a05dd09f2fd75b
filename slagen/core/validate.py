"""Validation: load → schema → semantic checks → model → targets.

Every finding is collected before anything is reported; a file is usable
when it has no error (warnings are fatal only with ``strict``).

Stage: check.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from operator import attrgetter
from pathlib import Path

from slagen.core.agreement_files import collect_agreement_files
from slagen.core.assemble import build_agreement
from slagen.core.errors import AgreementError, Finding
from slagen.core.field_checks import computed_findings, field_findings
from slagen.core.limits import MAX_COMPUTED
from slagen.core.loader import Document, load_file, load_text
from slagen.core.model import Agreement
from slagen.core.schema import schema_findings
from slagen.core.semantics import semantic_findings
from slagen.core.targets import TargetTable, compute_targets

__all__ = [
    "ValidationResult",
    "collect_agreement_files",
    "fingerprint_finding",
    "internal_error_result",
    "load_agreement",
    "validate_document",
    "validate_file",
    "validate_text",
]


@dataclass
class ValidationResult:
    """What validating one file found, and what it built when it could."""

    file: str
    findings: list[Finding] = field(default_factory=list)
    document: Document | None = None
    agreement: Agreement | None = None
    targets: TargetTable | None = None
    internal: bool = False  # slagen itself failed on the file (exit code 3)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    def failed(self, *, strict: bool = False) -> bool:
        return bool(self.errors) or (strict and bool(self.warnings))


def _approval_findings(
    doc: Document, agreement: Agreement, *, require_approved: bool
) -> Iterator[Finding]:
    severity = "error" if require_approved else "warning"
    for i, approval in enumerate(agreement.approvals):
        if approval.fingerprint != agreement.fingerprint:
            yield doc.finding(
                ("approvals", i, "fingerprint"),
                "stale-approval",
                f"the approval by {approval.name} ({approval.party}, {approval.date}) is for other content: "
                "the agreement changed after sign-off",
                severity=severity,
                hint=f"{approval.party} must approve again: slagen approve {doc.file} --party {approval.party} "
                "--name NAME",
            )
    if require_approved:
        for party in agreement.parties:
            if agreement.current_approval(party.id) is None and not any(
                a.party == party.id for a in agreement.approvals
            ):
                yield doc.finding(
                    ("approvals",),
                    "missing-approval",
                    f"party `{party.id}` ({party.name}) has not approved",
                    hint=f"slagen approve {doc.file} --party {party.id} --name NAME",
                    at_key=True,
                )


def _capacity_findings(doc: Document, table: TargetTable) -> Iterator[Finding]:
    over = [m for m in table.monthly if m.capacity is not None and m.capacity.over]
    if over:
        worst = max(over, key=lambda m: m.capacity.utilization if m.capacity else 0)
        assert worst.capacity is not None
        pct = (worst.capacity.utilization * 100).quantize(1)
        yield doc.finding(
            ("capacity",),
            "over-capacity",
            "sales capacity is exceeded in "
            + ", ".join(m.month for m in over)
            + f" (up to {pct}% of the available hours)",
            severity="warning",
            hint="add reps or hours, lower min_attempts or minutes_per_attempt, or revisit the targets",
        )
    if doc.data.get("capacity") is not None and doc.data.get("follow_up") is None:
        yield doc.finding(
            ("capacity",),
            "capacity-without-follow-up",
            "capacity is checked against follow_up.min_attempts, but `follow_up` is missing",
            severity="warning",
            hint="add a follow_up block",
        )


def _chain_findings(doc: Document, table: TargetTable) -> Iterator[Finding]:
    """Customers sales must win each revenue month against what service is sized for."""
    levels = doc.data.get("service_levels")
    if not isinstance(levels, list) or not table.segments:
        return
    customers: dict[str, int] = {}
    for segment in table.segments:
        for row in segment.months:
            customers[row.month] = customers.get(row.month, 0) + row.customers_needed
    for index, level in enumerate(levels):
        if not isinstance(level, dict):
            continue
        limit = level.get("customers_per_month")
        if not isinstance(limit, int) or isinstance(limit, bool):
            continue
        over = [(month, n) for month, n in sorted(customers.items()) if n > limit]
        if over:
            shown = ", ".join(f"{month} ({n})" for month, n in over)
            yield doc.finding(
                ("service_levels", index, "customers_per_month"),
                "service-level-over-capacity",
                f"service level `{level.get('id')}` is sized for {limit} new customers a month, "
                f"but the lead targets commit sales to win more in {shown}",
                severity="warning",
                hint="size the service level for the customers sales will win, or revisit the targets",
            )


def validate_document(doc: Document, *, require_approved: bool = False) -> ValidationResult:
    """Validate a loaded document and, when it has no errors, build its model."""
    result = ValidationResult(file=doc.file, document=doc)
    findings = schema_findings(doc)
    errored = {f.path for f in findings}
    for finding in semantic_findings(doc):
        if finding.code in ("yaml-boolean", "id-file-mismatch") and finding.path in errored:
            continue  # the error at the same place already says what to fix
        findings.append(finding)
    findings.extend(f for f in field_findings(doc) if f.path not in errored)
    if not any(f.severity == "error" for f in findings):
        agreement = build_agreement(doc.data, source_file=doc.file, source_text=doc.text)
        table = compute_targets(agreement)
        too_large = []
        if _largest(table) > MAX_COMPUTED:  # then find and word the first one
            too_large = list(computed_findings(doc, _computed_values(table)))
        findings.extend(too_large)
        if not too_large:
            result.agreement, result.targets = agreement, table
        findings.extend(_capacity_findings(doc, table))
        findings.extend(_chain_findings(doc, table))
        findings.extend(_approval_findings(doc, agreement, require_approved=require_approved))
    result.findings = sorted(findings, key=lambda f: (f.line, f.column, f.severity != "error"))
    return result


def _largest(table: TargetTable) -> Decimal | int:
    """The largest magnitude among the figures :func:`_computed_values` names (0 if none)."""
    top: Decimal | int = 0
    for segment in table.segments:
        rows = segment.months
        stages = [count for row in rows for _, count in row.stages]
        top = max(
            top,
            max(map(abs, map(_REVENUE, rows)), default=0),
            max(map(abs, map(_VALUE, rows)), default=0),
            max(map(abs, map(_LEADS, rows)), default=0),
            max(map(abs, stages), default=0),
            abs(segment.total.revenue_goal),
            abs(segment.total.lead_value_needed),
        )
    for month_totals in table.monthly:
        totals = month_totals.totals
        top = max(
            top,
            abs(totals.revenue_goal),
            abs(totals.leads_needed),
            abs(totals.lead_value_needed),
        )
    return top


_REVENUE, _VALUE = attrgetter("revenue_goal"), attrgetter("lead_value_needed")
_LEADS = attrgetter("leads_needed")


def _computed_values(table: TargetTable) -> Iterator[tuple[str, Decimal | int]]:
    for segment in table.segments:
        for month in segment.months:
            where = f"segment `{segment.id}` in {month.month}"
            yield f"the revenue goal of {where}", month.revenue_goal
            yield f"the lead value needed by {where}", month.lead_value_needed
            yield f"the leads needed by {where}", month.leads_needed
            for stage, count in month.stages:
                yield f"the {stage} needed by {where}", count
        yield f"the total revenue goal of segment `{segment.id}`", segment.total.revenue_goal
        yield f"the total lead value of segment `{segment.id}`", segment.total.lead_value_needed
    for month_totals in table.monthly:
        totals = month_totals.totals
        yield f"the revenue goal of {month_totals.month}", totals.revenue_goal
        yield f"the leads needed in {month_totals.month}", totals.leads_needed
        yield f"the lead value needed in {month_totals.month}", totals.lead_value_needed


def internal_error_result(file: str, exc: Exception) -> ValidationResult:
    """A file slagen failed on, as a finding of its own so that the others go on."""
    finding = Finding(
        file,
        1,
        1,
        "",
        "error",
        "internal-error",
        f"slagen failed while checking this file ({type(exc).__name__}: {exc}); "
        "this is a bug in slagen, not in the file",
        "report it with the file attached; run with --debug for the traceback",
    )
    return ValidationResult(file=file, findings=[finding], internal=True)


def fingerprint_finding(result: ValidationResult) -> Finding | None:
    """An ``info`` finding with the agreement's fingerprint and approval state (docs/signoff.md)."""
    agreement, doc = result.agreement, result.document
    if agreement is None or doc is None:
        return None
    pending = [p.id for p in agreement.parties if agreement.current_approval(p.id) is None]
    state = (
        "approved by every party" if not pending else "awaiting approval by " + ", ".join(pending)
    )
    mark = doc.mark(("id",))
    return Finding(
        result.file,
        mark.line,
        mark.column,
        "",
        "info",
        "fingerprint",
        f"fingerprint {agreement.fingerprint}; {state}",
        fingerprint=agreement.fingerprint,
    )


def validate_text(
    text: str | bytes, file: str = "<string>", *, require_approved: bool = False
) -> ValidationResult:
    try:
        doc = load_text(text, file)
    except AgreementError as exc:
        return ValidationResult(file=file, findings=exc.findings)
    return validate_document(doc, require_approved=require_approved)


def validate_file(
    path: str | Path,
    *,
    display: str | None = None,
    require_approved: bool = False,
    isolate: bool = True,
) -> ValidationResult:
    """Validate one file; loader problems become findings too.

    With ``isolate`` an unexpected failure of slagen on this file becomes an
    ``internal-error`` finding (and ``internal`` is set) instead of an exception,
    so that a folder's other files are still checked.

    Raises:
        FileAccessError: when the file cannot be read.
    """
    name = display or str(path)
    try:
        doc = load_file(path, display=name)
    except AgreementError as exc:
        return ValidationResult(file=name, findings=exc.findings)
    if not isolate:
        return validate_document(doc, require_approved=require_approved)
    try:
        return validate_document(doc, require_approved=require_approved)
    except Exception as exc:  # noqa: BLE001  (one file's bug must not hide the others' findings)
        return internal_error_result(name, exc)


def load_agreement(
    path: str | Path, *, display: str | None = None
) -> tuple[Agreement, TargetTable]:
    """Load, validate and compute one agreement, for commands that need a good one.

    Raises:
        FileAccessError: when the file cannot be read.
        AgreementError: with every error finding when it is invalid.
    """
    result = validate_file(path, display=display, isolate=False)
    if result.errors or result.agreement is None or result.targets is None:
        raise AgreementError(result.errors or result.findings)
    return result.agreement, result.targets

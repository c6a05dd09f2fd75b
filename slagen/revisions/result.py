"""Comparing two versions of an agreement: the :class:`DiffResult` and how it is made.

Stage: revisions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from slagen.core.errors import AgreementError, FileAccessError, Finding
from slagen.core.model import Agreement
from slagen.core.targets import TargetTable
from slagen.core.validate import ValidationResult, validate_text
from slagen.revisions.checks import reset_checks
from slagen.revisions.fields import FieldChange, compare_documents
from slagen.revisions.git import Source, read_git
from slagen.revisions.targets import TargetsDiff, compare_targets

__all__ = ["DiffResult", "diff_sources", "reset_check_findings"]


@dataclass
class DiffResult:
    """Everything ``slagen diff`` reports about ``old`` → ``new``."""

    old_source: Source
    new_source: Source
    old: ValidationResult
    new: ValidationResult
    changes: list[FieldChange]
    targets: TargetsDiff
    findings: list[Finding] = field(default_factory=list)

    @property
    def old_agreement(self) -> Agreement:
        assert self.old.agreement is not None
        return self.old.agreement

    @property
    def new_agreement(self) -> Agreement:
        assert self.new.agreement is not None
        return self.new.agreement

    @property
    def old_targets(self) -> TargetTable:
        assert self.old.targets is not None
        return self.old.targets

    @property
    def new_targets(self) -> TargetTable:
        assert self.new.targets is not None
        return self.new.targets

    @property
    def changed(self) -> bool:
        return bool(self.changes) or self.targets.changed

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    def count(self, kind: str) -> int:
        return sum(1 for c in self.changes if c.kind == kind)


def _validated(source: Source) -> ValidationResult:
    result = validate_text(source.text, source.name)
    if result.errors or result.agreement is None:
        raise AgreementError(result.errors or result.findings)
    return result


def diff_sources(old: Source, new: Source) -> DiffResult:
    """Validate both versions, compare them field by field and target by target, run the reset checks.

    Raises:
        AgreementError: when either version is not a valid agreement (its findings).
    """
    old_result, new_result = _validated(old), _validated(new)
    assert old_result.document is not None and new_result.document is not None
    assert old_result.targets is not None and new_result.targets is not None
    assert old_result.agreement is not None and new_result.agreement is not None
    changes = compare_documents(old_result.document, new_result.document)
    targets = compare_targets(old_result.targets, new_result.targets)
    findings = reset_checks(
        old_result.agreement, new_result.agreement, new_result.document, changes, targets
    )
    return DiffResult(old, new, old_result, new_result, changes, targets, findings)


def reset_check_findings(result: ValidationResult, rev: str) -> list[Finding]:
    """The reset checks of ``slagen validate --against REV`` for one validated file.

    The file's version at ``rev`` is the old one. A file that did not exist at
    ``rev`` is new and has nothing to be checked against; a file that is itself
    invalid has its own findings already.

    Raises:
        UserError: not a git repository, or ``rev`` unknown (with a hint for
            shallow clones).
    """
    if result.agreement is None or result.document is None or result.targets is None:
        return []
    try:
        old_source = read_git(rev, result.file, cwd=Path.cwd())
    except FileAccessError:
        return []
    old = validate_text(old_source.text, old_source.name)
    if old.errors or old.agreement is None or old.document is None or old.targets is None:
        return [
            result.document.finding(
                ("revision",),
                "against-invalid",
                f"cannot run the reset checks: the version at {rev} is not a valid agreement",
                severity="warning",
                hint=f"slagen validate on a checkout of {rev} shows why",
            )
        ]
    changes = compare_documents(old.document, result.document)
    targets = compare_targets(old.targets, result.targets)
    return reset_checks(old.agreement, result.agreement, result.document, changes, targets)

"""The error hierarchy shared by every stage.

Library code raises these and never prints or exits; the CLI maps them to a
message on stderr and an exit code (docs/cli.md).

Stage: shared.
"""

from __future__ import annotations

from slagen.core.records import Record, record


@record
class Finding(Record):
    """One problem found in an agreement, located in its source file.

    ``line`` and ``column`` are 1-based; ``path`` is the JSON path inside the
    agreement (``targets.segments[0].close_rate``), empty for the whole file.
    """

    file: str
    line: int
    column: int
    path: str
    severity: str  # "error" | "warning" | "info"
    code: str
    message: str
    hint: str = ""
    fingerprint: str = ""  # set on "info" findings of `validate --fingerprints`

    def as_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
        }
        if self.hint:
            data["hint"] = self.hint
        if self.fingerprint:
            data["fingerprint"] = self.fingerprint
        return data

    def format_text(self) -> str:
        where = f"{self.path}: " if self.path else ""
        text = f"{self.file}:{self.line}:{self.column}: {self.severity}: {where}{self.message}"
        if self.hint:
            text += f" (hint: {self.hint})"
        return text


class SlagenError(Exception):
    """Base of every error slagen raises on purpose."""


class UserError(SlagenError):
    """A problem the user can fix: bad input, a missing file, a wrong option.

    ``exit_code`` follows docs/cli.md: 1 for findings in an agreement or a failed
    check, 2 for usage and I/O errors.
    """

    exit_code = 2

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class UsageError(UserError):
    """A wrong option or argument."""

    exit_code = 2


class FileAccessError(UserError):
    """A file that cannot be read or written."""

    exit_code = 2


class AgreementError(UserError):
    """An agreement that cannot be used, with every finding that says why."""

    exit_code = 1

    def __init__(self, findings: list[Finding]) -> None:
        first = findings[0].format_text() if findings else "invalid agreement"
        super().__init__(first)
        self.findings = list(findings)


class CheckFailed(UserError):
    """A verification that ran and failed (a signature, a fingerprint)."""

    exit_code = 1

"""Findings written for people (text), machines (json) and CI annotations (github).

Stage: format.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from slagen.core.errors import Finding
from slagen.core.validate import ValidationResult

__all__ = ["REPORTER_BY_NAME", "report_findings"]


def _text(results: Sequence[ValidationResult], strict: bool) -> str:
    lines = []
    for result in results:
        for finding in result.findings:
            lines.append(finding.format_text())
        if not result.errors and not result.warnings:
            lines.append(f"{result.file}: ok")
    errors = sum(len(r.errors) for r in results)
    warnings = sum(len(r.warnings) for r in results)
    failed = sum(1 for r in results if r.failed(strict=strict))
    lines.append(
        f"{len(results)} file(s) checked: {errors} error(s), {warnings} warning(s)"
        + (f", {failed} file(s) failed" if failed else "")
    )
    return "\n".join(lines) + "\n"


def _json(results: Sequence[ValidationResult], strict: bool) -> str:
    findings = [f.as_dict() for r in results for f in r.findings]
    return json.dumps(findings, indent=2, ensure_ascii=False) + "\n"


def _escape_property(text: str) -> str:
    return (
        text.replace("%", "%25")
        .replace("\r", "%0D")
        .replace("\n", "%0A")
        .replace(":", "%3A")
        .replace(",", "%2C")
    )


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_line(f: Finding) -> str:
    level = {"error": "error", "warning": "warning"}.get(f.severity, "notice")
    props = f"file={_escape_property(f.file)},line={f.line},col={f.column},title={_escape_property(f.code)}"
    message = (
        (f"{f.path}: " if f.path else "") + f.message + (f" (hint: {f.hint})" if f.hint else "")
    )
    return f"::{level} {props}::{_escape_data(message)}"


def _github(results: Sequence[ValidationResult], strict: bool) -> str:
    lines = [_github_line(f) for r in results for f in r.findings]
    return (
        "\n".join(lines) + ("\n" if lines else "") + _text(results, strict).splitlines()[-1] + "\n"
    )


REPORTER_BY_NAME: dict[str, Callable[[Sequence[ValidationResult], bool], str]] = {
    "text": _text,
    "json": _json,
    "github": _github,
}


def report_findings(results: Sequence[ValidationResult], fmt: str, *, strict: bool = False) -> str:
    return REPORTER_BY_NAME[fmt](results, strict)

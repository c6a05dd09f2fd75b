"""The bodies of ``slagen validate`` and ``slagen targets``, without typer.

The typer commands (:mod:`slagen.cli.check`) and the quick path
(:mod:`slagen.cli.quick_checks`) call the same functions, each with its own
``echo``: what is written cannot differ. Errors are raised, not reported; the
exit code of findings is returned.

Stage: interface.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from slagen.core.errors import UsageError

if TYPE_CHECKING:
    from slagen.cli.plain import Echo

__all__ = ["targets_body", "validate_body"]


def validate_body(
    paths: Sequence[Path] | None,
    fmt: str,
    *,
    strict: bool,
    require_approved: bool,
    fingerprints: bool,
    against: str | None,
    allowed_signers: Path | None,
    lint: bool | None,
    isolate: bool,
    echo: Echo,
) -> int:
    """Validate ``paths`` (default: agreements/), echo the findings in ``fmt``; the exit code."""
    from slagen.core.validate import collect_agreement_files, validate_file
    from slagen.formats.findings import report_findings

    targets = paths or [Path("agreements")]
    files = collect_agreement_files(targets)
    if not files:
        raise UsageError("no agreement files (*.yaml) found in " + ", ".join(map(str, targets)))
    results = [validate_file(f, require_approved=require_approved, isolate=isolate) for f in files]
    if strict if lint is None else lint:
        from slagen.core.lint import lint_findings

        for r in results:
            if r.document is not None and not r.errors:
                r.findings = sorted(
                    [*r.findings, *lint_findings(r.document)],
                    key=lambda f: (f.line, f.column, f.severity != "error"),
                )
    if any(r.document is not None and "part_of" in r.document.data for r in results):
        from slagen.core.rollup import rollup_findings

        by_file = rollup_findings(results)
        for r in results:
            if r.file in by_file:
                r.findings = sorted(
                    [*r.findings, *by_file[r.file]],
                    key=lambda f: (f.line, f.column, f.severity != "error"),
                )
    signers = allowed_signers
    if signers is None and require_approved:
        from slagen.config import load_config

        signers = load_config(start=files[0]).allowed_signers
    if signers is not None:
        _add_authentication(results, signers)
    if fingerprints:
        from slagen.core.validate import fingerprint_finding

        for r in results:
            info = fingerprint_finding(r)
            if info is not None:
                r.findings.append(info)
    if against:
        from slagen.revisions import reset_check_findings

        for r in results:
            r.findings = sorted(
                [*r.findings, *reset_check_findings(r, against)],
                key=lambda f: (f.line, f.column, f.severity != "error"),
            )
    echo(report_findings(results, fmt, strict=strict), nl=False)
    if any(r.internal for r in results):
        return 3  # documented: slagen itself failed on a file
    if any(r.failed(strict=strict) for r in results):
        return 1
    return 0


def _add_authentication(results: list[Any], signers: Path) -> None:
    """Each approval's proof by a signed commit, as findings: info when proven, else a warning."""
    from slagen.signoff.gitproof import authenticate_approvals

    for r in results:
        if r.agreement is None or r.document is None:
            continue
        for auth in authenticate_approvals(r.file, r.agreement, signers):
            if auth.status == "not-approved":
                continue
            index = next(i for i, a in enumerate(r.agreement.approvals) if a.party == auth.party)
            r.findings.append(
                r.document.finding(
                    ("approvals", index),
                    f"approval-{auth.status}",
                    f"{auth.party}: {auth.describe()}",
                    severity="info" if auth.status == "authenticated" else "warning",
                    hint=""
                    if auth.status == "authenticated"
                    else "approve with `slagen approve --git` (a signed commit) using a key that "
                    "the allowed-signers file maps to the representative",
                )
            )


def targets_body(path: Path, fmt: str, *, explain: bool, what_if: str | None, echo: Echo) -> None:
    """Echo the targets of the agreement at ``path`` in ``fmt`` (or explained, or a scenario)."""
    from slagen.core.validate import load_agreement
    from slagen.formats.targets import targets_csv, targets_json, targets_table

    agreement, table = load_agreement(path)
    if explain and what_if:
        raise UsageError("--explain and --what-if are separate views", hint="use one")
    if explain:
        from slagen.core.explain import explain_targets, format_explanation

        if fmt != "table":
            raise UsageError("--explain prints text", hint="leave out --format")
        echo(format_explanation(explain_targets(agreement, table), table.currency), nl=False)
        return
    if what_if:
        import json

        from slagen.core.whatif import run_scenario
        from slagen.formats.scenario import format_scenario, scenario_to_dict

        scenario = run_scenario(agreement, table, what_if)
        if fmt == "json":
            echo(json.dumps(scenario_to_dict(scenario), indent=2, ensure_ascii=False))
        elif fmt == "csv":
            echo(targets_csv(scenario.scenario), nl=False)
        else:
            echo(format_scenario(scenario, agreement.language), nl=False)
        return
    from slagen.core.rollup import breakdown, format_breakdown, sibling_results

    children = [] if fmt == "csv" else breakdown(agreement.id, sibling_results(path))
    if fmt == "json":
        if children:
            import json

            from slagen.formats.targets import targets_to_dict

            data = {**targets_to_dict(table), "children": children}
            echo(json.dumps(data, indent=2, ensure_ascii=False))
        else:
            echo(targets_json(table), nl=False)
    elif fmt == "csv":
        echo(targets_csv(table), nl=False)
    else:
        echo(targets_table(table, agreement.language) + format_breakdown(children), nl=False)

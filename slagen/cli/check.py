"""``slagen validate`` and ``slagen targets``: the checks that pre-commit hooks and CI run.

Only typer is imported at module level; the checks are imported inside the
command bodies, the lint, roll-up and git checks only when an option asks.

Stage: interface.
"""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated, Any

import typer

from slagen.cli.support import STATE, run
from slagen.core.errors import UsageError

__all__ = ["register"]


class FindingFormat(str, enum.Enum):
    text = "text"
    json = "json"
    github = "github"


class TargetsFormat(str, enum.Enum):
    table = "table"
    json = "json"
    csv = "csv"


def validate(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Agreement files or folders (default: agreements/).")
    ] = None,
    fmt: Annotated[
        FindingFormat,
        typer.Option("--format", "-f", help="Output: text, json or github annotations."),
    ] = FindingFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too.")] = False,
    require_approved: Annotated[
        bool,
        typer.Option(
            "--require-approved", help="Missing or stale approvals are errors (protected branches)."
        ),
    ] = False,
    fingerprints: Annotated[
        bool,
        typer.Option(
            "--fingerprints",
            help="Also report each valid agreement's fingerprint and approval state (severity info).",
        ),
    ] = False,
    against: Annotated[
        str | None,
        typer.Option(
            "--against",
            help="Also run the reset checks against this git revision (e.g. origin/main).",
        ),
    ] = None,
    allowed_signers: Annotated[
        Path | None,
        typer.Option(
            "--allowed-signers",
            help="git allowed-signers file: report, for each party, whether a commit signed by its "
            "representative proves the approval [default: allowed_signers in slagen.toml].",
            show_default=False,
        ),
    ] = None,
    lint: Annotated[
        bool | None,
        typer.Option(
            "--lint/--no-lint",
            help="Also check what a good agreement needs (measurable objectives, shared "
            "definitions, owned consequences; codes lint-*, see docs/lint.md) "
            "[default: on with --strict].",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Validate agreement files against the schema and the semantic rules.

    Exit code 0 when valid, 1 when there are findings (warnings only with --strict),
    2 for usage or I/O errors, 3 when slagen itself failed on a file (reported as
    an internal-error finding for that file; the other files are still checked).
    With --strict (or --lint) the SLA lint runs too.

    Examples:

        slagen validate

        slagen validate agreements/acme.yaml --format json --fingerprints

        slagen validate agreements/ --strict --format github

        slagen validate agreements/ --against origin/main --require-approved

        slagen validate agreements/acme.yaml --lint

        slagen validate --require-approved --allowed-signers .github/allowed_signers
    """

    def body() -> None:
        from slagen.core.validate import collect_agreement_files, validate_file
        from slagen.formats.findings import report_findings

        targets = paths or [Path("agreements")]
        files = collect_agreement_files(targets)
        if not files:
            raise UsageError("no agreement files (*.yaml) found in " + ", ".join(map(str, targets)))
        isolate = not STATE["debug"]  # with --debug, a bug shows its traceback
        results = [
            validate_file(f, require_approved=require_approved, isolate=isolate) for f in files
        ]
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
        typer.echo(report_findings(results, fmt.value, strict=strict), nl=False)
        if any(r.internal for r in results):
            raise typer.Exit(3)  # documented: slagen itself failed on a file
        if any(r.failed(strict=strict) for r in results):
            raise typer.Exit(1)

    run(body)


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


def targets(
    path: Annotated[Path, typer.Argument(help="The agreement file.")],
    fmt: Annotated[
        TargetsFormat, typer.Option("--format", "-f", help="Output: table, json or csv.")
    ] = TargetsFormat.table,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain", help="Show how each segment's figures are derived, step by step."
        ),
    ] = False,
    what_if: Annotated[
        str | None,
        typer.Option(
            "--what-if",
            metavar="INPUT=CHANGE[,…]",
            help="Recompute with changed inputs: revenue_goal, marketing_share, avg_deal_size, "
            "close_rate or lead_value, relative (-10%, +5%) or absolute (=0.4), optionally "
            "SEGMENT.INPUT; prints the targets and their change.",
        ),
    ] = None,
) -> None:
    """Compute the lead targets of an agreement (docs/targets.md).

    Exit code 0, 1 for an invalid agreement, 2 for usage or I/O errors.

    Examples:

        slagen targets agreements/acme.yaml

        slagen targets agreements/acme.yaml --format json > targets.json

        slagen targets agreements/acme.yaml --explain

        slagen targets agreements/acme.yaml --what-if close_rate=-10%,avg_deal_size=-5%
    """

    def body() -> None:
        from slagen.core.validate import load_agreement
        from slagen.formats.targets import targets_csv, targets_json, targets_table

        agreement, table = load_agreement(path)
        if explain and what_if:
            raise UsageError("--explain and --what-if are separate views", hint="use one")
        if explain:
            from slagen.core.explain import explain_targets, format_explanation

            if fmt is not TargetsFormat.table:
                raise UsageError("--explain prints text", hint="leave out --format")
            typer.echo(
                format_explanation(explain_targets(agreement, table), table.currency), nl=False
            )
            return
        if what_if:
            import json

            from slagen.core.whatif import run_scenario
            from slagen.formats.scenario import format_scenario, scenario_to_dict

            scenario = run_scenario(agreement, table, what_if)
            if fmt is TargetsFormat.json:
                typer.echo(json.dumps(scenario_to_dict(scenario), indent=2, ensure_ascii=False))
            elif fmt is TargetsFormat.csv:
                typer.echo(targets_csv(scenario.scenario), nl=False)
            else:
                typer.echo(format_scenario(scenario, agreement.language), nl=False)
            return
        from slagen.core.rollup import breakdown, format_breakdown, sibling_results

        children = (
            [] if fmt is TargetsFormat.csv else breakdown(agreement.id, sibling_results(path))
        )
        if fmt is TargetsFormat.json:
            if children:
                import json

                from slagen.formats.targets import targets_to_dict

                data = {**targets_to_dict(table), "children": children}
                typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
            else:
                typer.echo(targets_json(table), nl=False)
        elif fmt is TargetsFormat.csv:
            typer.echo(targets_csv(table), nl=False)
        else:
            typer.echo(
                targets_table(table, agreement.language) + format_breakdown(children), nl=False
            )

    run(body)


def register(app: typer.Typer) -> None:
    """Add ``validate`` and ``targets`` to the CLI."""
    app.command()(validate)
    app.command()(targets)

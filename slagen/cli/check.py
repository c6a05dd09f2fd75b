"""``slagen validate`` and ``slagen targets``: the checks that pre-commit hooks and CI run.

Only typer is imported at module level; the checks are imported inside the
command bodies, the lint, roll-up and git checks only when an option asks.

Stage: interface.
"""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated

import typer

from slagen.cli.support import STATE, run

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
        from slagen.cli.check_commands import validate_body

        code = validate_body(
            paths,
            fmt.value,
            strict=strict,
            require_approved=require_approved,
            fingerprints=fingerprints,
            against=against,
            allowed_signers=allowed_signers,
            lint=lint,
            isolate=not STATE["debug"],  # with --debug, a bug shows its traceback
            echo=typer.echo,
        )
        if code:
            raise typer.Exit(code)

    run(body)


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
        from slagen.cli.check_commands import targets_body

        targets_body(path, fmt.value, explain=explain, what_if=what_if, echo=typer.echo)

    run(body)


def register(app: typer.Typer) -> None:
    """Add ``validate`` and ``targets`` to the CLI."""
    app.command()(validate)
    app.command()(targets)

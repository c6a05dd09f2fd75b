"""``slagen approvals``: which parties approved a pull request's head, from recorded reviews.

Stage: interface.
"""

from __future__ import annotations

import enum
import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from slagen.cli.support import run

if TYPE_CHECKING:
    from slagen.signoff.reviews import PartyApproval

__all__ = ["register"]


class ApprovalsFormat(str, enum.Enum):
    text = "text"
    json = "json"


def _describe(state: PartyApproval, approvers: Path) -> str:
    if state.status == "approved":
        return f"approved by @{state.login} on {state.submitted_at}"
    if state.status == "stale":
        commit = (state.commit or "an unknown commit")[:12]
        return f"approved by @{state.login} on an earlier commit ({commit}): review the head again"
    if state.status == "missing":
        return "not approved"
    return f"no approvers listed in {approvers}"


def register(app: typer.Typer) -> None:
    """Add ``slagen approvals`` to the application."""

    @app.command()
    def approvals(
        paths: Annotated[
            list[Path] | None,
            typer.Argument(help="Agreement files or folders (default: agreements/)."),
        ] = None,
        pr_json: Annotated[
            Path,
            typer.Option(
                "--pr-json",
                help="The pull request as `gh pr view N --json reviews,commits,headRefOid` prints it.",
            ),
        ] = Path("pr.json"),
        approvers: Annotated[
            Path,
            typer.Option(
                "--approvers",
                help="CODEOWNERS-style file: `[PATTERN] PARTY @login …` per line.",
            ),
        ] = Path(".github/slagen-approvers"),
        fmt: Annotated[
            ApprovalsFormat, typer.Option("--format", "-f", help="Output: text or json.")
        ] = ApprovalsFormat.text,
    ) -> None:
        """Say which parties have approved the pull request's current head.

        Reads the reviews GitHub recorded (saved by the GitHub CLI, so nothing
        is fetched here) and maps reviewers to parties with the approvers file.
        Exit code 0 when every party of every agreement approved the head, 1
        otherwise, 2 for usage or I/O errors.

        Examples:

            gh pr view 42 --json reviews,commits,headRefOid > pr.json

            slagen approvals agreements/ --pr-json pr.json

            slagen approvals agreements/acme.yaml --pr-json pr.json --format json
        """

        def body() -> None:
            from slagen.core.validate import collect_agreement_files, load_agreement
            from slagen.signoff.reviews import approvals_for, parse_approvers, parse_pull_request

            rules = parse_approvers(approvers)
            pull = parse_pull_request(pr_json)
            files = collect_agreement_files(paths or [Path("agreements")])
            report: list[tuple[str, str, list[PartyApproval]]] = []
            for file in files:
                agreement, _ = load_agreement(file)
                parties = [p.id for p in agreement.parties]
                report.append(
                    (
                        file.as_posix(),
                        agreement.id,
                        approvals_for(parties, file.as_posix(), rules, pull),
                    )
                )
            if fmt is ApprovalsFormat.json:
                data = [
                    {"file": f, "agreement": a, "parties": [s.as_dict() for s in states]}
                    for f, a, states in report
                ]
                typer.echo(json.dumps({"head": pull.head, "agreements": data}, indent=2))
            else:
                for f, a, states in report:
                    typer.echo(f"{f} ({a}) at {pull.head[:12]}:")
                    for state in states:
                        typer.echo(f"  {state.party}: {_describe(state, approvers)}")
            if any(s.status != "approved" for _, _, states in report for s in states):
                raise typer.Exit(1)

        run(body)

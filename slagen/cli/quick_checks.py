"""``slagen validate`` and ``slagen targets`` without typer: what pre-commit hooks run, answered first.

A hook runs ``validate`` on every commit, and the whole check of an agreement
takes less CPU than importing typer and building the command. :func:`run`
answers every option of both commands (their values as click reads them, see
:mod:`slagen.cli.quick_options`) with the same bodies as the typer commands
(:mod:`slagen.cli.check_commands`) and the same error report
(:func:`slagen.cli.plain.report`); help, ``--debug`` and anything unusual
return ``None`` before anything is done, and the typer command runs.

Stage: interface.
"""

from __future__ import annotations

from pathlib import Path

from slagen.cli.quick_options import Parsed, Spec, parse

__all__ = ["SPECS", "parse_checks", "run"]

SPECS = {
    "validate": Spec(
        valued={
            "--format": "format",
            "-f": "format",
            "--against": "against",
            "--allowed-signers": "allowed_signers",
        },
        flags={
            "--strict": ("strict", True),
            "--require-approved": ("require_approved", True),
            "--fingerprints": ("fingerprints", True),
            "--lint": ("lint", True),
            "--no-lint": ("lint", False),
        },
        choices={"format": ("text", "json", "github")},
    ),
    "targets": Spec(
        valued={"--format": "format", "-f": "format", "--what-if": "what_if"},
        flags={"--explain": ("explain", True)},
        choices={"format": ("table", "json", "csv")},
        min_paths=1,
        max_paths=1,
    ),
}


def parse_checks(argv: list[str]) -> Parsed | None:
    """The ``validate`` or ``targets`` that ``argv`` asks for; ``None`` for anything else."""
    return parse(argv, SPECS)


def run(argv: list[str]) -> int | None:
    """The exit code of a ``validate`` or ``targets`` it answered, or ``None`` (nothing done)."""
    from slagen.cli import plain
    from slagen.cli.check_commands import targets_body, validate_body

    parsed = parse_checks(argv)
    if parsed is None or not plain.streams_as_click_writes_them():
        return None
    options, flags = parsed.options, parsed.flags
    try:
        if parsed.command == "targets":
            targets_body(
                Path(parsed.paths[0]),
                options.get("format", "table"),
                explain=flags.get("explain", False),
                what_if=options.get("what_if"),
                echo=plain.echo,
            )
            return 0
        signers = options.get("allowed_signers")
        return validate_body(
            [Path(p) for p in parsed.paths] or None,
            options.get("format", "text"),
            strict=flags.get("strict", False),
            require_approved=flags.get("require_approved", False),
            fingerprints=flags.get("fingerprints", False),
            against=options.get("against"),
            allowed_signers=Path(signers) if signers is not None else None,
            lint=flags.get("lint"),
            isolate=True,
            echo=plain.echo,
        )
    except (Exception, KeyboardInterrupt) as exc:  # noqa: BLE001 - reported as support.run does
        return plain.report(exc)

"""``slagen render`` and ``slagen build`` without typer: the plain forms, answered before the CLI loads.

Importing typer and building a command costs tens of milliseconds of CPU; a
no-change ``build`` in CI does less work than that, and a PDF render is timed
against the ``weasyprint`` command itself. :func:`run` answers the forms
hooks, CI and people type:

- ``render PATH... [--to F] [-o|--output D] [--templates D] [--page-size S] [--lang L] [-j|--jobs N]``
- ``build [FOLDER] [-o|--output D] [-j|--jobs N] [--force]``, one line per
  agreement (not on a terminal, or with ``CI`` set: a terminal's progress bar
  is typer's)

with the same bodies as the typer commands (:mod:`slagen.cli.document_commands`)
and the same error report (:func:`slagen.cli.plain.report`). Anything else -
help, an option given twice, ``-j2``, ``--``, a value typer would convert or
refuse differently - returns ``None`` before anything is done or written, and
the typer command runs as usual.

Stage: interface.
"""

from __future__ import annotations

from pathlib import Path

from slagen.cli.quick_options import Parsed, Spec, parse

__all__ = ["SPECS", "parse_documents", "run"]

SPECS = {
    "render": Spec(
        valued={
            "--to": "to",
            "--output": "out",
            "-o": "out",
            "--templates": "templates",
            "--page-size": "page_size",
            "--lang": "language",
            "--jobs": "jobs",
            "-j": "jobs",
        },
        counts=("jobs",),
        min_paths=1,
    ),
    "build": Spec(
        valued={"--output": "out", "-o": "out", "--jobs": "jobs", "-j": "jobs"},
        flags={"--force": ("force", True)},
        counts=("jobs",),
        max_paths=1,
    ),
}


def parse_documents(argv: list[str]) -> Parsed | None:
    """The plain ``render`` or ``build`` that ``argv`` asks for; ``None`` for anything else."""
    return parse(argv, SPECS)


def _path(parsed: Parsed, key: str) -> Path | None:
    value = parsed.options.get(key)
    return Path(value) if value is not None else None


def run(argv: list[str]) -> int | None:
    """The exit code of a plain ``render`` or ``build`` it answered, or ``None`` (nothing done)."""
    from slagen.cli import plain
    from slagen.cli.document_commands import build_body, plain_output, render_body

    parsed = parse_documents(argv)
    if parsed is None or not plain.streams_as_click_writes_them():
        return None
    if parsed.command == "build" and not plain_output():
        return None  # a terminal's progress bar
    jobs = int(parsed.options["jobs"]) if "jobs" in parsed.options else None
    try:
        if parsed.command == "build":
            folder = Path(parsed.paths[0]) if parsed.paths else Path(".")
            return build_body(
                folder, _path(parsed, "out"), jobs, parsed.flags.get("force", False), plain.echo
            )
        render_body(
            [Path(p) for p in parsed.paths],
            parsed.options.get("to"),
            _path(parsed, "out"),
            _path(parsed, "templates"),
            parsed.options.get("page_size"),
            parsed.options.get("language"),
            jobs or 1,
            plain.echo,
        )
    except (Exception, KeyboardInterrupt) as exc:  # noqa: BLE001 - reported as support.run does
        return plain.report(exc)
    return 0

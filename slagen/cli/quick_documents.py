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

import re
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Parsed", "parse", "run"]

_COUNT = re.compile(r"[1-9][0-9]{0,3}")  # what click's int and min=1 both accept, plainly
# option spellings -> the parameter they set, per command; a value follows each
_VALUED = {
    "render": {
        "--to": "to",
        "--output": "out",
        "-o": "out",
        "--templates": "templates",
        "--page-size": "page_size",
        "--lang": "language",
        "--jobs": "jobs",
        "-j": "jobs",
    },
    "build": {"--output": "out", "-o": "out", "--jobs": "jobs", "-j": "jobs"},
}
_FLAGS = {"render": set[str](), "build": {"--force"}}


@dataclass
class Parsed:
    command: str
    paths: list[str] = field(default_factory=list)
    options: dict[str, str] = field(default_factory=dict)
    force: bool = False


def parse(argv: list[str]) -> Parsed | None:
    """The plain ``render`` or ``build`` that ``argv`` asks for; ``None`` for anything else."""
    if not argv or argv[0] not in _VALUED:
        return None
    parsed = Parsed(argv[0])
    valued, flags = _VALUED[parsed.command], _FLAGS[parsed.command]
    args = iter(argv[1:])
    for arg in args:
        name, equals, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if name in valued:
            if not equals:
                value = next(args, "")
            key = valued[name]
            if key in parsed.options or not value or value.startswith("-"):
                return None  # given twice, missing, or a value click may read otherwise
            parsed.options[key] = value
        elif arg in flags and not parsed.force:
            parsed.force = True
        elif arg.startswith("-") or not arg:
            return None  # help, another option, --, an empty path
        else:
            parsed.paths.append(arg)
    if "jobs" in parsed.options and not _COUNT.fullmatch(parsed.options["jobs"]):
        return None
    if parsed.command == "render" and not parsed.paths:
        return None  # typer's usage error
    if parsed.command == "build" and len(parsed.paths) > 1:
        return None
    return parsed


def _path(parsed: Parsed, key: str) -> Path | None:
    value = parsed.options.get(key)
    return Path(value) if value is not None else None


def run(argv: list[str]) -> int | None:
    """The exit code of a plain ``render`` or ``build`` it answered, or ``None`` (nothing done)."""
    from slagen.cli import plain
    from slagen.cli.document_commands import build_body, plain_output, render_body

    parsed = parse(argv)
    if parsed is None or not plain.streams_as_click_writes_them():
        return None
    if parsed.command == "build" and not plain_output():
        return None  # a terminal's progress bar
    jobs = int(parsed.options["jobs"]) if "jobs" in parsed.options else None
    try:
        if parsed.command == "build":
            folder = Path(parsed.paths[0]) if parsed.paths else Path(".")
            return build_body(folder, _path(parsed, "out"), jobs, parsed.force, plain.echo)
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

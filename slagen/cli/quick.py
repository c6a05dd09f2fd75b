"""``slagen diff OLD NEW`` without typer: the common comparison, answered before the CLI loads.

Importing typer and building the ``diff`` command costs more CPU than the whole
comparison of two agreements (measured: 22 of 99 ms). Hooks and CI run the plain
form many times, so :func:`run` answers it directly: two files, optionally
``--format text|md|json`` (``-f``) and ``--color``/``--no-color``. Everything
else - help, any other option, ``--``, a git revision, an invalid agreement,
two different agreements, output click would alter - returns ``None`` before
anything is written, and the typer command runs as usual: messages, exit codes
and output stay those of :mod:`slagen.cli.diff`, which calls the same functions.

Stage: interface.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from slagen.revisions import DiffResult

__all__ = ["QUICK_FORMATS", "parse", "rollup_text", "run"]

QUICK_FORMATS = ("text", "md", "json")
_FORMAT_OPTIONS = ("--format", "-f")


def parse(argv: list[str]) -> tuple[list[str], str, bool | None] | None:
    """``(paths, format, color)`` of a plain ``diff OLD NEW``; ``None`` for anything else."""
    if not argv or argv[0] != "diff":
        return None
    paths: list[str] = []
    fmt, color = "text", None
    args = iter(argv[1:])
    for arg in args:
        if arg in _FORMAT_OPTIONS:
            fmt = next(args, "")
            if fmt not in QUICK_FORMATS:
                return None
        elif arg.startswith("--format="):
            fmt = arg.removeprefix("--format=")
            if fmt not in QUICK_FORMATS:
                return None
        elif arg in ("--color", "--no-color"):
            color = arg == "--color"
        elif arg.startswith("-") or ":" in arg:  # an option for typer, or REV:PATH
            return None
        else:
            paths.append(arg)
    if len(paths) != 2:
        return None
    return paths, fmt, color


def rollup_text(result: DiffResult, path: Path, markdown: bool) -> str:
    """After a change of a parent agreement, the children in its folder that no longer add up."""
    from slagen.core.rollup import rollup_findings, sibling_results

    siblings = [r for r in sibling_results(path) if r.agreement is not None]
    if not siblings:
        return ""
    new = result.new
    found = rollup_findings([new, *siblings]).get(new.file, [])
    if not found:
        return ""
    lines = [f.message for f in found]
    if markdown:
        text = "\n**Roll-ups:** after this change the agreements under it no longer add up:\n\n"
        return text + "".join(f"- {line}\n" for line in lines)
    text = "\nroll-ups: after this change the agreements under it no longer add up:\n"
    return text + "".join(f"  {line}\n" for line in lines)


def _stdout_as_click_writes_it(data: str, color: bool) -> bool:
    """Whether ``click.echo(data, color=color or None)`` would write ``data`` unchanged."""
    from slagen.cli.plain import isatty, streams_as_click_writes_them

    if not streams_as_click_writes_them():
        return False  # click rewraps a misconfigured stream, or writes to a Windows console
    # click strips ANSI codes when not told to colour a stream that is no terminal: let it
    return "\x1b" not in data or color or isatty(sys.stdout)


def run(argv: list[str]) -> int | None:
    """The exit code of a plain ``slagen diff OLD NEW`` it answered, or ``None`` (nothing written)."""
    parsed = parse(argv)
    if parsed is None:
        return None
    (old_path, new_path), fmt, color_option = parsed
    try:
        from slagen.revisions import diff_sources, read_source

        result = diff_sources(read_source(old_path), read_source(new_path))
        if result.old_agreement.id != result.new_agreement.id:
            return None
        color = sys.stdout.isatty() if color_option is None else color_option
        if fmt == "json":
            from slagen.revisions.json_format import diff_json

            data = diff_json(result)
        elif fmt == "md":
            from slagen.revisions.md_format import diff_markdown

            data = diff_markdown(result)
        else:
            from slagen.revisions.text_format import diff_text

            data = diff_text(result, color=color)
        rollups = ""
        if result.changed and fmt != "json":
            rollups = rollup_text(result, Path(new_path), markdown=fmt == "md")
    except KeyboardInterrupt:
        print("slagen: error: interrupted", file=sys.stderr)
        return 130
    except Exception:  # noqa: BLE001 - an invalid version, an unreadable file...: the typer command reports it
        return None
    # diff.py echoes the comparison with its colour setting, the roll-ups with click's default
    if not (_stdout_as_click_writes_it(data, color) and _stdout_as_click_writes_it(rollups, False)):
        return None
    try:
        sys.stdout.write(data + rollups)
        sys.stdout.flush()
    except (Exception, KeyboardInterrupt) as exc:  # noqa: BLE001 - a closed pipe: as support.run
        from slagen.cli.plain import report

        return report(exc)
    return 1 if result.changed else 0

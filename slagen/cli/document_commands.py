"""The bodies of ``slagen render`` and ``slagen build``, without typer.

The typer commands (:mod:`slagen.cli.render`, :mod:`slagen.cli.repository`)
and the quick path (:mod:`slagen.cli.quick_documents`) call the same
functions here, with their own ``echo``: what is written cannot differ. Errors
are raised, not reported: each caller reports them its own way
(``support.run``, ``plain.report``).

Stage: interface.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from slagen.authoring.batch import BuildEvent
    from slagen.cli.plain import Echo

__all__ = ["build_body", "plain_output", "render_body", "shown"]


def render_body(
    paths: Sequence[Path],
    to: str | None,
    out: Path | None,
    templates: Path | None,
    page_size: str | None,
    language: str | None,
    jobs: int,
    echo: Echo,
) -> None:
    """Render ``paths``; echo the warnings (stderr), then every file written (stdout)."""
    from slagen.config import load_config
    from slagen.documents.write_documents import parse_formats, render_documents

    # Options given on the command line win over slagen.toml, which wins over defaults.
    config = load_config(start=paths[0] if paths else ".")
    formats = parse_formats(to) if to else config.formats
    warnings: list[str] = []
    written = render_documents(
        list(paths),
        formats,
        out or config.output or Path("build"),
        templates or config.templates,
        page_size=page_size or config.page_size,
        language=language,
        jobs=jobs,
        warnings=warnings,
    )
    for line in warnings:
        echo(line, err=True)  # already "FILE: warning: …"
    for path in written:
        echo(str(path))


def plain_output() -> bool:
    """Whether ``build`` writes one line per agreement: CI logs want no redrawn bar."""
    return not sys.stdout.isatty() or bool(os.environ.get("CI"))


def build_body(
    folder: Path,
    output: Path | None,
    jobs: int | None,
    force: bool,
    echo: Echo,
    progressbar: Callable[[int], Any] | None = None,
) -> int:
    """Build the repository at ``folder``; the exit code (1 when anything failed).

    ``progressbar(total)`` makes the bar of a terminal (a context manager with
    ``update``); without one, or in plain output, each agreement is a line.
    """
    from slagen.authoring.batch import build_repository

    plain = plain_output() or progressbar is None
    bar: Any = None
    failures: list[BuildEvent] = []

    def started(total: int) -> None:
        nonlocal bar
        if not plain and progressbar is not None:
            bar = progressbar(total)
            bar.__enter__()

    def done(event: BuildEvent) -> None:
        if event.status == "failed":
            failures.append(event)
        if bar is not None:
            bar.update(1)
        elif event.status == "failed":
            echo(f"failed   {event.source}")
        else:
            outputs = ", ".join(shown(Path(o)) for o in event.outputs)
            echo(f"{event.status:<8} {event.source} -> {outputs}")
        if plain:
            for message in event.messages if event.status != "failed" else ():
                echo(f"  warning: {message}", err=True)

    try:
        result = build_repository(
            folder, output, jobs=jobs, force=force, on_event=done, on_start=started
        )
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    for event in failures:
        for message in event.messages:
            echo(message, err=True)
    counts = {s: len(result.by_status(s)) for s in ("rendered", "skipped", "failed")}
    echo(
        f"{counts['rendered']} rendered, {counts['skipped']} unchanged, {counts['failed']} failed; "
        f"manifest: {shown(result.manifest) if result.manifest else 'none'}",
        err=True,
    )
    return 1 if result.failed else 0


def shown(path: Path) -> str:
    """A path as people type it: relative to the current folder when it lies inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)

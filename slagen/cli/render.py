"""``slagen render``: documents for the pull request and for sign-off.

Stage: interface.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from slagen.cli.support import run


def render(
    paths: Annotated[list[Path], typer.Argument(help="Agreement files or folders.")],
    to: Annotated[
        str | None,
        typer.Option(
            "--to",
            help="Comma-separated formats: md, html, pdf (default md,pdf or slagen.toml's formats).",
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Output folder (default build/ or slagen.toml's output)."
        ),
    ] = None,
    templates: Annotated[
        Path | None,
        typer.Option(
            "--templates",
            help="A folder of template overrides, tried before the shipped templates.",
        ),
    ] = None,
    page_size: Annotated[str | None, typer.Option("--page-size", help="A4 or Letter.")] = None,
    language: Annotated[
        str | None,
        typer.Option("--lang", help="Render in es or en instead of the agreement's own language."),
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Processes to render with.")] = 1,
) -> None:
    """Render agreements to <id>.md, <id>.html and <id>.pdf.

    All or nothing: when any agreement is invalid or fails to render, no file
    is written and earlier outputs stay as they were.

    Examples:

        slagen render agreements/

        slagen render agreements/acme.yaml --to md,html,pdf -o build/

        slagen render agreements/ --templates my-templates/ --page-size Letter
    """

    def body() -> None:
        from slagen.cli.document_commands import render_body

        render_body(paths, to, out, templates, page_size, language, jobs, typer.echo)

    run(body)


def register(app: typer.Typer) -> None:
    app.command()(render)

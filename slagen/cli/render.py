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
        from slagen.config import load_config
        from slagen.documents.write_documents import parse_formats, render_documents

        # Options given on the command line win over slagen.toml, which wins over defaults.
        config = load_config(start=paths[0] if paths else ".")
        formats = parse_formats(to) if to else config.formats
        warnings: list[str] = []
        written = render_documents(
            paths,
            formats,
            out or config.output or Path("build"),
            templates or config.templates,
            page_size=page_size or config.page_size,
            language=language,
            jobs=jobs,
            warnings=warnings,
        )
        for line in warnings:
            typer.echo(line, err=True)  # already "FILE: warning: …"
        for path in written:
            typer.echo(str(path))

    run(body)


def register(app: typer.Typer) -> None:
    app.command()(render)

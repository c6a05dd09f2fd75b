"""``slagen render``: documents for the pull request and for sign-off."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from slagen.cli_support import run


def render(
    paths: Annotated[list[Path], typer.Argument(help="Agreement files or folders.")],
    to: Annotated[str, typer.Option("--to", help="Comma-separated formats: md, html, pdf.")] = "md,pdf",
    out: Annotated[Path, typer.Option("--output", "-o", help="Output folder.")] = Path("build"),
    templates: Annotated[Path | None, typer.Option("--templates", help="A folder of template overrides, tried before the shipped templates.")] = None,
    page_size: Annotated[str, typer.Option("--page-size", help="A4 or Letter.")] = "A4",
    language: Annotated[str | None, typer.Option("--lang", help="Render in es or en instead of the agreement's own language.")] = None,
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
        from slagen.build_docs import parse_formats, render_documents

        warnings: list[str] = []
        written = render_documents(
            paths, parse_formats(to), out, templates, page_size=page_size, language=language,
            jobs=jobs, warnings=warnings,
        )
        for line in warnings:
            typer.echo(f"warning: {line}", err=True)
        for path in written:
            typer.echo(str(path))

    run(body)


def register(app: typer.Typer) -> None:
    app.command()(render)

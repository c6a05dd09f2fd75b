"""``slagen build`` and ``serve``: commands over a whole agreements repository.

Only typer is imported here; each command imports its library module
(``slagen.authoring.batch``, ``slagen.authoring.serve``) inside its body.

Stage: interface.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from slagen.cli.support import run

__all__ = ["register"]


def build(
    folder: Annotated[
        Path,
        typer.Argument(
            help="A repository (its agreements/ folder is used) or a folder of agreements."
        ),
    ] = Path("."),
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Output folder [default: slagen.toml's output, else build/].",
            show_default=False,
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Processes to render with [default: number of CPUs].",
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Render everything, even what did not change.")
    ] = False,
) -> None:
    """Render every agreement of a repository, in parallel, only what changed.

    An agreement is rendered again when its source, the templates, slagen.toml
    or slagen's version changed, or an output is missing. OUT/manifest.json
    lists every output with its SHA-256 and the agreement's fingerprint. A broken
    agreement is reported and the others are still rendered; the exit code is 1
    when anything failed. Formats and page size come from slagen.toml
    (default: md and pdf, A4).

    Examples:

        slagen build

        slagen build agreements/ -o build/ --jobs 4

        slagen build --force
    """

    def body() -> None:
        from slagen.cli.document_commands import build_body

        def progressbar(total: int) -> object:
            return typer.progressbar(length=total, label="Rendering", file=sys.stderr)

        code = build_body(folder, output, jobs, force, typer.echo, progressbar)
        if code:
            raise typer.Exit(code)

    run(body)


def serve(
    folder: Annotated[
        Path,
        typer.Argument(
            help="A repository (its agreements/ folder is used) or a folder of agreements."
        ),
    ] = Path("."),
    port: Annotated[
        int, typer.Option("--port", "-p", min=0, max=65535, help="Port (0: any free one).")
    ] = 8000,
    host: Annotated[
        str,
        typer.Option(
            "--host",
            help="Interface to listen on; anything but loopback shares your drafts with the network.",
        ),
    ] = "127.0.0.1",
) -> None:
    """Preview the agreements as HTML in a browser, refreshed when a YAML file or template changes.

    Listens on the loopback interface only, unless --host says otherwise.
    Invalid agreements show their findings on the page. Stop with Ctrl+C.

    Examples:

        slagen serve

        slagen serve agreements/ --port 8080
    """

    def body() -> None:
        from slagen.authoring.serve import LOOPBACK_HOSTS, make_server
        from slagen.core.errors import UsageError

        try:
            server = make_server(folder, host=host, port=port)
        except OSError as exc:
            raise UsageError(
                f"cannot listen on {host}:{port}: {exc.strerror or exc}",
                hint="choose another --port (or 0 for any free one)",
            ) from exc
        if host not in LOOPBACK_HOSTS:
            typer.echo(
                f"warning: listening on {host}: anyone who can reach this machine can read the drafts",
                err=True,
            )
        typer.echo(f"Serving {server.agreements} at {server.url} (Ctrl+C to stop)", err=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass  # Ctrl-C is how a person stops the preview: a clean exit, not an error
        finally:
            server.server_close()

    run(body)


def register(app: typer.Typer) -> None:
    app.command()(build)
    app.command()(serve)

"""``slagen new``, ``init``, ``build`` and ``serve``: the authoring workflow.

Only typer is imported here; each command imports its library module
(``slagen.authoring.*``) inside its body.
"""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import Annotated

import typer

from slagen.cli.support import run

__all__ = ["register"]


class AgreementType(str, enum.Enum):
    internal = "internal"
    customer = "customer"
    multilevel = "multilevel"


class Language(str, enum.Enum):
    es = "es"
    en = "en"


def _interactive() -> bool:
    return sys.stdin.isatty()


def _ask_choice(text: str, choices: list[str], default: str) -> str:
    while True:
        answer = (
            str(typer.prompt(f"{text} ({', '.join(choices)})", default=default)).strip().lower()
        )
        if answer in choices:
            return answer
        typer.echo(f"please answer one of {', '.join(choices)}", err=True)


def new(
    agreement_id: Annotated[
        str | None,
        typer.Argument(
            metavar="ID",
            help="Id of the agreement (lowercase, digits, hyphens); also the file name.",
            show_default=False,
        ),
    ] = None,
    kind: Annotated[
        AgreementType | None,
        typer.Option(
            "--type",
            "-t",
            help="internal, customer or multilevel [default: internal].",
            show_default=False,
        ),
    ] = None,
    language: Annotated[
        Language | None,
        typer.Option(
            "--lang",
            "-l",
            help="es or en [default: slagen.toml's language, else en].",
            show_default=False,
        ),
    ] = None,
    company: Annotated[
        str | None, typer.Option("--company", help="Company name on the cover.")
    ] = None,
    currency: Annotated[
        str | None, typer.Option("--currency", help="ISO 4217 code, e.g. USD or EUR.")
    ] = None,
    year: Annotated[
        int | None,
        typer.Option(
            "--year", help="Calendar year covered [default: this year].", show_default=False
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="File to write [default: agreements/ID.yaml].",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Write a complete, valid starting agreement with comments explaining each field.

    In a terminal, asks for what the options do not give; otherwise takes the
    options and the defaults of slagen.toml. Never overwrites a file (exit 2).

    Examples:

        slagen new

        slagen new acme-marketing-sales --type internal --lang en --company "Acme, Inc."

        slagen new soporte-cliente --type customer --lang es -o agreements/soporte-cliente.yaml
    """

    def body() -> None:
        from slagen.authoring.new import create_agreement, slugify
        from slagen.config import load_config
        from slagen.core.errors import UsageError

        config = load_config()
        ident, chosen_kind, lang, name = agreement_id, kind, language, company
        if ident is None and output is not None:
            ident = output.stem
        if _interactive():
            if chosen_kind is None:
                chosen_kind = AgreementType(
                    _ask_choice("Type", [t.value for t in AgreementType], "internal")
                )
            if lang is None:
                lang = Language(_ask_choice("Language", ["es", "en"], config.language))
            if name is None:
                name = typer.prompt("Company", default=config.company or "") or None
            if ident is None:
                suffix = {
                    "internal": "marketing-sales",
                    "customer": "customer-sla",
                    "multilevel": "multilevel-sla",
                }[chosen_kind.value]
                ident = typer.prompt(
                    "Id (also the file name)",
                    default=f"{slugify(name or '') or 'example'}-{suffix}",
                )
        if ident is None:
            raise UsageError(
                "give the agreement's id", hint="slagen new acme-marketing-sales --type internal"
            )
        written = create_agreement(
            output or Path("agreements") / f"{ident}.yaml",
            (chosen_kind or AgreementType.internal).value,
            (lang.value if lang else config.language),
            agreement_id=ident,
            company=name or config.company,
            currency=currency or config.currency,
            year=year,
        )
        typer.echo(str(written))
        typer.echo(f"next: edit it, then run slagen validate {written}", err=True)

    run(body)


def init(
    folder: Annotated[Path, typer.Argument(help="Folder of the agreements repository.")] = Path(
        "."
    ),
    language: Annotated[
        Language, typer.Option("--lang", "-l", help="Default language: es or en.")
    ] = Language.en,
    company: Annotated[
        str | None, typer.Option("--company", help="Company name for the example and the config.")
    ] = None,
    currency: Annotated[
        str | None,
        typer.Option(
            "--currency",
            help="ISO 4217 code [default: USD for en, EUR for es].",
            show_default=False,
        ),
    ] = None,
    install: Annotated[
        str | None,
        typer.Option(
            "--install",
            help="What CI passes to pip install to get slagen (a version, git URL or folder) "
            "[default: the source of the slagen running now].",
            show_default=False,
        ),
    ] = None,
    git: Annotated[
        bool | None,
        typer.Option(
            "--git/--no-git",
            help="Make the folder a git repository when it is not one "
            "[default: ask in a terminal, otherwise say what to run].",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Scaffold an agreements repository: example, config, editor schema, pre-commit, CI.

    Writes agreements/ with one example agreement, slagen.toml, the JSON Schema
    with .vscode/settings.json, .pre-commit-config.yaml and
    .github/workflows/slagen.yml. Existing files are never overwritten: run it
    again to add only what is missing. diff --from, validate --against and
    git-setup need a git repository: --git runs git init for you.

    Examples:

        slagen init my-slas --git

        slagen init sla-repo --lang es --company "Andina Climatización, S.L."

        slagen init --install "git+https://example.com/you/slagen@v0.1.0"
    """

    def body() -> None:
        from slagen.authoring.init import git_init, in_git_repository, init_repository

        result = init_repository(
            folder, language=language.value, company=company, currency=currency, install=install
        )
        for path in result.written:
            typer.echo(f"wrote {path}")
        for path in result.skipped:
            typer.echo(f"kept {path} (already there)")
        if in_git_repository(folder):
            return
        wanted = git
        if wanted is None and sys.stdin.isatty() and sys.stdout.isatty():
            wanted = typer.confirm(f"{folder} is not a git repository. Run git init?", default=True)
        if wanted:
            git_init(folder)
            typer.echo(f"initialized a git repository in {folder}")
        else:
            typer.echo(
                f"{folder} is not a git repository; diff --from, validate --against and "
                f"git-setup need one: run `git init {folder}`"
            )

    run(body)


def _plain_output() -> bool:
    # CI logs want one line per agreement, not a redrawn bar.
    import os

    return not sys.stdout.isatty() or bool(os.environ.get("CI"))


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
        from slagen.authoring.batch import BuildEvent, build_repository

        plain = _plain_output()
        bar = None
        failures: list[BuildEvent] = []

        def started(total: int) -> None:
            nonlocal bar
            if not plain:
                bar = typer.progressbar(length=total, label="Rendering", file=sys.stderr)
                bar.__enter__()

        def done(event: BuildEvent) -> None:
            if event.status == "failed":
                failures.append(event)
            if bar is not None:
                bar.update(1)
            elif event.status == "failed":
                typer.echo(f"failed   {event.source}")
            else:
                shown = ", ".join(_shown(Path(o)) for o in event.outputs)
                typer.echo(f"{event.status:<8} {event.source} -> {shown}")
            if plain:
                for message in event.messages if event.status != "failed" else ():
                    typer.echo(f"  warning: {message}", err=True)

        try:
            result = build_repository(
                folder, output, jobs=jobs, force=force, on_event=done, on_start=started
            )
        finally:
            if bar is not None:
                bar.__exit__(None, None, None)
        for event in failures:
            for message in event.messages:
                typer.echo(message, err=True)
        counts = {s: len(result.by_status(s)) for s in ("rendered", "skipped", "failed")}
        typer.echo(
            f"{counts['rendered']} rendered, {counts['skipped']} unchanged, {counts['failed']} failed; "
            f"manifest: {_shown(result.manifest) if result.manifest else 'none'}",
            err=True,
        )
        if result.failed:
            raise typer.Exit(1)

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


def _shown(path: Path) -> str:
    """A path as people type it: relative to the current folder when it lies inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def register(app: typer.Typer) -> None:
    app.command()(new)
    app.command()(init)
    app.command()(build)
    app.command()(serve)

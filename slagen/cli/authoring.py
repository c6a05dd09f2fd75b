"""``slagen new`` and ``init``: starting an agreement and an agreements repository.

``build`` and ``serve`` are in :mod:`slagen.cli.repository`.

Only typer is imported here; each command imports its library module
(``slagen.authoring.*``) inside its body.

Stage: interface.
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


def register(app: typer.Typer) -> None:
    app.command()(new)
    app.command()(init)

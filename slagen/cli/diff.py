"""``slagen diff``, ``slagen textconv`` and ``slagen git-setup``.

Only typer is imported at module level; the diff machinery is imported inside
the command bodies, and WeasyPrint only by ``--format pdf``.

Stage: interface.
"""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from slagen.cli.support import run
from slagen.core.errors import AgreementError, UsageError

if TYPE_CHECKING:
    from slagen.revisions import DiffResult

__all__ = ["register"]


class DiffFormat(str, enum.Enum):
    text = "text"
    md = "md"
    json = "json"
    html = "html"
    pdf = "pdf"


def _report_invalid(exc: AgreementError) -> NoReturn:
    for finding in exc.findings:
        typer.echo(finding.format_text(), err=True)
    typer.echo("slagen: error: both versions must be valid agreements to compare them", err=True)
    raise typer.Exit(2)


def diff(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="OLD NEW (files or REV:PATH), or one PATH with --from.", show_default=False
        ),
    ] = None,
    from_rev: Annotated[
        str | None, typer.Option("--from", help="Git revision of the old version of PATH.")
    ] = None,
    to_rev: Annotated[
        str | None,
        typer.Option("--to", help="Git revision of the new version (default: the working tree)."),
    ] = None,
    fmt: Annotated[
        DiffFormat, typer.Option("--format", "-f", help="text, md, json, html or pdf.")
    ] = DiffFormat.text,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file (required for html and pdf)."),
    ] = None,
    page_size: Annotated[
        str | None,
        typer.Option(
            "--page-size", help="A4 or Letter, for --format pdf (default: slagen.toml's page_size)."
        ),
    ] = None,
    color: Annotated[
        bool | None,
        typer.Option(
            "--color/--no-color",
            help="Colour the text format (default: when stdout is a terminal).",
            show_default=False,
        ),
    ] = None,
    install_git_driver: Annotated[
        bool,
        typer.Option(
            "--install-git-driver",
            help="Make git diff and git log -p show agreements semantically "
            "(same as slagen git-setup).",
        ),
    ] = False,
) -> None:
    """Compare two revisions of an agreement: fields, prose and the computed targets.

    Reports every field added, removed or changed (list items matched by id),
    prose word by word, and what the change does to the lead targets per
    segment and month, to the monthly SLA totals and to capacity. Runs the
    reset checks: content changed without a higher revision.number (error), a
    new revision that changes targets before its revision.date (warning
    "rewriting history"), history entries that did not carry over (error).

    Exit code 0 when nothing changed, 1 when something did, 2 for errors
    (including an invalid version or a revision git does not have).

    Examples:

        slagen diff agreements/acme.yaml --from v1

        slagen diff agreements/acme.yaml --from origin/main --format md > comment.md

        slagen diff v1:agreements/acme.yaml v2:agreements/acme.yaml --format json

        slagen diff old.yaml new.yaml --format pdf -o redline.pdf

        slagen diff agreements/acme.yaml --from v1 --format pdf --page-size Letter -o redline.pdf

        slagen diff --install-git-driver
    """

    def body() -> None:
        if install_git_driver:
            from slagen.revisions.textconv import install_git_driver as install

            for line in install(Path.cwd()):
                typer.echo(line)
            return
        from slagen.revisions import diff_sources, read_source

        items = paths or []
        if from_rev is not None:
            if len(items) != 1:
                raise UsageError(
                    "with --from, name exactly one agreement file",
                    hint="slagen diff agreements/acme.yaml --from v1",
                )
            old = read_source(items[0], rev=from_rev)
            new = read_source(items[0], rev=to_rev)
        else:
            if to_rev is not None:
                raise UsageError(
                    "--to needs --from", hint="slagen diff PATH --from OLD_REV --to NEW_REV"
                )
            if len(items) != 2:
                raise UsageError(
                    "name two versions (OLD NEW), or one file with --from REV",
                    hint="slagen diff v1:agreements/acme.yaml agreements/acme.yaml",
                )
            old, new = read_source(items[0]), read_source(items[1])
        if fmt in (DiffFormat.html, DiffFormat.pdf) and output is None:
            raise UsageError(
                f"--format {fmt.value} writes a file: name it with -o",
                hint=f"slagen diff … --format {fmt.value} -o redline.{fmt.value}",
            )
        paper = _page_size(page_size, new.path, fmt is DiffFormat.pdf)
        try:
            result = diff_sources(old, new)
        except AgreementError as exc:
            _report_invalid(exc)
        old_id, new_id = result.old_agreement.id, result.new_agreement.id
        if old_id != new_id:
            raise UsageError(
                f"these are two different agreements ({old_id} and {new_id}), not two "
                "revisions of one",
                hint="compare revisions of the same agreement (the same id), e.g. "
                f"slagen diff {items[-1]} --from main",
            )
        _emit(result, fmt, output, sys.stdout.isatty() if color is None else color, paper)
        if result.changed and new.rev is None and fmt in (DiffFormat.text, DiffFormat.md):
            _emit_rollups(result, Path(new.path), fmt, output)
        raise typer.Exit(1 if result.changed else 0)

    run(body)


def _emit_rollups(result: DiffResult, path: Path, fmt: DiffFormat, output: Path | None) -> None:
    """After a change of a parent agreement, the children in its folder that no longer add up."""
    from slagen.cli.quick import rollup_text

    text = rollup_text(result, path, markdown=fmt is DiffFormat.md)
    if text:
        typer.echo(text, nl=False, err=output is not None)


PAGE_SIZES = ("A4", "Letter")  # slagen.config's, without importing it (and tomllib)


def _page_size(option: str | None, path: str, needed: bool) -> str:
    """``--page-size``, else the ``page_size`` of the slagen.toml nearest the agreement.

    Only the PDF redline has pages: the other formats read no slagen.toml.
    """
    if option is not None and option not in PAGE_SIZES:
        raise UsageError(f"unknown page size {option!r}", hint="use A4 or Letter")
    if option or not needed:
        return option or "A4"
    from slagen.config import load_config

    return load_config(start=path).page_size


def _emit(
    result: DiffResult, fmt: DiffFormat, output: Path | None, color: bool, page_size: str = "A4"
) -> None:
    data: str | bytes
    if fmt is DiffFormat.json:
        from slagen.revisions.json_format import diff_json

        data = diff_json(result)
    elif fmt is DiffFormat.md:
        from slagen.revisions.md_format import diff_markdown

        data = diff_markdown(result)
    elif fmt is DiffFormat.html:
        from slagen.revisions.redline import redline_html

        data = redline_html(result)
    elif fmt is DiffFormat.pdf:
        from slagen.revisions.redline import redline_pdf

        data = redline_pdf(result, page_size=page_size)
    else:
        from slagen.revisions.text_format import diff_text

        data = diff_text(result, color=color and output is None)
    if output is not None:
        from slagen.core.atomic_write import write_atomic

        write_atomic(output, data)
        typer.echo(f"wrote {output}", err=True)
    else:
        assert isinstance(data, str)
        typer.echo(data, nl=False, color=color or None)  # click strips ANSI codes unless told


def textconv(
    path: Annotated[
        str, typer.Argument(help="One agreement file (git passes a temporary copy), or REV:PATH.")
    ],
) -> None:
    """Print one agreement as sorted `path: value` lines with its computed targets.

    Meant for git's textconv, so that `git diff` and `git log -p` show which
    fields and targets changed. A file slagen cannot load is printed unchanged.

    Examples:

        slagen textconv agreements/acme.yaml

        slagen textconv v1:agreements/acme.yaml

        git config diff.slagen.textconv "slagen textconv"
    """

    def body() -> None:
        from slagen.revisions.git import read_source
        from slagen.revisions.textconv import textconv_text

        source = read_source(path)
        typer.echo(textconv_text(source.text, source.name), nl=False)

    run(body)


def git_setup(
    pattern: Annotated[
        str, typer.Option("--pattern", help="Which files use the driver.")
    ] = "agreements/*.yaml",
    command: Annotated[
        str | None,
        typer.Option("--command", help="The textconv command git runs (default: this slagen)."),
    ] = None,
) -> None:
    """Enable semantic `git diff` for agreements in this repository (one command).

    Sets `diff.slagen.textconv` in the repository's git config and adds
    `agreements/*.yaml diff=slagen` to `.gitattributes` (commit that file; each
    clone runs `slagen git-setup` once for the config).

    Examples:

        slagen git-setup

        slagen git-setup --pattern "contracts/**/*.yaml"
    """

    def body() -> None:
        from slagen.revisions.textconv import install_git_driver

        for line in install_git_driver(Path.cwd(), pattern=pattern, command=command):
            typer.echo(line)

    run(body)


def register(app: typer.Typer) -> None:
    """Add ``diff``, ``textconv`` and ``git-setup`` to the CLI."""
    app.command("diff")(diff)
    app.command("textconv")(textconv)
    app.command("git-setup")(git_setup)

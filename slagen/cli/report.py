"""``slagen report``: performance against plan from a CRM lead export.

Stage: interface.
"""

from __future__ import annotations

import datetime as dt
import enum
from pathlib import Path
from typing import Annotated

import typer

from slagen.cli.support import run
from slagen.core.errors import UsageError

REPORT_FORMATS = ("md", "html", "pdf", "json")


class ReportFormat(str, enum.Enum):
    text = "text"
    json = "json"


def _parse_outputs(text: str | None) -> list[str]:
    if not text:
        return []
    names = [part.strip().lower() for part in text.split(",") if part.strip()]
    unknown = [n for n in names if n not in REPORT_FORMATS]
    if unknown:
        raise UsageError(
            f"--to: unknown format(s) {', '.join(unknown)}",
            hint="choose from " + ",".join(REPORT_FORMATS),
        )
    return list(dict.fromkeys(names))


def _parse_as_of(text: str | None) -> dt.date | None:
    if text is None:
        return None  # the last day the actuals cover
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--as-of {text!r} is not a date written YYYY-MM-DD") from None


def _check_month(text: str | None) -> str | None:
    if text is None:
        return None
    from slagen.core.scalars import parse_month

    try:
        parse_month(text)
    except ValueError as exc:
        raise UsageError(f"--month: {exc}") from None
    return text


def register(app: typer.Typer) -> None:
    """Add ``slagen report`` to the application."""

    @app.command()
    def report(
        path: Annotated[Path, typer.Argument(help="The agreement file.")],
        actuals: Annotated[
            Path,
            typer.Option(
                "--actuals",
                "-a",
                help="CSV export of leads, one row per lead (see docs/report.md).",
            ),
        ],
        as_of: Annotated[
            str | None,
            typer.Option(
                "--as-of",
                help="Measure as of this day, YYYY-MM-DD (default: the last day the actuals cover).",
            ),
        ] = None,
        month: Annotated[
            str | None,
            typer.Option(
                "--month",
                help=(
                    "Month shown in detail (pace chart), YYYY-MM "
                    "(default: the as-of month, or the last month with data before it)."
                ),
            ),
        ] = None,
        columns: Annotated[
            Path | None,
            typer.Option(
                "--columns",
                help="YAML/JSON mapping of the CRM's headers and values to the canonical columns.",
            ),
        ] = None,
        fmt: Annotated[
            ReportFormat, typer.Option("--format", "-f", help="Summary on stdout: text or json.")
        ] = ReportFormat.text,
        to: Annotated[
            str | None, typer.Option("--to", help="Also write files: any of md,html,pdf,json.")
        ] = None,
        output: Annotated[
            Path, typer.Option("--output", "-o", help="Folder for --to files.")
        ] = Path("build"),
        page_size: Annotated[
            str | None,
            typer.Option(
                "--page-size", help="A4 or Letter, for the PDF (default: slagen.toml's page_size)."
            ),
        ] = None,
        strict: Annotated[
            bool, typer.Option("--strict", help="A bad row or an unknown segment fails the report.")
        ] = False,
    ) -> None:
        """Report performance against plan: leads, pace, revenue, follow-up, conditions.

        Reads a CRM export of leads (canonical columns id, created_at, segment, source,
        handed_off_at, first_attempt_at, attempts, connected, closed_at, revenue, or a CRM's
        own headers through --columns), measures it against the agreement's targets and
        follow-up terms, evaluates every consequence and cancellation condition, and
        suggests inputs for the next revision.

        Exit code 0; 1 for an invalid agreement or unusable actuals (with --strict, any bad
        row); 2 for usage or I/O errors.

        Examples:

            slagen report agreements/northwind-marketing-sales.yaml --actuals examples/actuals/northwind-2026.csv --as-of 2026-03-15

            slagen report agreements/acme.yaml -a export.csv --columns examples/mappings/hubspot-leads.yaml --format json

            slagen report agreements/acme.yaml -a export.csv --as-of 2026-06-30 --to md,html,pdf -o build/
        """

        def body() -> None:
            from slagen.actuals import build_report
            from slagen.actuals.mapping import load_mapping
            from slagen.config import PAGE_SIZES, load_config
            from slagen.core.validate import load_agreement

            if page_size is not None and page_size not in PAGE_SIZES:
                raise UsageError(f"unknown page size {page_size!r}", hint="use A4 or Letter")
            paper = page_size or load_config(start=path).page_size
            outputs = _parse_outputs(to)
            day = _parse_as_of(as_of)
            focus = _check_month(month)
            agreement, table = load_agreement(path)
            mapping = load_mapping(columns) if columns is not None else None
            result = build_report(
                agreement, table, actuals, as_of=day, month=focus, mapping=mapping, strict=strict
            )
            if result.as_of_past_data and result.data_end is not None:
                typer.echo(
                    f"warning: --as-of {result.as_of.isoformat()} is after the last day the "
                    f"actuals cover ({result.data_end.isoformat()}); later days have no data "
                    "(hint: leave out --as-of to report as of the end of the data)",
                    err=True,
                )
            files = _render_files(result, outputs, output, paper)
            if fmt is ReportFormat.json:
                from slagen.actuals.json_output import report_json

                typer.echo(report_json(result), nl=False)
            else:
                from slagen.actuals.output import render_text

                typer.echo(render_text(result), nl=False)
            if files:
                from slagen.core.atomic_write import write_all

                for written in write_all(files):
                    typer.echo(f"wrote {written}", err=True)

        run(body)


def _render_files(
    result: object, outputs: list[str], folder: Path, page_size: str = "A4"
) -> list[tuple[Path, str | bytes]]:
    """Render every requested file in memory first (nothing is written on failure)."""
    from slagen.actuals import PerformanceReport

    assert isinstance(result, PerformanceReport)
    stem = f"{result.agreement.id}-report"
    files: list[tuple[Path, str | bytes]] = []
    if not outputs:
        return files
    if "json" in outputs:
        from slagen.actuals.json_output import report_json

        files.append((folder / f"{stem}.json", report_json(result)))
    if {"md", "html", "pdf"} & set(outputs):
        from slagen.actuals import document

        svgs = document.render_charts(result)
        if "md" in outputs:
            files.append((folder / f"{stem}.md", document.render_markdown(result)))
            files.extend((folder / document.chart_name(result, k), svg) for k, svg in svgs.items())
        if {"html", "pdf"} & set(outputs):
            html = document.render_html(result, svgs)
            if "html" in outputs:
                files.append((folder / f"{stem}.html", html))
            if "pdf" in outputs:
                files.append(
                    (folder / f"{stem}.pdf", document.render_pdf(result, html, page_size=page_size))
                )
    return files

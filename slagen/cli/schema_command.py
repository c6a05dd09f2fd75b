"""``slagen schema``: print the agreement JSON Schema or the format reference.

Stage: interface.
"""

from __future__ import annotations

from typing import Annotated

import typer

from slagen.cli.support import run


def register(app: typer.Typer) -> None:
    """Add the ``schema`` command to ``app``."""

    @app.command()
    def schema(
        reference: Annotated[
            bool,
            typer.Option(
                "--reference",
                help="Print the Markdown format reference generated from the schema instead.",
            ),
        ] = False,
    ) -> None:
        """Print the agreement JSON Schema (draft 2020-12) for editors and other tools.

        Examples:

            slagen schema > agreement.schema.json

            slagen schema --reference > docs/format.md
        """

        def body() -> None:
            if reference:
                from slagen.core.format_reference import format_reference

                typer.echo(format_reference(), nl=False)
                return
            from slagen.core.schema import schema_text

            typer.echo(schema_text(), nl=False)

        run(body)

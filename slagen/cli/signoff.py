"""Sign-off commands: approve, sign, verify, extract, fingerprint.

pyHanko and pypdf are imported inside the command bodies only.

Stage: interface.
"""

from __future__ import annotations

import enum
import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from slagen.cli.support import run
from slagen.core.errors import CheckFailed, FileAccessError, UsageError

__all__ = ["register"]


class VerifyFormat(str, enum.Enum):
    text = "text"
    json = "json"


def _read_pdf(path: Path) -> bytes:
    from slagen.signoff.pages import require_pdf

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FileAccessError(
            f"{path}: cannot read ({exc.strerror or exc})", hint="check the path"
        ) from None
    require_pdf(data, str(path))
    return data


def _passphrase(pkcs12: Path, env: str | None) -> str | None:
    if env:
        value = os.environ.get(env)
        if value is None:
            raise UsageError(
                f"--passphrase-env {env}: the environment variable is not set",
                hint=f"export {env}=... before signing",
            )
        return value
    from slagen.signoff.sign import needs_passphrase

    if sys.stdin.isatty() and needs_passphrase(pkcs12):
        return str(
            typer.prompt(
                f"Passphrase for {pkcs12}", hide_input=True, default="", show_default=False
            )
        )
    return None


def approve(
    path: Annotated[Path, typer.Argument(help="The agreement file to approve.")],
    party: Annotated[
        str, typer.Option("--party", help="Id of the approving party (from `parties`).")
    ],
    name: Annotated[str, typer.Option("--name", help="Name of the person who approves.")],
    title: Annotated[
        str | None,
        typer.Option(
            "--title",
            help="Job title (default: the representative's, when --name is the representative).",
        ),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option("--date", help="Date of the approval, YYYY-MM-DD (default: today)."),
    ] = None,
    git: Annotated[
        bool,
        typer.Option(
            "--git",
            help="Also commit the file with your git signing key (git commit -S): the signed "
            "commit proves the approval (see docs/signoff.md).",
        ),
    ] = False,
) -> None:
    """Record a party's approval of the agreement's current content, in the file itself.

    Only the `approvals` block changes: comments and formatting elsewhere stay
    as they are. The approval carries the content's fingerprint, so any later
    change of content makes it stale (`slagen validate` warns; with
    --require-approved it is an error). The party's earlier approval is replaced.

    Exit code 0, 1 for an invalid agreement, 2 for usage or I/O errors.

    Examples:

        slagen approve agreements/acme.yaml --party sales --name "Marcus Oyelaran"

        slagen approve agreements/acme.yaml --party marketing --name "Dana Whitfield" --title "VP Marketing" --date 2026-07-01

        slagen approve agreements/acme.yaml --party sales --name "Marcus Oyelaran" --git
    """

    def body() -> None:
        from slagen.signoff.approve import approve as record

        result = record(path, party, name, title=title, date=date)
        a = result.approval
        if git:
            from slagen.signoff.gitproof import commit_approval

            commit = commit_approval(path, a.party, a.fingerprint)
            typer.echo(f"{path}: signed commit {commit[:12]} records the approval")
        who = f"{a.name}" + (f", {a.title}" if a.title else "")
        if not result.changed:
            typer.echo(f"{path}: {a.party} already approved this content ({who}, {a.date})")
        else:
            typer.echo(
                f"{path}: approved by {a.party} ({who}, {a.date}), fingerprint {a.fingerprint[:19]}…"
            )
        if result.pending:
            typer.echo("still to approve: " + ", ".join(result.pending))
        else:
            typer.echo("every party has approved this content")

    run(body)


def sign(
    pdf: Annotated[Path, typer.Argument(help="The rendered agreement PDF.")],
    pkcs12: Annotated[
        Path, typer.Option("--pkcs12", help="Key and certificate, a PKCS#12 (.p12/.pfx) file.")
    ],
    passphrase_env: Annotated[
        str | None,
        typer.Option(
            "--passphrase-env",
            metavar="VAR",
            help="Environment variable holding the passphrase (else prompted on a terminal).",
        ),
    ] = None,
    field: Annotated[
        str | None,
        typer.Option(
            "--field",
            metavar="NAME",
            help="Visible signature in this field; a party id puts it in that party's signature block.",
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here (default: sign PDF in place).")
    ] = None,
) -> None:
    """Add a PAdES digital signature to a rendered agreement PDF.

    Each signature is an incremental update, so the parties sign one after
    another and earlier signatures stay valid. A wrong passphrase is exit code 2.

    Examples:

        SIGN_PASS=... slagen sign build/acme.pdf --pkcs12 dana.p12 --passphrase-env SIGN_PASS --field marketing

        slagen sign build/acme.pdf --pkcs12 marcus.p12 --field sales -o build/acme-signed.pdf
    """

    def body() -> None:
        from slagen.core.atomic_write import write_atomic
        from slagen.signoff.sign import sign_pdf
        from slagen.signoff.status import draft_reason

        data = _read_pdf(pdf)
        signed = sign_pdf(data, pkcs12, _passphrase(pkcs12, passphrase_env), field)
        target = write_atomic(output or pdf, signed)
        typer.echo(f"signed {target}" + (f" (field {field})" if field else ""))
        draft = draft_reason(data)
        if draft:
            typer.echo(f"slagen: warning: {draft}", err=True)

    run(body)


def verify(
    pdf: Annotated[Path, typer.Argument(help="The signed agreement PDF.")],
    agreement: Annotated[
        Path | None, typer.Option("--agreement", help="Also check the PDF was made from this file.")
    ] = None,
    trust_root: Annotated[
        list[Path] | None,
        typer.Option(
            "--trust-root",
            metavar="CERT",
            help="A trusted CA certificate (PEM/DER); repeatable. Without one no signer is trusted.",
        ),
    ] = None,
    allow_unsigned: Annotated[
        bool, typer.Option("--allow-unsigned", help="A PDF without signatures is not a failure.")
    ] = False,
    templates: Annotated[
        Path | None,
        typer.Option(
            "--templates",
            help="Team templates the PDF was rendered with (default: from slagen.toml).",
        ),
    ] = None,
    allowed_signers: Annotated[
        Path | None,
        typer.Option(
            "--allowed-signers",
            metavar="FILE",
            help="With --agreement in a git repository: report the signed commit that proves "
            "each party's approval [default: allowed_signers in slagen.toml].",
        ),
    ] = None,
    fmt: Annotated[
        VerifyFormat, typer.Option("--format", "-f", help="Output: text or json.")
    ] = VerifyFormat.text,
) -> None:
    """Verify every signature of a PDF and the agreement embedded in it.

    Lists each signature with signer, signing time, integrity and trust
    (self-signed certificates are never valid), checks that the embedded
    agreement.yaml has the fingerprint the PDF states, that the signed pages
    are what a fresh render of that agreement shows (same slagen version and
    templates), that nothing changed after the last signature, and with
    --agreement that the file has that content. Exit code 0 when everything holds, 1 when a
    check fails, 2 for usage or I/O errors.

    Examples:

        slagen verify build/acme.pdf --trust-root company-ca.pem

        slagen verify build/acme.pdf --agreement agreements/acme.yaml --trust-root company-ca.pem --format json

        slagen verify build/acme.pdf --agreement agreements/acme.yaml --allowed-signers .github/allowed_signers
    """

    def body() -> None:
        from slagen.config import load_config
        from slagen.signoff.verdict import format_report
        from slagen.signoff.verify import verify_pdf

        data = _read_pdf(pdf)
        signers = allowed_signers
        if signers is None and agreement is not None:
            signers = load_config(start=agreement.parent).allowed_signers
        report = verify_pdf(
            data,
            agreement,
            trust_root or [],
            file=str(pdf),
            allow_unsigned=allow_unsigned,
            templates_dir=templates if templates is not None else load_config().templates,
            allowed_signers=signers if agreement is not None else None,
        )
        if fmt is VerifyFormat.json:
            typer.echo(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
        else:
            typer.echo(format_report(report), nl=False)
        problems = report.all_problems
        if problems:
            raise CheckFailed(
                f"{pdf}: verification failed: {problems[0]}"
                + (f" (and {len(problems) - 1} more)" if len(problems) > 1 else "")
            )

    run(body)


def extract(
    pdf: Annotated[Path, typer.Argument(help="A PDF rendered by slagen.")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the YAML here (default: stdout).")
    ] = None,
) -> None:
    """Print (or write) the agreement YAML embedded in a rendered PDF, exactly as it was.

    Exit code 0, 1 when the PDF carries no agreement, 2 for usage or I/O errors.

    Examples:

        slagen extract build/acme.pdf

        slagen extract build/acme.pdf -o /tmp/acme-as-signed.yaml && slagen diff /tmp/acme-as-signed.yaml agreements/acme.yaml
    """

    def body() -> None:
        from slagen.core.atomic_write import write_atomic
        from slagen.signoff.extract import extract_agreement

        text = extract_agreement(_read_pdf(pdf))
        if output is None:
            sys.stdout.write(text)
        else:
            write_atomic(output, text.encode("utf-8"))

    run(body)


def fingerprint(
    paths: Annotated[list[Path], typer.Argument(help="Agreement files.")],
    fmt: Annotated[
        VerifyFormat, typer.Option("--format", "-f", help="Output: text or json.")
    ] = VerifyFormat.text,
) -> None:
    """Print each agreement's fingerprint and every party's approval status.

    A party's approval is current, stale (it approved other content) or
    pending. Exit code 0, 1 for an invalid agreement, 2 for usage or I/O errors.

    Examples:

        slagen fingerprint agreements/acme.yaml

        slagen fingerprint agreements/*.yaml --format json
    """

    def body() -> None:
        from slagen.core.validate import load_agreement
        from slagen.signoff.status import approval_status, format_status

        statuses = [approval_status(load_agreement(p)[0], str(p)) for p in paths]
        if fmt is VerifyFormat.json:
            typer.echo(json.dumps(statuses, indent=2, ensure_ascii=False))
        else:
            typer.echo("".join(map(format_status, statuses)), nl=False)

    run(body)


def register(app: typer.Typer) -> None:
    """Add the sign-off commands to the CLI."""
    for command in (approve, sign, verify, extract, fingerprint):
        app.command()(command)

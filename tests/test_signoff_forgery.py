"""Forged signed PDFs: each makes `slagen verify` fail (exit 1) with a clear message.

Real PDFs rendered by slagen, real signatures from the test CA, real edits with
pypdf and pyHanko's incremental writer.
"""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest
from typer.testing import CliRunner

from slagen.cli import app
from slagen.core.validate import load_agreement, validate_text
from slagen.documents.render import render_pdf
from slagen.signoff.sign import sign_pdf

from . import test_signoff_pdf
from .signoff_pki import make_ca, make_signer
from .test_signoff_pdf import SOURCE, Kit, _with_attachment, _write

runner = CliRunner()
kit = test_signoff_pdf.kit  # the signed PDFs of that module, as a fixture here too
PENALTY = "Sales pays marketing a penalty of 50,000 EUR for every missed month."


def _verify(tmp_path: Path, data: bytes, kit: Kit, *extra: str) -> tuple[int, str]:
    result = runner.invoke(
        app, ["verify", str(_write(tmp_path, data)), "--trust-root", str(kit.ca), *extra]
    )
    return result.exit_code, result.output


def test_the_genuine_signed_pdf_verifies(kit: Kit, tmp_path: Path) -> None:
    code, out = _verify(tmp_path, kit.signed, kit)
    assert code == 0, out
    assert "verified: every check passed" in out


def test_pages_rendered_from_other_yaml_then_signed_fail(kit: Kit, tmp_path: Path) -> None:
    approved = SOURCE.read_text(encoding="utf-8")
    forged_text = approved.replace("\nsummary: |\n", f"\nsummary: |\n  {PENALTY}\n", 1)
    result = validate_text(forged_text, "forged.yaml")
    assert result.agreement is not None and result.targets is not None
    forged_pdf = render_pdf(result.agreement, result.targets)
    # The approved YAML attached, the approved fingerprint stated: only the pages lie.
    swapped = _with_attachment(forged_pdf, approved.encode("utf-8"))
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(swapped)))
    writer.add_metadata({"/SlagenFingerprint": load_agreement(SOURCE)[0].fingerprint})
    out = io.BytesIO()
    writer.write(out)
    ca = make_ca()
    signer = make_signer("Dana Whitfield", ca).write_pkcs12(tmp_path / "d.p12", None, [ca.cert])
    signed = sign_pdf(out.getvalue(), signer, None, "marketing")
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(signed)).pages)
    assert "penalty" in " ".join(text.split())  # what a reader sees
    result2 = runner.invoke(
        app,
        [
            "verify",
            str(_write(tmp_path, signed)),
            "--trust-root",
            str(ca.write_pem(tmp_path / "ca.pem")),
            "--agreement",
            str(SOURCE),
        ],
    )
    assert result2.exit_code == 1, result2.output
    assert "does not show the attached agreement" in result2.output
    assert "first difference: shown" in result2.output  # quoted for the reader
    assert "NOT verified" in result2.output


def _incremental(signed: bytes, edit: object) -> bytes:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    edit(writer)  # type: ignore[operator]
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_page_content_changed_after_signing_fails(kit: Kit, tmp_path: Path) -> None:
    from pyhanko.pdf_utils import generic

    def swap_first_page(writer: object) -> None:
        page = writer.root["/Pages"]["/Kids"][0]  # type: ignore[attr-defined]
        page[generic.NameObject("/Contents")] = writer.add_object(  # type: ignore[attr-defined]
            generic.StreamObject({}, stream_data=b"BT /F1 24 Tf 72 720 Td (VOID) Tj ET")
        )
        writer.update_container(page)  # type: ignore[attr-defined]

    code, out = _verify(tmp_path, _incremental(kit.signed, swap_first_page), kit)
    assert code == 1
    assert "the pages were changed after the last signature" in out


def test_metadata_changed_after_signing_fails(kit: Kit, tmp_path: Path) -> None:
    from pyhanko.pdf_utils import generic

    def retitle(writer: object) -> None:
        info = writer.trailer["/Info"]  # type: ignore[attr-defined]
        info[generic.NameObject("/Title")] = generic.TextStringObject("Amended: no penalties")
        writer.update_container(info)  # type: ignore[attr-defined]

    code, out = _verify(tmp_path, _incremental(kit.signed, retitle), kit)
    assert code == 1
    assert "document information was changed after the last signature:" in out
    assert "/Title" in out


def test_an_added_update_swapping_the_yaml_fails_and_extract_refuses(
    kit: Kit, tmp_path: Path
) -> None:
    from pyhanko.pdf_utils import generic

    def swap_yaml(writer: object) -> None:
        names = writer.root["/Names"]["/EmbeddedFiles"]["/Names"]  # type: ignore[attr-defined]
        files = names[names.index("agreement.yaml") + 1]["/EF"]
        changed = files["/F"].data.replace(b'close_rate: "15%"', b'close_rate: "16%"')
        files[generic.NameObject("/F")] = writer.add_object(  # type: ignore[attr-defined]
            generic.StreamObject({}, stream_data=changed)
        )
        writer.update_container(files)  # type: ignore[attr-defined]

    forged = _incremental(kit.signed, swap_yaml)
    code, out = _verify(tmp_path, forged, kit)
    assert code == 1 and "`agreement.yaml` was replaced after the last signature" in out
    result = runner.invoke(app, ["extract", str(_write(tmp_path, forged, "x.pdf"))])
    assert result.exit_code == 1
    assert "replaced after the last signature" in result.output
    assert 'close_rate: "16%"' not in result.output


@pytest.mark.parametrize("command", ["verify", "extract"])
def test_a_non_pdf_is_exit_2_without_pypdf_noise(
    command: str, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "notes.pdf"
    path.write_text("just some text, not a PDF\n")
    result = runner.invoke(app, [command, str(path)])
    assert result.exit_code == 2, result.output
    assert "not a PDF" in result.output
    captured = capfd.readouterr()
    assert "pypdf" not in captured.err + result.output

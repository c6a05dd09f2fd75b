"""Signing, verifying and extracting a rendered agreement PDF, with a throw-away PKI."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path

import pypdf
import pytest
from pypdf.generic import NameObject
from typer.testing import CliRunner

from slagen.cli import app
from slagen.core.errors import CheckFailed, UsageError
from slagen.core.validate import load_agreement
from slagen.documents.render import render_pdf
from slagen.signoff.extract import extract_agreement, read_pdf_facts
from slagen.signoff.sign import find_signature_box, sign_pdf
from slagen.signoff.verify import verify_pdf

from .conftest import AGREEMENTS
from .signoff_pki import make_ca, make_signer

SOURCE = AGREEMENTS / "northwind-marketing-sales.yaml"
runner = CliRunner()


@dataclass
class Kit:
    ca: Path
    marketing: Path  # PKCS#12, passphrase "m-secret"
    sales: Path  # PKCS#12, no passphrase
    self_signed: Path  # PKCS#12, passphrase "s"
    pdf: bytes  # rendered, unsigned
    signed: bytes  # signed by marketing, then by sales


@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Kit:
    folder = tmp_path_factory.mktemp("pki")
    ca = make_ca()
    marketing = make_signer("Dana Whitfield", ca).write_pkcs12(
        folder / "dana.p12", b"m-secret", [ca.cert]
    )
    sales = make_signer("Marcus Oyelaran", ca).write_pkcs12(folder / "marcus.p12", None, [ca.cert])
    self_signed = make_signer("Mallory Self").write_pkcs12(folder / "self.p12", b"s")
    agreement, targets = load_agreement(SOURCE)
    pdf = render_pdf(agreement, targets)
    once = sign_pdf(pdf, marketing, "m-secret", "marketing")
    signed = sign_pdf(once, sales, None, "sales")
    return Kit(ca.write_pem(folder / "ca.pem"), marketing, sales, self_signed, pdf, signed)


def _write(tmp_path: Path, data: bytes, name: str = "doc.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_two_parties_sign_one_after_another_and_both_stay_valid(kit: Kit) -> None:
    assert kit.signed.startswith(kit.pdf)  # incremental: the rendered bytes are untouched
    report = verify_pdf(kit.signed, SOURCE, [kit.ca])
    assert report.ok, report.all_problems
    assert [(s.field_name, s.signer, s.trust) for s in report.signatures] == [
        ("marketing", "Dana Whitfield", "trusted"),
        ("sales", "Marcus Oyelaran", "trusted"),
    ]
    first, second = report.signatures
    assert first.intact and first.coverage.startswith("signed revision")
    assert second.coverage == "whole document" and second.signing_time
    assert report.embedded.fingerprint == report.embedded.stated_fingerprint
    assert report.source == {
        "path": str(SOURCE),
        "fingerprint": report.embedded.fingerprint,
        "matches": True,
        "identical": True,
    }


def test_visible_boxes_sit_in_each_partys_signature_block(kit: Kit) -> None:
    reader = pypdf.PdfReader(io.BytesIO(kit.pdf))
    dests = reader.named_destinations
    last = len(reader.pages) - 1
    for party in ("marketing", "sales"):
        box = find_signature_box(kit.pdf, party)
        block = dests[f"signature-{party}"]
        assert box.page == last
        assert float(block["/Left"]) < box.x1 < box.x2 < float(block["/Left"]) + 260
        assert box.y1 < box.y2 < float(block["/Top"]) and box.y2 - box.y1 >= 16
    assert find_signature_box(kit.pdf, "witness").page == -1  # not a party: foot of the last page


def test_cli_verify_ok_text_and_json(kit: Kit, tmp_path: Path) -> None:
    pdf = _write(tmp_path, kit.signed)
    result = runner.invoke(
        app, ["verify", str(pdf), "--trust-root", str(kit.ca), "--agreement", str(SOURCE)]
    )
    assert result.exit_code == 0, result.output
    assert "Dana Whitfield" in result.output and "verified: every check passed" in result.output
    result = runner.invoke(
        app, ["verify", str(pdf), "--trust-root", str(kit.ca), "--format", "json"]
    )
    data = json.loads(result.stdout)
    assert result.exit_code == 0 and data["ok"] and len(data["signatures"]) == 2


def test_without_the_ca_the_signers_are_not_trusted(kit: Kit, tmp_path: Path) -> None:
    result = runner.invoke(app, ["verify", str(_write(tmp_path, kit.signed))])
    assert result.exit_code == 1
    assert (
        "not checked against a trusted authority" in result.output
        and "--trust-root" in result.output
    )


def test_self_signed_is_reported_as_such_never_valid(kit: Kit, tmp_path: Path) -> None:
    signed = sign_pdf(kit.pdf, kit.self_signed, "s")
    report = verify_pdf(signed, trust_roots=[kit.ca])
    (sig,) = report.signatures
    assert sig.trust == "self-signed" and sig.intact and not report.ok
    assert sig.field_name == "Signature1"  # invisible, in a field of its own
    result = runner.invoke(
        app, ["verify", str(_write(tmp_path, signed)), "--trust-root", str(kit.ca)]
    )
    assert result.exit_code == 1 and "self-signed" in result.output


def test_flipping_a_signed_byte_fails_with_a_clear_message(kit: Kit, tmp_path: Path) -> None:
    at = kit.signed.index(b"stream\n", 2000) + 40  # inside the first content stream: signed by both
    tampered = kit.signed[:at] + bytes([kit.signed[at] ^ 0x01]) + kit.signed[at + 1 :]
    result = runner.invoke(
        app, ["verify", str(_write(tmp_path, tampered)), "--trust-root", str(kit.ca)]
    )
    assert result.exit_code == 1
    assert "verification failed" in result.output and "changed after signing" in result.output


def _with_attachment(pdf: bytes, data: bytes) -> bytes:
    """The PDF with its agreement.yaml replaced (metadata, fingerprint and pages kept)."""
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(pdf)))
    names = writer.root_object["/Names"]["/EmbeddedFiles"]["/Names"]
    spec = names[names.index("agreement.yaml") + 1].get_object()
    stream = spec["/EF"]["/F"].get_object()
    stream.set_data(data)
    if "/Params" in stream:
        del stream["/Params"][NameObject("/CheckSum")]
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_changed_embedded_yaml_fails(kit: Kit, tmp_path: Path) -> None:
    source = SOURCE.read_bytes()
    at = source.index(b'close_rate: "15%"') + len('close_rate: "1')
    forged = _with_attachment(kit.pdf, source[:at] + b"6" + source[at + 1 :])  # 15% → 16%: one byte
    assert read_pdf_facts(forged).fingerprint == read_pdf_facts(kit.pdf).fingerprint
    result = runner.invoke(app, ["verify", str(_write(tmp_path, forged)), "--allow-unsigned"])
    assert result.exit_code == 1 and "does not match the PDF" in result.output


def test_agreement_file_must_have_the_embedded_content(kit: Kit, tmp_path: Path) -> None:
    pdf = _write(tmp_path, kit.signed)
    recommented = tmp_path / "recommented.yaml"
    recommented.write_text(
        SOURCE.read_text(encoding="utf-8") + "# a new comment\n", encoding="utf-8"
    )
    result = runner.invoke(
        app, ["verify", str(pdf), "--trust-root", str(kit.ca), "--agreement", str(recommented)]
    )
    assert result.exit_code == 0 and "same content" in result.output  # comments are not content
    changed = tmp_path / "changed.yaml"
    changed.write_text(
        SOURCE.read_text(encoding="utf-8").replace('close_rate: "15%"', 'close_rate: "16%"', 1),
        encoding="utf-8",
    )
    result = runner.invoke(
        app, ["verify", str(pdf), "--trust-root", str(kit.ca), "--agreement", str(changed)]
    )
    assert result.exit_code == 1 and "is not the agreement in the PDF" in result.output


def test_unsigned_pdf_fails_unless_allowed(kit: Kit, tmp_path: Path) -> None:
    pdf = _write(tmp_path, kit.pdf)
    assert runner.invoke(app, ["verify", str(pdf)]).exit_code == 1
    assert runner.invoke(app, ["verify", str(pdf), "--allow-unsigned"]).exit_code == 0


def test_wrong_passphrase_is_exit_2_and_writes_nothing(kit: Kit, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="wrong passphrase"):
        sign_pdf(kit.pdf, kit.marketing, "nope")
    pdf = _write(tmp_path, kit.pdf)
    result = runner.invoke(
        app,
        ["sign", str(pdf), "--pkcs12", str(kit.marketing), "--passphrase-env", "PASS"],
        env={"PASS": "nope"},
    )
    assert result.exit_code == 2 and "wrong passphrase" in result.output
    assert pdf.read_bytes() == kit.pdf


def test_cli_sign_in_place_then_again_into_another_file(kit: Kit, tmp_path: Path) -> None:
    pdf = _write(tmp_path, kit.pdf)
    result = runner.invoke(
        app,
        [
            "sign",
            str(pdf),
            "--pkcs12",
            str(kit.marketing),
            "--passphrase-env",
            "PASS",
            "--field",
            "marketing",
        ],
        env={"PASS": "m-secret"},
    )
    assert result.exit_code == 0, result.output
    out = tmp_path / "out.pdf"
    result = runner.invoke(
        app, ["sign", str(pdf), "--pkcs12", str(kit.sales), "--field", "marketing", "-o", str(out)]
    )
    assert (
        result.exit_code == 2
        and "already signed in the field" in result.output
        and not out.exists()
    )
    result = runner.invoke(app, ["sign", str(pdf), "--pkcs12", str(kit.sales), "-o", str(out)])
    assert result.exit_code == 0, result.output
    report = verify_pdf(out.read_bytes(), SOURCE, [kit.ca])
    assert report.ok and [s.field_name for s in report.signatures] == ["marketing", "Signature2"]


def test_extract_returns_exactly_the_source(kit: Kit, tmp_path: Path) -> None:
    assert extract_agreement(kit.signed) == SOURCE.read_text(encoding="utf-8")
    out = tmp_path / "agreement.yaml"
    result = runner.invoke(app, ["extract", str(_write(tmp_path, kit.signed)), "-o", str(out)])
    assert result.exit_code == 0 and out.read_bytes() == SOURCE.read_bytes()
    result = runner.invoke(app, ["extract", str(_write(tmp_path, kit.signed))])
    assert result.stdout == SOURCE.read_text(encoding="utf-8")


def test_extract_from_a_pdf_without_agreement(kit: Kit, tmp_path: Path) -> None:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(100, 100)
    buf = io.BytesIO()
    writer.write(buf)
    with pytest.raises(CheckFailed, match="carries no `agreement.yaml`"):
        extract_agreement(buf.getvalue())
    result = runner.invoke(app, ["extract", str(_write(tmp_path, b"not a pdf at all"))])
    assert result.exit_code == 2 and "not a PDF" in result.output  # an I/O error, as documented


def test_swapping_the_yaml_in_a_later_update_breaks_the_signatures(
    kit: Kit, tmp_path: Path
) -> None:
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(kit.signed))
    names = writer.root["/Names"]["/EmbeddedFiles"]["/Names"]
    files = names[names.index("agreement.yaml") + 1]["/EF"]
    changed = files["/F"].data.replace(b'close_rate: "15%"', b'close_rate: "16%"')
    files[generic.NameObject("/F")] = writer.add_object(
        generic.StreamObject({}, stream_data=changed)
    )
    writer.update_container(files)
    out = io.BytesIO()
    writer.write(out)
    report = verify_pdf(out.getvalue(), trust_roots=[kit.ca])
    assert not report.ok
    assert all(s.coverage == "modified after signing" for s in report.signatures)
    assert any("does not match the PDF" in p for p in report.embedded.problems)


def test_stamp_text_follows_the_document_language_and_draws_any_name(kit: Kit) -> None:
    from pyhanko.sign import signers
    from pypdf.generic import TextStringObject

    from slagen.signoff.sign import _drawable, _stamp_text

    assert _drawable("Łukasz Żółć – José Ñúñez 李") == "Lukasz Zólc - José Ñúñez ?"
    writer = pypdf.PdfWriter()
    writer.add_blank_page(100, 100)
    writer.root_object[NameObject("/Lang")] = TextStringObject("es-AR")
    buf = io.BytesIO()
    writer.write(buf)
    signer = signers.SimpleSigner.load_pkcs12_data(kit.sales.read_bytes(), [], None)
    assert _stamp_text(buf.getvalue(), signer).startswith(
        "Firmado digitalmente por Marcus Oyelaran\n"
    )
    assert _stamp_text(kit.pdf, signer).startswith("Digitally signed by Marcus Oyelaran\n")


def test_real_process_exit_codes_and_no_traceback(kit: Kit, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    pdf = _write(tmp_path, kit.signed)
    slagen = [sys.executable, "-m", "slagen.cli"]
    env = {**os.environ, "PASS": "wrong"}
    cases = [
        (
            ["sign", str(pdf), "--pkcs12", str(kit.marketing), "--passphrase-env", "PASS"],
            2,
            "wrong passphrase",
        ),
        (["verify", str(pdf), "--trust-root", str(kit.ca)], 0, ""),
        (["verify", str(pdf), "--trust-root", str(tmp_path / "missing.pem")], 2, "cannot read"),
        (["verify", str(_write(tmp_path, kit.pdf, "unsigned.pdf"))], 1, "no digital signature"),
    ]
    for args, code, words in cases:
        done = subprocess.run(
            [*slagen, *args],
            check=False,
            capture_output=True,
            text=True,
            env=env,
            stdin=subprocess.DEVNULL,
        )
        assert done.returncode == code, (args, done.stderr)
        assert words in done.stderr and "Traceback" not in done.stderr
    assert pdf.read_bytes() == kit.signed


def test_a_broken_signature_is_not_called_untrusted(kit: Kit) -> None:
    at = kit.signed.index(b"stream\n", 2000) + 40
    tampered = kit.signed[:at] + bytes([kit.signed[at] ^ 0x01]) + kit.signed[at + 1 :]
    report = verify_pdf(tampered, trust_roots=[kit.ca])
    assert [(s.intact, s.trust) for s in report.signatures] == [(False, "not checked")] * 2
    assert all(len(s.problems) == 1 for s in report.signatures)


def test_whole_workflow_approve_render_sign_verify(kit: Kit, tmp_path: Path) -> None:
    from slagen.signoff.approve import approve

    path = tmp_path / SOURCE.name
    path.write_bytes(SOURCE.read_bytes())
    approve(path, "marketing", "Dana Whitfield", date="2026-06-20")
    approve(path, "sales", "Marcus Oyelaran", date="2026-06-21")
    agreement, targets = load_agreement(path)
    assert agreement.is_approved
    pdf = render_pdf(agreement, targets)
    signed = sign_pdf(
        sign_pdf(pdf, kit.marketing, "m-secret", "marketing"), kit.sales, None, "sales"
    )
    report = verify_pdf(signed, path, [kit.ca])
    assert report.ok and report.embedded.approved_by == ["marketing", "sales"]
    assert report.source is not None and report.source["identical"]

    # Editing the agreement afterwards: the PDF no longer matches it, and the approvals went stale.
    text = path.read_text(encoding="utf-8").replace('close_rate: "15%"', 'close_rate: "16%"', 1)
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(
        app,
        [
            "verify",
            str(_write(tmp_path, signed)),
            "--trust-root",
            str(kit.ca),
            "--agreement",
            str(path),
        ],
    )
    assert result.exit_code == 1 and "is not the agreement in the PDF" in result.output
    result = runner.invoke(app, ["validate", str(path), "--require-approved"])
    assert (
        result.exit_code == 1
        and result.output.count("stale") + result.output.count("approve again") >= 2
    )


def test_signing_into_an_empty_field_prepared_in_the_pdf(kit: Kit) -> None:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields

    writer = IncrementalPdfFileWriter(io.BytesIO(kit.pdf))
    fields.append_signature_field(
        writer, fields.SigFieldSpec("witness", on_page=-1, box=(300, 60, 500, 100))
    )
    out = io.BytesIO()
    writer.write(out)
    signed = sign_pdf(out.getvalue(), kit.sales, None, "witness")
    report = verify_pdf(signed, trust_roots=[kit.ca])
    assert report.ok and [s.field_name for s in report.signatures] == ["witness"]


def test_needs_passphrase(kit: Kit) -> None:
    from slagen.signoff.sign import needs_passphrase

    assert needs_passphrase(kit.marketing) and not needs_passphrase(kit.sales)


def test_a_malformed_signature_is_reported_without_hiding_the_others(kit: Kit) -> None:
    start = kit.signed.rindex(b"/Contents <") + len(b"/Contents <")  # the sales signature's CMS
    end = kit.signed.index(b">", start)
    broken = kit.signed[:start] + b"0" * (end - start) + kit.signed[end:]
    report = verify_pdf(broken, trust_roots=[kit.ca])
    by_field = {s.field_name: s for s in report.signatures}
    assert by_field["marketing"].ok
    assert by_field["sales"].trust == "not checked"
    assert "cannot be read or validated" in by_field["sales"].problems[0]
    assert not report.ok


def test_signing_a_draft_warns_but_signs(kit: Kit, tmp_path: Path) -> None:
    pdf = _write(tmp_path, kit.pdf)
    result = runner.invoke(app, ["sign", str(pdf), "--pkcs12", str(kit.sales)])
    assert result.exit_code == 0
    assert "warning: this PDF is a draft: marketing, sales had not approved" in result.stderr
    assert pdf.read_bytes().startswith(kit.pdf) and len(pdf.read_bytes()) > len(kit.pdf)

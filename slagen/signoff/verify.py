"""``slagen verify``: is this signed PDF exactly the agreement its parties signed?

Three questions, each answered for the user in plain words:

1. **Signatures** — who signed and when (the signer's own clock, not a
   timestamp authority), is every signed byte unchanged, did anything but
   further signatures come after it, and is the signer's certificate trusted
   (a self-signed certificate proves nothing about who signed and is never
   reported as valid).
2. **Embedded agreement** — the YAML attached as ``agreement.yaml`` is a valid
   agreement whose fingerprint equals the one the PDF states in its metadata.
3. **Visible pages** — the pages of the signed revision are those a fresh
   render of its attachment gives (:mod:`slagen.signoff.pages`), and nothing
   (pages, attachment, document information) changed after the last
   signature.
4. **Source file** (optional) — a given agreement file has that fingerprint
   too: the PDF was made from that content.

Stage: sign-off.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from slagen.core.errors import CheckFailed, FileAccessError
from slagen.core.validate import load_agreement, validate_text
from slagen.signoff.extract import ATTACHMENT_NAME, read_pdf_facts
from slagen.signoff.verdict import EmbeddedReport, SignatureReport, VerificationReport

__all__ = ["EmbeddedReport", "SignatureReport", "VerificationReport", "verify_pdf"]

ALLOWED_LATER_CHANGES = (
    "NONE",
    "LTA_UPDATES",
    "FORM_FILLING",
)  # more signatures, their fields and stamps


# An approval whose commit is signed by someone else, or does not hold the content.
FORGED_APPROVAL = ("untrusted", "mismatch")


def verify_pdf(
    pdf_bytes: bytes,
    agreement_path: str | Path | None = None,
    trust_roots: Sequence[str | Path] = (),
    *,
    file: str = "<pdf>",
    allow_unsigned: bool = False,
    templates_dir: str | Path | None = None,
    check_pages: bool = True,
    allowed_signers: str | Path | None = None,
) -> VerificationReport:
    """Check every signature of a PDF and the agreement embedded in it.

    Args:
        agreement_path: also check that this agreement file has the embedded
            content (same fingerprint).
        trust_roots: PEM or DER certificates of trusted authorities; without
            any, no signer is trusted (the operating system's list is not used:
            pyHanko deprecates it, and an SLA is signed with the company's CA).
        allow_unsigned: a PDF without signatures is not a failure.
        templates_dir: the team templates the PDF was rendered with, for the
            re-render that checks the pages.
        check_pages: re-render the attachment and compare the pages.
        allowed_signers: with ``agreement_path`` in a git repository, also
            report who proved each party's approval with a signed commit
            (git's allowed-signers file); a signature by a key the file does
            not give to the party's representative, or a commit that does not
            hold the approved content, fails the check.

    Returns:
        A report; ``report.ok`` is False when any check failed.

    Raises:
        FileAccessError: a trust root or the agreement file cannot be read.
        AgreementError: the agreement file is invalid.
    """
    report = VerificationReport(
        file=file, signatures=[], embedded=EmbeddedReport(False, None, None)
    )
    roots = [_load_cert(Path(p)) for p in trust_roots]
    source = load_agreement(agreement_path)[0] if agreement_path is not None else None
    try:
        report.signatures = _check_signatures(pdf_bytes, roots)
    except Exception as exc:  # noqa: BLE001 -- a PDF damaged beyond reading is a failed check
        report.problems.append(f"cannot read the PDF's signatures: {exc}")
    if not report.signatures and not report.problems and not allow_unsigned:
        report.problems.append("the PDF has no digital signature (sign it with `slagen sign`)")
    report.embedded = _check_embedded(pdf_bytes)
    if check_pages and report.embedded.present:
        from slagen.signoff.pages import check_pages as compare_pages

        report.problems.extend(
            compare_pages(pdf_bytes, Path(templates_dir) if templates_dir else None)
        )
    if source is not None:
        embedded = report.embedded.fingerprint
        report.source = {
            "path": str(agreement_path),
            "fingerprint": source.fingerprint,
            "matches": embedded == source.fingerprint,
            "identical": report.embedded.present
            and _embedded_text(pdf_bytes) == source.source_text,
        }
        if (
            allowed_signers is not None
            and agreement_path is not None
            and embedded == source.fingerprint
        ):
            from slagen.signoff.gitproof import authenticate_approvals

            proofs = authenticate_approvals(agreement_path, source, allowed_signers)
            report.approvals = [proof.as_dict() | {"text": proof.describe()} for proof in proofs]
            report.problems.extend(
                f"approval of {proof.party}: {proof.describe()}"
                for proof in proofs
                if proof.status in FORGED_APPROVAL
            )
        if embedded is not None and embedded != source.fingerprint:
            report.problems.append(
                f"{agreement_path} is not the agreement in the PDF: its fingerprint is {source.fingerprint}, "
                f"the PDF's is {embedded} (the content differs; `slagen extract` and `slagen diff` show how)"
            )
    return report


def _load_cert(path: Path) -> Any:
    from pyhanko.keys import load_cert_from_pemder

    load: Any = load_cert_from_pemder
    try:
        return load(str(path))
    except OSError as exc:
        raise FileAccessError(
            f"{path}: cannot read ({exc.strerror or exc})", hint="check the path"
        ) from None
    except Exception:  # noqa: BLE001 -- asn1crypto raises many kinds for a bad certificate
        raise FileAccessError(
            f"{path}: not a PEM or DER certificate", hint="--trust-root takes a CA certificate"
        ) from None


@contextmanager
def _quiet_pyhanko() -> Iterator[None]:
    # pyHanko logs every untrusted chain with a traceback; the report says it in words.
    loggers = [logging.getLogger(n) for n in ("pyhanko", "pyhanko_certvalidator")]
    saved = [(lg.level, lg.propagate) for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.CRITICAL + 1)
        lg.propagate = False
    try:
        yield
    finally:
        for lg, (level, propagate) in zip(loggers, saved):
            lg.setLevel(level)
            lg.propagate = propagate


def _check_signatures(pdf_bytes: bytes, roots: list[Any]) -> list[SignatureReport]:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import enumerate_sig_fields
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
    from pyhanko_certvalidator import ValidationContext

    signatures, broken = [], []
    with _quiet_pyhanko():
        reader = PdfFileReader(io.BytesIO(pdf_bytes), strict=False)
        # One by one rather than reader.embedded_signatures: a malformed signature
        # must be reported, not hide the others.
        for name, _value, field_ref in enumerate_sig_fields(reader, filled_status=True):
            try:
                signatures.append(EmbeddedPdfSignature(reader, field_ref, name))
            except Exception as exc:  # noqa: BLE001 -- asn1crypto and pyHanko raise many kinds
                broken.append(_unreadable(str(name), exc))
        reports = []
        for sig in sorted(signatures, key=lambda s: s.signed_revision):
            context = ValidationContext(
                trust_roots=roots, allow_fetching=False, revocation_mode="soft-fail"
            )
            try:
                status = validate_pdf_signature(sig, context)
            except Exception as exc:  # noqa: BLE001 -- see above
                reports.append(_unreadable(str(sig.field_name), exc))
                continue
            reports.append(_signature_report(sig.field_name, status, roots_given=bool(roots)))
    return reports + broken


def _unreadable(name: str, exc: Exception) -> SignatureReport:
    return SignatureReport(
        field_name=name,
        signer="unknown",
        subject="unknown",
        issuer="unknown",
        signing_time=None,
        intact=False,
        valid=False,
        coverage="unknown",
        trust="not checked",
        problems=[f"the signature cannot be read or validated: {exc}"],
    )


def _signature_report(name: str, status: Any, *, roots_given: bool) -> SignatureReport:
    cert = status.signing_cert
    subject = cert.subject.native
    when: dt.datetime | None = status.signer_reported_dt
    self_signed = cert.self_signed in ("yes", "maybe")
    sound = bool(status.intact and status.valid)
    trust = (
        "self-signed"
        if self_signed
        else "trusted"
        if status.trusted
        else "untrusted"
        if sound
        else "not checked"  # pyHanko stops at a broken signature
    )
    coverage_level = status.coverage.name if status.coverage is not None else "UNCLEAR"
    later = status.modification_level.name if status.modification_level is not None else "OTHER"
    if coverage_level == "ENTIRE_FILE":
        coverage = "whole document"
    elif (
        coverage_level == "ENTIRE_REVISION" and later in ALLOWED_LATER_CHANGES and status.docmdp_ok
    ):
        coverage = "signed revision; later only further signatures"
    else:
        coverage = "modified after signing"
    report = SignatureReport(
        field_name=name,
        signer=str(subject.get("common_name") or cert.subject.human_friendly),
        subject=cert.subject.human_friendly,
        issuer=cert.issuer.human_friendly,
        signing_time=when.isoformat() if when else None,
        intact=bool(status.intact),
        valid=bool(status.valid),
        coverage=coverage,
        trust=trust,
    )
    if not status.intact:
        report.problems.append(
            "the signed content was changed after signing (its digest no longer matches)"
        )
    elif not status.valid:
        report.problems.append("the cryptographic signature does not verify")
    if coverage == "modified after signing":
        report.problems.append(
            "the document was modified after this signature in ways other than adding signatures "
            f"(coverage {coverage_level.lower()}, later changes {later.lower()})"
        )
    if self_signed:
        report.problems.append(
            "the certificate is self-signed: it proves nothing about who signed "
            "(use a certificate from your organisation's CA and pass the CA with --trust-root)"
        )
    elif not status.trusted and sound:
        why = (
            status.trust_problem_indic.name.lower().replace("_", " ")
            if status.trust_problem_indic
            else ""
        )
        report.problems.append(
            f"the certificate (issued by {cert.issuer.human_friendly}) is not trusted"
            + (f": {why}" if why else "")
            + " (pass the issuing CA with --trust-root)"
            if roots_given
            else f"not checked against a trusted authority (pass the CA that issued it, {cert.issuer.human_friendly}, "
            "with --trust-root)"
        )
    return report


def _embedded_text(pdf_bytes: bytes) -> str | None:
    try:
        data = read_pdf_facts(pdf_bytes).attachments.get(ATTACHMENT_NAME)
        return data.decode("utf-8") if data is not None else None
    except (CheckFailed, UnicodeDecodeError):
        return None


def _check_embedded(pdf_bytes: bytes) -> EmbeddedReport:
    try:
        facts = read_pdf_facts(pdf_bytes)
    except CheckFailed as exc:
        return EmbeddedReport(False, None, None, problems=[f"cannot read the PDF: {exc}"])
    report = EmbeddedReport(
        present=ATTACHMENT_NAME in facts.attachments,
        stated_fingerprint=facts.fingerprint,
        fingerprint=None,
    )
    if not report.present:
        report.problems.append(
            f"the PDF carries no `{ATTACHMENT_NAME}` (render it with `slagen render`)"
        )
        return report
    if facts.fingerprint is None:
        report.problems.append(
            "the PDF's metadata states no agreement fingerprint (/SlagenFingerprint)"
        )
    result = validate_text(facts.attachments[ATTACHMENT_NAME], f"{ATTACHMENT_NAME} (embedded)")
    if result.errors or result.agreement is None:
        first = (
            (result.errors or result.findings)[0].format_text() if result.findings else "invalid"
        )
        report.problems.append(f"the embedded agreement is not valid: {first}")
        return report
    agreement = result.agreement
    report.fingerprint = agreement.fingerprint
    report.agreement = f"{agreement.id}, revision {agreement.revision.number}"
    report.approved_by = [p.id for p in agreement.parties if agreement.current_approval(p.id)]
    report.parties = [p.id for p in agreement.parties]
    if facts.fingerprint is not None and facts.fingerprint != agreement.fingerprint:
        report.problems.append(
            f"the embedded agreement does not match the PDF: its fingerprint is {agreement.fingerprint}, "
            f"the PDF states {facts.fingerprint} (the YAML or the metadata was altered)"
        )
    return report

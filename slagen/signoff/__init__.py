"""Sign-off: approvals bound to content, digital signatures, verification.

- :mod:`~slagen.signoff.approve` records a party's approval in the agreement file;
- :mod:`~slagen.signoff.sign` adds a PAdES signature to a rendered PDF;
- :mod:`~slagen.signoff.verify` checks every signature and the embedded agreement;
- :mod:`~slagen.signoff.extract` reads the embedded agreement back out.

pyHanko and pypdf are imported inside the functions that need them: commands
that do not sign or verify never pay for them.

Stage: sign-off.
"""

from __future__ import annotations

__all__ = ["approve", "extract_agreement", "sign_pdf", "verify_pdf"]


def __getattr__(name: str) -> object:
    # Lazy re-exports keep `import slagen.signoff` cheap.
    if name == "approve":
        from slagen.signoff.approve import approve

        return approve
    if name == "sign_pdf":
        from slagen.signoff.sign import sign_pdf

        return sign_pdf
    if name == "verify_pdf":
        from slagen.signoff.verify import verify_pdf

        return verify_pdf
    if name == "extract_agreement":
        from slagen.signoff.extract import extract_agreement

        return extract_agreement
    raise AttributeError(name)

"""slagen: service level agreements between marketing and sales, kept as code.

The public Python API is listed in ``__all__``. Names are imported lazily so
that ``import slagen`` (and the commands that do not render) stay fast and never
load WeasyPrint, pyHanko or plotting code.

Stage: shared.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_MODULE_BY_NAME = {
    # load → validate → model → compute
    "load_file": "slagen.core.loader",
    "load_text": "slagen.core.loader",
    "validate_file": "slagen.core.validate",
    "validate_text": "slagen.core.validate",
    "load_agreement": "slagen.core.validate",
    "ValidationResult": "slagen.core.validate",
    "Agreement": "slagen.core.model",
    "build_agreement": "slagen.core.assemble",
    "compute_fingerprint": "slagen.core.fingerprint",
    "compute_targets": "slagen.core.targets",
    "TargetTable": "slagen.core.targets",
    "targets_to_dict": "slagen.formats.targets",
    # render → write
    "render_markdown": "slagen.documents.render",
    "render_html": "slagen.documents.render",
    "render_pdf": "slagen.documents.render",
    "render_documents": "slagen.documents.write_documents",
    # beside the pipeline
    "diff_sources": "slagen.revisions",
    "reset_check_findings": "slagen.revisions",
    "approve": "slagen.signoff",
    "sign_pdf": "slagen.signoff",
    "verify_pdf": "slagen.signoff",
    "extract_agreement": "slagen.signoff",
    "build_report": "slagen.actuals",
    # errors
    "SlagenError": "slagen.core.errors",
    "UserError": "slagen.core.errors",
    "AgreementError": "slagen.core.errors",
    "Finding": "slagen.core.errors",
}

__all__ = ["__version__", *_MODULE_BY_NAME]  # noqa: PLE0604  (the keys are the names)


def __getattr__(name: str) -> Any:
    module = _MODULE_BY_NAME.get(name)
    if module is None:
        raise AttributeError(f"module 'slagen' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)

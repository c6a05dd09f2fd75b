"""slagen: service level agreements between marketing and sales, kept as code.

The public Python API is listed in ``__all__``. Names are imported lazily so
that ``import slagen`` (and the commands that do not render) stay fast and never
load WeasyPrint, pyHanko or plotting code.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_MODULE_BY_NAME = {
    # load → validate → model → compute
    "load_file": "slagen.loader",
    "load_text": "slagen.loader",
    "validate_file": "slagen.validate",
    "validate_text": "slagen.validate",
    "load_agreement": "slagen.validate",
    "ValidationResult": "slagen.validate",
    "Agreement": "slagen.model",
    "build_agreement": "slagen.builder",
    "compute_fingerprint": "slagen.fingerprint",
    "compute_targets": "slagen.targets",
    "TargetTable": "slagen.targets",
    "targets_to_dict": "slagen.targets_output",
    # render → write
    "render_markdown": "slagen.render",
    "render_html": "slagen.render",
    "render_pdf": "slagen.render",
    "render_documents": "slagen.build_docs",
    # beside the pipeline
    "diff_sources": "slagen.diff",
    "reset_check_findings": "slagen.diff",
    "approve": "slagen.signoff",
    "sign_pdf": "slagen.signoff",
    "verify_pdf": "slagen.signoff",
    "extract_agreement": "slagen.signoff",
    "build_report": "slagen.report",
    # errors
    "SlagenError": "slagen.errors",
    "UserError": "slagen.errors",
    "AgreementError": "slagen.errors",
    "Finding": "slagen.errors",
}

__all__ = ["__version__", *_MODULE_BY_NAME]  # noqa: PLE0604  (the keys are the names)


def __getattr__(name: str) -> Any:
    module = _MODULE_BY_NAME.get(name)
    if module is None:
        raise AttributeError(f"module 'slagen' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)

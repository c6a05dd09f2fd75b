"""JSON Schema check of loaded data, with findings located in the source.

The schema (``schemas/agreement.schema.json``) describes every field for
editors; this module turns jsonschema's errors into findings that name the
file, line, column and field, say what is wrong in a person's words, and
suggest a fix (the nearest known field name, a quoted value, ``"12%"``).

Stage: check.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from jsonschema import Draft202012Validator

from slagen.core.errors import Finding
from slagen.core.loader import Document
from slagen.core.resources import schema_path
from slagen.core.schema_explain import _Mapper

__all__ = ["load_schema", "schema_findings", "schema_text"]


def schema_text() -> str:
    return schema_path().read_text(encoding="utf-8")


@functools.cache
def load_schema() -> dict[str, Any]:
    return dict(json.loads(schema_text()))


@functools.cache
def _validator() -> Draft202012Validator:
    # Compiling costs ~20 ms: build one validator per process and reuse it.
    return Draft202012Validator(load_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


def schema_findings(doc: Document) -> list[Finding]:
    """Every schema violation of ``doc``, one finding per place and problem."""
    mapper = _Mapper(doc)
    seen: set[tuple[str, str, str]] = set()
    result: list[Finding] = []
    for error in _validator().iter_errors(doc.data):
        for finding in mapper.findings(error):
            key = (finding.path, finding.code, finding.message)
            if key not in seen:
                seen.add(key)
                result.append(finding)
    return result

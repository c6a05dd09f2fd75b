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
import os
import re
from datetime import date
from typing import TYPE_CHECKING, Any

from slagen.core.errors import Finding
from slagen.core.loader import Document

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator

__all__ = ["load_schema", "schema_findings", "schema_text"]


def schema_text() -> str:
    from slagen.core.resources import schema_path  # importlib.resources: only when read

    return schema_path().read_text(encoding="utf-8")


@functools.cache
def load_schema() -> dict[str, Any]:
    return dict(json.loads(schema_text()))


@functools.cache
def _validator() -> Draft202012Validator:
    from jsonschema import Draft202012Validator

    # Compiling costs ~20 ms: build one validator per process and reuse it.
    return Draft202012Validator(load_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


_DATE_SHAPE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _dates_parse(value: Any) -> bool:
    """Every date-shaped string parses (jsonschema's "date" format, which the compiled code skips)."""
    if isinstance(value, str):
        if _DATE_SHAPE.fullmatch(value):
            try:
                date.fromisoformat(value)
            except ValueError:
                return False
        return True
    if isinstance(value, dict):
        return all(_dates_parse(v) for v in value.values())
    if isinstance(value, list):
        return all(_dates_parse(v) for v in value)
    return True


def _passes_compiled(data: Any) -> bool:
    """The ahead-of-time compiled check (schema_compile.py) accepts ``data``.

    Trusted only to say "valid": it is at least as strict as jsonschema, so a
    rejected document goes to jsonschema, which finds and explains every error.
    ``SLAGEN_NO_COMPILED_SCHEMA=1`` skips it (the tests compare both paths).
    """
    if os.environ.get("SLAGEN_NO_COMPILED_SCHEMA"):
        return False
    from slagen.core import schema_compiled

    try:
        schema_compiled.validate(data)  # type: ignore[no-untyped-call]
    except ValueError:
        return False
    return _dates_parse(data)


def schema_findings(doc: Document) -> list[Finding]:
    """Every schema violation of ``doc``, one finding per place and problem."""
    if _passes_compiled(doc.data):
        return []
    from slagen.core.schema_explain import _Mapper

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

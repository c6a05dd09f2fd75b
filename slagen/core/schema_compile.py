"""Regenerate ``schema_compiled.py``, the schema check compiled ahead of time.

Run ``python -m slagen.core.schema_compile`` after editing
``schemas/agreement.schema.json`` (a test fails until you do). fastjsonschema
turns the schema into plain Python once, here; the shipped module needs neither
fastjsonschema nor jsonschema, so a valid agreement is checked without
importing either. Its verdict is only trusted when it says "valid": a document
it rejects is explained by jsonschema, the reference semantics. The module also
holds what else a check would read from a large source on every run: the
schema's Markdown fields and Babel's currency codes.

Stage: check.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

TARGET = Path(__file__).with_name("schema_compiled.py")

HEADER = '''"""The agreement schema as Python: generated, do not edit.

Regenerate with ``python -m slagen.core.schema_compile``.

Stage: check.
"""
# mypy: ignore-errors
# ruff: noqa
# fmt: off


class JsonSchemaValueException(ValueError):
    """The first schema violation found (the generated code's exception)."""

    def __init__(self, message, value=None, name=None, definition=None, rule=None):
        super().__init__(message)


JsonSchemaValuesException = JsonSchemaValueException
'''

# Stricter than jsonschema's check is safe (the document falls back to
# jsonschema); looser is not. Calendar validity of dates is checked by the
# caller (schema.py), as jsonschema's "date" format would.
FORMATS = {"date": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "email": r"^[^@\s]+@[^@\s]+$"}


def _as_draft7(node: Any) -> Any:
    """The schema in the draft fastjsonschema knows: only ``dependentRequired`` differs."""
    if isinstance(node, dict):
        return {
            ("dependencies" if key == "dependentRequired" else key): _as_draft7(value)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_as_draft7(item) for item in node]
    return node


def _without_definitions(code: str) -> str:
    """Drop the schema copy each raise carries: it made the module 0.5 MB and slow to load."""
    import ast

    tree = ast.parse(code)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            node.keywords = [k for k in node.keywords if k.arg != "definition"]
    return ast.unparse(tree)


MARKDOWN_REF = "#/$defs/markdown"


def markdown_fields(schema: dict[str, Any]) -> frozenset[str]:
    """Every Markdown field of ``schema``, as ``definitions[].text`` patterns."""
    defs: dict[str, Any] = schema.get("$defs", {})
    found: set[str] = set()

    def walk(node: Any, prefix: str, seen: frozenset[str]) -> None:
        if not isinstance(node, dict):
            return
        ref = node.get("$ref")
        if ref == MARKDOWN_REF:
            found.add(prefix)
            return
        if isinstance(ref, str) and ref.startswith("#/$defs/") and ref not in seen:
            walk(defs.get(ref.removeprefix("#/$defs/")), prefix, seen | {ref})
        for key, child in node.get("properties", {}).items():
            walk(child, f"{prefix}.{key}" if prefix else key, seen)
        if "items" in node:
            walk(node["items"], prefix + "[]", seen)
        for word in ("anyOf", "oneOf", "allOf"):
            for branch in node.get(word, []):
                walk(branch, prefix, seen)

    walk(schema, "", frozenset())
    return frozenset(found)


def generate() -> str:
    """The text of ``schema_compiled.py`` for the current schema."""
    import fastjsonschema

    from slagen.core.schema import load_schema

    code = fastjsonschema.compile_to_code(
        _as_draft7(load_schema()), use_formats=True, formats=FORMATS, use_default=False
    )
    code = _without_definitions(code)
    lines = [
        line
        for line in code.splitlines()
        if not line.startswith(("VERSION = ", "from fastjsonschema import"))
    ]
    entry = "validate = validate_https___slagen_dev_schemas_agreement_schema_json\n"
    fields = "".join(f"    {f!r},\n" for f in sorted(markdown_fields(load_schema())))
    markdown = f"\n# The Markdown fields (field_checks.py).\nMARKDOWN_FIELDS = (\n{fields})\n"
    return HEADER + "\n".join(lines).rstrip() + "\n\n\n" + entry + markdown + _currencies()


def _currencies() -> str:
    """Babel's currency codes, so that checking a file needs neither Babel nor its data.

    ``babel.numbers.is_currency`` unpickles Babel's global data (~7 ms and
    memory) for a set lookup; a Babel upgrade that changes the set makes the
    up-to-date test fail until this module is regenerated.
    """
    from babel.numbers import list_currencies

    codes = sorted(list_currencies())
    rows = "".join(
        "    " + " ".join(f"{c!r}," for c in codes[i : i + 10]) + "\n"
        for i in range(0, len(codes), 10)
    )
    return f"\n# The currency codes Babel knows (babel.numbers.is_currency).\nCURRENCIES = frozenset({{\n{rows}}})\n"


def main() -> int:
    TARGET.write_text(generate(), encoding="utf-8")
    print(f"wrote {TARGET}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

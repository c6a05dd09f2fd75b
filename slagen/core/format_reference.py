"""The format reference (docs/format.md), generated from the JSON Schema so it cannot drift.

Regenerate with ``slagen schema --reference > docs/format.md``; a test fails when
the committed file differs from what the schema gives.

Stage: format.
"""

from __future__ import annotations

from typing import Any

from slagen.core.schema import load_schema

__all__ = ["format_reference"]


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> tuple[str | None, dict[str, Any]]:
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        name = ref.removeprefix("#/$defs/")
        merged = dict(schema["$defs"][name])
        merged.update({k: v for k, v in node.items() if k != "$ref"})
        return name, merged
    return None, node


def _type_of(schema: dict[str, Any], node: dict[str, Any]) -> str:
    name, node = _resolve(schema, node)
    if name and name not in ("markdown", "plain"):
        return name.replace("_", " ")
    if "enum" in node:
        return " | ".join(f"`{v}`" for v in node["enum"])
    if "const" in node:
        return f"`{node['const']}`"
    kind = node.get("type")
    if kind == "array":
        items = node.get("items", {})
        return f"list of {_type_of(schema, items)}"
    if isinstance(kind, list):
        return " or ".join(kind)
    if kind:
        return str(kind) if name != "markdown" else "Markdown text"
    alternatives = node.get("anyOf") or node.get("oneOf")
    if alternatives:
        return " or ".join(_type_of(schema, alt) for alt in alternatives)
    return "value"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _table(schema: dict[str, Any], node: dict[str, Any]) -> list[str]:
    required = set(node.get("required", []))
    lines = ["| field | type | required | meaning |", "|---|---|---|---|"]
    for key, prop in node.get("properties", {}).items():
        _, resolved = _resolve(schema, prop)
        description = _cell(prop.get("description") or resolved.get("description", ""))
        lines.append(
            f"| `{key}` | {_cell(_type_of(schema, prop))} | {'yes' if key in required else ''} "
            f"| {description} |"
        )
    return lines


def format_reference() -> str:
    """Markdown describing every field of the agreement format, from the schema."""
    schema = load_schema()
    out = [
        "# Agreement format reference",
        "",
        "Generated from `schemas/agreement.schema.json` by `slagen schema --reference`; do not edit.",
        "",
        str(schema.get("description", "")).strip(),
        "",
        "## Top level",
        "",
    ]
    out += _table(schema, schema)
    for name, node in schema.get("$defs", {}).items():
        if "properties" not in node and "description" not in node:
            continue
        out += ["", f"## {name.replace('_', ' ')}", ""]
        if node.get("description"):
            out += [" ".join(str(node["description"]).split()), ""]
        if "properties" in node:
            out += _table(schema, node)
    out.append("")
    return "\n".join(out)

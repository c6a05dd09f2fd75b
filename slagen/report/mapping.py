"""The ``--columns`` mapping file: a CRM's own export adapted to the canonical columns.

A mapping file (YAML or JSON) renames headers and translates values::

    columns:                 # canonical name: the CRM's header
      id: Record ID
      created_at: Create Date
      segment: Region
      source: Original Source
    values:                  # canonical name: {CRM value: canonical value}
      source: {Organic Search: marketing, Offline Sources: sales}
      connected: {Connected: "true", Attempted to Contact: "false"}
    datetime_formats: ["%m/%d/%Y %I:%M %p"]   # tried after ISO 8601

Values not listed pass through unchanged. Examples for HubSpot and Salesforce
are in ``examples/mappings/``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from slagen.errors import FileAccessError, UserError

COLUMNS = ("id", "created_at", "segment", "source", "handed_off_at", "first_attempt_at",
           "attempts", "connected", "closed_at", "revenue")


class ActualsError(UserError):
    """Actuals that cannot be used at all (a missing column, a bad mapping)."""

    exit_code = 1


@dataclass(frozen=True)
class ColumnMapping:
    """How a CRM's headers and values map onto the canonical columns."""

    columns: dict[str, str] = field(default_factory=dict)
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    datetime_formats: tuple[str, ...] = ()


def load_mapping(path: str | Path) -> ColumnMapping:
    """Read a ``--columns`` mapping file (YAML or JSON).

    Raises:
        FileAccessError: the file cannot be read.
        ActualsError: the file is not a mapping of the documented shape.
    """
    source = Path(path)
    try:
        text = source.read_text(encoding="utf-8")
    except OSError as exc:
        raise FileAccessError(f"{source}: cannot read: {exc.strerror or exc}") from exc
    try:
        if source.suffix.lower() == ".json":
            data: Any = json.loads(text)
        else:
            import yaml

            data = yaml.safe_load(text)
    except Exception as exc:  # yaml.YAMLError, json.JSONDecodeError
        raise ActualsError(f"{source}: not valid YAML/JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise ActualsError(f"{source}: a mapping file is an object with `columns` and `values`")
    unknown = set(data) - {"columns", "values", "datetime_formats", "name", "description"}
    if unknown:
        raise ActualsError(f"{source}: unknown keys {', '.join(sorted(unknown))}",
                           hint="use columns, values and datetime_formats")
    columns = {str(k): str(v) for k, v in (data.get("columns") or {}).items()}
    values = {str(k): {str(a): _text(b) for a, b in (v or {}).items()}
              for k, v in (data.get("values") or {}).items()}
    for name in [*columns, *values]:
        if name not in COLUMNS:
            raise ActualsError(f"{source}: {name!r} is not a canonical column",
                               hint="canonical columns: " + ", ".join(COLUMNS))
    return ColumnMapping(columns, values, tuple(map(str, data.get("datetime_formats") or ())))


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)

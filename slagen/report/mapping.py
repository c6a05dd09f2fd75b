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
    exclude:                 # the CRM's header: values whose rows are not leads at all
      Lead Status: [Rejected - Duplicate, Rejected - Competitor]

Values not listed pass through unchanged. Examples for HubSpot and Salesforce
are in ``examples/mappings/``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from slagen.errors import FileAccessError, UserError

COLUMNS = (
    "id",
    "created_at",
    "segment",
    "source",
    "handed_off_at",
    "first_attempt_at",
    "attempts",
    "connected",
    "closed_at",
    "revenue",
)
REQUIRED = ("id", "created_at", "segment", "source")


class ActualsError(UserError):
    """Actuals that cannot be used at all (a missing column, a bad mapping)."""

    exit_code = 1


@dataclass(frozen=True)
class ColumnMapping:
    """How a CRM's headers and values map onto the canonical columns."""

    columns: dict[str, str] = field(default_factory=dict)
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    datetime_formats: tuple[str, ...] = ()
    exclude: dict[str, frozenset[str]] = field(default_factory=dict)  # CRM header → values


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
    unknown = set(data) - {
        "columns",
        "values",
        "datetime_formats",
        "exclude",
        "name",
        "description",
    }
    if unknown:
        raise ActualsError(
            f"{source}: unknown keys {', '.join(sorted(unknown))}",
            hint="use columns, values, datetime_formats and exclude",
        )
    columns = {str(k): str(v) for k, v in (data.get("columns") or {}).items()}
    values = {
        str(k): {str(a): _text(b) for a, b in (v or {}).items()}
        for k, v in (data.get("values") or {}).items()
    }
    for name in [*columns, *values]:
        if name not in COLUMNS:
            raise ActualsError(
                f"{source}: {name!r} is not a canonical column",
                hint="canonical columns: " + ", ".join(COLUMNS),
            )
    exclude = {}
    for header, excluded in (data.get("exclude") or {}).items():
        if not isinstance(excluded, list):
            raise ActualsError(f"{source}: exclude.{header} must be a list of values")
        exclude[str(header)] = frozenset(_text(v) for v in excluded)
    return ColumnMapping(
        columns, values, tuple(map(str, data.get("datetime_formats") or ())), exclude
    )


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def exclusions(
    header: list[str], mapping: ColumnMapping, file: str
) -> list[tuple[int, frozenset[str]]]:
    """``(column position, excluded values)`` for each ``exclude`` rule.

    Raises:
        ActualsError: a rule names a column the header lacks.
    """
    positions = {name.strip(): i for i, name in enumerate(header)}
    rules = []
    for name, values in mapping.exclude.items():
        if name not in positions:
            raise ActualsError(
                f"{file}:1: the mapping excludes by column {name!r}, which the header lacks"
            )
        rules.append((positions[name], values))
    return rules


def column_index(header: list[str], mapping: ColumnMapping, file: str) -> dict[str, int]:
    """Canonical column → position in the header (exact header first, then any case).

    Raises:
        ActualsError: a required column is missing.
    """
    positions = {name.strip(): i for i, name in enumerate(header)}
    folded = {name.strip().casefold(): i for i, name in reversed(list(enumerate(header)))}
    index: dict[str, int] = {}
    for name in COLUMNS:
        crm = mapping.columns.get(name, name)
        position = positions.get(
            crm, folded.get(crm.casefold())
        )  # exact header first, then any case
        if position is not None:
            index[name] = position
    missing = [mapping.columns.get(n, n) for n in REQUIRED if n not in index]
    if missing:
        raise ActualsError(
            f"{file}:1: missing column(s) {', '.join(missing)} (header: {', '.join(header)})",
            hint="name the CRM's headers in a --columns mapping file",
        )
    return index

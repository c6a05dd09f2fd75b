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

Stage: actuals.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from slagen.core.errors import AgreementError, FileAccessError, Finding, UserError

if TYPE_CHECKING:
    from slagen.core.loader import Document

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
    """Actuals that cannot be used at all (a missing column, an empty file).

    ``code`` names the problem for machines and tests, as row findings do.
    """

    exit_code = 1

    def __init__(self, message: str, *, hint: str = "", code: str = "bad-actuals") -> None:
        super().__init__(message, hint=hint)
        self.code = code


@dataclass(frozen=True)
class ColumnMapping:
    """How a CRM's headers and values map onto the canonical columns."""

    columns: dict[str, str] = field(default_factory=dict)
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    datetime_formats: tuple[str, ...] = ()
    exclude: dict[str, frozenset[str]] = field(default_factory=dict)  # CRM header → values


class MappingError(AgreementError):
    """A ``--columns`` file that is not a mapping of the documented shape (exit code 1)."""


_MAPPING_WORDS = {
    "empty-file": "the file holds no mapping",
    "not-a-mapping": "a mapping file is a YAML mapping with `columns` and `values`",
    "multiple-documents": "the file holds more than one YAML document",
}
KEYS = ("columns", "values", "datetime_formats", "exclude", "name", "description")
_SHAPE_HINT = "see examples/mappings/ for the shape of a mapping file"


def load_mapping(path: str | Path) -> ColumnMapping:
    """Read a ``--columns`` mapping file (YAML or JSON).

    YAML goes through the agreement loader (:func:`slagen.core.loader.load_file`): aliases
    bounded, tags refused, duplicate keys found, every finding with its line and column.

    Raises:
        FileAccessError: the file cannot be read.
        MappingError: the file is not a mapping of the documented shape.
    """
    source = Path(path)
    if source.suffix.lower() == ".json":
        doc = _load_json(source)
    else:
        from slagen.core.loader import load_file

        try:
            doc = load_file(source)
        except AgreementError as exc:  # the loader's words are about agreements
            raise MappingError(
                [
                    replace(f, message=_MAPPING_WORDS[f.code], hint=_SHAPE_HINT)
                    if f.code in _MAPPING_WORDS
                    else f
                    for f in exc.findings
                ]
            ) from None
    data = doc.data

    def fail(where: tuple[str | int, ...], code: str, message: str, hint: str = "") -> NoReturn:
        raise MappingError([doc.finding(where, code, message, hint=hint or _SHAPE_HINT)])

    for key in data:
        if key not in KEYS:
            fail((key,), "mapping-unknown-key", f"unknown key {key!r}", "use " + ", ".join(KEYS))

    def table(key: str) -> dict[Any, Any]:
        value = data.get(key)
        if value is None:
            return {}
        if not isinstance(value, dict):
            fail((key,), "mapping-not-a-mapping", f"`{key}` must be a mapping, not {_kind(value)}")
        return value

    def scalar(where: tuple[str | int, ...], value: Any) -> str:
        if isinstance(value, dict | list) or value is None:
            fail(where, "mapping-not-a-value", f"must be a single value, not {_kind(value)}")
        return _text(value)

    columns = {str(k): scalar(("columns", k), v) for k, v in table("columns").items()}
    values: dict[str, dict[str, str]] = {}
    for name, rules in table("values").items():
        if rules is None:
            rules = {}
        if not isinstance(rules, dict):
            fail(
                ("values", name),
                "mapping-not-a-mapping",
                f"`values.{name}` must map CRM values to canonical ones, not {_kind(rules)}",
            )
        values[str(name)] = {_text(a): scalar(("values", name, a), b) for a, b in rules.items()}
    for section, names in (("columns", columns), ("values", values)):
        for name in names:
            if name not in COLUMNS:
                fail(
                    (section, name),
                    "mapping-unknown-column",
                    f"{name!r} is not a canonical column",
                    "canonical columns: " + ", ".join(COLUMNS),
                )
    formats = data.get("datetime_formats") or ()
    if isinstance(formats, str):
        formats = (formats,)  # one format, not a list of its characters
    if not isinstance(formats, list | tuple):
        fail(
            ("datetime_formats",),
            "mapping-not-a-list",
            f"`datetime_formats` must be a list of formats, not {_kind(formats)}",
        )
    for i, fmt in enumerate(formats):
        if not isinstance(fmt, str) or "%" not in fmt:
            fail(
                ("datetime_formats", i),
                "mapping-bad-format",
                f"{fmt!r} is not a date-time format",
                'write strptime codes such as "%m/%d/%Y %I:%M %p"',
            )
    exclude = {}
    for header, excluded in table("exclude").items():
        if not isinstance(excluded, list):
            fail(
                ("exclude", header),
                "mapping-not-a-list",
                f"exclude.{header} must be a list of values",
            )
        exclude[str(header)] = frozenset(
            scalar(("exclude", header, i), v) for i, v in enumerate(excluded)
        )
    return ColumnMapping(columns, values, tuple(formats), exclude)


def _load_json(source: Path) -> Document:
    from slagen.core.loader import Document
    from slagen.core.source_checks import MAX_BYTES

    try:
        if source.stat().st_size > MAX_BYTES:
            raise MappingError(
                [
                    Finding(
                        str(source),
                        1,
                        1,
                        "",
                        "error",
                        "mapping-too-large",
                        f"the file is larger than {MAX_BYTES} bytes",
                        _SHAPE_HINT,
                    )
                ]
            )
        text = source.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FileAccessError(f"{source}: no such file", hint="check the path") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise FileAccessError(f"{source}: cannot read: {exc}") from None
    try:
        data: Any = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        line, column = getattr(exc, "lineno", 1), getattr(exc, "colno", 1)
        raise MappingError(
            [
                Finding(
                    str(source),
                    line,
                    column,
                    "",
                    "error",
                    "mapping-syntax",
                    f"not valid JSON: {getattr(exc, 'msg', 'nested too deeply')}",
                    _SHAPE_HINT,
                )
            ]
        ) from None
    doc = Document(file=str(source), text=text, data={})
    if not isinstance(data, dict):
        raise MappingError(
            [
                doc.finding(
                    (),
                    "mapping-not-a-mapping",
                    "a mapping file is an object with `columns` and `values`",
                    hint=_SHAPE_HINT,
                )
            ]
        )
    doc.data = data
    return doc


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "nothing"
    return f"the value {value!r}"


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
                f"{file}:1: the mapping excludes by column {name!r}, which the header lacks",
                hint="name a header of the CSV under exclude",
                code="missing-column",
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
            code="missing-column",
        )
    return index

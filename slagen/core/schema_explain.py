"""Schema errors in a person's words: the field, the line and column, and a fix.

jsonschema's ``ValidationError`` objects become findings that name the field,
say what is wrong and suggest a correction (the nearest known field name, a
quoted value, ``"12%"``). Only imported when a document breaks the schema.

Stage: compute.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from jsonschema.exceptions import ValidationError, best_match

from slagen.core.errors import Finding
from slagen.core.loader import Document
from slagen.core.planning_checks import SPREAD_KEYS, spread_schema_findings
from slagen.core.scalars import DATE_RE, parse_duration, parse_rate
from slagen.core.schema_hints import (
    _duration_hint,
    _is_month,
    _only_required,
    _rate_hint,
    _slug_hint,
)

FORM_BY_FIELD = {
    "currency": (
        "an ISO 4217 currency code (three capital letters)",
        'e.g. EUR, USD, MXN; write "{upper}"?',
    ),
    "fingerprint": (
        "a fingerprint (sha256: followed by 64 hexadecimal digits)",
        "let `slagen approve` write approvals; do not edit fingerprints by hand",
    ),
    "timezone": ("an IANA time zone name", "e.g. Europe/Madrid, America/Mexico_City or UTC"),
}

TYPE_WORDS = {
    "string": "text",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
    "object": "a mapping of fields",
    "array": "a list",
    "null": "empty",
}


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, Decimal)):
        return f"the number {value}"
    if isinstance(value, str):
        short = value if len(value) <= 40 else value[:37] + "…"
        return f"the text {short!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _kind(error: ValidationError) -> str | None:
    schema = error.schema if isinstance(error.schema, dict) else {}
    kind = schema.get("x-slagen-kind")
    return str(kind) if kind else None


def _known_properties(schema: dict[str, Any]) -> list[str]:
    return sorted(schema.get("properties", {}))


class _Mapper:
    def __init__(self, doc: Document) -> None:
        self.doc = doc

    def at(
        self, path: tuple[Any, ...], code: str, message: str, hint: str = "", at_key: bool = False
    ) -> Finding:
        return self.doc.finding(path, code, message, hint=hint, at_key=at_key)

    def value_hint(self, path: tuple[Any, ...], expected: str, instance: Any = None) -> str:
        raw = self.doc.raw_scalars.get(path)
        if path in self.doc.yaml11_booleans and raw is not None:
            return f'YAML reads {raw} as a boolean; quote it: "{raw}"'
        if instance is None and path:
            return "write a value after the colon, or remove the line if the field is optional"
        if expected == "string" and raw is not None and not isinstance(instance, str):
            field = next((p for p in reversed(path) if isinstance(p, str)), "")
            if field in FORM_BY_FIELD and field != "currency":
                return FORM_BY_FIELD[field][1]  # quoting "5" would not make a time zone
            return f'quote it: "{raw}"'
        return ""

    def findings(self, error: ValidationError) -> Iterator[Finding]:
        path = tuple(error.absolute_path)
        keyword = error.validator
        if (
            keyword == "dependentRequired"
            or tuple(error.absolute_schema_path)[:1] == ("allOf",)
            or (
                keyword == "oneOf"
                and _only_required(error.validator_value)
                and _kind(error) is None
            )
        ):
            # The schema's cross-field rules exist for editors; semantics reports them with
            # their own codes and words (missing-currency, missing-service-levels,
            # multilevel-parties, missing-close-rate, close-rate-and-funnel).
            return
        kind = _kind(error)
        instance = error.instance
        if kind is not None and keyword in (
            "anyOf",
            "oneOf",
            "type",
            "pattern",
            "minimum",
            "exclusiveMinimum",
            "maximum",
            "format",
            "minProperties",
            "propertyNames",
            "additionalProperties",
        ):
            yield from self.kind_findings(kind, path, instance, error)
            return
        if keyword == "required":
            missing = error.message.split("'")[1] if "'" in error.message else str(error.message)
            yield self.at(
                path,
                "missing-field",
                f"the required field `{missing}` is missing",
                "add it (see `slagen schema` for its meaning)",
                at_key=True,
            )
        elif keyword == "additionalProperties":
            known = _known_properties(error.schema)
            extras = [
                k
                for k in instance
                if k not in error.schema.get("properties", {}) and not k.startswith("x_")
            ]
            for key in extras:
                close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
                hint = (
                    f"did you mean `{close[0]}`?"
                    if close
                    else ("known fields: " + ", ".join(known) + "; team extensions start with x_")
                )
                yield self.at(
                    path + (key,), "unknown-field", f"unknown field `{key}`", hint, at_key=True
                )
        elif keyword == "type":
            expected = error.validator_value
            names = [expected] if isinstance(expected, str) else list(expected)
            words = " or ".join(TYPE_WORDS.get(n, n) for n in names)
            yield self.at(
                path,
                "wrong-type",
                f"must be {words} (got {_describe(instance)})",
                self.value_hint(path, names[0], instance),
            )
        elif keyword in ("enum", "const"):
            options = error.validator_value if keyword == "enum" else [error.validator_value]
            shown = ", ".join(json.dumps(o) if not isinstance(o, str) else o for o in options)
            close = difflib.get_close_matches(
                str(instance), [str(o) for o in options], n=1, cutoff=0.6
            )
            texts = all(isinstance(o, str) for o in options)
            hint = (
                f"did you mean `{close[0]}`?"
                if close and texts
                else (self.value_hint(path, "string", instance) if texts else "")
            )
            words = f"must be {shown}" if len(options) == 1 else f"must be one of: {shown}"
            yield self.at(path, "invalid-value", f"{words} (got {_describe(instance)})", hint)
        elif keyword in ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"):
            words = {
                "minimum": "at least",
                "exclusiveMinimum": "above",
                "maximum": "at most",
                "exclusiveMaximum": "below",
            }[keyword]
            yield self.at(
                path, "out-of-range", f"must be {words} {error.validator_value} (got {instance})"
            )
        elif keyword in ("minItems", "maxItems"):
            words = "at least" if keyword == "minItems" else "at most"
            yield self.at(
                path,
                "too-few-items" if keyword == "minItems" else "too-many-items",
                f"must have {words} {error.validator_value} item(s) (has {len(instance)})",
                at_key=True,
            )
        elif keyword == "minLength":
            yield self.at(path, "empty-text", "must not be empty", "write the text")
        elif keyword == "format":
            fmt = error.validator_value
            if fmt == "date" and not DATE_RE.match(str(instance)):
                yield self.at(
                    path,
                    "invalid-date",
                    f"{_describe(instance)} is not a date written YYYY-MM-DD",
                    "dates are written YYYY-MM-DD, e.g. 2026-01-31",
                )
            elif fmt == "date":
                yield self.at(
                    path,
                    "invalid-date",
                    f"{instance} is not a real calendar date",
                    "dates are written YYYY-MM-DD, e.g. 2026-01-31",
                )
            elif fmt == "email":
                yield self.at(
                    path,
                    "invalid-email",
                    f"{instance!r} is not an e-mail address",
                    "write it as name@example.com, or leave the field out",
                )
            else:
                yield self.at(path, "invalid-format", f"{instance!r} is not a valid {fmt}")
        elif keyword == "pattern":
            field = path[-1] if path else ""
            if field in FORM_BY_FIELD:
                form, hint = FORM_BY_FIELD[field]
                yield self.at(
                    path,
                    "invalid-format",
                    f"{_describe(instance)} is not {form}",
                    hint.format(upper=str(instance).upper()),
                )
            else:
                yield self.at(
                    path,
                    "invalid-format",
                    f"{_describe(instance)} does not have the expected form ({error.validator_value})",
                    self.value_hint(path, "string", instance),
                )

        elif keyword in ("anyOf", "oneOf"):
            sub = best_match(error.context) if error.context else None
            if (
                sub is not None
                and tuple(sub.absolute_path) != path
                or (sub is not None and sub.validator not in ("anyOf", "oneOf"))
            ):
                yield from self.findings(sub)
            else:
                yield self.at(
                    path,
                    "invalid-value",
                    f"{_describe(instance)} is not valid here: {error.message}",
                )
        else:
            yield self.at(path, "schema", error.message)

    def kind_findings(
        self, kind: str, path: tuple[Any, ...], instance: Any, error: ValidationError
    ) -> Iterator[Finding]:
        if kind == "revenue_goal":
            if isinstance(instance, dict) and set(instance) & set(SPREAD_KEYS):
                found = list(spread_schema_findings(self.doc, path, instance))
                yield from found or [self.at(path, "schema", error.message)]
            else:
                yield from self.kind_findings("money_by_month", path, instance, error)
            return
        if kind in ("rate_by_month", "money_by_month") and isinstance(instance, dict):
            one = "rate" if kind == "rate_by_month" else "money"
            if not instance:
                yield self.at(
                    path,
                    "empty-month-map",
                    "the month map is empty",
                    "give one value for every month, or a single value",
                )
                return
            for month, value in instance.items():
                if not isinstance(month, str) or not _is_month(month):
                    yield self.at(
                        path + (month,),
                        "invalid-month",
                        f"{month!r} is not a month written YYYY-MM",
                        "e.g. 2026-01",
                        at_key=True,
                    )
                    continue
                yield from self.kind_findings(one, path + (month,), value, error)
            return
        if kind in ("rate", "rate_by_month"):
            if isinstance(instance, bool) or not isinstance(instance, (str, int, Decimal)):
                yield self.at(
                    path,
                    "invalid-rate",
                    f'must be a rate like "12%" or 0.12 (got {_describe(instance)})',
                    self.value_hint(path, "number"),
                )
                return
            try:
                parse_rate(instance)
            except ValueError as exc:
                yield self.at(path, "invalid-rate", str(exc), _rate_hint(instance))
            return
        if kind in ("money", "money_by_month"):
            if isinstance(instance, bool) or not isinstance(instance, (int, Decimal)):
                hint = "write the amount as a plain number, without currency sign or thousands separators"
                yield self.at(
                    path,
                    "invalid-money",
                    f"must be an amount of money (got {_describe(instance)})",
                    hint,
                )
            elif instance < 0:
                yield self.at(path, "invalid-money", f"must not be negative (got {instance})")
            else:
                yield self.at(path, "invalid-money", error.message)
            return
        if kind == "duration":
            try:
                parse_duration(str(instance))
            except ValueError as exc:
                yield self.at(path, "invalid-duration", str(exc), _duration_hint(instance))
            else:
                yield self.at(path, "invalid-duration", error.message)
            return
        if kind == "date":
            yield self.at(
                path,
                "invalid-date",
                f"{_describe(instance)} is not a date written YYYY-MM-DD"
                if not isinstance(instance, str) or not DATE_RE.match(instance)
                else f"{instance} is not a real calendar date",
                "dates are written YYYY-MM-DD, e.g. 2026-01-31",
            )
            return
        if kind == "month":
            yield self.at(
                path,
                "invalid-month",
                f"{_describe(instance)} is not a month written YYYY-MM",
                "e.g. 2026-01",
            )
            return
        if kind == "slug":
            yield self.at(
                path,
                "invalid-id",
                f"{_describe(instance)} is not a valid id: use lower-case letters, digits and "
                "hyphens, starting with a letter or digit",
                self.value_hint(path, "string", instance) or _slug_hint(instance),
            )
            return
        if kind == "condition":
            sub = best_match(error.context) if error.context else None
            if sub is not None:
                yield from self.findings(sub)
            else:
                yield self.at(
                    path,
                    "invalid-condition",
                    "a condition needs `metric` and exactly one of `below` or `above`",
                )
            return
        yield self.at(path, "schema", error.message)

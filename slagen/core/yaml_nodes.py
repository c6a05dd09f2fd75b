"""The YAML node walker: composed nodes → plain data, each value's position kept.

Used by ``slagen.core.loader``: this is where YAML 1.1's surprises (``no`` as a
boolean, ``010`` as octal, duplicate keys, tags, alias bombs) and every bound
of ``slagen.core.limits`` on numbers, texts, dates and collections are enforced,
value by value, as each is read.

Stage: load.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import yaml

from slagen.core.errors import Finding
from slagen.core.limits import (
    MAX_ALIASES,
    MAX_ITEMS,
    MAX_KEY_CHARS,
    MAX_KEYS,
    MAX_NODES,
    MAX_NUMBER,
    MAX_TEXT_CHARS,
    number_problem,
    unsafe_char_problem,
    year_problem,
)
from slagen.core.records import Record, record
from slagen.core.source_checks import int_meaning

__all__ = ["Abort", "Document", "Mark", "NodeWalker", "field_pattern", "format_path"]

MAX_INT_DIGITS = len(str(int(MAX_NUMBER)))  # longer integer text is too large, unread
DATE_OR_MONTH_RE = re.compile(r"^([0-9]{4})-[0-9]{2}(-[0-9]{2})?$")

TAG = "tag:yaml.org,2002:"
STANDARD_SCALAR_TAGS = {TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
DECIMAL_INT_RE = re.compile(r"^[-+]?(0|[1-9][0-9_]*)$")
DECIMAL_FLOAT_RE = re.compile(
    r"^[-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+]?[0-9]+)?$|^[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+$"
)
YAML11_TRUE = {"y", "yes", "on", "true"}
KEY_KIND_BY_TAG = {
    TAG + "int": "a number",
    TAG + "float": "a number",
    TAG + "bool": "a boolean",
    TAG + "null": "nothing (null)",
}

PathKey = str | int
Path_ = tuple[PathKey, ...]


@record
class Mark(Record):
    """A 1-based position in the source text."""

    line: int
    column: int


def format_path(path: Iterable[PathKey]) -> str:
    """``("targets", "segments", 0, "close_rate")`` → ``targets.segments[0].close_rate``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


@dataclass
class Document:
    """A loaded agreement file: its data and where each piece came from."""

    file: str
    text: str
    data: dict[str, Any]
    value_marks: dict[Path_, Mark] = field(default_factory=dict)
    key_marks: dict[Path_, Mark] = field(default_factory=dict)
    raw_scalars: dict[Path_, str] = field(default_factory=dict)
    yaml11_booleans: set[Path_] = field(default_factory=set)
    findings: list[Finding] = field(default_factory=list)

    def mark(self, path: Iterable[PathKey], *, at_key: bool = False) -> Mark:
        """The position of ``path``, or of its nearest ancestor that exists."""
        parts = tuple(path)
        while True:
            if at_key and parts in self.key_marks:
                return self.key_marks[parts]
            if parts in self.value_marks:
                return self.value_marks[parts]
            if not parts:
                return Mark(1, 1)
            parts = parts[:-1]

    def finding(
        self,
        path: Iterable[PathKey],
        code: str,
        message: str,
        *,
        severity: str = "error",
        hint: str = "",
        at_key: bool = False,
    ) -> Finding:
        parts = tuple(path)
        mark = self.mark(parts, at_key=at_key)
        return Finding(
            self.file, mark.line, mark.column, format_path(parts), severity, code, message, hint
        )


def field_pattern(path: Path_) -> str:
    """``("targets", "segments", 2, "funnel")`` → ``targets.segments[].funnel``."""
    return format_path("[]" if isinstance(p, int) else p for p in path).replace(".[]", "[]")


class NodeWalker:
    def __init__(self, doc: Document, max_items_by_field: Mapping[str, int]) -> None:
        self.doc = doc
        self.max_items_by_field = max_items_by_field
        self.errors: list[Finding] = []
        self.nodes = 0
        self.aliases = 0
        self.seen: set[int] = set()
        self.active: set[int] = set()

    def error(self, node: yaml.Node, path: Path_, code: str, message: str, hint: str = "") -> None:
        mark = node.start_mark
        self.errors.append(
            Finding(
                self.doc.file,
                mark.line + 1,
                mark.column + 1,
                format_path(path),
                "error",
                code,
                message,
                hint,
            )
        )

    def number_range_error(self, node: yaml.Node, path: Path_, raw: str, problem: str) -> None:
        shown = raw if len(raw) <= 40 else raw[:37] + "…"
        self.error(
            node,
            path,
            "yaml-number",
            f"{shown} is outside the numbers slagen computes with: it {problem}",
            "see docs/limits.md; write the number in full, without an exponent, "
            "or quote it if it is text",
        )

    def text_findings(self, node: yaml.Node, path: Path_, text: str, *, key: bool) -> bool:
        """Length and invisible-character checks on one text; ``False`` if it failed."""
        limit = MAX_KEY_CHARS if key else MAX_TEXT_CHARS
        if len(text) > limit:
            what = "key" if key else "text"
            self.error(
                node,
                path,
                "text-too-long",
                f"the {what} has {len(text):,} characters; at most {limit:,} are allowed",
                "shorten it (see docs/limits.md)",
            )
            return False
        problem = unsafe_char_problem(text)
        if problem is not None:
            self.error(
                node,
                path,
                "unsafe-character",
                f"the text {problem}, which can make it read differently from what it says",
                "delete the character (an editor that shows invisible characters helps)",
            )
            return False
        match = DATE_OR_MONTH_RE.match(text) if text[:1].isdigit() else None
        if match is not None:
            problem = year_problem(int(match.group(1)))
            if problem is not None:
                self.error(
                    node,
                    path,
                    "date-out-of-range",
                    f"{text}: {problem}",
                    "check the year (see docs/limits.md)",
                )
                return False
        return True

    def size_error(self, node: yaml.Node, path: Path_, count: int, limit: int, what: str) -> None:
        self.error(
            node,
            path,
            "too-many-items",
            f"has {count:,} {what}; at most {limit:,} are allowed",
            "split the agreement, or remove pasted data (see docs/limits.md)",
        )

    def tag_error(self, node: yaml.Node, path: Path_) -> None:
        self.error(
            node,
            path,
            "yaml-tag",
            f"the tag {node.tag.replace(TAG, '!!')} is not allowed",
            "remove the tag; agreements hold plain text, numbers, dates and lists",
        )

    def walk(self, node: yaml.Node, path: Path_) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise Abort(
                node,
                path,
                "yaml-too-large",
                "the document expands to too many values",
                "write the values out without deep alias nesting",
            )
        if id(node) in self.active:
            raise Abort(
                node,
                path,
                "yaml-alias",
                "an alias refers to a value that contains it",
                "remove the recursive alias",
            )
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and id(node) in self.seen:
            self.aliases += 1
            if self.aliases > MAX_ALIASES:
                raise Abort(
                    node,
                    path,
                    "yaml-alias",
                    f"more than {MAX_ALIASES} alias uses",
                    "write the values out instead of reusing them with aliases",
                )
        self.seen.add(id(node))
        self.doc.value_marks.setdefault(
            path, Mark(node.start_mark.line + 1, node.start_mark.column + 1)
        )
        if isinstance(node, yaml.MappingNode):
            self.active.add(id(node))
            try:
                return self.mapping(node, path)
            finally:
                self.active.discard(id(node))
        if isinstance(node, yaml.SequenceNode):
            if node.tag not in (TAG + "seq",):
                self.tag_error(node, path)
            limit = self.max_items_by_field.get(field_pattern(path), MAX_ITEMS)
            if len(node.value) > limit:
                self.size_error(node, path, len(node.value), limit, "items")
                return []
            self.active.add(id(node))
            try:
                return [self.walk(item, path + (i,)) for i, item in enumerate(node.value)]
            finally:
                self.active.discard(id(node))
        return self.scalar(node, path)

    def mapping(self, node: yaml.MappingNode, path: Path_) -> dict[str, Any]:
        if node.tag != TAG + "map":
            self.tag_error(node, path)
        if len(node.value) > MAX_KEYS:
            self.size_error(node, path, len(node.value), MAX_KEYS, "fields")
            return {}
        result: dict[str, Any] = {}
        first_seen: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            if key_node.tag == TAG + "merge":
                self.error(
                    key_node,
                    path,
                    "yaml-merge-key",
                    "merge keys (<<) are not supported",
                    "write the fields out in full",
                )
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.error(
                    key_node,
                    path,
                    "yaml-key-type",
                    "a key must be plain text, not a list or mapping",
                )
                continue
            key = key_node.value
            if key_node.tag not in (TAG + "str", TAG + "timestamp") and not key_node.style:
                kind = KEY_KIND_BY_TAG.get(key_node.tag, key_node.tag.replace(TAG, "!!"))
                self.error(
                    key_node,
                    path + (key,),
                    "yaml-key-type",
                    f"the key {key!r} is read by YAML as {kind}, not as text",
                    f'quote it: "{key}"',
                )
                continue
            if not self.text_findings(key_node, path, key, key=True):
                continue
            if key in first_seen:
                first = first_seen[key].start_mark
                self.error(
                    key_node,
                    path + (key,),
                    "duplicate-key",
                    f"duplicate key {key!r}; it was already given on line {first.line + 1}",
                    "keep one of them: YAML would silently use the last",
                )
                continue
            first_seen[key] = key_node
            child = path + (key,)
            self.doc.key_marks[child] = Mark(
                key_node.start_mark.line + 1, key_node.start_mark.column + 1
            )
            result[key] = self.walk(value_node, child)
        return result

    def scalar(self, node: yaml.ScalarNode, path: Path_) -> Any:
        tag, raw = node.tag, node.value
        if tag not in STANDARD_SCALAR_TAGS:
            self.tag_error(node, path)
            return None
        if not node.style:  # plain (libyaml says "", PyYAML None)
            self.doc.raw_scalars[path] = raw
        if tag in (TAG + "str", TAG + "timestamp") and not self.text_findings(
            node, path, raw, key=False
        ):
            return None
        if tag == TAG + "str":
            return raw
        if tag == TAG + "null":
            return None
        if tag == TAG + "bool":
            if raw.lower() not in ("true", "false"):
                self.doc.yaml11_booleans.add(path)
            return raw.lower() in YAML11_TRUE
        if tag == TAG + "timestamp":
            return raw  # dates stay ISO text; the validator checks them
        if tag == TAG + "int":
            text = raw.replace("_", "")
            if DECIMAL_INT_RE.match(raw):
                digits = text.lstrip("+-")
                too_big = (
                    number_problem(MAX_NUMBER * 10)
                    if len(digits) > MAX_INT_DIGITS
                    else number_problem(Decimal(text))
                )
                if too_big is not None:
                    self.number_range_error(node, path, raw, too_big)
                    return None
                return int(text)
            self.error(
                node,
                path,
                "yaml-number",
                f"{raw} is read by YAML as a number in another base or notation ({int_meaning(raw)})",
                f'write it as a plain decimal number, or quote it ("{raw}") if it is text',
            )
            return None
        # float
        if DECIMAL_FLOAT_RE.match(raw):
            number = Decimal(raw.replace("_", ""))
            # Compare magnitudes by exponent first: normalising 1e+400000000 would be slow.
            if number.adjusted() > MAX_INT_DIGITS:
                problem: str | None = number_problem(MAX_NUMBER * 10)
            elif number and number.adjusted() < -MAX_INT_DIGITS:
                problem = number_problem(Decimal(1).scaleb(-MAX_INT_DIGITS))
            else:
                problem = number_problem(number)
            if problem is not None:
                self.number_range_error(node, path, raw, problem)
                return None
            return number
        self.error(
            node,
            path,
            "yaml-number",
            f"{raw} is read by YAML as a special number",
            f'write a plain decimal number, or quote it ("{raw}") if it is text',
        )
        return None


class Abort(Exception):
    def __init__(self, node: yaml.Node, path: Path_, code: str, message: str, hint: str) -> None:
        super().__init__(message)
        self.node, self.path, self.code, self.message, self.hint = node, path, code, message, hint

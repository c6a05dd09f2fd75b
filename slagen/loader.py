"""YAML text → plain data with a source position for every node.

Safe YAML only (libyaml's composer when available): the loader walks the node
graph itself instead of letting PyYAML construct Python objects, so that

* every mapping key and value keeps its line and column;
* numbers with a dot become exact ``Decimal`` values from their source text;
* dates stay the ISO strings they were written as (checked later);
* YAML 1.1's surprises — ``no`` as a boolean, ``010`` as octal, ``1:30`` as
  sexagesimal, duplicate keys, exotic tags, alias bombs — are reported with
  their position instead of passing silently.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from slagen.errors import AgreementError, FileAccessError, Finding
from slagen.safe_paths import check_input_file
from slagen.source_checks import (
    MAX_BYTES,
    YAML_LOADER,
    check_depth,
    check_size,
    decode,
    syntax_finding,
    tab_findings,
)

__all__ = ["MAX_BYTES", "Document", "Mark", "format_path", "load_file", "load_text"]

MAX_ALIASES = 100
MAX_NODES = 200_000
MAX_DIGITS = 30  # exact arithmetic on absurd numbers (1e+400000000) would hang or overflow


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


@dataclass(frozen=True)
class Mark:
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


class _Walker:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
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

    def number_range_error(self, node: yaml.Node, path: Path_, raw: str) -> None:
        shown = raw if len(raw) <= 40 else raw[:37] + "…"
        self.error(
            node,
            path,
            "yaml-number",
            f"{shown} is outside the numbers slagen computes with "
            f"(at most {MAX_DIGITS} digits before and {MAX_DIGITS} after the decimal point)",
            "write the number in full, without an exponent; quote it if it is text",
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
            raise _Abort(
                node,
                path,
                "yaml-too-large",
                "the document expands to too many values",
                "write the values out without deep alias nesting",
            )
        if id(node) in self.active:
            raise _Abort(
                node,
                path,
                "yaml-alias",
                "an alias refers to a value that contains it",
                "remove the recursive alias",
            )
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and id(node) in self.seen:
            self.aliases += 1
            if self.aliases > MAX_ALIASES:
                raise _Abort(
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
            self.active.add(id(node))
            try:
                return [self.walk(item, path + (i,)) for i, item in enumerate(node.value)]
            finally:
                self.active.discard(id(node))
        return self.scalar(node, path)

    def mapping(self, node: yaml.MappingNode, path: Path_) -> dict[str, Any]:
        if node.tag != TAG + "map":
            self.tag_error(node, path)
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
                if len(text.lstrip("+-")) > MAX_DIGITS:
                    self.number_range_error(node, path, raw)
                    return None
                return int(text)
            self.error(
                node,
                path,
                "yaml-number",
                f"{raw} is read by YAML as a number in another base or notation ({_int_meaning(raw)})",
                f'write it as a plain decimal number, or quote it ("{raw}") if it is text',
            )
            return None
        # float
        if DECIMAL_FLOAT_RE.match(raw):
            number = Decimal(raw.replace("_", ""))
            exponent = number.as_tuple().exponent
            if (
                not isinstance(exponent, int)
                or not -MAX_DIGITS <= exponent <= MAX_DIGITS
                or number.adjusted() >= MAX_DIGITS
            ):
                self.number_range_error(node, path, raw)
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


def _int_meaning(raw: str) -> str:
    text = raw.lstrip("+-").replace("_", "")
    try:
        if ":" in text:
            value = 0
            for part in text.split(":"):
                value = value * 60 + int(part)
            return f"sexagesimal: {value}"
        if text.startswith(("0x", "0X")):
            return f"hexadecimal: {int(text, 16)}"
        if text.startswith(("0b", "0B")):
            return f"binary: {int(text, 0)}"
        if text.startswith(("0o", "0O")):
            return f"octal: {int(text, 0)}"
        if text.startswith("0"):
            return f"octal: {int(text, 8)}"
    except ValueError:
        pass  # digits invalid in that base (e.g. 09): fall through to the generic wording
    return "not a plain decimal"


class _Abort(Exception):
    def __init__(self, node: yaml.Node, path: Path_, code: str, message: str, hint: str) -> None:
        super().__init__(message)
        self.node, self.path, self.code, self.message, self.hint = node, path, code, message, hint


def load_text(text: str | bytes, file: str = "<string>") -> Document:
    """Load one agreement from YAML text.

    Raises:
        AgreementError: with every finding, when the text is not a usable
            YAML mapping (syntax, encoding, duplicate keys, tags, aliases).
    """
    if isinstance(text, bytes):
        text = decode(text, file)
    else:
        check_size(len(text.encode("utf-8", "surrogatepass")), file)
    text = text.removeprefix("\ufeff")
    tabs = tab_findings(text, file)
    if tabs:
        raise AgreementError(tabs)
    try:
        check_depth(text, file)
        nodes = list(yaml.compose_all(text, Loader=YAML_LOADER))
    except yaml.YAMLError as exc:
        raise AgreementError([syntax_finding(exc, file, text)]) from None
    nodes = [n for n in nodes if n is not None]
    if not nodes:
        raise AgreementError(
            [
                Finding(
                    file,
                    1,
                    1,
                    "",
                    "error",
                    "empty-file",
                    "the file holds no agreement",
                    "start from `slagen new` or an example in agreements/",
                )
            ]
        )
    if len(nodes) > 1:
        mark = nodes[1].start_mark
        raise AgreementError(
            [
                Finding(
                    file,
                    mark.line + 1,
                    mark.column + 1,
                    "",
                    "error",
                    "multiple-documents",
                    "the file holds more than one YAML document",
                    "keep one agreement per file; remove the `---` separator",
                )
            ]
        )
    root = nodes[0]
    if not isinstance(root, yaml.MappingNode):
        mark = root.start_mark
        raise AgreementError(
            [
                Finding(
                    file,
                    mark.line + 1,
                    mark.column + 1,
                    "",
                    "error",
                    "not-a-mapping",
                    "an agreement must be a mapping of fields (`id: …`, `title: …`)",
                    "start from `slagen new` or an example in agreements/",
                )
            ]
        )
    doc = Document(file=file, text=text, data={})
    walker = _Walker(doc)
    try:
        data = walker.walk(root, ())
    except _Abort as abort:
        walker.error(abort.node, abort.path, abort.code, abort.message, abort.hint)
        data = {}
    except RecursionError:
        raise AgreementError(
            [
                Finding(
                    file,
                    1,
                    1,
                    "",
                    "error",
                    "yaml-too-deep",
                    "the document is nested too deeply",
                    "an agreement needs only a few levels of nesting",
                )
            ]
        ) from None
    if walker.errors:
        raise AgreementError(sorted(walker.errors, key=lambda f: (f.line, f.column)))
    doc.data = data
    return doc


def load_file(path: str | Path, *, display: str | None = None) -> Document:
    """Load one agreement file. ``display`` is the name used in messages.

    Raises:
        FileAccessError: when the file cannot be read.
        AgreementError: as :func:`load_text`.
    """
    path = Path(path)
    check_input_file(path)  # FIFOs, devices, symlinks out of the repository: refused
    name = display or str(path)
    try:
        check_size(path.stat().st_size, name)
        data = path.read_bytes()
    except FileNotFoundError:
        raise FileAccessError(f"{name}: no such file", hint="check the path") from None
    except IsADirectoryError:
        raise FileAccessError(f"{name}: is a folder, not a file") from None
    except OSError as exc:
        raise FileAccessError(f"{name}: cannot read ({exc.strerror})") from None
    return load_text(data, name)

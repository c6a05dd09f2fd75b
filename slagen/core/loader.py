"""YAML text → plain data with a source position for every node.

Safe YAML only (libyaml's composer when available): the loader walks the node
graph itself instead of letting PyYAML construct Python objects, so that

* every mapping key and value keeps its line and column;
* numbers with a dot become exact ``Decimal`` values from their source text;
* dates stay the ISO strings they were written as (checked later);
* YAML 1.1's surprises — ``no`` as a boolean, ``010`` as octal, ``1:30`` as
  sexagesimal, duplicate keys, exotic tags, alias bombs — are reported with
  their position instead of passing silently.

Stage: load.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import yaml

from slagen.core.errors import AgreementError, Finding
from slagen.core.limits import MAX_BYTES, MAX_ITEMS_BY_FIELD
from slagen.core.safe_paths import read_limited
from slagen.core.source_checks import (
    YAML_LOADER,
    check_depth,
    check_size,
    decode,
    syntax_finding,
    tab_findings,
)
from slagen.core.yaml_nodes import Abort, Document, Mark, NodeWalker, format_path

__all__ = [
    "MAX_BYTES",
    "Document",
    "Mark",
    "format_path",
    "load_file",
    "load_text",
    "load_yaml",
    "load_yaml_file",
    "read_limited",
]


def load_text(text: str | bytes, file: str = "<string>") -> Document:
    """Load one agreement from YAML text, with the agreement's collection limits.

    Raises:
        AgreementError: with every finding, when the text is not a usable
            YAML mapping (syntax, encoding, duplicate keys, tags, aliases,
            values outside the limits of ``slagen.core.limits``).
    """
    return load_yaml(text, file, max_items_by_field=MAX_ITEMS_BY_FIELD, what="agreement")


def load_yaml(
    text: str | bytes,
    file: str = "<string>",
    *,
    max_items_by_field: Mapping[str, int] | None = None,
    what: str = "file",
) -> Document:
    """Load any YAML mapping slagen reads (agreements, mapping files, configuration).

    The same safety as for agreements: size, encoding, depth, tags, aliases and
    duplicate keys are checked, and every number, text, date and collection is
    held to ``slagen.core.limits``. ``max_items_by_field`` bounds named lists
    (``targets.segments[].funnel`` style paths); ``what`` names the kind of file
    in messages.

    Raises:
        AgreementError: with every finding, when the text is not a usable mapping.
    """
    start_hint = (
        "start from `slagen new` or an example in agreements/"
        if what == "agreement"
        else "write a mapping of fields (`key: value`)"
    )
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
                    f"the file holds no {what}" if what == "agreement" else "the file is empty",
                    start_hint,
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
                    f"keep one {what} per file; remove the `---` separator",
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
                    "an agreement must be a mapping of fields (`id: …`, `title: …`)"
                    if what == "agreement"
                    else f"a {what} must be a mapping of fields (`key: value`)",
                    start_hint,
                )
            ]
        )
    doc = Document(file=file, text=text, data={})
    walker = NodeWalker(doc, max_items_by_field or {})
    try:
        data = walker.walk(root, ())
    except Abort as abort:
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
    return load_text(read_limited(path, display=display), display or str(path))


def load_yaml_file(
    path: str | Path,
    *,
    display: str | None = None,
    max_items_by_field: Mapping[str, int] | None = None,
    what: str = "file",
) -> Document:
    """Load any YAML file under the loader's limits (see :func:`load_yaml`).

    Raises:
        FileAccessError: when the file cannot be read.
        AgreementError: as :func:`load_yaml`.
    """
    name = display or str(path)
    data = read_limited(path, display=display)
    return load_yaml(data, name, max_items_by_field=max_items_by_field, what=what)

"""Checks on an agreement file's text before and while YAML parses it.

Size and encoding bounds, tab indentation, nesting depth (libyaml's composer
crashes on absurd nesting), and YAML syntax errors turned into findings with
a position and a hint.

Stage: load.
"""

from __future__ import annotations

import re

import yaml

from slagen.core.errors import AgreementError, Finding
from slagen.core.limits import MAX_BYTES, MAX_DEPTH
from slagen.core.safe_paths import check_size

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "YAML_LOADER",
    "check_depth",
    "check_size",
    "decode",
    "int_meaning",
    "syntax_finding",
    "tab_findings",
]

YAML_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# `key: "text` or `- 'text` with no closing quote on the same line
UNCLOSED_QUOTE_RE = re.compile(r"""^\s*(?:-\s+)?(?:[^\s"'#-][^:#]*:\s+)?(["'])(?:(?!\1).)*$""")


def decode(data: bytes, file: str) -> str:
    check_size(len(data), file)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before.rsplit(b"\n", 1)[-1].decode("utf-8", "replace")) + 1
        raise AgreementError(
            [
                Finding(
                    file,
                    line,
                    column,
                    "",
                    "error",
                    "invalid-utf8",
                    f"the file is not valid UTF-8 (byte 0x{data[exc.start]:02x})",
                    "save the file as UTF-8",
                )
            ]
        ) from None


def tab_findings(text: str, file: str) -> list[Finding]:
    findings = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent and line.strip():
            findings.append(
                Finding(
                    file,
                    number,
                    indent.index("\t") + 1,
                    "",
                    "error",
                    "tab-indent",
                    "a tab is used for indentation; YAML allows only spaces there",
                    "replace the tab with spaces (configure your editor to insert spaces)",
                )
            )
    return findings


def unclosed_quote_line(text: str, before: int) -> int | None:
    """The first line before ``before`` whose quoted value is not closed on it."""
    for number, line in enumerate(text.splitlines()[: before - 1], start=1):
        if UNCLOSED_QUOTE_RE.match(line):
            return number
    return None


def check_depth(text: str, file: str) -> None:
    # libyaml's composer recurses in C: ~100,000 nested brackets (200 KB) crash
    # the interpreter. The event parser is iterative, so measure the depth first.
    depth = 0
    for event in yaml.parse(text, Loader=YAML_LOADER):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                raise AgreementError(
                    [
                        Finding(
                            file,
                            mark.line + 1,
                            mark.column + 1,
                            "",
                            "error",
                            "yaml-too-deep",
                            f"the document is nested more than {MAX_DEPTH} levels deep",
                            "an agreement needs only a few levels of nesting",
                        )
                    ]
                )
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def syntax_finding(exc: yaml.YAMLError, file: str, text: str = "") -> Finding:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    message = f"YAML syntax error: {problem}" + (f" ({context})" if context else "")
    hint = "check the indentation and quoting around this place"
    if "mapping values are not allowed" in problem:
        hint = 'quote text that contains ": " (a colon followed by a space)'
    elif "found character" in problem and "cannot start any token" in problem:
        hint = "quote the value; characters like @ and ` cannot start plain text"
    elif "could not find expected ':'" in problem:
        hint = "a key is missing its colon, or a multi-line value needs quoting or `|`"
    quote_line = unclosed_quote_line(text, line) if "expected" in problem else None
    if quote_line is not None:
        hint = f"the quote opened on line {quote_line} is not closed on that line; close it"
    return Finding(file, line, column, "", "error", "yaml-syntax", message, hint)


def int_meaning(raw: str) -> str:
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

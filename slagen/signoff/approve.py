"""``slagen approve``: record a party's approval of the current content, in place.

The file is a reviewed, commented document in git, so it is edited by text
surgery rather than re-dumped: the YAML is composed once to find where the
``approvals`` block and its items sit (line numbers), and only those lines
are replaced. Comments, key order, quoting and layout everywhere else stay
byte-for-byte. Before writing, the edited text is validated again and must
have the same fingerprint and the same approvals of the other parties;
otherwise nothing is written.

The read-modify-write runs under an advisory lock (``fcntl.flock`` on the
agreement's folder), so two approvals recorded at once both
land.

Stage: sign-off.
"""

from __future__ import annotations

import datetime as dt
import difflib
import fcntl
import os
import re
import unicodedata
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from slagen.core.atomic_write import write_atomic
from slagen.core.errors import AgreementError, FileAccessError, SlagenError, UsageError
from slagen.core.model import Agreement, Approval
from slagen.core.safe_paths import check_input_file
from slagen.core.validate import validate_text

__all__ = ["ApprovalResult", "approve"]

BOM = "\ufeff"
# YAML's line breaks (PyYAML counts lines with these).
LINE_RE = re.compile(
    r"[^\r\n\x85\u2028\u2029]*(?:\r\n|[\r\n\x85\u2028\u2029])|[^\r\n\x85\u2028\u2029]+$"
)
_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class ApprovalResult:
    """What :func:`approve` did."""

    path: Path
    approval: Approval
    replaced: tuple[Approval, ...]  # the party's earlier approvals, now gone
    changed: bool  # False when the file already held exactly this approval
    pending: tuple[str, ...]  # parties still without a current approval

    @property
    def approved(self) -> bool:
        return not self.pending


def approve(
    path: str | Path,
    party: str,
    name: str,
    title: str | None = None,
    date: dt.date | str | None = None,
) -> ApprovalResult:
    """Record ``party``'s approval of the agreement's current content in the file.

    The party's earlier approvals (current or stale) are replaced. ``date``
    defaults to today; ``title`` defaults to the party representative's title
    when ``name`` is the representative.

    Raises:
        FileAccessError: the file cannot be read or written.
        AgreementError: the agreement has errors (approve valid content only).
        UsageError: an unknown party, an empty name or a malformed date.
    """
    file = Path(path)
    # A symlink inside the repository is written through (the link stays a
    # link); one pointing outside it, a FIFO or a device is refused.
    target = check_input_file(file)
    with _locked(target):
        return _approve_locked(file, target, party, name, title, date)


@contextmanager
def _locked(target: Path) -> Iterator[None]:
    """An advisory lock on the agreement's folder: two approvals at once both land.

    The folder, not a lock file, is locked: nothing is left behind for git to
    see, and the lock holds across the atomic rename that replaces the file.
    """
    folder = target.parent
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError as exc:
        raise FileAccessError(f"{folder}: cannot open the folder ({exc.strerror or exc})") from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # released by the kernel if we are killed
        yield
    finally:
        os.close(fd)


def _approve_locked(
    file: Path,
    target: Path,
    party: str,
    name: str,
    title: str | None,
    date: dt.date | str | None,
) -> ApprovalResult:
    try:
        raw = target.read_bytes()
    except OSError as exc:
        raise FileAccessError(
            f"{file}: cannot read ({exc.strerror or exc})", hint="check the path"
        ) from None
    before = validate_text(raw, str(file))
    if before.errors or before.agreement is None:
        raise AgreementError(before.errors or before.findings)
    agreement = before.agreement
    party_ids = [p.id for p in agreement.parties]
    if party not in party_ids:
        close = difflib.get_close_matches(party, party_ids, n=1, cutoff=0.5)
        hint = f"did you mean `{close[0]}`?" if close else "the parties are " + ", ".join(party_ids)
        raise UsageError(f"{file}: `{party}` is not a party of this agreement", hint=hint)
    name = " ".join(name.split())
    if not name:
        raise UsageError("--name must name the person who approves", hint="--name 'Dana Whitfield'")
    for label, value in (("--name", name), ("--title", title or "")):
        if any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn") for c in value):
            raise UsageError(
                f"{label} contains control or invisible characters",
                hint="type the name as it should be printed",
            )
    representative = agreement.party(party).representative
    if title is None and name == representative.name:
        title = representative.title
    day = _as_date(date)
    entry: dict[str, Any] = {"party": party, "name": name}
    if title:
        entry["title"] = " ".join(title.split())
    entry.update(date=day, fingerprint=agreement.fingerprint)

    text = raw.decode("utf-8")
    bom = BOM if text.startswith(BOM) else ""
    new_text = bom + _with_approval(text.removeprefix(bom), party, entry, agreement)
    after = _check_edit(new_text, str(file), agreement, party)
    changed = new_text != text
    if changed:
        write_atomic(target, new_text.encode("utf-8"))
    new_approval = after.current_approval(party)
    assert new_approval is not None
    return ApprovalResult(
        path=file,
        approval=new_approval,
        replaced=tuple(a for a in agreement.approvals if a.party == party) if changed else (),
        changed=changed,
        pending=tuple(p.id for p in after.parties if after.current_approval(p.id) is None),
    )


def _as_date(value: dt.date | str | None) -> dt.date:
    if value is None:
        return dt.date.today()  # the one place slagen reads the clock: the day of sign-off
    if isinstance(value, dt.date):
        return value
    bad = UsageError(f"--date must be a date YYYY-MM-DD (got {value!r})", hint="--date 2026-07-01")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise bad
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise bad from None


def _check_edit(text: str, file: str, before: Agreement, party: str) -> Agreement:
    """The edited file must mean the same agreement, with only ``party``'s approval new."""
    result = validate_text(text, file)
    after = result.agreement
    others = [a for a in before.approvals if a.party != party]
    if (
        result.errors
        or after is None
        or after.fingerprint != before.fingerprint
        or [a for a in after.approvals if a.party != party] != others
        or [a.party for a in after.approvals].count(party) != 1
        or after.current_approval(party) is None
    ):
        raise SlagenError(
            f"{file}: could not add the approval without touching other content; "
            "add it to the `approvals` list by hand"
        )
    return after


def _with_approval(text: str, party: str, entry: Mapping[str, Any], agreement: Agreement) -> str:
    lines = LINE_RE.findall(text)
    newline = "\r\n" if "\r\n" in text else "\n"
    root = yaml.compose(text, Loader=_Loader)
    key_node, value_node = _top_level(root, "approvals")
    dash, key = _item_indents(value_node)
    if dash is None or key is None:  # follow the file's own list style
        dash, key = _item_indents(_top_level(root, "parties")[1])
    if dash is None or key is None:
        dash, key = 2, 4
    item = _item_lines(entry, dash, key, newline)

    if key_node is None:  # no approvals yet: a new block at the end of the file
        _end_with_break(lines, len(lines) - 1, newline)
        return "".join(lines) + "approvals:" + newline + "".join(item)

    assert value_node is not None
    if isinstance(value_node, yaml.SequenceNode) and not value_node.flow_style and value_node.value:
        spans = [(_start_line(lines, node), _end_line(node)) for node in value_node.value]
        mine = [i for i, node in enumerate(value_node.value) if _party_of(node) == party]
        if not mine:
            last_end = spans[-1][1]
            _end_with_break(lines, last_end, newline)
            return "".join(lines[: last_end + 1] + item + lines[last_end + 1 :])
        for i in reversed(mine):  # from the bottom up, so earlier line numbers stay right
            start, end = spans[i]
            lines[start : end + 1] = item if i == mine[0] else []
        return "".join(lines)

    # `approvals:` empty, `[]`, or a flow list: rewrite the whole value in block style.
    start = key_node.start_mark.line
    end = _end_line(value_node) if value_node.end_mark.line >= start else start
    tail = lines[end][value_node.end_mark.column :] if value_node.end_mark.line == end else ""
    comment = re.search(r"\s#.*", tail)
    kept = [a for a in agreement.approvals if a.party != party]
    items = [line for a in kept for line in _item_lines(_approval_entry(a), dash, key, newline)]
    header = "approvals:" + (" " + comment.group().strip() if comment else "") + newline
    lines[start : end + 1] = [header, *items, *item]
    return "".join(lines)


def _end_with_break(lines: list[str], index: int, newline: str) -> None:
    """A file's last line may lack its line break; one is needed before appending."""
    if 0 <= index < len(lines) and not lines[index].endswith(
        ("\n", "\r", "\x85", "\u2028", "\u2029")
    ):
        lines[index] += newline


def _top_level(root: yaml.Node, name: str) -> tuple[yaml.Node | None, yaml.Node | None]:
    for key, value in root.value:
        if isinstance(key, yaml.ScalarNode) and key.value == name:
            return key, value
    return None, None


def _item_indents(node: yaml.Node | None) -> tuple[int | None, int | None]:
    """Columns of the dash and of the first key of a block list of mappings."""
    if not isinstance(node, yaml.SequenceNode) or node.flow_style or not node.value:
        return None, None
    first = node.value[0]
    if not isinstance(first, yaml.MappingNode) or first.flow_style:
        return None, None
    return node.start_mark.column, first.start_mark.column


def _start_line(lines: list[str], node: yaml.Node) -> int:
    """The line of an item's dash (usually the line of its first key)."""
    line, column = int(node.start_mark.line), int(node.start_mark.column)
    if lines[line][:column].lstrip().startswith("-"):
        return line
    for above in range(line - 1, -1, -1):
        if lines[above].lstrip().startswith("-"):
            return above
    return line


def _end_line(node: yaml.Node) -> int:
    """The last line holding part of ``node`` (block collections end at the next token)."""
    if isinstance(node, yaml.ScalarNode) or getattr(node, "flow_style", False) or not node.value:
        line, column = int(node.end_mark.line), int(node.end_mark.column)
        return line if column > 0 or line == node.start_mark.line else line - 1
    if isinstance(node, yaml.MappingNode):
        return max(_end_line(part) for pair in node.value for part in pair)
    return max(_end_line(child) for child in node.value)


def _party_of(node: yaml.Node) -> str | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == "party" and isinstance(value, yaml.ScalarNode):
                return str(value.value)
    return None


def _approval_entry(approval: Approval) -> dict[str, Any]:
    entry: dict[str, Any] = {"party": approval.party, "name": approval.name}
    if approval.title:
        entry["title"] = approval.title
    entry.update(date=approval.date, fingerprint=approval.fingerprint)
    return entry


def _item_lines(entry: Mapping[str, Any], dash: int, key: int, newline: str) -> list[str]:
    gap = max(key - dash - 1, 1)
    lines = []
    for i, (name, value) in enumerate(entry.items()):
        prefix = " " * dash + "-" + " " * gap if i == 0 else " " * (dash + 1 + gap)
        lines.append(prefix + _scalar_line(name, value) + newline)
    return lines


def _scalar_line(name: str, value: Any) -> str:
    # PyYAML quotes exactly what needs quoting ('yes', '#1', 'a: b'); dates stay plain.
    text: str = yaml.safe_dump(
        {name: value}, allow_unicode=True, width=2**31, default_flow_style=False
    )
    return (
        text.rstrip("\n")
        if "\n" not in text.rstrip("\n")
        else f"{name}: {_json_string(str(value))}"
    )


def _json_string(value: str) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)

"""Field by field comparison of two loaded agreements.

Walks both documents' data side by side. Mappings compare key by key; list
items are matched by their natural key (:data:`KEY_BY_LIST`: segments and
parties by ``id``, funnel stages by ``stage``, definitions by ``term``…) and
other lists are aligned by content, so inserting an objective does not make
every later one "changed". Month-map inputs compare month by month over the
months both periods share (a shortened period shows as a ``period`` change and
in the targets, not as twelve removed months); prose compares word by word.

Stage: revisions.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Mapping
from typing import Any

from slagen.core.loader import Document
from slagen.core.planning_checks import is_spread
from slagen.core.records import Record, record
from slagen.revisions.items import item_label as _item_label
from slagen.revisions.values import (
    KEY_BY_LIST,
    MONTHLY_KEYS,
    PROSE_KEYS,
    field_label,
    json_value,
    normalize,
)
from slagen.revisions.words import WordOp, word_diff

__all__ = ["FieldChange", "WordOp", "compare_documents", "word_diff"]

RawPath = tuple[str | int, ...]

# Containers whose own name adds nothing once an item names itself.
SILENT = frozenset({"targets", "segments", "parties"})


@record
class FieldChange(Record):
    """One field added, removed or changed.

    ``path`` names list items by their key (``targets.segments[id=emea].close_rate``)
    or position (``objectives[2].text``); ``months`` lists the months of a
    month-map input that changed; ``words`` is the word diff of prose.
    """

    path: str
    kind: str  # added | removed | changed
    label: str
    section: str
    old: Any = None
    new: Any = None
    months: tuple[str, ...] = ()
    words: tuple[WordOp, ...] = ()
    line: int | None = None

    @property
    def is_prose(self) -> bool:
        return bool(self.words)


def _canonical(value: Any) -> str:
    return json.dumps(
        json_value(_normalized(value)), sort_keys=True, ensure_ascii=False, default=str
    )


def _normalized(value: Any, key: str | int | None = None) -> Any:
    if isinstance(value, Mapping):
        return {k: _normalized(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_normalized(v, key) for v in value]
    return normalize(key, value)


def _runs(months: list[str], all_months: tuple[str, ...]) -> list[list[str]]:
    """Consecutive months (in the shared period) grouped together."""
    index = {m: i for i, m in enumerate(all_months)}
    runs: list[list[str]] = []
    for month in months:
        if runs and index[month] == index[runs[-1][-1]] + 1:
            runs[-1].append(month)
        else:
            runs.append([month])
    return runs


class _Comparer:
    def __init__(self, old: Document, new: Document) -> None:
        self.old, self.new = old, new
        self.changes: list[FieldChange] = []
        self.old_months = _months(old.data)
        self.new_months = _months(new.data)

    def line(self, old_raw: RawPath | None, new_raw: RawPath | None) -> int | None:
        if new_raw is not None:
            return self.new.mark(new_raw).line
        if old_raw is not None:
            return self.old.mark(old_raw).line
        return None

    def emit(
        self,
        kind: str,
        path: str,
        label: list[str],
        old: Any,
        new: Any,
        old_raw: RawPath | None,
        new_raw: RawPath | None,
        **extra: Any,
    ) -> None:
        section = path.split(".")[0].split("[")[0]
        self.changes.append(
            FieldChange(
                path=path,
                kind=kind,
                label=" ".join(label) or path,
                section=section,
                old=_normalized(old, extra.pop("key", None)),
                new=_normalized(new, extra.pop("new_key", None)),
                line=self.line(
                    old_raw if kind == "removed" else None, new_raw if kind != "removed" else None
                ),
                **extra,
            )
        )

    def compare(
        self,
        old: Any,
        new: Any,
        path: str,
        label: list[str],
        key: str | int | None,
        old_raw: RawPath,
        new_raw: RawPath,
    ) -> None:
        if isinstance(old, Mapping) and isinstance(new, Mapping) and key not in MONTHLY_KEYS:
            self.mapping(old, new, path, label, old_raw, new_raw)
        elif isinstance(key, str) and key in MONTHLY_KEYS:
            self.monthly(old, new, path, label, key, old_raw, new_raw)
        elif isinstance(old, list) and isinstance(new, list):
            self.sequence(old, new, path, label, key, old_raw, new_raw)
        else:
            a, b = _normalized(old, key), _normalized(new, key)
            if a == b:
                return
            words: tuple[WordOp, ...] = ()
            if key in PROSE_KEYS and isinstance(old, str) and isinstance(new, str):
                words = word_diff(old, new)
            self.emit(
                "changed",
                path,
                label,
                old,
                new,
                old_raw,
                new_raw,
                words=words,
                key=key,
                new_key=key,
            )

    def mapping(
        self,
        old: Mapping[str, Any],
        new: Mapping[str, Any],
        path: str,
        label: list[str],
        old_raw: RawPath,
        new_raw: RawPath,
    ) -> None:
        for key in [*new, *(k for k in old if k not in new)]:
            sub = f"{path}.{key}" if path else key
            sub_label = label if key in SILENT else [*label, field_label(key)]
            if key not in old:
                self.emit(
                    "added", sub, sub_label, None, new[key], None, new_raw + (key,), new_key=key
                )
            elif key not in new:
                self.emit(
                    "removed", sub, sub_label, old[key], None, old_raw + (key,), None, key=key
                )
            else:
                self.compare(
                    old[key], new[key], sub, sub_label, key, old_raw + (key,), new_raw + (key,)
                )

    def monthly(
        self,
        old: Any,
        new: Any,
        path: str,
        label: list[str],
        key: str,
        old_raw: RawPath,
        new_raw: RawPath,
    ) -> None:
        if is_spread(old) and is_spread(new):  # {total|quarters, weights}: field by field
            self.mapping(old, new, path, label, old_raw, new_raw)
            return
        if is_spread(old) or is_spread(new):  # a spread for a month map or one value
            if old != new:
                self.emit("changed", path, label, old, new, old_raw, new_raw, key=key, new_key=key)
            return
        if not isinstance(old, Mapping) and not isinstance(new, Mapping):
            if normalize(key, old) != normalize(key, new):
                self.emit("changed", path, label, old, new, old_raw, new_raw, key=key, new_key=key)
            return
        shared = tuple(m for m in self.new_months if m in set(self.old_months))

        def at(value: Any, month: str) -> Any:
            return normalize(key, value.get(month) if isinstance(value, Mapping) else value)

        changed = [m for m in shared if at(old, m) != at(new, m)]
        by_pair: dict[tuple[str, str], list[str]] = {}
        for month in changed:
            by_pair.setdefault((repr(at(old, month)), repr(at(new, month))), []).append(month)
        index = {m: i for i, m in enumerate(shared)}
        runs = [run for months in by_pair.values() for run in _runs(months, shared)]
        for run in sorted(runs, key=lambda run: index[run[0]]):  # in month order, not by value
            span = run[0] if len(run) == 1 else f"{run[0]} … {run[-1]}"
            raw = new_raw + (run[0],) if isinstance(new, Mapping) else new_raw
            self.emit(
                "changed",
                f"{path}[{run[0]}]" if len(run) == 1 else f"{path}[{run[0]}..{run[-1]}]",
                [*label, f"({span})"],
                at(old, run[0]),
                at(new, run[0]),
                old_raw,
                raw,
                months=tuple(run),
            )

    def sequence(
        self,
        old: list[Any],
        new: list[Any],
        path: str,
        label: list[str],
        key: str | int | None,
        old_raw: RawPath,
        new_raw: RawPath,
    ) -> None:
        name = key if isinstance(key, str) else ""
        item_key = KEY_BY_LIST.get(name)
        if item_key and _keyed(old, item_key) and _keyed(new, item_key):
            self.keyed(old, new, path, label, name, item_key, old_raw, new_raw)
            return
        if all(not isinstance(v, (Mapping, list)) for v in [*old, *new]):
            old_set = [_canonical(v) for v in old]
            new_set = [_canonical(v) for v in new]
            for i, item in enumerate(new):
                if new_set[i] not in old_set:
                    self.emit("added", path, label, None, item, None, new_raw + (i,))
            for i, item in enumerate(old):
                if old_set[i] not in new_set:
                    self.emit("removed", path, label, item, None, old_raw + (i,), None)
            return
        a, b = [_canonical(v) for v in old], [_canonical(v) for v in new]
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(
            None, a, b, autojunk=False
        ).get_opcodes():
            if tag == "equal":
                continue
            pairs = min(i2 - i1, j2 - j1) if tag == "replace" else 0
            for n in range(pairs):
                i, j = i1 + n, j1 + n
                self.compare(
                    old[i],
                    new[j],
                    f"{path}[{j}]",
                    [*label[:-1], _item_label(name, new[j], j)],
                    None,
                    old_raw + (i,),
                    new_raw + (j,),
                )
            for i in range(i1 + pairs, i2):
                self.emit(
                    "removed",
                    f"{path}[{i}]",
                    [*label[:-1], _item_label(name, old[i], i)],
                    old[i],
                    None,
                    old_raw + (i,),
                    None,
                )
            for j in range(j1 + pairs, j2):
                self.emit(
                    "added",
                    f"{path}[{j}]",
                    [*label[:-1], _item_label(name, new[j], j)],
                    None,
                    new[j],
                    None,
                    new_raw + (j,),
                )

    def keyed(
        self,
        old: list[Any],
        new: list[Any],
        path: str,
        label: list[str],
        name: str,
        item_key: str,
        old_raw: RawPath,
        new_raw: RawPath,
    ) -> None:
        old_by = {str(item[item_key]): (i, item) for i, item in enumerate(old)}
        new_by = {str(item[item_key]): (j, item) for j, item in enumerate(new)}
        base = label if name in SILENT else label[:-1]
        for ident, (j, item) in new_by.items():
            sub = f"{path}[{item_key}={ident}]"
            item_label = [*base, _item_label(name, item, j)]
            if ident not in old_by:
                self.emit("added", sub, item_label, None, item, None, new_raw + (j,))
                continue
            i, before = old_by[ident]
            self.compare(before, item, sub, item_label, None, old_raw + (i,), new_raw + (j,))
        for ident, (i, item) in old_by.items():
            if ident not in new_by:
                self.emit(
                    "removed",
                    f"{path}[{item_key}={ident}]",
                    [*base, _item_label(name, item, i)],
                    item,
                    None,
                    old_raw + (i,),
                    None,
                )


def _keyed(items: list[Any], key: str) -> bool:
    if not all(isinstance(i, Mapping) and key in i for i in items):
        return False
    values = [str(i[key]) for i in items]
    return len(values) == len(set(values))


def _months(data: Mapping[str, Any]) -> tuple[str, ...]:
    from slagen.core.scalars import months_between, parse_date

    try:
        period = data["period"]
        return months_between(parse_date(str(period["start"])), parse_date(str(period["end"])))
    except (KeyError, TypeError, ValueError):
        return ()


def compare_documents(old: Document, new: Document) -> list[FieldChange]:
    """Every field added, removed or changed from ``old`` to ``new``, in document order."""
    comparer = _Comparer(old, new)
    comparer.mapping(old.data, new.data, "", [], (), ())
    return comparer.changes

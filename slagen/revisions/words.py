"""Word diffs of prose: which runs of words stayed, went and came.

Stage: revisions.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

__all__ = ["WordOp", "word_diff"]


@dataclass(frozen=True)
class WordOp:
    """One run of a word diff: ``equal``, ``delete`` or ``insert``."""

    op: str
    text: str


def word_diff(old: str, new: str) -> tuple[WordOp, ...]:
    """``old`` → ``new`` as runs of equal, deleted and inserted words."""
    a, b = old.split(), new.split()
    ops: list[WordOp] = []

    def add(op: str, words: list[str]) -> None:
        if not words:
            return
        if ops and ops[-1].op == op:
            ops[-1] = WordOp(op, ops[-1].text + " " + " ".join(words))
        else:
            ops.append(WordOp(op, " ".join(words)))

    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            add("equal", a[i1:i2])
        else:
            add("delete", a[i1:i2])
            add("insert", b[j1:j2])
    return tuple(ops)

"""Word diffs of prose: which runs of words stayed, went and came.

A paragraph that keeps fewer than half its words reads better as the old one
removed and the new one added than as a word salad: :func:`rewritten` is that
rule, shared by the redline, the text and the Markdown diff.

Stage: revisions.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

__all__ = ["REWRITE_RATIO", "WordOp", "replaced_whole", "rewritten", "word_diff"]

# Below this share of words kept (difflib's ratio), a paragraph counts as rewritten.
REWRITE_RATIO = 0.5


@dataclass(frozen=True)
class WordOp:
    """One run of a word diff: ``equal``, ``delete`` or ``insert``."""

    op: str
    text: str


def rewritten(old: str, new: str) -> bool:
    """True when most of a paragraph changed: fewer than half its words kept."""
    a, b = old.split(), new.split()
    if not a or not b:
        return False
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() < REWRITE_RATIO


def replaced_whole(old: object, new: object) -> tuple[str, str] | None:
    """``(old, new)`` with their white space folded when the text was rewritten, else None."""
    if not isinstance(old, str) or not isinstance(new, str) or not rewritten(old, new):
        return None
    return " ".join(old.split()), " ".join(new.split())


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

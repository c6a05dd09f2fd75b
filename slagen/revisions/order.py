"""The old revision put in the new one's order before the two are rendered side by side.

The redline compares rendered HTML block by block. When the new revision lists
its segments (or their groups) in another order, the old tables would be
paired with the wrong new ones and rows of different segments would fuse. The
text, Markdown and JSON diffs pair segments by ``id``; so does the redline,
by rendering the old revision with its segments and groups in the order of
the new one. Segments only in the old revision keep their place after those
the new one also has.

Stage: revisions.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import TypeVar

from slagen.core.model import Agreement
from slagen.core.targets import TargetTable

__all__ = ["in_new_order"]

T = TypeVar("T")


def _ordered(items: Sequence[T], ident: Callable[[T], str], order: Sequence[str]) -> tuple[T, ...]:
    rank = {value: i for i, value in enumerate(order)}
    positions = list(enumerate(items))
    positions.sort(key=lambda pair: (rank.get(ident(pair[1]), len(rank)), pair[0]))
    return tuple(item for _, item in positions)


def in_new_order(
    old: Agreement, old_targets: TargetTable, new: Agreement, new_targets: TargetTable
) -> tuple[Agreement, TargetTable]:
    """``old`` and its targets with segments and groups in ``new``'s order."""
    segment_order = [s.id for s in new_targets.segments]
    group_order = [g.id for g in new_targets.groups]
    targets = dataclasses.replace(
        old_targets,
        segments=_ordered(old_targets.segments, lambda s: s.id, segment_order),
        groups=_ordered(old_targets.groups, lambda g: g.id, group_order),
    )
    if old.targets is not None:
        model = dataclasses.replace(
            old.targets, segments=_ordered(old.targets.segments, lambda s: s.id, segment_order)
        )
        old = dataclasses.replace(old, targets=model)
    return old, targets

"""Rows held back while their id may repeat an earlier row's, then counted or reported.

Once the ids seen are a filter (:mod:`slagen.actuals.ids`), a row whose id the filter
cannot clear is *held*: :class:`HeldRows` keeps it, with its line, and the scan goes
on. When enough are held, or the file is read, :meth:`HeldRows.settle` asks the ids
which of them repeat an earlier row: those are reported (on their own line, as the
general path words it), the others added to the aggregates. The aggregates do not
depend on the order rows are added in, and a finding takes its place by line, so
holding a row changes nothing the report shows.

Stage: actuals.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from itertools import compress

from slagen.actuals.aggregate import AddRows, Row
from slagen.actuals.blocks import Block
from slagen.actuals.columns import Columns, Leads
from slagen.actuals.ids import SeenIds

Held = tuple[int, str, Row, dt.datetime]  # line, id, lead, its latest time


class HeldRows:
    """The rows held, in the order of their lines."""

    def __init__(self, ids: SeenIds, repeat: Callable[[int, str], None]) -> None:
        self.ids = ids
        self.repeat = repeat  # reports the row on a line as a repeat of an id
        self.rows: list[Held] = []
        self.hold = self.rows.append

    def __len__(self) -> int:
        return len(self.rows)

    def block(self, block: Block, leads: Leads, columns: Columns, add: AddRows) -> None:
        """Add a block the column path took, but for its suspects, which are held."""
        ids, suspects = columns.ids_taken, columns.suspects
        keep = [True] * len(ids)
        for i in suspects:
            keep[i] = False
            line = (block.ends[i - 1] if i else block.start) + 1
            lead: Row = tuple([column[i] for column in leads])  # type: ignore[assignment]
            self.hold((line, ids[i], lead, top(lead)))
        add(compress(zip(*leads, strict=True), keep))

    def settle(self, add: AddRows, latest: dt.datetime) -> dt.datetime:
        """Decide the rows held: each is a lead, or repeats an earlier row's id.

        Returns ``latest`` moved on to the latest time of the leads added.
        """
        held = self.rows
        if not held:
            return latest
        known = self.ids.repeated([lead_id for _, lead_id, _, _ in held])
        firsts: set[str] = set()  # of the ids the log lacked, those met (the first is new)
        good: list[Row] = []
        for line, lead_id, lead, moment in held:
            if lead_id in known or lead_id in firsts:
                self.repeat(line, lead_id)
                continue
            firsts.add(lead_id)
            good.append(lead)
            if moment > latest:  # noqa: PLR1730
                latest = moment
        add(good)
        held.clear()
        return latest


def top(lead: Row) -> dt.datetime:
    """The latest time of a lead (created, handed off, first attempt, closed)."""
    return max(t for t in (lead[2], lead[3], lead[4], lead[7]) if t is not None)

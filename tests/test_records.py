"""A record behaves as the frozen dataclass it replaces, seen from outside.

Each check runs the same class written twice, as ``@dataclass(frozen=True)``
and as ``@record``, and compares what users of the model can observe.
"""

from __future__ import annotations

import copy
import dataclasses
import pickle
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType
from typing import Any

import pytest

from slagen.core.records import Record, record


@dataclass(frozen=True)
class PlainItem:
    name: str
    amount: Decimal
    note: str | None = None
    tags: tuple[str, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))


@record
class RecordItem(Record):
    name: str
    amount: Decimal
    note: str | None = None
    tags: tuple[str, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True)
class PlainPoint:
    x: int
    y: int = 0


@record
class RecordPoint(Record):
    x: int
    y: int = 0


@record
class Single(Record):
    only: str


@record
class Empty(Record):
    pass


def test_construction_defaults_and_factories() -> None:
    plain, rec = (
        PlainItem("a", Decimal("1.50"), extra={}),
        RecordItem("a", Decimal("1.50"), extra={}),
    )
    assert dataclasses.asdict(plain) == dataclasses.asdict(rec)
    rec = RecordItem("a", Decimal("1.50"))
    assert rec.extra == {} and isinstance(rec.extra, MappingProxyType)
    assert rec.extra is not RecordItem("b", Decimal(1)).extra  # a new one each time
    assert RecordItem(name="a", amount=Decimal(2), tags=("t",)).tags == ("t",)
    assert RecordItem("a", Decimal(1), extra={"k": 1}).extra == {"k": 1}
    for bad in ((), ("a",), ("a", 1, None, (), {}, "too many")):
        with pytest.raises(TypeError):
            RecordItem(*bad)
    with pytest.raises(TypeError):
        RecordItem("a", Decimal(1), colour="red")  # type: ignore[call-arg]


def test_equality_and_hash_as_a_frozen_dataclass() -> None:
    assert RecordPoint(1, 2) == RecordPoint(1, 2) and RecordPoint(1, 2) != RecordPoint(2, 1)
    assert hash(RecordPoint(1, 2)) == hash(PlainPoint(1, 2)) == hash((1, 2))
    assert RecordPoint(1, 2) != PlainPoint(1, 2)  # another class never equals
    assert RecordPoint(1, 2).__eq__((1, 2)) is NotImplemented
    assert {RecordPoint(1), RecordPoint(1), RecordPoint(2)} == {RecordPoint(1), RecordPoint(2)}
    assert Single("a") == Single("a") and hash(Single("a")) == hash(("a",))
    assert Empty() == Empty() and hash(Empty()) == hash(())
    nan = Decimal("NaN")  # tuple comparison: identity first, as dataclasses compare
    assert RecordPoint(nan, 0) == RecordPoint(nan, 0)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        hash(RecordItem("a", Decimal(1)))  # a mapping field is unhashable, as before


def test_repr_as_a_frozen_dataclass() -> None:
    plain, rec = PlainItem("a", Decimal("1.5"), tags=("x",)), RecordItem("a", Decimal("1.5"))
    assert repr(rec).removeprefix("RecordItem") == repr(
        dataclasses.replace(plain, tags=())
    ).removeprefix("PlainItem")
    assert repr(Empty()) == "Empty()"


def test_frozen() -> None:
    rec = RecordPoint(1)
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'x'"):
        rec.x = 2  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot delete field 'x'"):
        del rec.x  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        rec.other = 1  # type: ignore[attr-defined]


def test_dataclass_functions_pickle_and_copy() -> None:
    rec = RecordItem("a", Decimal(1), tags=("t",))
    assert dataclasses.is_dataclass(rec)
    assert [f.name for f in dataclasses.fields(rec)] == [
        f.name for f in dataclasses.fields(PlainItem)
    ]
    changed = dataclasses.replace(rec, note="n")
    assert changed.note == "n" and changed.tags == ("t",) and rec.note is None
    assert RecordPoint.__match_args__ == PlainPoint.__match_args__ == ("x", "y")
    point = RecordPoint(3, 4)
    assert pickle.loads(pickle.dumps(point)) == point
    assert copy.deepcopy(point) == point and copy.copy(point) == point
    match point:
        case RecordPoint(3, y):
            assert y == 4
        case _:
            pytest.fail("a record matches by position")


def test_what_records_do_not_support_fails_when_defined() -> None:
    with pytest.raises(TypeError, match="follows default argument"):

        @record
        class Late(Record):
            a: int = 1
            b: int  # type: ignore[misc]

    with pytest.raises(TypeError, match="__post_init__"):

        @record
        class Post(Record):
            a: int

            def __post_init__(self) -> None:
                pass

    with pytest.raises(TypeError, match="plain fields"):

        @record
        class Hidden(Record):
            a: int = field(default=0, init=False)

"""Frozen records: dataclasses that do not compile their methods when defined.

``@dataclass(frozen=True)`` compiles six methods from source for each class
when its module is imported (``__init__``, ``__repr__``, ``__eq__``,
``__hash__``, ``__setattr__``, ``__delattr__``): about 0.6 ms a class, most of
the import time of the model and the target table, paid by every command.

``@record`` makes the same frozen dataclass (``dataclasses.fields``,
``replace`` and ``asdict`` work, instances compare, hash, print and refuse
assignment exactly as a frozen dataclass's do) with the comparison, hash,
printing and freezing shared by all records, and ``__init__`` compiled the
first time a class is instantiated. Only what the model uses is supported:
plain fields with defaults or default factories, no ``__post_init__``,
inheritance, ``InitVar``, keyword-only or excluded fields.

Stage: shared.
"""

from __future__ import annotations

import dataclasses
import reprlib
from collections.abc import Callable
from operator import attrgetter
from typing import Any, ClassVar, NoReturn, TypeVar, dataclass_transform

__all__ = ["Record", "record"]

R = TypeVar("R", bound="type[Record]")
_FACTORY = object()  # stands for "use the default factory" in a generated __init__


def _key(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """A function returning the tuple of these attributes (a frozen dataclass compares it)."""
    if len(names) >= 2:
        return attrgetter(*names)
    if names:
        name = names[0]
        return lambda obj: (getattr(obj, name),)
    return lambda obj: ()


class Record:
    """The methods every record shares; ``__init__`` is replaced by the class's own."""

    __dataclass_fields__: ClassVar[dict[str, dataclasses.Field[Any]]]
    _record_compare: ClassVar[Callable[[Any], tuple[Any, ...]]]
    _record_hash: ClassVar[Callable[[Any], tuple[Any, ...]]]
    _record_repr: ClassVar[tuple[str, ...]]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        cls = type(self)
        init = _compile_init(cls)
        cls.__init__ = init  # type: ignore[method-assign]
        init(self, *args, **kwargs)

    def __eq__(self, other: object) -> bool:
        cls = self.__class__
        if other.__class__ is cls:
            return bool(cls._record_compare(self) == cls._record_compare(other))
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.__class__._record_hash(self))

    @reprlib.recursive_repr()
    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._record_repr)
        return f"{self.__class__.__qualname__}({shown})"

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> NoReturn:
        raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
def record(cls: R) -> R:
    """Make ``cls`` (a subclass of :class:`Record`) a frozen dataclass, methods made lazily."""
    if cls.__bases__ != (Record,):
        raise TypeError(f"{cls.__name__}: a record derives from Record only")
    if "__post_init__" in vars(cls):
        raise TypeError(f"{cls.__name__}: records have no __post_init__")
    if not cls.__doc__:
        cls.__doc__ = f"{cls.__name__}({', '.join(cls.__annotations__)})"  # as dataclass would
    dataclasses.dataclass(cls, init=False, repr=False, eq=False)
    fields = dataclasses.fields(cls)
    defaulted = False
    for f in fields:
        if not f.init or f.kw_only or f._field_type is not dataclasses._FIELD:  # type: ignore[attr-defined]
            raise TypeError(f"{cls.__name__}.{f.name}: records have plain fields only")
        has_default = f.default is not dataclasses.MISSING or (
            f.default_factory is not dataclasses.MISSING
        )
        if defaulted and not has_default:
            raise TypeError(f"non-default argument {f.name!r} follows default argument")
        defaulted = defaulted or has_default
    # staticmethod: a plain function stored on the class would be bound to the instance
    cls._record_compare = staticmethod(_key(tuple(f.name for f in fields if f.compare)))
    cls._record_hash = staticmethod(
        _key(tuple(f.name for f in fields if (f.compare if f.hash is None else f.hash)))
    )
    cls._record_repr = tuple(f.name for f in fields if f.repr)
    return cls


def _compile_init(cls: type[Record]) -> Callable[..., None]:
    """The ``__init__`` a frozen dataclass would have, compiled once per class."""
    names: dict[str, Any] = {"_FACTORY": _FACTORY}
    # Straight into the instance's __dict__, as object.__setattr__ would put them (a
    # record has no slots and no descriptors for its fields), at a third of the cost.
    params, lines = ["self"], ["    _d = self.__dict__\n"]
    for f in dataclasses.fields(cls):
        value = f.name
        if f.default is not dataclasses.MISSING:
            names[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        elif f.default_factory is not dataclasses.MISSING:
            names[f"_factory_{f.name}"] = f.default_factory
            params.append(f"{f.name}=_FACTORY")
            value = f"_factory_{f.name}() if {f.name} is _FACTORY else {f.name}"
        else:
            params.append(f.name)
        lines.append(f"    _d[{f.name!r}] = {value}\n")
    body = "".join(lines)
    source = f"def __init__({', '.join(params)}):\n{body}"
    exec(compile(source, f"<record {cls.__qualname__}>", "exec"), names)  # noqa: S102
    init: Callable[..., None] = names["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    return init

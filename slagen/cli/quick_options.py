"""The command lines the quick paths answer, parsed without click: the plain forms only.

A :class:`Spec` lists a command's options as click would read them: options
that take a value (``--to md``, ``--to=md``, ``-o out``), flags, the values a
choice accepts and the positional arguments it takes. :func:`parse` returns
``None`` for anything it is not sure click would read the same way - help,
an option given twice, a value glued to a short option (``-j2``), a value
that looks like an option, ``--``, an empty argument - and the typer command
then reads it, with its own messages.

Stage: interface.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["Parsed", "Spec", "parse"]

_COUNT = re.compile(r"[1-9][0-9]{0,3}")  # what click's int and min=1 both accept, plainly


@dataclass(frozen=True)
class Spec:
    valued: Mapping[str, str]  # spelling -> the parameter it sets; a value follows
    flags: Mapping[str, tuple[str, bool]] = field(default_factory=dict)  # spelling -> (name, value)
    choices: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    counts: tuple[str, ...] = ()  # parameters that are positive integers
    min_paths: int = 0
    max_paths: int | None = None


@dataclass
class Parsed:
    command: str
    paths: list[str] = field(default_factory=list)
    options: dict[str, str] = field(default_factory=dict)
    flags: dict[str, bool] = field(default_factory=dict)


def parse(argv: list[str], specs: Mapping[str, Spec]) -> Parsed | None:
    """The plain command ``argv`` asks for, by ``specs``; ``None`` for anything else."""
    if not argv or argv[0] not in specs:
        return None
    spec, parsed = specs[argv[0]], Parsed(argv[0])
    args = iter(argv[1:])
    for arg in args:
        name, equals, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if name in spec.valued:
            if not equals:
                value = next(args, "")
            key = spec.valued[name]
            if key in parsed.options or not value or value.startswith("-"):
                return None  # given twice, missing, or a value click may read otherwise
            parsed.options[key] = value
        elif arg in spec.flags:
            key, flag = spec.flags[arg]
            if key in parsed.flags:
                return None
            parsed.flags[key] = flag
        elif arg.startswith("-") or not arg:
            return None  # help, another option, --, an empty path
        else:
            parsed.paths.append(arg)
    for key, allowed in spec.choices.items():
        if key in parsed.options and parsed.options[key] not in allowed:
            return None
    if any(not _COUNT.fullmatch(parsed.options[k]) for k in spec.counts if k in parsed.options):
        return None
    if len(parsed.paths) < spec.min_paths:
        return None  # typer's usage error
    if spec.max_paths is not None and len(parsed.paths) > spec.max_paths:
        return None
    return parsed

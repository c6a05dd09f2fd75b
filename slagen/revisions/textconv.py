"""The git integration: a normalized view of one agreement for ``git diff``.

Git's ``textconv`` runs a command on ONE file and diffs what it prints. So
``slagen textconv FILE`` prints the agreement as sorted ``path: value`` lines —
keys in order, list items by their ``id`` (or ``stage``, ``term``…), rates as
percentages, prose one sentence a line — followed by the computed targets.
A field changed in the file then shows in ``git diff`` and ``git log -p`` as
one ``-``/``+`` pair that names it, and a changed input shows its effect on
the targets right below. A file that cannot be loaded is printed as it is, so
``git diff`` never fails because of slagen.

:func:`install_git_driver` enables it for a repository with one command.

Stage: revisions.
"""

from __future__ import annotations

import re
import shlex
import sys
from collections.abc import Iterator, Mapping
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from slagen.core.atomic_write import write_atomic
from slagen.core.errors import AgreementError, UserError
from slagen.core.targets import TargetTable
from slagen.revisions.git import _git, git_toplevel
from slagen.revisions.values import KEY_BY_LIST, PROSE_KEYS, format_value, normalize

__all__ = ["DRIVER", "install_git_driver", "textconv_text"]

DRIVER = "slagen"
DEFAULT_PATTERN = "agreements/*.yaml"
_SENTENCE_RE = re.compile(r"(?<=[.!?:;])\s+")


def _lines(value: Any, path: str, key: str | int | None) -> Iterator[str]:
    if isinstance(value, Mapping):
        if not value:
            yield f"{path}: {{}}"
        for k in sorted(value, key=str):
            yield from _lines(value[k], f"{path}.{k}" if path else str(k), k)
        return
    if isinstance(value, list):
        item_key = KEY_BY_LIST.get(key) if isinstance(key, str) else None
        if item_key and all(isinstance(i, Mapping) and item_key in i for i in value):
            for item in sorted(value, key=lambda i: str(i[item_key])):
                yield from _lines(item, f"{path}[{item_key}={item[item_key]}]", None)
            return
        if not value:
            yield f"{path}: []"
        for i, item in enumerate(value):
            yield from _lines(item, f"{path}[{i}]", key)
        return
    if key in PROSE_KEYS and isinstance(value, str) and len(value.split()) > 8:
        yield f"{path}: |"
        for paragraph in re.split(r"\n\s*\n", value.strip()):
            for sentence in _SENTENCE_RE.split(" ".join(paragraph.split())):
                yield f"    {sentence}"
        return
    yield f"{path}: {format_value(normalize(key, value))}"


def _pct(value: Decimal) -> str:
    return f"{(value * 100).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}%"


def _target_lines(table: TargetTable) -> Iterator[str]:
    yield ""
    yield "# computed lead targets (slagen textconv)"
    for seg in sorted(table.segments, key=lambda s: s.id):
        for r in seg.months:
            yield (
                f"targets[{seg.id}][{r.month}]: lead month {r.lead_month}, leads {r.leads_needed:,}, "
                f"customers {r.customers_needed:,}, marketing goal {r.marketing_revenue_goal:,.2f}"
            )
        yield f"targets[{seg.id}].total: leads {seg.total.leads_needed:,}, customers {seg.total.customers_needed:,}"
    for m in table.monthly:
        line = f"monthly[{m.month}]: leads {m.leads_needed:,}, customers {m.customers_needed:,}"
        if m.capacity is not None:
            line += f", capacity {_pct(m.capacity.utilization)}" + (
                " OVER" if m.capacity.over else ""
            )
        yield line
    yield f"total: leads {table.total.leads_needed:,}, customers {table.total.customers_needed:,}"


def textconv_text(data: bytes, name: str = "<file>") -> str:
    """The normalized view of one agreement file (its raw text when it cannot be loaded)."""
    from slagen.core.loader import load_text
    from slagen.core.validate import validate_document

    try:
        doc = load_text(data, name)
    except AgreementError:
        return data.decode("utf-8", "replace")
    result = validate_document(doc)
    lines = list(_lines(doc.data, "", None))
    if result.errors:
        lines += [
            "",
            f"# not a valid agreement: {len(result.errors)} error(s); no computed targets",
        ]
    elif result.targets is not None:
        lines += list(_target_lines(result.targets))
    return "\n".join(lines) + "\n"


def default_command() -> str:
    """How git should call slagen: this very installation, wherever it lives."""
    script = Path(sys.argv[0])
    if script.name in ("slagen", "slagen.exe") and script.exists():
        return f"{shlex.quote(str(script.resolve()))} textconv"
    return f"{shlex.quote(sys.executable)} -m slagen.cli textconv"


def install_git_driver(
    cwd: Path, *, pattern: str = DEFAULT_PATTERN, command: str | None = None
) -> list[str]:
    """Configure ``diff.slagen.textconv`` and add ``PATTERN diff=slagen`` to ``.gitattributes``.

    Returns what was done, one line each. Running it twice changes nothing.

    Raises:
        UserError: outside a git repository, or when git config fails.
    """
    top = git_toplevel(cwd)
    command = command or default_command()
    done = _git(["config", "--local", f"diff.{DRIVER}.textconv", command], top)
    if done.returncode != 0:
        raise UserError("git config failed: " + done.stderr.decode("utf-8", "replace").strip())
    report = [f"git config diff.{DRIVER}.textconv {shlex.quote(command)}"]
    attributes = top / ".gitattributes"
    line = f"{pattern} diff={DRIVER}"
    existing = attributes.read_text(encoding="utf-8") if attributes.exists() else ""
    if line in existing.splitlines():
        report.append(f".gitattributes already has: {line}")
    else:
        text = existing + ("" if not existing or existing.endswith("\n") else "\n") + line + "\n"
        write_atomic(attributes, text)
        report.append(f".gitattributes: added {line} (commit it so the whole team gets it)")
    return report

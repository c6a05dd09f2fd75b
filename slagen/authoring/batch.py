"""``slagen build``: every agreement of a repository rendered, incrementally, in parallel.

An agreement is rendered again only when its *input hash* changed: the source
bytes, the templates (slagen's own and the repository's overrides), the
``slagen.toml`` bytes, the output formats and page size, and slagen's version.
``OUT/manifest.json`` records, per source, that hash and every output with its
SHA-256 and the agreement's fingerprint. Each agreement is rendered on its own
through :func:`slagen.documents.write_documents.render_documents` (all or nothing for that
agreement), so one broken agreement is reported and the others still render;
so is one that cannot be checked at all (a FIFO, a symlink out of the
repository, an internal error). Worker processes end with the build.

Stage: authoring.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from slagen import __version__
from slagen.config import Config, load_config
from slagen.core.agreement_files import collect_agreement_files
from slagen.core.atomic_write import write_atomic
from slagen.core.errors import AgreementError, SlagenError, UsageError, UserError
from slagen.core.resources import templates_dir as shipped_templates_dir
from slagen.core.safe_paths import check_input_file

if TYPE_CHECKING:
    from concurrent.futures import Future

__all__ = ["MANIFEST_NAME", "BuildEvent", "BuildResult", "build_repository", "input_hash"]

MANIFEST_NAME = "manifest.json"
MANIFEST_VERSION = 1


@dataclass(frozen=True)
class BuildEvent:
    """What happened to one agreement: ``rendered``, ``skipped`` or ``failed``."""

    source: str
    status: str
    outputs: tuple[str, ...] = ()
    messages: tuple[str, ...] = ()


@dataclass
class BuildResult:
    events: list[BuildEvent] = field(default_factory=list)
    manifest: Path | None = None

    def by_status(self, status: str) -> list[BuildEvent]:
        return [e for e in self.events if e.status == status]

    @property
    def failed(self) -> bool:
        return bool(self.by_status("failed"))


@dataclass(frozen=True)
class _Pending:
    key: str
    digest: str
    agreement_id: str
    fingerprint: str


@dataclass(frozen=True)
class _Task:
    source: Path
    display: str
    out_dir: Path
    formats: tuple[str, ...]
    templates: Path | None
    page_size: str


def folder_digest(folders: Iterable[Path | None]) -> str:
    """A hash of every file (relative name and bytes) under ``folders``."""
    digest = hashlib.sha256()
    for index, folder in enumerate(folders):
        digest.update(f"\0folder{index}\0".encode())
        if folder is None or not folder.is_dir():
            continue
        for path in sorted(
            p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts
        ):
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


_ID_RE = re.compile(rb"^id:[ \t]*[\"']?([A-Za-z0-9][A-Za-z0-9._-]*)", re.MULTILINE)


def family_bytes(file: Path, source: bytes) -> bytes:
    """The agreements beside ``file`` that may be its children.

    A parent's Markdown shows its breakdown by child, so a changed child must
    render its parent again. A sibling counts when it has a ``part_of`` and
    mentions the parent's id (a cheap over-approximation: no YAML is parsed
    here); folders without roll-ups add nothing.
    """
    digest = hashlib.sha256()
    found = _ID_RE.search(source)
    if found is None:
        return b""
    for sibling in sorted(file.parent.glob("*.yaml")):
        if sibling == file or not sibling.is_file() or sibling.is_symlink():
            continue
        data = sibling.read_bytes()
        if b"part_of" in data and found[1] in data:
            digest.update(sibling.name.encode() + b"\0" + hashlib.sha256(data).digest())
    return b"\0family\0" + digest.digest()


def input_hash(source_bytes: bytes, templates_digest: str, config: Config) -> str:
    """The hash ``slagen build`` compares with the manifest to skip an agreement."""
    digest = hashlib.sha256()
    for part in (
        f"slagen {__version__}",
        templates_digest,
        config.digest(),
        ",".join(config.formats),
        config.page_size,
    ):
        digest.update(part.encode() + b"\0")
    digest.update(source_bytes)
    return digest.hexdigest()


def _render(task: _Task) -> tuple[list[str], list[str]]:
    """In a worker process: render one agreement; returns written files and warnings."""
    from slagen.authoring.build_pool import PRELOADED
    from slagen.documents.write_documents import render_documents

    warnings: list[str] = []
    loaded = PRELOADED.get(task.source)  # validated by the parent: not validated again
    written = render_documents(
        [task.source],
        task.formats,
        task.out_dir,
        task.templates,
        page_size=task.page_size,
        warnings=warnings,
        loaded={task.source: loaded} if loaded is not None else None,
    )
    return [str(p) for p in written], warnings


def _read_manifest(path: Path) -> dict[str, dict[str, object]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = data["agreements"]
        return entries if isinstance(entries, dict) else {}
    except (OSError, ValueError, KeyError, TypeError):
        return {}  # missing or damaged: everything is rendered again


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build_repository(
    folder: str | os.PathLike[str] = ".",
    out_dir: str | os.PathLike[str] | None = None,
    *,
    jobs: int | None = None,
    config: Config | None = None,
    force: bool = False,
    on_event: Callable[[BuildEvent], None] | None = None,
    on_start: Callable[[int], None] | None = None,
) -> BuildResult:
    """Render every agreement under ``folder`` that changed since the last build.

    Args:
        folder: a repository (its ``agreements/`` folder is used) or a folder of agreements.
        out_dir: where documents and ``manifest.json`` go [default: the config's
            ``output``, else ``build`` beside ``agreements/``].
        jobs: worker processes [default: the number of CPUs].
        config: settings [default: the nearest ``slagen.toml`` from ``folder``].
        force: render everything, whatever the manifest says.
        on_event: called once per agreement, as soon as it is done.
        on_start: called with the number of agreements before the work starts.

    Raises:
        UsageError: no agreements, a bad config.
        FileAccessError: the manifest cannot be written.
    """
    root = Path(folder)
    if not root.exists():
        raise UsageError(
            f"{root}: no such folder", hint="run slagen build in an agreements repository"
        )
    config = config or load_config(start=root)
    agreements = root / "agreements" if (root / "agreements").is_dir() else root
    files = collect_agreement_files([agreements])
    if not files:
        raise UsageError(
            f"no agreement files (*.yaml) in {agreements}", hint="create one with slagen new"
        )
    # The repository's root names the manifest's keys, however the build was
    # invoked (`slagen build`, `slagen build agreements/`, from another folder).
    if config.path is not None:
        base = config.path.parent.resolve()
    elif agreements.resolve().name == "agreements":
        base = agreements.resolve().parent
    else:
        base = agreements.resolve()
    out = Path(out_dir) if out_dir is not None else (config.output or base / "build")
    manifest_path = out / MANIFEST_NAME
    old = {} if force else _read_manifest(manifest_path)
    templates_digest = folder_digest([shipped_templates_dir(), config.templates])

    result = BuildResult()
    entries: dict[str, dict[str, object]] = {}
    claimed: dict[str, str] = {}  # output id → source that produces it
    pending: list[tuple[_Pending, _Task]] = []

    def emit(event: BuildEvent) -> None:
        result.events.append(event)
        if on_event is not None:
            on_event(event)

    if on_start is not None:
        on_start(len(files))

    def plan(file: Path, key: str) -> None:
        """Skip, fail or queue one agreement."""
        check_input_file(file, base)  # FIFOs and symlinks out: failed, never hung or read
        try:
            source_bytes = file.read_bytes()
        except OSError as exc:
            emit(
                BuildEvent(key, "failed", messages=(f"{file}: cannot read: {exc.strerror or exc}",))
            )
            return
        digest = input_hash(
            source_bytes + family_bytes(file, source_bytes), templates_digest, config
        )
        previous = old.get(key)
        if previous and previous.get("input_hash") == digest:
            outputs = previous.get("outputs")
            if (
                isinstance(outputs, list)
                and outputs
                and all(
                    (out / str(o.get("path"))).is_file() for o in outputs if isinstance(o, dict)
                )
            ):
                entries[key] = previous
                claimed[str(previous.get("id"))] = key
                emit(BuildEvent(key, "skipped", tuple(str(out / str(o["path"])) for o in outputs)))
                return
        from slagen.authoring.build_pool import PRELOADED
        from slagen.core.validate import validate_file

        checked = validate_file(file)
        if checked.errors or checked.agreement is None:
            emit(BuildEvent(key, "failed", messages=tuple(f.format_text() for f in checked.errors)))
            return
        agreement = checked.agreement
        if agreement.id in claimed:
            clash = (
                f"{file}: error: id `{agreement.id}` is also the id of {claimed[agreement.id]}; "
                "documents are named after the id, give each agreement its own"
            )
            emit(BuildEvent(key, "failed", messages=(clash,)))
            return
        claimed[agreement.id] = key
        if checked.targets is not None:
            PRELOADED[file] = (agreement, checked.targets)
        task = _Task(file, key, out, config.formats, config.templates, config.page_size)
        pending.append((_Pending(key, digest, agreement.id, agreement.fingerprint), task))

    for file in files:
        # Keys are relative to the repository, so the manifest does not depend on the cwd.
        absolute = file.resolve()
        key = (
            absolute.relative_to(base).as_posix()
            if absolute.is_relative_to(base)
            else file.as_posix()
        )
        try:
            plan(file, key)
        except Exception as exc:  # noqa: BLE001 - reported for this agreement; the others go on
            emit(BuildEvent(key, "failed", messages=_messages(key, exc)))

    if pending:  # a no-change build loads neither the checks nor multiprocessing
        _render_pending(pending, jobs, config.formats, out, entries, emit)

    manifest = {
        "slagen": __version__,
        "manifest_version": MANIFEST_VERSION,
        "agreements": {key: entries[key] for key in sorted(entries)},
    }
    result.manifest = write_atomic(
        manifest_path, json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"
    )
    return result


def _render_pending(
    pending: list[tuple[_Pending, _Task]],
    jobs: int | None,
    formats: tuple[str, ...],
    out: Path,
    entries: dict[str, dict[str, object]],
    emit: Callable[[BuildEvent], None],
) -> None:
    """Render what the plan queued, in this process or in a pool of workers."""
    from concurrent.futures import as_completed

    from slagen.authoring.build_pool import PRELOADED, start_pool, warm_up

    workers = max(1, min(jobs or os.cpu_count() or 1, len(pending)))
    try:
        warm_up(formats)  # before forking: the workers start with it
        if workers == 1:  # no process start-up cost for a single agreement
            for item, task in pending:
                _finish(item, _call(task), out, entries, emit)
        else:
            with start_pool(workers) as pool:
                futures: dict[Future[tuple[list[str], list[str]]], _Pending] = {
                    pool.submit(_render, task): item for item, task in pending
                }
                for future in as_completed(futures):
                    _finish(futures[future], _outcome(future), out, entries, emit)
    finally:
        PRELOADED.clear()


def _call(task: _Task) -> tuple[list[str], list[str]] | BaseException:
    try:
        return _render(task)
    except Exception as exc:  # noqa: BLE001 - reported for this agreement; the others go on
        return exc


def _outcome(
    future: Future[tuple[list[str], list[str]]],
) -> tuple[list[str], list[str]] | BaseException:
    try:
        return future.result()
    except Exception as exc:  # noqa: BLE001 - as in _call
        return exc


def _finish(
    item: _Pending,
    outcome: tuple[list[str], list[str]] | BaseException,
    out: Path,
    entries: dict[str, dict[str, object]],
    emit: Callable[[BuildEvent], None],
) -> None:
    if isinstance(outcome, BaseException):
        emit(BuildEvent(item.key, "failed", messages=_messages(item.key, outcome)))
        return
    written, warnings = outcome
    paths = [Path(p) for p in written]
    fingerprint = item.fingerprint
    entries[item.key] = {
        "id": item.agreement_id,
        "input_hash": item.digest,
        "fingerprint": fingerprint,
        "outputs": [
            {
                "path": p.relative_to(out).as_posix() if p.is_relative_to(out) else str(p),
                "format": p.suffix.lstrip("."),
                "sha256": _sha256(p),
                "fingerprint": fingerprint,
            }
            for p in paths
        ],
    }
    emit(BuildEvent(item.key, "rendered", tuple(written), tuple(warnings)))


def _messages(key: str, exc: BaseException) -> tuple[str, ...]:
    if isinstance(exc, AgreementError):
        return tuple(f.format_text() for f in exc.findings)
    if isinstance(exc, UserError):
        return (f"{key}: error: {exc.message}" + (f" (hint: {exc.hint})" if exc.hint else ""),)
    if isinstance(exc, SlagenError):
        return (f"{key}: error: {exc}",)
    return (f"{key}: error: cannot render: {type(exc).__name__}: {exc}",)

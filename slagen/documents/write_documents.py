"""``slagen render``: agreements → ``<id>.md`` / ``<id>.html`` / ``<id>.pdf`` in a folder.

All or nothing: every file is validated, then every document is rendered in
memory, and only then are files written (each atomically). An invalid
agreement or a failed render therefore leaves earlier outputs untouched.

Stage: write.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from slagen.core.atomic_write import write_all
from slagen.core.errors import AgreementError, Finding, UsageError
from slagen.core.validate import collect_agreement_files, load_agreement
from slagen.documents.pdf_engine import between_documents, paused_collector

if TYPE_CHECKING:
    from slagen.core.model import Agreement
    from slagen.core.targets import TargetTable

Loaded = tuple["Agreement", "TargetTable"]

__all__ = ["DEFAULT_FORMATS", "FORMATS", "parse_formats", "render_documents"]

FORMATS = ("md", "html", "pdf")
DEFAULT_FORMATS = ("md", "pdf")
PAGE_SIZES = ("A4", "Letter")


@dataclass(frozen=True)
class _Job:
    file: Path
    display: str
    formats: tuple[str, ...]
    templates_dir: Path | None
    page_size: str
    language: str | None


def parse_formats(text: str) -> tuple[str, ...]:
    """``"md,pdf"`` → ``("md", "pdf")``, in the order given, without repeats.

    Raises:
        UsageError: an empty list or an unknown format.
    """
    formats = tuple(dict.fromkeys(part.strip().lower() for part in text.split(",") if part.strip()))
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise UsageError(
            f"unknown output format {', '.join(unknown) or repr(text)}",
            hint=f"use a comma-separated list of {', '.join(FORMATS)} (e.g. --to md,pdf)",
        )
    return formats


def render_documents(
    paths: Iterable[str | os.PathLike[str]],
    formats: Sequence[str] = DEFAULT_FORMATS,
    out_dir: str | os.PathLike[str] = "build",
    templates_dir: str | os.PathLike[str] | None = None,
    *,
    page_size: str = "A4",
    language: str | None = None,
    jobs: int = 1,
    warnings: list[str] | None = None,
    loaded: Mapping[Path, Loaded] | None = None,
) -> list[Path]:
    """Render agreement files (or folders of them) into ``out_dir``.

    Args:
        paths: agreement files or folders.
        formats: any of ``md``, ``html``, ``pdf``.
        out_dir: where ``<id>.<format>`` files go (created when missing).
        templates_dir: a team's templates folder, tried before the shipped one.
        page_size: ``A4`` or ``Letter``.
        language: render in this language instead of each agreement's own.
        jobs: processes for rendering (PDF layout is CPU-bound; 2 cores → 2).
        warnings: receives ``FILE: message`` lines (removed links, refused fetches).
        loaded: agreements the caller has validated already, by file (each
            document is validated once: ``slagen build`` checks before it renders).

    Returns:
        The written files, in order.

    Raises:
        UsageError: bad formats, page size, templates folder or duplicate ids.
        FileAccessError: a file that cannot be read or written.
        AgreementError: every finding of every invalid file; nothing is written.
    """
    formats = tuple(formats)
    for fmt in formats:
        if fmt not in FORMATS:
            raise UsageError(f"unknown output format {fmt!r}", hint=f"use {', '.join(FORMATS)}")
    if page_size not in PAGE_SIZES:
        raise UsageError(f"unknown page size {page_size!r}", hint="use A4 or Letter")
    if language is not None and language not in ("es", "en"):
        raise UsageError(f"unknown language {language!r}", hint="use es or en")
    user_dir = None
    if templates_dir is not None:
        user_dir = Path(templates_dir).resolve()
        if not user_dir.is_dir():
            raise UsageError(
                f"{templates_dir}: templates folder not found", hint="check --templates"
            )
    files = collect_agreement_files([Path(p) for p in paths])
    if not files:
        raise UsageError(
            "no agreement files to render", hint="name .yaml files or folders that hold them"
        )

    with paused_collector():  # big, long-lived graphs: see pdf_engine
        results = _validate_and_render(
            files, formats, user_dir, page_size, language, jobs, loaded or {}
        )

    # 3. Write.
    target = Path(out_dir)
    outputs: list[tuple[Path, bytes | str]] = []
    for agreement_id, documents, found in results:
        outputs.extend((target / f"{agreement_id}.{fmt}", data) for fmt, data in documents)
        if warnings is not None:
            warnings.extend(found)
    return write_all(outputs)


def _validate_and_render(
    files: list[Path],
    formats: tuple[str, ...],
    user_dir: Path | None,
    page_size: str,
    language: str | None,
    jobs: int,
    loaded: Mapping[Path, Loaded],
) -> list[tuple[str, list[tuple[str, bytes | str]], list[str]]]:
    # 1. Validate everything: all findings of all files, before any work.
    findings: list[Finding] = []
    owners: dict[str, Path] = {}
    valid: list[Path] = []
    checked: dict[Path, Loaded] = {}
    for file in files:
        try:
            pair = loaded.get(file) or load_agreement(file, display=str(file))
        except AgreementError as exc:
            findings.extend(exc.findings)
            continue
        agreement = pair[0]
        if agreement.id in owners:
            raise UsageError(
                f"{file} and {owners[agreement.id]} both have id {agreement.id!r}",
                hint="documents are named after the id; give each agreement its own",
            )
        owners[agreement.id] = file
        valid.append(file)
        checked[file] = pair
    if findings:
        raise AgreementError(findings)

    # 2. Render everything in memory.
    job_list = [_Job(f, str(f), formats, user_dir, page_size, language) for f in valid]
    if jobs > 1 and len(job_list) > 1 and "pdf" in formats:
        from concurrent.futures import ProcessPoolExecutor  # multiprocessing: only for a pool

        with ProcessPoolExecutor(max_workers=min(jobs, len(job_list))) as pool:
            results = list(pool.map(_render_one, job_list))
    else:
        results = [_render_one(job, checked[job.file]) for job in job_list]

    return results


def _render_one(
    job: _Job, loaded: Loaded | None = None
) -> tuple[str, list[tuple[str, bytes | str]], list[str]]:
    from slagen.documents.markdown import markdown_warnings
    from slagen.documents.render import render_html, render_markdown, render_pdf

    between_documents()
    agreement, targets = loaded or load_agreement(job.file, display=job.display)
    found: list[str] = []
    documents: list[tuple[str, bytes | str]] = []
    html = None
    if "html" in job.formats or "pdf" in job.formats:
        html = render_html(
            agreement,
            targets,
            templates_dir=job.templates_dir,
            language=job.language,
            warnings=found,
        )
    for fmt in job.formats:
        if fmt == "md":
            markdown = render_markdown(
                agreement,
                targets,
                templates_dir=job.templates_dir,
                language=job.language,
                children=_children(agreement.id, job.file),
            )
            if html is None:
                found.extend(markdown_warnings(markdown))
            documents.append((fmt, markdown))
        elif fmt == "html":
            assert html is not None
            documents.append((fmt, html))
        else:
            pdf = render_pdf(
                agreement,
                targets,
                templates_dir=job.templates_dir,
                language=job.language,
                page_size=job.page_size,
                warnings=found,
                html=html,
            )
            documents.append((fmt, pdf))
    unique = list(dict.fromkeys(found))
    return agreement.id, documents, [f"{job.display}: warning: {w}" for w in unique]


def _children(agreement_id: str, file: str | Path) -> list[dict[str, Any]]:
    """The agreements beside ``file`` that declare themselves part of it."""
    from slagen.core.rollup import breakdown, sibling_results

    return breakdown(agreement_id, sibling_results(file))

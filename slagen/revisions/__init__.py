"""Revisions: a semantic diff of two versions of an agreement (``slagen diff``).

Pipeline: :mod:`~slagen.revisions.git` reads the versions (files or ``REV:PATH``),
:mod:`~slagen.revisions.fields` compares them field by field,
:mod:`~slagen.revisions.targets` compares the computed targets,
:mod:`~slagen.revisions.checks` runs the reset checks, and the formatters
(:mod:`~slagen.revisions.text_format`, :mod:`~slagen.revisions.md_format`,
:mod:`~slagen.revisions.json_format`, :mod:`~slagen.revisions.redline`) print the result.
Nothing here imports WeasyPrint except the PDF redline, on use.

Stage: revisions.
"""

from slagen.revisions.git import Source, read_source
from slagen.revisions.result import DiffResult, diff_sources, reset_check_findings

__all__ = ["DiffResult", "Source", "diff_sources", "read_source", "reset_check_findings"]

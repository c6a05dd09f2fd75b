"""Revisions: a semantic diff of two versions of an agreement (``slagen diff``).

Pipeline: :mod:`~slagen.diff.git` reads the versions (files or ``REV:PATH``),
:mod:`~slagen.diff.fields` compares them field by field,
:mod:`~slagen.diff.targets` compares the computed targets,
:mod:`~slagen.diff.checks` runs the reset checks, and the formatters
(:mod:`~slagen.diff.text_format`, :mod:`~slagen.diff.md_format`,
:mod:`~slagen.diff.json_format`, :mod:`~slagen.diff.redline`) print the result.
Nothing here imports WeasyPrint except the PDF redline, on use.
"""

from slagen.diff.git import Source, read_source
from slagen.diff.result import DiffResult, diff_sources, reset_check_findings

__all__ = ["DiffResult", "Source", "diff_sources", "read_source", "reset_check_findings"]

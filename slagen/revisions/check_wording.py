"""The reset checks' findings told in the agreement's language.

The findings themselves (``slagen validate --against``, JSON) keep their English
messages. The documents people read — the redline, the text and the Markdown
diff — tell the common ones again in the agreement's language, with its
months and dates; a finding without a translation keeps its English words.

Stage: revisions.
"""

from __future__ import annotations

import re

from slagen.core.errors import Finding
from slagen.core.scalars import month_of
from slagen.formats.i18n import format_month
from slagen.revisions.checks import rewritten_months
from slagen.revisions.result import DiffResult
from slagen.revisions.wording import Wording

__all__ = ["finding_words"]

_REVISION_RE = re.compile(r"revision (\d+)")


def _months(months: list[str], lang: str) -> str:
    return ", ".join(format_month(m, lang, short=True) for m in months)


def finding_words(finding: Finding, result: DiffResult, w: Wording) -> tuple[str, str]:
    """``(message, hint)`` of a reset-check finding for the agreement's readers."""
    if w.lang == "en":
        return finding.message, finding.hint
    _ = w.t
    old, new = result.old_agreement, result.new_agreement
    if finding.code == "rewriting-history":
        before = month_of(new.revision.date)
        revenue, lead, names = rewritten_months(result.targets, before)
        where = []
        if revenue:
            where.append(
                _(
                    "revenue months %(months)s (%(names)s)",
                    months=_months(revenue, w.lang),
                    names=", ".join(names),
                )
            )
        if lead:
            where.append(_("lead months %(months)s", months=_months(lead, w.lang)))
        first = format_month(before, w.lang)
        return (
            _(
                "rewriting history: revision %(number)s takes effect on %(date)s but changes the "
                "computed targets of earlier months: %(where)s",
                number=new.revision.number,
                date=w.date(new.revision.date),
                where="; ".join(where),
            ),
            _(
                "keep earlier months as signed (write the input as a month map that changes from "
                "%(month)s), or shorten the period to start in %(month)s",
                month=first,
            ),
        )
    if finding.code == "revision-not-incremented":
        return (
            _(
                "the content changed but the revision number is %(number)s, not above the old "
                "revision %(old)s",
                number=new.revision.number,
                old=old.revision.number,
            ),
            _(
                "make it revision %(next)s: set its number, date and summary, and add revision "
                "%(old)s to the history",
                next=old.revision.number + 1,
                old=old.revision.number,
            ),
        )
    match = _REVISION_RE.search(finding.message)
    if finding.code == "history-edited" and match:
        return (
            _(
                "the summary of revision %(number)s was edited after the fact",
                number=match.group(1),
            ),
            _("keep past summaries as they were signed"),
        )
    return finding.message, finding.hint

"""The first page of the redline: what changed, in the agreement's language.

A reader who re-signs after a reset reads here which fields changed (named as
people name them, with their figures, money and dates formatted as in the
agreement), what the reset checks found, and how the period's targets moved.
Prose is shown as Markdown renders it; a paragraph rewritten for the most part
is shown whole, struck and then inserted, rather than as a word salad. All
user text is escaped (Markdown goes through the document's own renderer, which
lets no raw HTML through).

Stage: revisions.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

from slagen.documents.markdown import markdown_to_html
from slagen.revisions.check_wording import finding_words
from slagen.revisions.fields import FieldChange
from slagen.revisions.labels import N_
from slagen.revisions.result import DiffResult
from slagen.revisions.text_format import trim_words
from slagen.revisions.values import PROSE_KEYS
from slagen.revisions.wording import Wording
from slagen.revisions.words import REWRITE_RATIO, rewritten

__all__ = ["REWRITE_RATIO", "SUMMARY_CSS", "rewritten", "summary_section"]

FINGERPRINT_DIGITS = 12
# Private-use characters mark deletions and insertions through the Markdown renderer.
_MARKS = {"\ue000": '<del class="redline">', "\ue001": "</del>"}
_MARKS |= {"\ue002": '<ins class="redline">', "\ue003": "</ins>"}
SUMMARY_CSS = """
section.redline-summary { page-break-after: always; }
section.redline-summary table { border-collapse: collapse; width: 100%; table-layout: fixed;
  font-size: 8pt; }
section.redline-summary col.field { width: 28%; }
section.redline-summary col.value { width: 36%; }
section.redline-summary th, section.redline-summary td { border-bottom: 0.5pt solid #ccc;
  padding: 2pt 4pt; text-align: left; vertical-align: top; box-sizing: border-box;
  overflow-wrap: anywhere; word-break: normal; }
section.redline-summary td p { margin: 0 0 2pt 0; }
section.redline-summary tr { page-break-inside: avoid; }
section.redline-summary .fingerprint { font-family: monospace; }
section.redline-summary .fingerprint-full { display: block; font-size: 6.5pt; color: #555;
  font-family: monospace; overflow-wrap: anywhere; word-break: break-all; }
section.redline-summary .finding-error strong { color: #a3120b; }
section.redline-summary .finding-warning strong { color: #8a5a00; }
section.redline-summary .hint { color: #555; }
section.redline-summary .checks-passed { color: #0b6b1f; }
"""


def _markdown(text: str) -> str:
    """Markdown to HTML with the deletion and insertion marks turned into tags."""
    rendered = markdown_to_html(text).strip()
    for mark, tag in _MARKS.items():
        rendered = rendered.replace(html.escape(mark), tag).replace(mark, tag)
    return rendered


def _prose_cell(change: FieldChange) -> str:
    old, new = str(change.old or ""), str(change.new or "")
    if rewritten(old, new):
        return _markdown("\ue000" + old + "\ue001") + _markdown("\ue002" + new + "\ue003")
    pieces = []
    for w in trim_words(change.words):
        if w.op == "delete":
            pieces.append(f"\ue000{w.text}\ue001")
        elif w.op == "insert":
            pieces.append(f"\ue002{w.text}\ue003")
        else:
            pieces.append(w.text)
    return _markdown(" ".join(pieces))


def _value_cell(change: FieldChange, side: str, words: Wording) -> str:
    value = change.old if side == "old" else change.new
    if value is None:
        return ""
    key = change.path.rsplit(".", 1)[-1].split("[", 1)[0]
    if key == "fingerprint" and isinstance(value, str):
        short = value.split(":", 1)[-1][:FINGERPRINT_DIGITS]
        return (
            f'<span class="fingerprint">{html.escape(short)}…</span>'
            f'<span class="fingerprint-full">{html.escape(value)}</span>'
        )
    if key in PROSE_KEYS and isinstance(value, str):
        return _markdown(value)
    if isinstance(value, list) and any(isinstance(item, Mapping) for item in value):
        return "<br>".join(html.escape(words.value(item, key)) for item in value)  # one per line
    return html.escape(words.change_value(change, side))


def summary_section(result: DiffResult) -> str:
    """The change summary page, all user text escaped."""
    w = Wording(result)
    _ = w.t
    words = {
        k: _(k)
        for k in (N_("Reset checks"), N_("Changed fields"), N_("Field"), N_("Old"), N_("New"))
    }
    old, new = result.old_agreement, result.new_agreement
    totals = result.targets.total
    esc = html.escape
    struck_text, underlined_text = esc(_("struck through")), esc(_("underlined"))
    struck = f'<del class="redline">{struck_text}</del>'
    underlined = f'<ins class="redline">{underlined_text}</ins>'
    parts = [
        '<section class="redline-summary">',
        "<h1>"
        + esc(
            _(
                "Changes: revision %(old)s → %(new)s",
                old=old.revision.number,
                new=new.revision.number,
            )
        )
        + "</h1>",
        "<p>"
        + esc(
            _(
                "%(title)s: revision %(new)s takes effect on %(date)s (revision %(old)s: %(old_date)s).",
                title=new.title,
                new=new.revision.number,
                date=w.date(new.revision.date),
                old=old.revision.number,
                old_date=w.date(old.revision.date),
            )
        )
        + " "
        + esc(
            _(
                "Deleted text is %(struck)s, inserted text %(underlined)s.",
                struck="\0",
                underlined="\1",
            )
        )
        .replace("\0", struck)
        .replace("\1", underlined)
        + "</p>",
        "<p>"
        + esc(
            _(
                "Leads needed over the period: %(leads)s; customers: %(customers)s.",
                leads=w.delta("leads_needed", totals["leads_needed"]),
                customers=w.delta("customers_needed", totals["customers_needed"]),
            )
        )
        + "</p>",
        f"<h2>{esc(words['Reset checks'])}</h2>",
    ]
    if result.findings:
        parts.append("<ul>")
        for f in result.findings:
            where = w.where(f)
            message, hint = finding_words(f, result, w)
            parts.append(
                f'<li class="finding-{f.severity}"><strong>{esc(w.severity(f.severity))}</strong>'
                + (f" — {esc(where)}" if where else "")
                + f": {esc(message)}"
                + (f' <span class="hint">({esc(hint)})</span>' if hint else "")
                + "</li>"
            )
        parts.append("</ul>")
    else:
        passed = esc(_("The reset checks passed."))
        parts.append(f'<p class="checks-passed">{passed}</p>')
    if result.changes:
        parts.append(
            f"<h2>{esc(words['Changed fields'])}</h2><table>"
            '<colgroup><col class="field"><col class="value"><col class="value"></colgroup>'
            f"<thead><tr><th>{esc(words['Field'])}</th><th>{esc(words['Old'])}</th>"
            f"<th>{esc(words['New'])}</th></tr></thead><tbody>"
        )
        for c in result.changes:
            label = esc(w.label(c))
            if c.words:
                parts.append(f'<tr><td>{label}</td><td colspan="2">{_prose_cell(c)}</td></tr>')
                continue
            parts.append(
                f"<tr><td>{label}</td><td>{_value_cell(c, 'old', w)}</td>"
                f"<td>{_value_cell(c, 'new', w)}</td></tr>"
            )
        parts.append("</tbody></table>")
    parts.append("</section>")
    return "\n".join(parts)

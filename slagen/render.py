"""Agreement → Markdown → HTML: the Jinja environment and the template context.

One environment is built in one place (:func:`build_environment`): a
``ChoiceLoader`` that tries a team's templates folder before the shipped
``templates/`` (mkdocs' ``custom_dir``), ``StrictUndefined``, and Jinja's i18n
extension fed by :mod:`slagen.i18n`. Templates are only ever loaded by name:
user text is data, never a template.

The Markdown document is ``agreement.md.j2``, one ``sections/<name>.md.j2``
per section in :data:`SECTIONS` order. The HTML document renders the same
section templates one by one, turns each into HTML with :mod:`slagen.markdown`
and wraps them in ``document.html.j2``; a section may instead have its own
``sections/<name>.html.j2`` (the cover and the signature block do).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from types import TracebackType
from typing import Any

from babel.lists import format_list
from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
    pass_context,
    select_autoescape,
)
from jinja2.runtime import Context
from markupsafe import Markup

from slagen import __version__
from slagen.errors import UserError
from slagen.i18n import (
    format_date,
    format_duration,
    format_money,
    format_month,
    format_number,
    format_percent,
    locale_for,
    translations,
)
from slagen.markdown import markdown_to_html, md_block, md_cell, md_quote, md_text
from slagen.model import Agreement, Approval
from slagen.resources import templates_dir as shipped_templates_dir
from slagen.scalars import PERCENT_RE, Duration
from slagen.targets import TargetTable

__all__ = [
    "SECTIONS",
    "TemplateRenderError",
    "build_environment",
    "render_html",
    "render_markdown",
    "render_pdf",
]

SECTIONS = (
    "cover",
    "summary",
    "definitions",
    "objectives",
    "needs",
    "contacts",
    "service_levels",
    "lead_targets",
    "follow_up_capacity",
    "reports_meetings",
    "consequences",
    "cancellation",
    "amendment",
    "revision_history",
    "signatures",
)
# Sections an agreement may leave out; the others always appear.
PRESENT_BY_SECTION: dict[str, Callable[[Agreement], bool]] = {
    "definitions": lambda a: bool(a.definitions),
    "service_levels": lambda a: bool(a.service_levels),
    "lead_targets": lambda a: a.targets is not None,
    "follow_up_capacity": lambda a: a.follow_up is not None or a.capacity is not None,
    "reports_meetings": lambda a: bool(a.reports or a.meetings),
    "amendment": lambda a: bool(a.amendment),
}
UNNUMBERED = frozenset({"cover"})
_BLANK_LINES_RE = re.compile(r"\n{3,}")
_NUMBER_RE = re.compile(r"^-?[0-9]+(?:\.[0-9]+)?$")


class TemplateRenderError(UserError):
    """A template (usually a team's override) that cannot be rendered."""

    exit_code = 2


@dataclass(frozen=True)
class Section:
    name: str
    number: int | None


@dataclass(frozen=True)
class PartyApproval:
    """One party's line of the signature block."""

    party: Any  # slagen.model.Party
    approval: Approval | None  # the current one
    stale: tuple[Approval, ...]  # approvals of earlier content

    @property
    def status(self) -> str:
        if self.approval is not None:
            return "current"
        return "stale" if self.stale else "pending"


def render_markdown(
    agreement: Agreement,
    targets: TargetTable,
    *,
    templates_dir: str | Path | None = None,
    language: str | None = None,
) -> str:
    """The agreement as a Markdown document for the pull request.

    Args:
        language: render in this language instead of the agreement's own.
    """
    lang = language or agreement.language
    env = build_environment(_user_dir(templates_dir), lang)
    context = _context(agreement, targets, lang, mode="md")
    with _template_errors():
        return _tidy(env.get_template("agreement.md.j2").render(context))


def render_html(
    agreement: Agreement,
    targets: TargetTable,
    *,
    templates_dir: str | Path | None = None,
    language: str | None = None,
    warnings: list[str] | None = None,
    chart: bool = True,
) -> str:
    """The agreement as one HTML document with its print stylesheet inlined.

    Args:
        warnings: receives what the Markdown policy removed (links, images).
        chart: include the lead-target chart (costs a matplotlib import).
    """
    lang = language or agreement.language
    user_dir = _user_dir(templates_dir)
    env = build_environment(user_dir, lang)
    context = _context(agreement, targets, lang, mode="html")
    context["logo_url"] = _logo_url(user_dir)
    found: list[str] = context["markdown_warnings"]
    figures = _figures(targets, user_dir, lang) if chart else {}
    with _template_errors():
        document = _render_html_document(env, context, figures)
    if warnings is not None:
        warnings.extend(dict.fromkeys(found))
    return document


def _render_html_document(
    env: Environment, context: dict[str, Any], figures: dict[str, str]
) -> str:
    found: list[str] = context["markdown_warnings"]
    rendered = []
    for section in context["sections"]:
        html_name = f"sections/{section.name}.html.j2"
        if _exists(env, html_name):
            html = env.get_template(html_name).render(context, section=section)
        else:
            markdown = env.get_template(f"sections/{section.name}.md.j2").render(
                context, section=section
            )
            html = markdown_to_html(_tidy(markdown), warnings=found)
        for name, svg in figures.items():
            html = html.replace(f"<p>{context['figure'](name)}</p>", svg)
        rendered.append((section, Markup(html)))
    return env.get_template("document.html.j2").render(
        context, rendered_sections=rendered, stylesheet=Markup(_stylesheet(env))
    )


def render_pdf(
    agreement: Agreement,
    targets: TargetTable,
    *,
    templates_dir: str | Path | None = None,
    language: str | None = None,
    page_size: str = "A4",
    warnings: list[str] | None = None,
    html: str | None = None,
) -> bytes:
    """The agreement as a PDF for sign-off, its YAML source attached.

    Byte-identical for identical input: every date comes from the revision.

    Args:
        page_size: ``A4`` or ``Letter``.
        warnings: receives removed links/images and refused fetches.
        html: the document from :func:`render_html` with the same arguments,
            when the caller has it already (saves rendering it twice).
    """
    from slagen.pdf import PdfAttachment, html_to_pdf

    lang = language or agreement.language
    user_dir = _user_dir(templates_dir)
    if html is None:
        html = render_html(
            agreement, targets, templates_dir=user_dir, language=lang, warnings=warnings
        )
    gettext = translations(lang, user_dir).gettext
    first_date = agreement.history[0].date if agreement.history else agreement.revision.date
    parties = ", ".join(p.name for p in agreement.parties)
    asset_dirs = [d / "assets" for d in (user_dir, shipped_templates_dir()) if d is not None]
    return html_to_pdf(
        html,
        base_url=shipped_templates_dir() / "assets",
        asset_dirs=asset_dirs,
        title=agreement.title,
        author=agreement.company or parties,
        subject=f"{gettext(_TYPE_SUBJECT[agreement.type])}: {parties}",
        keywords=["SLA", agreement.type, agreement.id, f"revision {agreement.revision.number}"],
        lang=lang,
        created=first_date,
        modified=agreement.revision.date,
        attachments=[
            PdfAttachment(
                name="agreement.yaml",
                data=agreement.source_text.encode("utf-8"),
                description=f"{agreement.id}, revision {agreement.revision.number}",
            )
        ],
        fingerprint=agreement.fingerprint,
        page_size=page_size,
        warnings=warnings,
    )


def N_(message: str) -> str:
    """Marks a message for ``pybabel extract``; translated where it is used."""
    return message


# The PDF subject line; the template labels live in macros.md.j2.
_TYPE_SUBJECT = {
    "internal": N_("Internal service level agreement"),
    "customer": N_("Customer service level agreement"),
    "multilevel": N_("Multilevel service level agreement"),
}


@cache
def build_environment(user_templates: Path | None, lang: str) -> Environment:
    """The one Jinja environment for a templates folder and a language."""
    folders = [str(user_templates)] if user_templates is not None else []
    folders.append(str(shipped_templates_dir()))
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(folder) for folder in folders]),
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n", "jinja2.ext.do"],
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.install_gettext_translations(translations(lang, user_templates), newstyle=True)  # type: ignore[attr-defined]
    env.filters.update(
        md_text=md_text,
        md_cell=md_cell,
        md_block=md_block,
        md_quote=md_quote,
        number=lambda v, decimals=None, fixed=False: format_number(
            v, lang, decimals=decimals, fixed=fixed
        ),
        percent=lambda v, decimals=1, fixed=False: format_percent(
            v, lang, decimals=decimals, fixed=fixed
        ),
        date=lambda d: format_date(d, lang),
        # Short months label table rows: a no-break space keeps "dic 2025" on one line.
        month=lambda m, short=False: (
            format_month(m, lang, short=short).replace(" ", "\u00a0")
            if short
            else format_month(m, lang)
        ),
        duration=lambda d: (
            format_duration(d.amount, d.unit, lang) if isinstance(d, Duration) else str(d)
        ),
        money=_money_filter(lang),
        fingerprint_prefix=lambda fp, n=12: fp[: len("sha256:") + n] + "…",
        join_list=lambda items: format_list([str(i) for i in items], locale=locale_for(lang)),
        target_text=lambda v: _target_text(v, lang),
        party=_party_filter,
        end_sentence=lambda text: (
            text if str(text).rstrip().endswith((".", "!", "?", "…")) else f"{text}."
        ),
        markdown=_markdown_filter,
        css_counter_text=_css_counter_text,
    )
    env.globals.update(slagen_version=__version__, lang=lang)
    return env


@pass_context
def _markdown_filter(context: Context, text: str) -> Markup:
    """User Markdown as HTML, for HTML templates (what the policy removes is reported)."""
    return Markup(markdown_to_html(md_block(text), warnings=context["markdown_warnings"]))


@pass_context
def _party_filter(context: Context, ref: str) -> str:
    return str(context["party_name"](ref))


def _target_text(value: object, lang: str) -> str:
    """An objective's target as written, with plain numbers and percentages localized."""
    text = str(value).strip()
    if _NUMBER_RE.match(text):
        return format_number(Decimal(text), lang)
    percent = PERCENT_RE.match(text)
    if percent:
        return format_percent(Decimal(percent.group(1)) / 100, lang, decimals=2)
    return md_text(text)


@contextmanager
def _template_errors() -> Iterator[None]:
    """Template mistakes (a team's override, usually) as user errors naming the file and line."""
    try:
        yield
    except TemplateSyntaxError as exc:
        where = f"{exc.filename or exc.name}:{exc.lineno}"
        raise TemplateRenderError(f"{where}: template syntax error: {exc.message}") from exc
    except TemplateError as exc:
        where = _template_frame(exc.__traceback__)
        raise TemplateRenderError(
            f"{where}template error: {exc}",
            hint="check the templates folder given with --templates against the shipped templates",
        ) from exc


def _template_frame(tb: TracebackType | None) -> str:
    # Jinja rewrites tracebacks so template frames carry the template's file and line.
    where = ""
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            where = f"{filename}:{tb.tb_lineno}: "
        tb = tb.tb_next
    return where


def _money_filter(lang: str) -> Callable[..., str]:
    @pass_context
    def money(context: Context, value: Any) -> str:
        return format_money(value, context["agreement"].currency or "EUR", lang)

    return money


def _context(agreement: Agreement, targets: TargetTable, lang: str, *, mode: str) -> dict[str, Any]:
    sections = []
    number = 0
    for name in SECTIONS:
        present = PRESENT_BY_SECTION.get(name)
        if present is not None and not present(agreement):
            continue
        if name not in UNNUMBERED:
            number += 1
        sections.append(Section(name, None if name in UNNUMBERED else number))
    approvals = [
        PartyApproval(
            party=party,
            approval=agreement.current_approval(party.id),
            stale=tuple(a for a in agreement.stale_approvals() if a.party == party.id),
        )
        for party in agreement.parties
    ]
    leads_by_segment = {
        seg.id: {month: 0 for month in targets.lead_months} for seg in targets.segments
    }
    for seg in targets.segments:
        for row in seg.months:
            leads_by_segment[seg.id][row.lead_month] += row.leads_needed
    stage_totals: dict[str, dict[str, int]] = {}
    for seg in targets.segments:
        totals = stage_totals.setdefault(seg.id, {})
        for row in seg.months:
            for stage, count in row.stages:
                totals[stage] = totals.get(stage, 0) + count
    token = hashlib.sha256(
        f"{agreement.fingerprint}\0{agreement.source_text}".encode()
    ).hexdigest()[:24]
    return {
        "agreement": agreement,
        "targets": targets,
        "lang": lang,
        "mode": mode,
        "sections": sections,
        "approvals": approvals,
        "approved": agreement.is_approved,
        "pending_parties": [a.party for a in approvals if a.approval is None],
        "leads_by_segment": leads_by_segment,
        "stage_totals": stage_totals,
        "markdown_warnings": [],
        "party_name": agreement.party_name,
        # A paragraph the HTML renderer swaps for a chart; the token depends on
        # the agreement's own text, so no agreement can contain it.
        "figure": (lambda name: f"SLAGENFIGURE{token}{name.upper().replace('_', '')}")
        if mode == "html"
        else (lambda name: ""),
    }


def _figures(targets: TargetTable, user_dir: Path | None, lang: str) -> dict[str, str]:
    if not targets.segments:
        return {}
    from slagen.charts import lead_targets_chart_svg

    _ = translations(lang, user_dir).gettext
    series = [
        (
            seg.name,
            [
                sum(r.leads_needed for r in seg.months if r.lead_month == m)
                for m in targets.lead_months
            ],
        )
        for seg in targets.segments
    ]
    svg = lead_targets_chart_svg(
        list(targets.lead_months),
        series,
        title=_("Leads needed per lead month, by segment"),
        y_label=_("Leads"),
        lang=lang,
    )
    return {"lead_targets": f'<figure class="chart">{svg}</figure>'}


LOGO_NAMES = ("logo.svg", "logo.png", "logo.jpg")


def _logo_url(user_dir: Path | None) -> str | None:
    """A team's ``assets/logo.*`` (the PDF renderer may read that folder), if any."""
    for folder in (user_dir, shipped_templates_dir()):
        for name in LOGO_NAMES:
            if folder is not None and (folder / "assets" / name).is_file():
                return (folder / "assets" / name).resolve().as_uri()
    return None


def _stylesheet(env: Environment) -> str:
    assert env.loader is not None
    css, _, _ = env.loader.get_source(env, "assets/print.css")
    if _exists(env, "assets/custom.css"):
        css += "\n" + env.loader.get_source(env, "assets/custom.css")[0]
    return css


def _exists(env: Environment, name: str) -> bool:
    try:
        env.get_template(name) if name.endswith(".j2") else env.loader.get_source(env, name)  # type: ignore[union-attr]
    except TemplateNotFound:
        return False
    return True


def _css_counter_text(template: str) -> Markup:
    """``"Page {page} of {pages}"`` → a CSS ``content`` value with counters.

    The result goes inside ``<style>``, where HTML escaping means nothing: it is
    escaped for a CSS string instead (and can never close the element).
    """
    parts = []
    for piece in re.split(r"(\{page\}|\{pages\})", template):
        if piece == "{page}":
            parts.append("counter(page)")
        elif piece == "{pages}":
            parts.append("counter(pages)")
        elif piece:
            escaped = piece.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
            parts.append('"' + escaped.replace("<", "\\3C ") + '"')
    return Markup(" ".join(parts))


def _tidy(markdown: str) -> str:
    """One blank line between blocks, no trailing spaces, one final newline."""
    lines = [line.rstrip() for line in markdown.split("\n")]
    return _BLANK_LINES_RE.sub("\n\n", "\n".join(lines)).strip("\n") + "\n"


def _user_dir(templates_dir: str | Path | None) -> Path | None:
    return None if templates_dir is None else Path(templates_dir).resolve()

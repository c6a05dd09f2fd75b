"""Agreement → Markdown → HTML (→ PDF through :mod:`slagen.documents.pdf`).

Templates are only ever loaded by name from the environment of
:mod:`slagen.documents.environment`: user text is data, never a template.

The Markdown document is ``agreement.md.j2``, one ``sections/<name>.md.j2``
per section in :data:`SECTIONS` order. The HTML document renders the same
section templates one by one, turns each into HTML with :mod:`slagen.documents.markdown`
and wraps them in ``document.html.j2``; a section may instead have its own
``sections/<name>.html.j2`` (the cover and the signature block do).

Stage: render.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from slagen.core.model import Agreement
from slagen.core.resources import templates_dir as shipped_templates_dir
from slagen.core.targets import TargetTable
from slagen.documents.context import SECTIONS, build_context, find_logo, render_figures
from slagen.documents.environment import (
    TemplateRenderError,
    build_environment,
    load_stylesheet,
    load_watermark,
    template_errors,
    template_exists,
    tidy_markdown,
)
from slagen.documents.layout import add_break_points, classify_tables
from slagen.documents.markdown import markdown_to_html
from slagen.formats.i18n import translations

__all__ = [
    "SECTIONS",
    "TemplateRenderError",
    "build_environment",
    "render_html",
    "render_markdown",
    "render_pdf",
]


def render_markdown(
    agreement: Agreement,
    targets: TargetTable,
    *,
    templates_dir: str | Path | None = None,
    language: str | None = None,
    children: Sequence[Mapping[str, Any]] = (),
) -> str:
    """The agreement as a Markdown document for the pull request.

    Args:
        language: render in this language instead of the agreement's own.
        children: the agreements that declare themselves part of this one, as
            :func:`slagen.core.rollup.breakdown` gives them; shown after the lead
            targets. Only the Markdown shows them: a signed PDF carries nothing
            that its own YAML does not say.
    """
    lang = language or agreement.language
    env = build_environment(_user_dir(templates_dir), lang)
    context = build_context(agreement, targets, lang, mode="md", children=children)
    with template_errors():
        return tidy_markdown(env.get_template("agreement.md.j2").render(context))


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
    context = build_context(agreement, targets, lang, mode="html")
    context["logo_url"] = find_logo(user_dir)
    found: list[str] = context["markdown_warnings"]
    figures = render_figures(targets, user_dir, lang) if chart else {}
    with template_errors():
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
        if template_exists(env, html_name):
            html = env.get_template(html_name).render(context, section=section)
        else:
            markdown = env.get_template(f"sections/{section.name}.md.j2").render(
                context, section=section
            )
            html = markdown_to_html(tidy_markdown(markdown), warnings=found)
        for name, svg in figures.items():
            html = html.replace(f"<p>{context['figure'](name)}</p>", svg)
        html = classify_tables(add_break_points(html), f"section {section.name}", found)
        rendered.append((section, Markup(html)))
    return env.get_template("document.html.j2").render(
        context,
        rendered_sections=rendered,
        stylesheet=Markup(load_stylesheet(env)),
        watermark=Markup(load_watermark(env, context["lang"])),
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
    from slagen.documents.pdf import PdfAttachment, html_to_pdf

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


def _user_dir(templates_dir: str | Path | None) -> Path | None:
    return None if templates_dir is None else Path(templates_dir).resolve()

"""The one Jinja environment of rendered agreements, and its filters.

Built in one place (:func:`build_environment`): a ``ChoiceLoader`` that tries a
team's templates folder before the shipped ``templates/`` (mkdocs'
``custom_dir``), ``StrictUndefined``, and Jinja's i18n extension fed by
:mod:`slagen.formats.i18n`. Autoescaping is on for ``*.html.j2`` only: Markdown
templates put user text through the ``md_*`` filters instead.

Stage: render.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from slagen import __version__
from slagen.core.errors import UserError
from slagen.core.resources import templates_dir as shipped_templates_dir
from slagen.core.scalars import PERCENT_RE, Duration
from slagen.documents.markdown import markdown_to_html, md_block, md_cell, md_quote, md_text
from slagen.documents.template_cache import template_cache
from slagen.formats.i18n import (
    format_date,
    format_duration,
    format_money,
    format_month,
    format_number,
    format_percent,
    locale_for,
    translations,
)

_BLANK_LINES_RE = re.compile(r"\n{3,}")
_NUMBER_RE = re.compile(r"^-?[0-9]+(?:\.[0-9]+)?$")
_UNSAFE_GLOBALS = ("cycler", "joiner", "lipsum")  # no shipped template uses them


class TemplateRenderError(UserError):
    """A template (usually a team's override) that cannot be rendered."""

    exit_code = 2


@cache
def build_environment(user_templates: Path | None, lang: str) -> Environment:
    """The one Jinja environment for a templates folder and a language.

    Sandboxed (Jinja's ``SandboxedEnvironment``): a team's override comes from
    a repository that takes pull requests, so no template reaches an
    attribute starting with ``_`` (``__globals__``, ``__class__``,
    ``__subclasses__``…), a function's or frame's internals, or ``str.format``
    on untrusted objects. Jinja's ``cycler``, ``joiner`` and ``lipsum``
    globals are removed too: they are the usual ways out of a plain
    environment, and no shipped template needs them.
    """
    folders = [str(user_templates)] if user_templates is not None else []
    folders.append(str(shipped_templates_dir()))
    env = SandboxedEnvironment(
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
        target_text=_target_text_filter(lang),
        party=_party_filter,
        end_sentence=lambda text: (
            text if str(text).rstrip().endswith((".", "!", "?", "…")) else f"{text}."
        ),
        markdown=_markdown_filter,
        css_counter_text=_css_counter_text,
        display_name=display_name,
    )
    for name in _UNSAFE_GLOBALS:
        env.globals.pop(name, None)
    env.globals.update(slagen_version=__version__, lang=lang)
    env.bytecode_cache = template_cache(env)
    return env


@pass_context
def _markdown_filter(context: Context, text: str) -> Markup:
    """User Markdown as HTML, for HTML templates (what the policy removes is reported)."""
    return Markup(markdown_to_html(md_block(text), warnings=context["markdown_warnings"]))


@pass_context
def _party_filter(context: Context, ref: str) -> str:
    return str(context["party_name"](ref))


def _target_text_filter(lang: str) -> Callable[..., str]:
    @pass_context
    def target_text(context: Context, value: object, money: bool = False) -> str:
        text = str(value).strip()
        if money and _NUMBER_RE.match(text):
            currency = context["agreement"].currency or "EUR"
            return format_money(Decimal(text), currency, lang)
        return _target_text(value, lang)

    return target_text


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
def template_errors() -> Iterator[None]:
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
    def money(context: Context, value: Any, currency: str | None = None) -> str:
        return format_money(value, currency or context["agreement"].currency or "EUR", lang)

    return money


def load_stylesheet(env: Environment) -> str:
    assert env.loader is not None
    css, _, _ = env.loader.get_source(env, "assets/print.css")
    if template_exists(env, "assets/custom.css"):
        css += "\n" + env.loader.get_source(env, "assets/custom.css")[0]
    return css


def display_name(identifier: object) -> str:
    """An id as people read it: ``north_america`` → "North america", ``mql`` → "MQL".

    Short ids without a vowel are taken for acronyms.
    """
    words = str(identifier).replace("_", " ").replace("-", " ").split()
    if not words:
        return str(identifier)
    shown = [w.upper() if len(w) <= 4 and not set(w.lower()) & set("aeiouy") else w for w in words]
    first = shown[0]
    shown[0] = first if first.isupper() else first[:1].upper() + first[1:]
    return " ".join(shown)


def load_watermark(env: Environment, lang: str) -> str:
    """The DRAFT mark for ``lang``: an SVG of outlines, so copied text never holds it."""
    assert env.loader is not None
    for name in (f"assets/watermark-{lang}.svg", "assets/watermark-en.svg"):
        if template_exists(env, name):
            return env.loader.get_source(env, name)[0].strip()
    return ""


def template_exists(env: Environment, name: str) -> bool:
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


def tidy_markdown(markdown: str) -> str:
    """One blank line between blocks, no trailing spaces, one final newline."""
    lines = [line.rstrip() for line in markdown.split("\n")]
    return _BLANK_LINES_RE.sub("\n\n", "\n".join(lines)).strip("\n") + "\n"

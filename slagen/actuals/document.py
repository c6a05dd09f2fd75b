"""Report documents: Markdown with SVG charts beside it, HTML with them inline, PDF.

Everything is rendered in memory; the command writes the files atomically.
File names: ``<id>-report.md``, ``<id>-report.html``, ``<id>-report.pdf``,
``<id>-report.json`` and ``<id>-report-<chart>.svg`` (pace, pace_segments, delivered, speed, depth,
speed_segments, on_time_segments).

Stage: actuals.
"""

from __future__ import annotations

import html as html_lib
from dataclasses import dataclass

from slagen.actuals import PerformanceReport
from slagen.actuals.output import CHART_KEYS, Section, Table, report_sections
from slagen.actuals.wording import word
from slagen.documents.markdown import markdown_to_html, md_cell, md_text
from slagen.formats.i18n import format_month


def stylesheet() -> str:
    """The agreement's print stylesheet, then the report's own additions (``report.css``)."""
    from slagen.core.resources import templates_dir

    assets = templates_dir() / "assets"
    return "\n".join(
        (assets / name).read_text(encoding="utf-8") for name in ("print.css", "report.css")
    )


def _page_rules(report: PerformanceReport) -> str:
    """The footer's "page X of Y" in the report's language, as in the agreement."""
    from slagen.documents.environment import _css_counter_text
    from slagen.formats.i18n import translations

    page_of = translations(report.agreement.language).gettext("Page {page} of {pages}")
    return f"@page {{ @bottom-right {{ content: {_css_counter_text(page_of)}; }} }}"


def _running(report: PerformanceReport) -> str:
    """Hidden elements the running header and footer take their text from (escaped)."""
    from slagen.formats.i18n import format_date, translations

    agreement = report.agreement
    lang = agreement.language
    revision = translations(lang).gettext("Revision %(number)s") % {
        "number": agreement.revision.number
    }
    status = (
        f"{word('title', lang)} · {word('as_of', lang, date=format_date(report.as_of, lang))}"
        f" · {agreement.fingerprint[: len('sha256:') + 12]}…"
    )
    rows = [
        ("running-title", agreement.title),
        ("running-revision", f"{revision} · {format_date(agreement.revision.date, lang)}"),
        ("running-status", status),
    ]
    return "\n".join(f'<div class="{cls}">{html_lib.escape(text)}</div>' for cls, text in rows)


def chart_name(report: PerformanceReport, key: str) -> str:
    return f"{report.agreement.id}-report-{key}.svg"


def render_charts(report: PerformanceReport) -> dict[str, str]:
    """Every chart as SVG text, keyed by :data:`~slagen.actuals.output.CHART_KEYS`."""
    from slagen.actuals import charts

    lang = report.agreement.language
    total = report.total
    months = list(report.months)
    focus = total.month(report.focus_month)
    assert focus is not None
    from slagen.core.scalars import days_in_month

    follow = report.agreement.follow_up

    def hours(minutes: object) -> float | None:
        return None if minutes is None else float(minutes) / 60  # type: ignore[arg-type]

    return {
        **_follow_charts(report),
        "pace": charts.pace_chart_svg(
            leads_needed=focus.goals.leads_needed,
            days=days_in_month(focus.month),
            cumulative=focus.cumulative,
            title=word("chart_pace", lang, month=format_month(focus.month, lang)),
            labels=(word("goal_line", lang), word("actual", lang)),
            x_label=word("day", lang),
            y_label=word("leads_axis", lang),
            lang=lang,
        ),
        "pace_segments": charts.pace_segments_chart_svg(
            segments=[
                (s.id, s.name, m.goals.leads_needed, m.cumulative)
                for s in report.scopes
                if s.kind == "segment"
                for m in [s.month(focus.month)]
                if m is not None
            ],
            days=days_in_month(focus.month),
            title=word("chart_pace_segments", lang, month=format_month(focus.month, lang)),
            lang=lang,
        ),
        "delivered": charts.delivered_chart_svg(
            months=months,
            needed=[m.goals.leads_needed for m in total.months],
            delivered=[m.marketing_leads for m in total.months],
            title=word("chart_delivered", lang),
            labels=(word("needed", lang), word("delivered", lang)),
            y_label=word("leads_axis", lang),
            lang=lang,
        ),
        "speed": charts.speed_chart_svg(
            months=months,
            average_hours=[hours(m.speed.average_minutes) for m in total.months],
            p90_hours=[hours(m.speed.p90_minutes) for m in total.months],
            target_hours=None if follow is None else follow.first_attempt_within.minutes / 60,
            title=word("chart_speed", lang),
            labels=(word("average", lang), word("p90", lang), word("target", lang)),
            y_label=word("hours_axis", lang),
            lang=lang,
        ),
        "depth": charts.depth_chart_svg(
            months=months,
            average_attempts=[
                None if m.depth.average_attempts is None else float(m.depth.average_attempts)
                for m in total.months
            ],
            min_attempts=None if follow is None else follow.min_attempts,
            title=word("chart_depth", lang),
            labels=(word("attempts_unconnected", lang), word("target", lang)),
            y_label=word("attempts_axis", lang),
            lang=lang,
        ),
    }


def _follow_charts(report: PerformanceReport) -> dict[str, str]:
    """Follow-up speed and on-time share, the total and each segment as small multiples."""
    from slagen.actuals.follow_charts import Panel, small_multiples_svg

    lang = report.agreement.language
    follow = report.agreement.follow_up
    scopes = [s for s in report.scopes if s.kind == "total"] + [
        s for s in report.scopes if s.kind == "segment"
    ]

    def hours(minutes: object) -> float | None:
        return None if minutes is None else float(minutes) / 60  # type: ignore[arg-type]

    speed = [
        Panel(
            scope.id,
            word("total", lang) if scope.kind == "total" else scope.name,
            {
                "average": [hours(m.speed.average_minutes) for m in scope.months],
                "median": [hours(m.speed.median_minutes) for m in scope.months],
                "p90": [hours(m.speed.p90_minutes) for m in scope.months],
            },
        )
        for scope in scopes
    ]
    on_time = [
        Panel(
            panel.scope,
            panel.name,
            {
                "on_time": [
                    None if m.speed.on_time_pct is None else float(m.speed.on_time_pct)
                    for m in scope.months
                ]
            },
        )
        for panel, scope in zip(speed, scopes, strict=True)
    ]
    threshold = next(
        (
            float(c.condition.threshold)
            for c in report.conditions
            if c.condition.metric == "first_attempt_on_time_pct"
        ),
        None,
    )
    months = list(report.months)
    return {
        "speed_segments": small_multiples_svg(
            panels=speed,
            months=months,
            lines=[(k, word(k, lang)) for k in ("average", "median", "p90")],
            target=None if follow is None else follow.first_attempt_within.minutes / 60,
            target_label=word("target", lang),
            title=word("chart_speed_segments", lang),
            percent=False,
            lang=lang,
        ),
        "on_time_segments": small_multiples_svg(
            panels=on_time,
            months=months,
            lines=[("on_time", word("on_time", lang))],
            target=threshold,
            target_label=word("target", lang),
            title=word("chart_on_time_segments", lang),
            percent=True,
            lang=lang,
        ),
    }


def _markdown_table(table: Table) -> str:
    lines = [
        "| " + " | ".join(md_cell(h) for h in table.headers) + " |",
        "|" + "|".join([":--"] + [":--" if table.kind else "--:"] * (len(table.headers) - 1)) + "|",
    ]
    lines.extend("| " + " | ".join(md_cell(c) for c in row) + " |" for row in table.rows)
    return "\n".join(lines)


@dataclass(frozen=True)
class ChartSlot:
    """Where a chart goes: a structured item, never a marker in the text user data flows through."""

    key: str


@dataclass(frozen=True)
class TableSlot:
    """A table the HTML builds itself (escaped): classes and unbreakable month labels."""

    table: Table


def _table_html(table: Table) -> str:
    """A table of the HTML and PDF; every text is escaped, the status cells get a class."""
    esc = html_lib.escape
    months = table.headers[0] in (word("month", "en"), word("month", "es"))
    head = "".join(f"<th>{esc(h)}</th>" for h in table.headers)
    body = []
    for i, row in enumerate(table.rows):
        first = _keep_month_together(row[0]) if months else row[0]
        cells = [f"<td>{esc(c)}</td>" for c in [first, *row[1:]]]
        if i < len(table.row_classes):
            status = table.row_classes[i].replace("_", "-")
            cells[-1] = f'<td class="status-{status}">{esc(row[-1])}</td>'
        body.append("<tr>" + "".join(cells) + "</tr>")
    kind = f' class="{esc(table.kind)}-table"' if table.kind else ""
    return f"<table{kind}><thead><tr>{head}</tr></thead>\n<tbody>{''.join(body)}</tbody></table>"


def _keep_month_together(cell: str) -> str:
    """``mar 2026 (a la fecha)`` on at most two lines: the label, then the parenthesis."""
    label, sep, rest = cell.partition(" (")
    return label.replace(" ", "\u00a0") + sep + rest.replace(" ", "\u00a0")


def _section_markdown(
    section: Section, level: int, chart_ref: dict[str, tuple[str, str]] | None
) -> list[str | ChartSlot | TableSlot]:
    """Markdown blocks of one section; a chart becomes an image (files) or a :class:`ChartSlot`."""
    blocks: list[str | ChartSlot | TableSlot] = [f"{'#' * level} {md_text(section.title)}"]
    if section.bullets:  # one list, not a list per paragraph
        items = [i for i in section.items if isinstance(i, str)]
        return [*blocks, "\n".join("- " + md_text(i) for i in items)] if items else blocks
    for item in section.items:
        if isinstance(item, Table) and chart_ref is None:
            blocks.append(TableSlot(item))
        elif isinstance(item, Table):
            blocks.append(_markdown_table(item))
        elif isinstance(item, tuple):
            kind, value = item
            if kind == "code":
                blocks.append("```yaml\n" + value.rstrip("\n") + "\n```")
            elif chart_ref is not None:
                file, alt = chart_ref[value]
                blocks.append(f"![{md_text(alt)}]({file})")
            else:
                blocks.append(ChartSlot(value))
        else:
            blocks.append("- " + md_text(item) if section.bullets else md_text(item))
    return blocks


def render_markdown(report: PerformanceReport) -> str:
    """Markdown with the charts as images of the SVG files written beside it."""
    lang = report.agreement.language
    month = format_month(report.focus_month, lang)
    refs = {
        key: (chart_name(report, key), word(f"chart_{key}", lang, month=month))
        for key in CHART_KEYS
    }
    blocks: list[str] = []
    for i, section in enumerate(report_sections(report, document=True)):
        blocks.extend(
            b for b in _section_markdown(section, 1 if i == 0 else 2, refs) if isinstance(b, str)
        )
    return "\n\n".join(blocks) + "\n"


def render_html(report: PerformanceReport, svgs: dict[str, str]) -> str:
    """A standalone HTML page with every chart inline."""
    lang = report.agreement.language
    parts: list[str] = []
    for i, section in enumerate(report_sections(report, document=True)):
        pending: list[str] = []
        for block in [*_section_markdown(section, 1 if i == 0 else 2, None), None]:
            if isinstance(block, str):
                pending.append(block)
                continue
            if pending:
                parts.append(markdown_to_html("\n\n".join(pending)))
                pending = []
            if isinstance(block, TableSlot):
                parts.append(_table_html(block.table))
            elif block is not None:
                key = block.key
                parts.append(f'<figure class="chart chart-{key}">{svgs[key]}</figure>')
    title = html_lib.escape(f"{word('title', lang)} — {report.agreement.title}")
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n<style>\n{stylesheet()}\n{_page_rules(report)}\n</style>\n"
        f'</head>\n<body class="report">\n{_running(report)}\n'
        + "\n".join(parts)
        + "\n</body>\n</html>\n"
    )


def render_pdf(report: PerformanceReport, html: str, *, page_size: str = "A4") -> bytes:
    """The HTML laid out by :func:`slagen.documents.pdf.html_to_pdf` (dated by ``as_of``, never the clock).

    ``page_size`` is ``A4`` or ``Letter``, as for the agreement.

    Raises:
        UserError: WeasyPrint or its system libraries are missing.
    """
    import tempfile

    from slagen.core.errors import UserError
    from slagen.documents.pdf import html_to_pdf

    agreement = report.agreement
    with tempfile.TemporaryDirectory(
        prefix="slagen-report-"
    ) as base:  # nothing to fetch: all inline
        try:
            return html_to_pdf(
                html,
                base_url=base,
                title=f"{word('title', agreement.language)} — {agreement.title}",
                author=agreement.company or ", ".join(p.name for p in agreement.parties),
                subject=f"{agreement.id} as of {report.as_of.isoformat()}",
                keywords=[agreement.id, "report"],
                lang=agreement.language,
                created=report.as_of,
                modified=report.as_of,
                fingerprint=agreement.fingerprint,
                page_size=page_size,
            )
        except (ImportError, OSError) as exc:  # WeasyPrint or its C libraries are missing
            raise UserError(
                f"PDF output is not available: {exc}",
                hint="install WeasyPrint and its system libraries, or use --to md,html",
            ) from None

"""Report documents: Markdown with SVG charts beside it, HTML with them inline, PDF.

Everything is rendered in memory; the command writes the files atomically.
File names: ``<id>-report.md``, ``<id>-report.html``, ``<id>-report.pdf``,
``<id>-report.json`` and ``<id>-report-<chart>.svg`` (pace, pace_segments, delivered, speed, depth).

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

CSS = """
body { font-family: "DejaVu Sans", sans-serif; font-size: 9pt; color: #222; }
h1 { font-size: 15pt; } h2 { font-size: 11.5pt; margin-top: 1.4em; }
table { border-collapse: collapse; margin: .6em 0; }
th, td { border-bottom: 1px solid #ddd; padding: 2px 6px; text-align: right; }
th:first-child, td:first-child { text-align: left; }
pre { background: #f4f4f4; padding: 6px; font-size: 8pt; white-space: pre-wrap; }
figure { margin: .8em 0; } figure svg { width: 100%; height: auto; }
@page { size: A4; margin: 16mm 14mm; }
"""


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


def _markdown_table(table: Table) -> str:
    lines = [
        "| " + " | ".join(md_cell(h) for h in table.headers) + " |",
        "|" + "|".join([":--"] + ["--:"] * (len(table.headers) - 1)) + "|",
    ]
    lines.extend("| " + " | ".join(md_cell(c) for c in row) + " |" for row in table.rows)
    return "\n".join(lines)


@dataclass(frozen=True)
class ChartSlot:
    """Where a chart goes: a structured item, never a marker in the text user data flows through."""

    key: str


def _section_markdown(
    section: Section, level: int, chart_ref: dict[str, tuple[str, str]] | None
) -> list[str | ChartSlot]:
    """Markdown blocks of one section; a chart becomes an image (files) or a :class:`ChartSlot`."""
    blocks: list[str | ChartSlot] = [f"{'#' * level} {md_text(section.title)}"]
    if section.bullets:  # one list, not a list per paragraph
        items = [i for i in section.items if isinstance(i, str)]
        return [*blocks, "\n".join("- " + md_text(i) for i in items)] if items else blocks
    for item in section.items:
        if isinstance(item, Table):
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
    for i, section in enumerate(report_sections(report)):
        blocks.extend(
            b for b in _section_markdown(section, 1 if i == 0 else 2, refs) if isinstance(b, str)
        )
    return "\n\n".join(blocks) + "\n"


def render_html(report: PerformanceReport, svgs: dict[str, str]) -> str:
    """A standalone HTML page with every chart inline."""
    lang = report.agreement.language
    parts: list[str] = []
    for i, section in enumerate(report_sections(report)):
        pending: list[str] = []
        for block in [*_section_markdown(section, 1 if i == 0 else 2, None), None]:
            if isinstance(block, str):
                pending.append(block)
                continue
            if pending:
                parts.append(markdown_to_html("\n\n".join(pending)))
                pending = []
            if block is not None:
                key = block.key
                parts.append(f'<figure class="chart chart-{key}">{svgs[key]}</figure>')
    title = html_lib.escape(f"{word('title', lang)} — {report.agreement.title}")
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        + "\n".join(parts)
        + "\n</body>\n</html>\n"
    )


def render_pdf(report: PerformanceReport, html: str) -> bytes:
    """The HTML laid out by :func:`slagen.documents.pdf.html_to_pdf` (dated by ``as_of``, never the clock).

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
            )
        except (ImportError, OSError) as exc:  # WeasyPrint or its C libraries are missing
            raise UserError(
                f"PDF output is not available: {exc}",
                hint="install WeasyPrint and its system libraries, or use --to md,html",
            ) from None

"""The report as sections of tables, printed as text (and as Markdown by ``document``).

Machine output is :func:`slagen.actuals.json_output.report_json` (``docs/report-json.md``).

Stage: actuals.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from slagen.actuals import PerformanceReport
from slagen.actuals.rows import month_cells as _cells
from slagen.actuals.rows import month_label as _month_label
from slagen.actuals.rows import scope_label
from slagen.actuals.status import condition_line, segment_names, status_table
from slagen.actuals.wording import Formats, word
from slagen.formats.i18n import format_date, format_duration, format_month

CHART_KEYS = (
    "pace",
    "pace_segments",
    "delivered",
    "speed",
    "depth",
    "speed_segments",
    "on_time_segments",
)


@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]]
    kind: str = ""  # "status": the conditions' status table
    row_classes: list[str] = field(default_factory=list)


@dataclass
class Section:
    title: str
    items: list[Table | str | tuple[str, str]] = field(default_factory=list)
    bullets: bool = False  # paragraphs are list items (conditions, findings)
    # str: a paragraph of plain text; ("code", text); ("chart", key)


def report_sections(report: PerformanceReport, *, document: bool = False) -> list[Section]:
    """Every part of the report, in reading order, already formatted for its language.

    ``document``: the conditions as a status table (Markdown, HTML, PDF), not lines.
    """
    agreement = report.agreement
    lang = agreement.language
    f = Formats(lang, agreement.currency)
    total = report.total
    rows = [*total.months, total.period]
    sections = []

    head = Section(f"{word('title', lang)} — {agreement.title}")
    head.items.append(
        f"{word('as_of', lang, date=format_date(report.as_of, lang))} · "
        f"{agreement.id}, {word('revision', lang, number=agreement.revision.number)}"
    )
    stats = report.stats
    head.items.append(
        word(
            "actuals",
            lang,
            file=report.actuals,
            rows=f.count(stats.rows),
            skipped=f.count(stats.skipped),
            unknown=f.count(stats.unknown_rows),
        )
    )
    if stats.excluded:
        head.items.append(word("excluded", lang, count=f.count(stats.excluded)))
    if report.as_of_past_data and report.data_end is not None:
        head.items.append(word("past_data", lang, date=format_date(report.data_end, lang)))
    if report.after_as_of or report.outside_period:
        head.items.append(
            word(
                "ignored",
                lang,
                after=f.count(report.after_as_of),
                outside=f.count(report.outside_period),
            )
        )
    if stats.unknown_rows:
        names = [f"{name} ({f.count(n)})" for name, n in sorted(stats.unknown_segments.items())]
        if stats.unknown_other:
            names.append(f"… ({f.count(stats.unknown_other)})")
        known = ", ".join(f"{s.id} ({s.name})" for s in report.table.segments)
        head.items.append(word("unknown", lang, names=", ".join(names), known=known))
    sections.append(head)

    leads = Section(word("leads", lang))
    leads.items.append(
        Table(
            [
                word("month", lang),
                word("needed", lang),
                word("delivered", lang),
                word("delivered_pct", lang),
                word("goal_to_date", lang),
                word("pace", lang),
                word("sales_sourced", lang),
            ],
            [
                _cells(
                    report,
                    r,
                    [
                        _month_label(r, lang),
                        f.count(r.goals.leads_needed),
                        f.count(r.marketing_leads),
                        f.pct(r.leads_delivered_pct),
                        f.whole(r.goal_to_date),
                        f.pct(r.pace_pct),
                        f.count(r.sales_leads),
                    ],
                    2,
                )
                for r in rows
            ],
        )
    )
    leads.items.append(word("goal_rounded", lang))
    leads.items.append(("chart", "pace"))
    leads.items.append(("chart", "delivered"))
    sections.append(leads)

    focus_title = word("focus", lang, month=format_month(report.focus_month, lang))
    focus = Section(focus_title[:1].upper() + focus_title[1:])
    focus.items.append(
        Table(
            [
                word("segment", lang),
                word("needed", lang),
                word("delivered", lang),
                word("goal_to_date", lang),
                word("pace", lang),
                word("sales_sourced", lang),
                word("won", lang),
                word("revenue_pct", lang),
                word("on_time", lang),
                word("attempts_unconnected", lang),
            ],
            [
                _cells(
                    report,
                    m,
                    [
                        scope_label(scope, lang, report),
                        f.count(m.goals.leads_needed),
                        f.count(m.marketing_leads),
                        f.whole(m.goal_to_date),
                        f.pct(m.pace_pct),
                        f.count(m.sales_leads),
                        f.count(m.customers_won),
                        f.pct(m.revenue_pct),
                        f.pct(m.speed.on_time_pct),
                        f.count(m.depth.average_attempts, 1),
                    ],
                    2,
                )
                for scope in report.scopes
                for m in [scope.month(report.focus_month)]
                if m is not None
            ],
        )
    )
    focus.items.append(word("goal_rounded", lang))
    focus.items.append(("chart", "pace_segments"))
    sections.append(focus)

    by_segment = Section(word("by_segment", lang))
    by_segment.items.append(
        Table(
            [
                word("segment", lang),
                word("needed", lang),
                word("delivered", lang),
                word("pace", lang),
                word("won", lang),
                word("mkt_revenue", lang),
                word("revenue_pct", lang),
                word("on_time", lang),
                word("attempts_unconnected", lang),
            ],
            [
                [
                    scope_label(scope, lang, report),
                    f.count(p.goals.leads_needed),
                    f.count(p.marketing_leads),
                    f.pct(p.pace_pct),
                    f.count(p.customers_won),
                    f.money(p.marketing_revenue),
                    f.pct(p.revenue_pct),
                    f.pct(p.speed.on_time_pct),
                    f.count(p.depth.average_attempts, 1),
                ]
                for scope in report.scopes
                for p in [scope.period]
            ],
        )
    )
    sections.append(by_segment)

    revenue = Section(word("revenue", lang))
    revenue.items.append(
        Table(
            [
                word("month", lang),
                word("customers_needed", lang),
                word("won", lang),
                word("mkt_goal", lang),
                word("mkt_revenue", lang),
                word("revenue_pct", lang),
                word("sales_sourced", lang),
                word("sales_revenue", lang),
            ],
            [
                _cells(
                    report,
                    r,
                    [
                        _month_label(r, lang),
                        f.count(r.goals.customers_needed),
                        f.count(r.customers_won),
                        f.money(r.goals.marketing_revenue_goal),
                        f.money(r.marketing_revenue),
                        f.pct(r.revenue_pct),
                        f.count(r.sales_customers_won),
                        f.money(r.sales_revenue),
                    ],
                    2,
                )
                for r in rows
            ],
        )
    )
    sections.append(revenue)

    follow = Section(word("follow_up", lang))
    if agreement.follow_up is not None:
        within = agreement.follow_up.first_attempt_within
        follow.items.append(
            word(
                "follow_up_terms",
                lang,
                within=format_duration(within.amount, within.unit, lang),
                attempts=agreement.follow_up.min_attempts,
            )
        )
    follow.items.append(
        Table(
            [
                word("month", lang),
                word("handed_off", lang),
                word("average", lang),
                word("median", lang),
                word("p90", lang),
                word("on_time", lang),
                word("overdue", lang),
                word("attempts_unconnected", lang),
            ],
            [
                _cells(
                    report,
                    r,
                    [
                        _month_label(r, lang),
                        f.count(r.speed.handed_off),
                        f.hours(r.speed.average_minutes),
                        f.hours(r.speed.median_minutes),
                        f.hours(r.speed.p90_minutes),
                        f.pct(r.speed.on_time_pct),
                        f.count(r.speed.overdue),
                        f.count(r.depth.average_attempts, 1),
                    ],
                    1,
                )
                for r in rows
            ],
        )
    )
    follow.items.append(("chart", "speed"))
    follow.items.append(("chart", "depth"))
    follow.items.append(("chart", "speed_segments"))
    follow.items.append(("chart", "on_time_segments"))
    sections.append(follow)

    conditions = Section(word("conditions", lang), bullets=not document)
    if document:
        conditions.items.append(status_table(report))
    else:
        conditions.items.extend(condition_line(c, report) for c in report.conditions)
    sections.append(conditions)

    recal = Section(word("recalibration", lang))
    display = segment_names(report)
    recal.items.append(
        Table(
            [
                word("segment", lang),
                word("close_rate", lang),
                word("deal_size", lang),
                word("share", lang),
                word("cycle", lang),
            ],
            [
                [
                    display.get(o.segment, o.segment)
                    + ("" if o.enough_data else f" ({word('too_little', lang)})"),
                    word(
                        "observed_agreed",
                        lang,
                        observed=f.pct(o.close_rate),
                        agreed=f.pct(o.agreed_close_rate),
                    ),
                    word(
                        "observed_agreed",
                        lang,
                        observed=f.money(o.avg_deal_size),
                        agreed=f.money(o.agreed_avg_deal_size),
                    ),
                    word(
                        "observed_agreed",
                        lang,
                        observed=f.pct(o.marketing_share),
                        agreed=f.pct(o.agreed_marketing_share),
                    ),
                    word(
                        "observed_agreed",
                        lang,
                        observed=f.count(o.sales_cycle_months),
                        agreed=f.count(o.agreed_sales_cycle_months),
                    ),
                ]
                for o in report.observed
            ],
        )
    )
    recal.items.append(word("fragment", lang) + ":")
    recal.items.append(("code", report.fragment))
    sections.append(recal)

    if stats.findings:
        found = Section(word("findings", lang), bullets=True)
        found.items.extend(finding.format_text() for finding in stats.findings)
        hidden = stats.skipped + stats.warnings - len(stats.findings)
        if hidden > 0:
            found.items.append(word("more_findings", lang, count=f.count(hidden)))
        sections.append(found)
    return sections


def render_text(report: PerformanceReport) -> str:
    """The summary printed on stdout."""
    out: list[str] = []
    for section in report_sections(report):
        out.extend(
            [section.title, "=" * len(section.title) if not out else "-" * len(section.title)]
        )
        for item in section.items:
            if isinstance(item, Table):
                out.extend(_text_table(item))
            elif isinstance(item, tuple):
                if item[0] == "code":
                    out.extend("    " + line for line in item[1].rstrip("\n").split("\n"))
                continue  # charts are files, not text
            else:
                out.append(item)
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _text_table(table: Table) -> list[str]:
    widths = [
        max(len(row[i]) for row in [table.headers, *table.rows]) for i in range(len(table.headers))
    ]

    def line(cells: list[str]) -> str:
        parts = [cells[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True)
        ]
        return "  ".join(parts).rstrip()

    return [line(table.headers), line(["-" * w for w in widths]), *map(line, table.rows)]

"""The report's charts as deterministic SVG (matplotlib, imported only here).

Same settings as :mod:`slagen.documents.charts` (fixed hash salt, no date, glyphs as
paths, Okabe–Ito colours). Every plotted series carries an SVG ``id`` so tests
and readers can find it: ``goal-line``/``actual-line`` (pace), ``goal-line-<segment>``/``actual-line-<segment>``
(pace by segment), ``needed-N`` /
``delivered-N`` (monthly bars), ``average-N``/``p90-line``/``target-line`` (speed),
``attempts-N``/``target-line`` (depth), where N is the month's position.

Stage: actuals.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

from slagen.documents.charts import (
    GRID_COLOR,
    PALETTE,
    TEXT_COLOR,
    clean_svg,
    month_label,
    quiet_glyph_warnings,
)
from slagen.formats.i18n import format_number

RC: dict[str, Any] = {
    "svg.hashsalt": "slagen",
    "svg.fonttype": "path",
    "font.family": "DejaVu Sans",
    "font.size": 8,
    "axes.edgecolor": GRID_COLOR,
    "axes.labelcolor": TEXT_COLOR,
    "xtick.color": TEXT_COLOR,
    "ytick.color": TEXT_COLOR,
    "text.color": TEXT_COLOR,
}
TARGET_COLOR = "#D55E00"


@contextmanager
def _axes(title: str, y_label: str) -> Iterator[tuple[Any, Any, list[str]]]:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import rc_context
    from matplotlib.figure import Figure

    out: list[str] = []
    with rc_context(RC), quiet_glyph_warnings():  # type: ignore[arg-type]  # matplotlib types keys as Literals
        fig = Figure(figsize=(6.7, 2.9))
        ax = fig.add_subplot()
        ax.grid(axis="y", color=GRID_COLOR, linewidth=0.5, zorder=0)
        ax.spines[["top", "right", "left"]].set_visible(False)
        ax.tick_params(axis="both", length=0, pad=3)
        ax.set_ylabel(y_label)
        ax.set_title(title, loc="left", fontsize=9, fontweight="bold", pad=20)
        yield fig, ax, out
        ax.legend(
            loc="lower left",
            bbox_to_anchor=(0, 1.0),
            ncols=3,
            frameon=False,
            fontsize=7,
            handlelength=1.5,
            borderaxespad=0.2,
        )
        fig.tight_layout(pad=0.4)
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None, "Title": title})
    out.append(clean_svg(buffer.getvalue()))


def pace_segments_chart_svg(
    *, segments: Sequence[tuple[str, str, int, Sequence[int]]], days: int, title: str, lang: str
) -> str:
    """Small multiples: each segment's daily goal line and cumulative leads.

    Args:
        segments: ``(id, name, leads_needed, cumulative leads per day)`` per segment.
    """
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import rc_context
    from matplotlib.figure import Figure

    cols = max(1, min(3, len(segments)))
    rows = max(1, -(-len(segments) // cols))
    with rc_context(RC), quiet_glyph_warnings():  # type: ignore[arg-type]  # matplotlib types keys as Literals
        fig = Figure(figsize=(6.7, 1.8 * rows + 0.4))
        fig.suptitle(title, x=0.01, ha="left", fontsize=9, fontweight="bold")
        for i, (segment, name, needed, cumulative) in enumerate(segments):
            ax = fig.add_subplot(rows, cols, i + 1)
            ax.grid(axis="y", color=GRID_COLOR, linewidth=0.5, zorder=0)
            ax.spines[["top", "right", "left"]].set_visible(False)
            ax.tick_params(axis="both", length=0, pad=2, labelsize=6.5)
            ax.plot(
                range(days + 1),
                [needed * d / days for d in range(days + 1)],
                color=PALETTE[0],
                linewidth=1,
                linestyle="--",
                zorder=2,
            )[0].set_gid(f"goal-line-{segment}")
            ax.step(
                range(len(cumulative) + 1),
                [0, *cumulative],
                where="post",
                color=PALETTE[2],
                linewidth=1.5,
                zorder=3,
            )[0].set_gid(f"actual-line-{segment}")
            ax.set_title(name, loc="left", fontsize=7.5)
            ax.set_xlim(0, days)
            ax.set_xticks([1, 10, 20, days])
            _count_axis(ax, lang)
            ax.set_ylim(0, max([needed, *cumulative, 1]) * 1.08)
        fig.tight_layout(pad=0.4)
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None, "Title": title})
    return clean_svg(buffer.getvalue())


def _month_axis(ax: Any, months: Sequence[str], lang: str) -> None:
    ax.set_xticks(range(len(months)))
    ax.set_xticklabels(
        [month_label(m, lang, first=i == 0) for i, m in enumerate(months)], fontsize=6.5
    )
    ax.set_xlim(-0.6, len(months) - 0.4)


def _count_axis(ax: Any, lang: str, decimals: int = 0) -> None:
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    ax.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=decimals == 0))
    ax.yaxis.set_major_formatter(
        FuncFormatter(
            lambda v, _pos: format_number(Decimal(str(float(v))), lang, decimals=decimals)
        )
    )
    ax.set_ylim(bottom=0)


def pace_chart_svg(
    *,
    leads_needed: int,
    days: int,
    cumulative: Sequence[int],
    title: str,
    labels: tuple[str, str],
    x_label: str,
    y_label: str,
    lang: str,
) -> str:
    """The month's daily goal line (``target × d ÷ n``) against cumulative actual leads."""
    with _axes(title, y_label) as (_fig, ax, out):
        goal = ax.plot(
            range(days + 1),
            [leads_needed * d / days for d in range(days + 1)],
            color=PALETTE[0],
            linewidth=1.2,
            linestyle="--",
            label=labels[0],
            zorder=2,
        )[0]
        goal.set_gid("goal-line")
        actual = ax.step(
            range(len(cumulative) + 1),
            [0, *cumulative],
            where="post",
            color=PALETTE[2],
            linewidth=1.8,
            label=labels[1],
            zorder=3,
        )[0]
        actual.set_gid("actual-line")
        ax.set_xlim(0, days)
        ax.set_xticks([d for d in (1, 5, 10, 15, 20, 25, days) if d <= days])
        ax.set_xlabel(x_label)
        _count_axis(ax, lang)
        ax.set_ylim(0, max([leads_needed, *cumulative, 1]) * 1.08)
    return out[0]


def delivered_chart_svg(
    *,
    months: Sequence[str],
    needed: Sequence[int],
    delivered: Sequence[int],
    title: str,
    labels: tuple[str, str],
    y_label: str,
    lang: str,
) -> str:
    """Marketing leads delivered against leads needed, month by month."""
    with _axes(title, y_label) as (_fig, ax, out):
        positions = range(len(months))
        for name, values, shift, color, label in (
            ("needed", needed, -0.19, "#bbbbbb", labels[0]),
            ("delivered", delivered, 0.19, PALETTE[0], labels[1]),
        ):
            bars = ax.bar(
                [p + shift for p in positions],
                list(values),
                width=0.38,
                color=color,
                label=label,
                zorder=2,
            )
            for i, patch in enumerate(bars.patches):
                patch.set_gid(f"{name}-{i}")
        _month_axis(ax, months, lang)
        _count_axis(ax, lang)
    return out[0]


def speed_chart_svg(
    *,
    months: Sequence[str],
    average_hours: Sequence[float | None],
    p90_hours: Sequence[float | None],
    target_hours: float | None,
    title: str,
    labels: tuple[str, str, str],
    y_label: str,
    lang: str,
) -> str:
    """Average and 90th-percentile hours from handoff to first attempt, against the target."""
    with _axes(title, y_label) as (_fig, ax, out):
        bars = ax.bar(
            range(len(months)),
            [v or 0 for v in average_hours],
            width=0.6,
            color=PALETTE[0],
            label=labels[0],
            zorder=2,
        )
        for i, patch in enumerate(bars.patches):
            patch.set_gid(f"average-{i}")
        points = [(i, v) for i, v in enumerate(p90_hours) if v is not None]
        if points:
            line = ax.plot(
                [p[0] for p in points],
                [p[1] for p in points],
                marker="o",
                markersize=3,
                linewidth=0.8,
                color=PALETTE[1],
                label=labels[1],
                zorder=3,
            )[0]
            line.set_gid("p90-line")
        if target_hours is not None:
            ax.axhline(
                target_hours,
                color=TARGET_COLOR,
                linewidth=1.2,
                linestyle="--",
                label=labels[2],
                zorder=4,
            ).set_gid("target-line")
        _month_axis(ax, months, lang)
        _count_axis(ax, lang, decimals=1)
    return out[0]


def depth_chart_svg(
    *,
    months: Sequence[str],
    average_attempts: Sequence[float | None],
    min_attempts: int | None,
    title: str,
    labels: tuple[str, str],
    y_label: str,
    lang: str,
) -> str:
    """Average attempts on leads not connected, against ``min_attempts``."""
    with _axes(title, y_label) as (_fig, ax, out):
        bars = ax.bar(
            range(len(months)),
            [v or 0 for v in average_attempts],
            width=0.6,
            color=PALETTE[2],
            label=labels[0],
            zorder=2,
        )
        for i, patch in enumerate(bars.patches):
            patch.set_gid(f"attempts-{i}")
        if min_attempts is not None:
            ax.axhline(
                min_attempts,
                color=TARGET_COLOR,
                linewidth=1.2,
                linestyle="--",
                label=labels[1],
                zorder=4,
            ).set_gid("target-line")
        _month_axis(ax, months, lang)
        _count_axis(ax, lang, decimals=1)
    return out[0]

"""Follow-up charts per segment as small multiples, like the goal line by segment.

Every figure of the follow-up table is drawn: average, median and 90th-percentile
hours from handoff to first attempt against the agreed time (``speed_segments``),
and the share of first attempts on time against the threshold the agreement's
conditions set (``on_time_segments``). The first panel is the total. Months
without data are gaps, never zeros. Same determinism as :mod:`slagen.actuals.charts`
(fixed hash salt, glyphs as paths, no date). Series ids: ``average-line-<scope>``,
``median-line-<scope>``, ``p90-line-<scope>``, ``on-time-line-<scope>``,
``target-line-<scope>``.

Stage: actuals.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from slagen.actuals.charts import RC, TARGET_COLOR
from slagen.documents.charts import GRID_COLOR, PALETTE, clean_svg, month_label
from slagen.formats.i18n import format_number


@dataclass(frozen=True)
class Panel:
    """One small multiple: a scope (``total`` or a segment id), its name and its series."""

    scope: str
    name: str
    series: dict[str, Sequence[float | None]]  # key → one value per month (None: no data)


def small_multiples_svg(
    *,
    panels: Sequence[Panel],
    months: Sequence[str],
    lines: Sequence[tuple[str, str]],
    target: float | None,
    target_label: str,
    title: str,
    percent: bool,
    lang: str,
) -> str:
    """Small multiples of monthly lines, one panel per scope, with a dashed target.

    Args:
        lines: ``(series key, legend label)`` in drawing order.
        percent: values are shares 0–1, drawn as percentages on a 0–100 % axis.
    """
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import rc_context
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    cols = 2 if len(panels) == 4 else max(1, min(3, len(panels)))
    rows = max(1, -(-len(panels) // cols))
    nan = float("nan")
    colours = [PALETTE[0], PALETTE[2], PALETTE[1], PALETTE[3 % len(PALETTE)]]
    with rc_context(RC):  # type: ignore[arg-type]  # matplotlib types keys as Literals
        height = 1.9 * rows + 0.6
        fig = Figure(figsize=(6.7, height))
        fig.suptitle(
            title, x=0.01, y=1 - 0.05 / height, ha="left", va="top", fontsize=9, fontweight="bold"
        )
        handles = []
        for i, panel in enumerate(panels):
            ax = fig.add_subplot(rows, cols, i + 1)
            ax.grid(axis="y", color=GRID_COLOR, linewidth=0.5, zorder=0)
            ax.spines[["top", "right", "left"]].set_visible(False)
            ax.tick_params(axis="both", length=0, pad=2, labelsize=6)
            top = 0.0
            for n, (key, label) in enumerate(lines):
                values = [
                    nan if v is None else v * (100 if percent else 1) for v in panel.series[key]
                ]
                top = max([top, *(v for v in values if not math.isnan(v))])
                line = ax.plot(
                    range(len(months)),
                    values,
                    marker="o",
                    markersize=2.5,
                    linewidth=1,
                    color=colours[n % len(colours)],
                    label=label,
                    zorder=3,
                )[0]
                line.set_gid(f"{key.replace('_', '-')}-line-{panel.scope}")
                if i == 0:
                    handles.append(line)
            if target is not None:
                shown = target * (100 if percent else 1)
                top = max(top, shown)
                mark = ax.axhline(
                    shown, color=TARGET_COLOR, linewidth=1, linestyle="--", label=target_label
                )
                mark.set_gid(f"target-line-{panel.scope}")
                if i == 0:
                    handles.append(mark)
            ax.set_title(panel.name, loc="left", fontsize=7.5)
            ax.set_xticks(range(len(months)))
            ax.set_xticklabels(
                [month_label(m, lang, first=j == 0) for j, m in enumerate(months)], fontsize=5.5
            )
            ax.set_xlim(-0.4, len(months) - 0.6)
            ax.yaxis.set_major_locator(MaxNLocator(nbins=4))
            suffix = " %" if percent else ""
            ax.yaxis.set_major_formatter(
                FuncFormatter(
                    lambda v, _pos, s=suffix: format_number(Decimal(str(float(v))), lang) + s
                )
            )
            ax.set_ylim(0, 100 if percent else max(top * 1.12, 1.0))
        fig.legend(
            handles=handles,
            loc="upper left",
            bbox_to_anchor=(0.005, 1 - 0.25 / height),
            ncols=len(handles),
            frameon=False,
            fontsize=6.5,
            handlelength=1.5,
        )
        fig.tight_layout(pad=0.4, rect=(0, 0, 1, 1 - 0.5 / height))
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None, "Title": title})
    return clean_svg(buffer.getvalue())

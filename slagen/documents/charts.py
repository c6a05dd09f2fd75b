"""Vector charts for rendered agreements (matplotlib, imported only here).

The SVG is deterministic: a fixed hash salt for element ids, no date in the
metadata, glyphs drawn as paths (the bundled DejaVu Sans, so the chart looks
the same whatever fonts the machine has).

Stage: render.
"""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from slagen.formats.i18n import format_month, format_number

# Okabe–Ito: distinguishable for the common colour-vision deficiencies and in grey print.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
TEXT_COLOR = "#222222"
GRID_COLOR = "#d0d0d0"

_PROLOG_RE = re.compile(r"\A(?:<\?xml[^>]*\?>\s*)?(?:<!DOCTYPE[^>]*>\s*)?", re.DOTALL)
_STYLE_RE = re.compile(r'style="([^"]*)"')
_DECLARATION_RE = re.compile(r"^\s*([a-z-]+)\s*:\s*(.+?)\s*$")


def lead_targets_chart_svg(
    months: Sequence[str],
    series: Sequence[tuple[str, Sequence[int]]],
    *,
    title: str,
    lang: str,
    y_label: str = "",
    width_in: float = 6.7,
    height_in: float = 3.1,
) -> str:
    """Stacked bars of leads needed per lead month, one colour per segment.

    Args:
        months: lead months as ``YYYY-MM``, in order.
        series: ``(segment label, counts per month)``, counts aligned with ``months``.
        title: the chart title (also the SVG's accessible title).
        lang: document language, for month names and number grouping.
        y_label: the value axis label.

    Returns:
        An ``<svg>`` element as text, without XML prolog, ready to inline in HTML.
    """
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import rc_context
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    rc: Any = {
        "svg.hashsalt": "slagen",
        "svg.fonttype": "none",
        "font.family": "DejaVu Sans",
        "font.size": 8,
        "axes.edgecolor": GRID_COLOR,
        "axes.labelcolor": TEXT_COLOR,
        "xtick.color": TEXT_COLOR,
        "ytick.color": TEXT_COLOR,
        "text.color": TEXT_COLOR,
    }
    with rc_context(rc), quiet_glyph_warnings():
        fig = Figure(figsize=(width_in, height_in))
        ax = fig.add_subplot()
        positions = list(range(len(months)))
        bottoms = [0] * len(months)
        for index, (label, counts) in enumerate(series):
            values = [int(c) for c in counts]
            ax.bar(
                positions,
                values,
                bottom=bottoms,
                width=0.68,
                label=label,
                color=PALETTE[index % len(PALETTE)],
                edgecolor="white",
                linewidth=0.4,
                zorder=2,
            )
            bottoms = [b + v for b, v in zip(bottoms, values, strict=True)]
        # The monthly SLA total above each bar: the number people quote.
        peak = max(bottoms, default=0)
        for x, total in zip(positions, bottoms, strict=True):
            if total:
                ax.annotate(
                    format_number(total, lang),
                    (x, total),
                    xytext=(0, 2),
                    textcoords="offset points",
                    ha="center",
                    va="bottom",
                    fontsize=6.5,
                )
        ax.set_xticks(positions)
        ax.set_xticklabels(
            [month_label(m, lang, first=(i == 0)) for i, m in enumerate(months)],
            fontsize=6.5,
        )
        ax.set_xlim(-0.6, len(months) - 0.4)
        ax.set_ylim(0, peak * 1.12 if peak else 1)
        ax.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: format_number(int(v), lang)))
        ax.grid(axis="y", color=GRID_COLOR, linewidth=0.5, zorder=0)
        ax.spines[["top", "right", "left"]].set_visible(False)
        ax.tick_params(axis="both", length=0, pad=3)
        if y_label:
            ax.set_ylabel(y_label)
        ax.set_title(
            title, loc="left", fontsize=9, fontweight="bold", pad=14 if len(series) > 1 else 6
        )
        if len(series) > 1:
            ax.legend(
                loc="lower left",
                bbox_to_anchor=(0, 1.0),
                ncols=min(len(series), 4),
                frameon=False,
                fontsize=7,
                handlelength=1,
                handleheight=1,
                borderaxespad=0.2,
            )
        fig.tight_layout(pad=0.4)
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None, "Title": title})
    return clean_svg(buffer.getvalue())


@contextmanager
def quiet_glyph_warnings() -> Iterator[None]:
    """Silence matplotlib's "Glyph … missing from font(s)" warnings.

    Chart text is written into the SVG as text (``svg.fonttype: none``), so the
    PDF renderer draws it with the machine's fonts and, for a character no font
    has, warns in slagen's words; matplotlib's raw warnings would only repeat
    that, once per character and drawing pass, with a source line.
    """
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from", category=UserWarning)
        yield


def clean_svg(svg: str) -> str:
    """matplotlib's SVG made fit to inline in HTML: no XML prolog, no style attributes."""
    return _styles_to_attributes(_PROLOG_RE.sub("", svg, count=1))


def _styles_to_attributes(svg: str) -> str:
    # matplotlib styles SVG with style="fill: …"; inlined in HTML, WeasyPrint
    # also reads those as HTML CSS and warns about each one. Presentation
    # attributes mean the same to every SVG renderer and warn about nothing.
    def replace(match: re.Match[str]) -> str:
        attributes = []
        for declaration in match.group(1).split(";"):
            parsed = _DECLARATION_RE.match(declaration)
            if parsed:
                attributes.append(f'{parsed.group(1)}="{parsed.group(2)}"')
        return " ".join(attributes)

    return _STYLE_RE.sub(replace, svg)


def month_label(month: str, lang: str, *, first: bool) -> str:
    # "ene\n2026": the year only under January and the first bar keeps 12+ labels legible.
    label = format_month(month, lang, short=True)
    name, _, year = label.rpartition(" ")
    if not name:
        return label
    name = name.removesuffix(" de").rstrip(".")
    return f"{name}\n{year}" if first or month.endswith("-01") else name

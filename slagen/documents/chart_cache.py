"""Charts that cost nothing when unchanged: the drawn SVG kept by content.

Drawing the lead-target chart means importing matplotlib (about half a
second) and laying the figure out; the result depends only on the chart's
data and labels, on the drawing code and on matplotlib. So the SVG is stored
in :mod:`slagen.documents.cache` under a hash of exactly those: the chart's
arguments, the bytes of :mod:`slagen.documents.charts`, slagen's version and
matplotlib's version file (read without importing matplotlib). A changed
figure, a new slagen or a new matplotlib is simply another key.

Stage: render.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from slagen import __version__
from slagen.documents.cache import cache_key, optimised, read_entry, write_entry

__all__ = ["lead_targets_chart"]

_KIND = "charts"


def lead_targets_chart(
    months: Sequence[str],
    series: Sequence[tuple[str, Sequence[int]]],
    *,
    title: str,
    lang: str,
    y_label: str = "",
) -> str:
    """:func:`slagen.documents.charts.lead_targets_chart_svg`, from the cache when it can."""
    arguments = json.dumps(
        {
            "months": list(months),
            "series": [[label, [int(c) for c in counts]] for label, counts in series],
            "title": title,
            "lang": lang,
            "y_label": y_label,
        },
        ensure_ascii=False,
        sort_keys=True,
    )
    key = _key(arguments) if optimised() else None
    if key is not None:
        cached = read_entry(_KIND, key)
        if cached is not None:
            try:
                return cached.decode("utf-8")
            except UnicodeDecodeError:
                pass  # not what was written: draw it again
    from slagen.documents.charts import lead_targets_chart_svg

    svg = lead_targets_chart_svg(months, series, title=title, lang=lang, y_label=y_label)
    if key is not None:
        write_entry(_KIND, key, svg.encode("utf-8"))
    return svg


def _key(arguments: str) -> str | None:
    versions = _code_versions()
    return None if versions is None else cache_key("lead-targets", *versions, arguments)


@cache
def _code_versions() -> tuple[bytes, ...] | None:
    """What the drawing depends on besides its data; None when it cannot be told."""
    try:
        spec = importlib.util.find_spec("matplotlib")
        if spec is None or spec.origin is None:
            return None
        mpl_version = (Path(spec.origin).parent / "_version.py").read_bytes()
        drawing = (Path(__file__).parent / "charts.py").read_bytes()
    except (OSError, ImportError, ValueError):
        return None
    return __version__.encode(), mpl_version, drawing

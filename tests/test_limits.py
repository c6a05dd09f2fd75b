"""The limits policy end to end: no agreement can break slagen.

Every invalid case runs through ``targets`` (a real subprocess, no traceback,
exit 1, nothing on stdout); a subset through ``render --to md`` (no file
written). A folder with a file slagen fails on still reports the others.
Hypothesis builds agreements near and past the limits of ``slagen.core.limits``:
each either validates and then computes, renders Markdown and diffs against
itself, or fails with findings.
"""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from slagen.core import limits
from slagen.core.validate import validate_text

ROOT = Path(__file__).resolve().parent.parent
INVALID_DIR = ROOT / "tests" / "cases" / "invalid"
INVALID = sorted(p.name for p in INVALID_DIR.glob("*.yaml"))
BASE = (ROOT / "tests" / "cases" / "valid" / "quoted-dates.yaml").read_text(encoding="utf-8")


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: PLW1510  (the test reads the exit code)
        [sys.executable, "-m", "slagen.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def test_corpus_is_large_enough() -> None:
    assert len(INVALID) >= 100


@pytest.mark.parametrize("name", INVALID)
def test_targets_on_every_invalid_case_fails_cleanly(name: str) -> None:
    proc = cli("targets", str(INVALID_DIR / name), "--format", "csv")
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout == ""
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr
    assert "error:" in proc.stderr


RENDERED = [n for n in INVALID if n.startswith(("limit-", "raw-html", "markdown-", "timezone-"))]


@pytest.mark.parametrize("name", RENDERED)
def test_render_md_on_limit_cases_writes_nothing(name: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = cli("render", str(INVALID_DIR / name), "--to", "md", "-o", str(out))
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert not out.exists() or list(out.iterdir()) == []


def test_a_file_slagen_fails_on_is_isolated(tmp_path: Path) -> None:
    # No content is known to break slagen any more, so the mechanism is checked
    # through the library: an exception in one file becomes that file's finding.
    from slagen.core import validate as validate_module

    good = tmp_path / "quoted-dates.yaml"
    good.write_text(BASE, encoding="utf-8")
    result = validate_module.internal_error_result("x.yaml", ZeroDivisionError("boom"))
    assert result.internal and result.failed()
    [finding] = result.findings
    assert (finding.code, finding.line, finding.column) == ("internal-error", 1, 1)
    assert "ZeroDivisionError: boom" in finding.message
    assert validate_module.validate_file(good).findings == []


def test_csv_cells_cannot_start_a_formula(tmp_path: Path) -> None:
    text = BASE.replace(
        'close_rate: "50%"',
        'funnel:\n        - {stage: "=1+cmd|x", rate: "25%", sla: true}\n'
        '        - {stage: "@won", rate: "50%"}',
    )
    path = tmp_path / "quoted-dates.yaml"
    path.write_text(text, encoding="utf-8")
    proc = cli("targets", str(path), "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    cells = [cell for line in proc.stdout.splitlines()[1:] for cell in line.split(",")]
    assert all(not c.lstrip('"').startswith(("=", "+", "-", "@")) for c in cells), cells
    assert any(c.lstrip('"').startswith("'=1+cmd|x") for c in cells), cells


def test_docs_name_every_limit() -> None:
    doc = (ROOT / "docs" / "limits.md").read_text(encoding="utf-8")
    for figure in (
        f"{limits.MAX_BYTES:,}",
        f"{int(limits.MAX_NUMBER):,}",
        f"{limits.MAX_DECIMAL_PLACES} decimal places",
        f"{limits.MIN_YEAR}–{limits.MAX_YEAR}",
        f"{limits.MAX_PERIOD_MONTHS} months",
        f"{limits.MAX_TEXT_CHARS:,} characters",
        f"{limits.MAX_ITEMS:,} items",
        f"{limits.MAX_KEYS} fields",
        f"parties {limits.MAX_ITEMS_BY_FIELD['parties']}",
    ):
        assert figure in doc, figure


# -- generated agreements near and past the limits ---------------------------------

NUMBERS = st.one_of(
    st.decimals(min_value=Decimal(1), max_value=limits.MAX_NUMBER * 2, places=0).map(str),
    st.decimals(min_value=Decimal("0.0000001"), max_value=Decimal(100_000), places=7).map(str),
    st.sampled_from(
        [
            "0.000000000000000000000000000001",
            "1000000000000",
            "1000000000001",
            "10000000000000000000000000",
            "999999999999.999999",
        ]
    ),
)
RATES = st.one_of(
    st.decimals(min_value=Decimal("0.0000001"), max_value=Decimal(1), places=7).map(str),
    st.sampled_from(['"0.0001%"', '"0.00001%"', '"100%"', '"12.5%"']),
)
YEARS = st.one_of(st.sampled_from([1899, 1900, 2026, 2200, 2201]), st.integers(1, 9999))
TEXTS = st.one_of(
    st.text(min_size=1, max_size=50).map(json.dumps),
    st.integers(min_value=limits.MAX_TEXT_CHARS - 2, max_value=limits.MAX_TEXT_CHARS + 2).map(
        lambda n: "x" * n
    ),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    revenue=NUMBERS,
    deal=NUMBERS,
    rate=RATES,
    year=YEARS,
    title=TEXTS,
    segments=st.integers(min_value=1, max_value=limits.MAX_ITEMS_BY_FIELD["targets.segments"] + 1),
)
def test_generated_agreement_validates_and_works_or_fails_with_findings(
    revenue: str, deal: str, rate: str, year: int, title: str, segments: int
) -> None:
    from slagen.documents.render import render_markdown
    from slagen.revisions import Source, diff_sources

    segment = BASE[BASE.index("    - id: all") : BASE.index("follow_up:")]
    many = "".join(
        segment.replace("id: all", f"id: s{i}")
        .replace("revenue_goal: 5000", f"revenue_goal: {revenue}")
        .replace("avg_deal_size: 100", f"avg_deal_size: {deal}")
        .replace('close_rate: "50%"', f"close_rate: {rate}")
        for i in range(segments)
    )
    text = (
        BASE.replace(segment, many)
        .replace('start: "2026-01-01"', f"start: '{year:04d}-01-01'")
        .replace("end: '2026-03-31'", f"end: '{year:04d}-03-31'")
        .replace("title: Marketing and Sales SLA", f"title: {title}")
    )
    result = validate_text(text, "quoted-dates.yaml")
    if result.errors:
        assert all(f.line >= 1 and f.code and f.message for f in result.errors)
        return
    event("valid")
    assert result.agreement is not None and result.targets is not None
    render_markdown(result.agreement, result.targets)
    source = Source(name="quoted-dates.yaml", text=text.encode(), path="quoted-dates.yaml")
    diff_sources(source, source)


def test_every_unsafe_character_is_unprintable() -> None:
    # unsafe_char_problem skips the pattern for printable text: that is only right if
    # no character the pattern names is printable (all are Cc or Cf).
    named = [chr(c) for c in range(0x3000) if limits.UNSAFE_CHAR_RE.match(chr(c))]
    assert len(named) == 71  # C0 but tab, newline, CR; DEL and C1; the bidi controls
    assert not any(c.isprintable() for c in named)
    for c in named:
        assert limits.unsafe_char_problem(f"a{c}b") is not None
    assert limits.unsafe_char_problem("plain text, é and 中文") is None
    assert limits.unsafe_char_problem("two\nlines\tand a tab\r") is None

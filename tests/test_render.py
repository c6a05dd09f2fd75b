"""Markdown and HTML rendering: structure, locale formatting, overrides, approvals and safety."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from slagen.core.model import Agreement, Approval
from slagen.core.targets import TargetTable
from slagen.core.validate import load_agreement
from slagen.documents.render import (
    TemplateRenderError,
    build_environment,
    render_html,
    render_markdown,
)

ROOT = Path(__file__).resolve().parent.parent

TINY = """\
slagen: 1
id: tiny-sla
title: Tiny SLA
type: internal
language: {language}
currency: EUR
period: {{start: 2026-01-01, end: 2026-03-31}}
revision: {{number: 1, date: 2026-01-01, summary: First version.}}
parties:
  - id: marketing
    name: {marketing}
    role: provider
    representative: {{name: Ana Ruiz, title: CMO}}
  - id: sales
    name: Sales
    role: recipient
    representative: {{name: Bo Li}}
summary: |
{summary}
objectives:
  - {{party: marketing, text: Deliver leads.}}
  - {{party: sales, text: Close deals.}}
needs:
  - {{party: sales, from: marketing, text: Leads.}}
contacts:
  - {{party: marketing, name: Ana Ruiz, role: CMO}}
consequences:
  - {{trigger: Missed leads, action: Plan.}}
cancellation:
  - text: Ends in March.
targets:
  segments:
    - id: all
      name: All
      revenue_goal: 1500
      marketing_share: "100%"
      avg_deal_size: 100
      close_rate: "50%"
"""


def tiny(
    tmp_path: Path,
    *,
    summary: str = "Leads for sales.",
    marketing: str = "Marketing",
    language: str = "en",
) -> tuple[Agreement, TargetTable]:
    path = tmp_path / "tiny-sla.yaml"
    path.write_text(
        TINY.format(summary="  Leads for sales.", marketing=marketing, language=language),
        encoding="utf-8",
    )
    agreement, targets = load_agreement(path)
    # validate refuses raw HTML and images in Markdown fields; the renderer must still
    # neutralise them on its own, so the hostile text is put in after validation
    return dataclasses.replace(agreement, summary=summary), targets


def approve(agreement: Agreement, *, stale_party: str | None = None) -> Agreement:
    approvals = tuple(
        Approval(
            party=p.id,
            name=p.representative.name,
            date=agreement.revision.date,
            fingerprint="sha256:" + "0" * 64 if p.id == stale_party else agreement.fingerprint,
        )
        for p in agreement.parties
    )
    return dataclasses.replace(agreement, approvals=approvals)


# --- structure and formatting --------------------------------------------------


def test_sections_are_numbered_without_gaps(tmp_path: Path) -> None:
    agreement, targets = tiny(tmp_path)
    headings = re.findall(r"^## (\d+)\. (.+)$", render_markdown(agreement, targets), re.MULTILINE)
    assert [int(n) for n, _ in headings] == list(range(1, len(headings) + 1))
    titles = [t for _, t in headings]
    # Optional sections the tiny agreement leaves out do not appear.
    assert "Definitions" not in titles and "Amendment" not in titles
    assert titles[0] == "Summary" and titles[-1] == "Approvals"


@pytest.mark.parametrize(
    ("language", "money", "month", "heading"),
    [
        ("es", "1.500,00\u00a0€", "enero de 2026", "## 5. Objetivos de leads"),
        ("en", "€1,500.00", "January 2026", "## 5. Lead targets"),
    ],
)
def test_locale_formatting(
    tmp_path: Path, language: str, money: str, month: str, heading: str
) -> None:
    agreement, targets = tiny(tmp_path, language=language)
    md = render_markdown(agreement, targets)
    assert money in md
    assert month in md
    assert heading in md


def test_language_override(tmp_path: Path) -> None:
    agreement, targets = tiny(tmp_path, language="en")
    assert "BORRADOR" in render_markdown(agreement, targets, language="es")
    assert "DRAFT" in render_markdown(agreement, targets)


def test_one_environment_per_templates_folder_and_language() -> None:
    assert build_environment(None, "es") is build_environment(None, "es")
    assert build_environment(None, "es") is not build_environment(None, "en")


# --- approvals ---------------------------------------------------------------


def test_draft_until_every_party_approves(tmp_path: Path) -> None:
    agreement, targets = tiny(tmp_path)
    html = render_html(agreement, targets, chart=False)
    assert 'class="watermark"' in html and ">DRAFT<" in html
    assert "**DRAFT**, awaiting approval by Marketing and Sales" in render_markdown(
        agreement, targets
    )

    approved = approve(agreement)
    html = render_html(approved, targets, chart=False)
    assert 'class="watermark"' not in html
    md = render_markdown(approved, targets)
    assert "DRAFT" not in md
    assert "Approved by every party" in md
    assert md.count("| Approved |") == 2


def test_stale_approval_is_shown_as_stale(tmp_path: Path) -> None:
    agreement, targets = tiny(tmp_path)
    half = approve(agreement, stale_party="sales")
    md = render_markdown(half, targets)
    assert "**Must approve again**" in md
    assert "Sales approved earlier content" in md
    assert "awaiting approval by Sales" in md
    html = render_html(half, targets, chart=False)
    assert "status-stale" in html and 'class="watermark"' in html
    assert "BORRADOR" in render_html(half, targets, chart=False, language="es")


# --- user text is data ----------------------------------------------------------


def test_template_syntax_in_user_text_is_printed_as_written(tmp_path: Path) -> None:
    summary = "Total: {{ 7*7 }} {% if true %}yes{% endif %} {# c #}"
    agreement, targets = tiny(tmp_path, summary=summary)
    md = render_markdown(agreement, targets)
    assert summary in md
    assert "49" not in md.replace(agreement.fingerprint, "")
    html = render_html(agreement, targets, chart=False)
    assert "{{ 7*7 }} {% if true %}yes{% endif %} {# c #}" in html


def test_raw_html_never_reaches_html(tmp_path: Path) -> None:
    agreement, targets = tiny(
        tmp_path,
        summary='<script>alert(1)</script>\n\n<img src="file:///etc/passwd">',
        marketing="<b>Mkt</b>",
    )
    html = render_html(agreement, targets, chart=False)
    assert "<script" not in html
    assert "<img" not in html
    assert "<b>Mkt</b>" not in html
    assert "&lt;script&gt;" in html


def test_links_and_images_are_policed_with_warnings(tmp_path: Path) -> None:
    summary = (
        "[click](javascript:alert(1)) [site](https://example.com)\n\n"
        "![x](file:///etc/passwd) ![y](http://127.0.0.1/track.png)"
    )
    agreement, targets = tiny(tmp_path, summary=summary)
    warnings: list[str] = []
    html = render_html(agreement, targets, chart=False, warnings=warnings)
    assert 'href="javascript' not in html
    assert '<a href="https://example.com">site</a>' in html
    assert "<img" not in html
    assert warnings == [
        "link removed: javascript:alert(1) (only http, https and mailto links are allowed)",
        "image removed: file:///etc/passwd (agreement text cannot embed images)",
        "image removed: http://127.0.0.1/track.png (agreement text cannot embed images)",
    ]


def test_plain_text_fields_cannot_break_tables(tmp_path: Path) -> None:
    agreement, targets = tiny(tmp_path, marketing='"Mkt | *team* [x](y)"')
    md = render_markdown(agreement, targets)
    row = next(line for line in md.splitlines() if line.startswith("| Mkt"))
    assert row == "| Mkt \\| \\*team\\* \\[x\\](y) | Provider | Ana Ruiz, CMO |"


def test_an_open_code_fence_cannot_swallow_the_document(tmp_path: Path) -> None:
    agreement, targets = tiny(tmp_path, summary="Intro\n\n```\nnever closed")
    html = render_html(agreement, targets, chart=False)
    assert "<h2>2. Objectives</h2>" in html


def test_no_template_is_ever_built_from_a_string() -> None:
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "slagen").rglob("*.py"))
    assert "from_string(" not in sources


# --- a team's templates folder ----------------------------------------------------


def test_a_team_can_override_one_section(tmp_path: Path) -> None:
    agreement, targets = tiny(tmp_path)
    own = tmp_path / "own"
    (own / "sections").mkdir(parents=True)
    (own / "sections" / "summary.md.j2").write_text(
        '## {{ section.number }}. {{ _("Summary") }}\n\nOur own words for {{ agreement.id }}.\n',
        encoding="utf-8",
    )
    md = render_markdown(agreement, targets, templates_dir=own)
    assert "Our own words for tiny-sla." in md
    assert "Leads for sales." not in md
    assert "## 2. Objectives" in md  # the rest comes from the shipped templates
    assert "## 1. Resumen" in render_markdown(agreement, targets, templates_dir=own, language="es")


def test_a_broken_override_is_a_user_error_naming_the_file(tmp_path: Path) -> None:
    agreement, targets = tiny(tmp_path)
    own = tmp_path / "own"
    (own / "sections").mkdir(parents=True)
    (own / "sections" / "summary.md.j2").write_text("{{ no_such_thing }}\n", encoding="utf-8")
    with pytest.raises(
        TemplateRenderError,
        match=r"summary\.md\.j2:1: template error: 'no_such_thing' is undefined",
    ):
        render_markdown(agreement, targets, templates_dir=own)
    (own / "sections" / "summary.md.j2").write_text("{% if %}\n", encoding="utf-8")
    with pytest.raises(TemplateRenderError, match="template syntax error"):
        render_markdown(agreement, targets, templates_dir=own)


def test_team_css_is_added_to_the_stylesheet(tmp_path: Path) -> None:
    agreement, targets = tiny(tmp_path)
    own = tmp_path / "own"
    (own / "assets").mkdir(parents=True)
    (own / "assets" / "custom.css").write_text("h2 { color: rebeccapurple; }\n", encoding="utf-8")
    html = render_html(agreement, targets, templates_dir=own, chart=False)
    assert "rebeccapurple" in html
    assert "@page" in html  # the shipped print.css is still there


def test_a_team_logo_appears_on_the_cover(tmp_path: Path) -> None:
    agreement, targets = tiny(tmp_path)
    own = tmp_path / "own"
    (own / "assets").mkdir(parents=True)
    assert 'class="cover-logo"' not in render_html(agreement, targets, chart=False)
    logo = own / "assets" / "logo.svg"
    logo.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="10"/>', encoding="utf-8"
    )
    html = render_html(agreement, targets, templates_dir=own, chart=False)
    assert f'<img class="cover-logo" src="{logo.resolve().as_uri()}"' in html


def test_over_capacity_months_are_named(tmp_path: Path) -> None:
    path = tmp_path / "tiny-sla.yaml"
    text = TINY.format(summary="  Leads.", marketing="Marketing", language="en")
    text += (
        "follow_up: {first_attempt_within: 4h, min_attempts: 6}\n"
        "capacity: {reps: 1, hours_per_rep_month: 2, minutes_per_attempt: 10}\n"
    )
    path.write_text(text, encoding="utf-8")
    agreement, targets = load_agreement(path)
    md = render_markdown(agreement, targets)
    assert "| January 2026 | 30 | 30.0 | 2.0 | **1,500.0% ⚠** |" in md
    assert "**Over capacity:** in January 2026, February 2026, and March 2026 the reps cannot" in md
    assert "Capacidad superada" in render_markdown(agreement, targets, language="es")

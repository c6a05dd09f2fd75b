"""`render_documents` (what `slagen render` runs) and atomic writes: all or nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from slagen.core.atomic_write import write_all, write_atomic
from slagen.core.errors import AgreementError, FileAccessError, UsageError
from slagen.documents.render import TemplateRenderError
from slagen.documents.write_documents import parse_formats, render_documents
from tests.test_render import TINY

ROOT = Path(__file__).resolve().parent.parent


def write_tiny(folder: Path, agreement_id: str = "tiny-sla", summary: str = "Leads.") -> Path:
    text = TINY.format(summary=f"  {summary}", marketing="Marketing", language="en")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{agreement_id}.yaml"
    path.write_text(text.replace("id: tiny-sla", f"id: {agreement_id}"), encoding="utf-8")
    return path


def test_write_atomic_replaces_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out" / "a.md"
    write_atomic(target, "one\n")
    write_atomic(target, b"two\n")
    assert target.read_bytes() == b"two\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["a.md"]
    assert oct(target.stat().st_mode & 0o777) == oct(0o644)


def test_a_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "a.pdf"
    target.write_bytes(b"old")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(FileAccessError, match="No space left on device"):
        write_all([(target, b"new")])
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.pdf"]


def test_parse_formats() -> None:
    assert parse_formats("md,pdf") == ("md", "pdf")
    assert parse_formats(" PDF , md,pdf") == ("pdf", "md")
    with pytest.raises(UsageError, match="docx"):
        parse_formats("md,docx")
    with pytest.raises(UsageError):
        parse_formats(",")


def test_render_markdown_and_html_into_a_folder(tmp_path: Path) -> None:
    source = write_tiny(tmp_path / "src")
    out = tmp_path / "build"
    warnings: list[str] = []
    written = render_documents([source.parent], ["md", "html"], out, warnings=warnings)
    assert written == [out / "tiny-sla.md", out / "tiny-sla.html"]
    assert (out / "tiny-sla.md").read_text(encoding="utf-8").startswith("# Tiny SLA\n")
    assert (out / "tiny-sla.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert warnings == []


def test_an_image_in_agreement_text_is_refused_before_anything_renders(tmp_path: Path) -> None:
    source = write_tiny(tmp_path, summary="![x](file:///etc/passwd)")
    with pytest.raises(AgreementError) as raised:
        render_documents([source], ["md"], tmp_path / "build")
    assert any("file:///etc/passwd" in f.message for f in raised.value.findings)
    assert not (tmp_path / "build").exists()


def test_an_invalid_agreement_writes_nothing(tmp_path: Path) -> None:
    good = write_tiny(tmp_path, "good-sla")
    bad = write_tiny(tmp_path, "bad-sla")
    bad.write_text(
        bad.read_text(encoding="utf-8").replace('close_rate: "50%"', "close_rate: 50"),
        encoding="utf-8",
    )
    out = tmp_path / "build"
    out.mkdir()
    (out / "good-sla.md").write_text("earlier output\n", encoding="utf-8")
    with pytest.raises(AgreementError) as caught:
        render_documents([good, bad], ["md"], out)
    assert any("close_rate" in f.path for f in caught.value.findings)
    assert [p.name for p in out.iterdir()] == ["good-sla.md"]
    assert (out / "good-sla.md").read_text(encoding="utf-8") == "earlier output\n"


def test_a_failed_render_writes_nothing(tmp_path: Path) -> None:
    source = write_tiny(tmp_path)
    own = tmp_path / "own" / "sections"
    own.mkdir(parents=True)
    (own / "signatures.md.j2").write_text("{{ missing }}\n", encoding="utf-8")
    out = tmp_path / "build"
    with pytest.raises(TemplateRenderError, match="missing"):
        render_documents([source], ["md", "html"], out, own.parent)
    assert not out.exists()


def test_usage_errors(tmp_path: Path) -> None:
    source = write_tiny(tmp_path)
    with pytest.raises(UsageError, match="page size"):
        render_documents([source], ["md"], tmp_path / "b", page_size="A5")
    with pytest.raises(UsageError, match="templates folder"):
        render_documents([source], ["md"], tmp_path / "b", tmp_path / "nowhere")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(UsageError, match="no agreement files"):
        render_documents([empty], ["md"], tmp_path / "b")
    twin = tmp_path / "twin"
    twin.mkdir()
    copy = twin / "tiny-sla.yaml"
    copy.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(UsageError, match="both have id 'tiny-sla'"):
        render_documents([source, copy], ["md"], tmp_path / "out")


def test_a_character_no_font_has_is_one_plain_warning_not_library_noise(tmp_path: Path) -> None:
    # CJK and emoji with only the DejaVu fonts installed: the chart (matplotlib) and the
    # PDF (WeasyPrint) both lack the glyphs; the user gets one line per character.
    text = (ROOT / "agreements" / "northwind-marketing-sales.yaml").read_text(encoding="utf-8")
    source = tmp_path / "northwind-marketing-sales.yaml"
    source.write_text(text.replace("name: North America", "name: 北米 🚀", 1), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "slagen.cli", "render", str(source), "--to", "pdf", "-o", "out"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "UserWarning" not in done.stderr and "Glyph" not in done.stderr
    lines = done.stderr.splitlines()
    for line in lines:
        assert line.startswith(f"{source}: warning: no installed font has "), line
    assert len(lines) == len(set(lines))
    fonts = subprocess.run(
        ["fc-list", ":charset=5317"], capture_output=True, text=True, check=False
    ).stdout
    if not fonts.strip():  # no CJK font on this machine (CI installs only DejaVu)
        assert any("北 (U+5317)" in line for line in lines)

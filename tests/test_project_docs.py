"""The project documents itself: no reference to a document outside the repository."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ("slagen", "templates", "schemas", "docs", "README.md", "SECURITY.md")
DOC_REFERENCE = re.compile(r"\bdocs/[A-Za-z0-9_-]+\.md\b")


def shipped_files() -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard", *SHIPPED],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    files = [ROOT / name for name in listed if (ROOT / name).is_file()]
    return [f for f in files if f.suffix in {".py", ".md", ".j2", ".json", ".po", ".pot", ".css"}]


def test_nothing_points_at_the_design_note() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in shipped_files()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\bSPEC\b", line)
    ]
    assert offenders == []


def test_every_referenced_docs_page_exists() -> None:
    missing = sorted(
        {
            f"{path.relative_to(ROOT)} → {reference}"
            for path in shipped_files()
            for reference in DOC_REFERENCE.findall(path.read_text(encoding="utf-8"))
            if not (ROOT / reference).is_file()
        }
    )
    assert missing == []


def test_every_docs_page_is_reachable_from_the_readme_or_another_page() -> None:
    pages = {p.name for p in (ROOT / "docs").glob("*.md")}
    linked: set[str] = set()
    for source in [ROOT / "README.md", *(ROOT / "docs").glob("*.md")]:
        text = source.read_text(encoding="utf-8")
        linked.update(re.findall(r"([A-Za-z0-9_-]+\.md)", text))
    assert sorted(pages - linked) == []

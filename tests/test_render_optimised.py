"""Speed never changes a byte: every optimisation on, then off, gives the same files.

The optimisations (chart cache, compiled-template cache, the garbage
collector's policy, the fast WeasyPrint import, one font setup per process,
build workers forked warm) are all turned off by ``SLAGEN_NO_OPTIMISE=1``.
Each run is its own ``slagen`` process, as users run it, with its own cache
folder.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import example_files

FORMATS = "md,html,pdf"


def _slagen(args: list[str], cache: Path, *, optimise: bool = True) -> str:
    env = dict(os.environ, SLAGEN_CACHE_DIR=str(cache))
    env.pop("SLAGEN_NO_OPTIMISE", None)
    if not optimise:
        env["SLAGEN_NO_OPTIMISE"] = "1"
    done = subprocess.run(
        [sys.executable, "-m", "slagen", *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout + done.stderr


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*.*"))}


def test_render_is_byte_identical_with_and_without_optimisations(tmp_path: Path) -> None:
    sources = [str(p) for p in example_files()]
    cache = tmp_path / "cache"
    outputs = {}
    # Cold cache (fills it), warm cache (reads it), everything off.
    for name, optimise in (("cold", True), ("warm", True), ("off", False)):
        _slagen(
            ["render", *sources, "--to", FORMATS, "-o", str(tmp_path / name)],
            cache,
            optimise=optimise,
        )
        outputs[name] = _files(tmp_path / name)
    assert len(outputs["off"]) == 3 * len(sources)
    assert outputs["cold"] == outputs["off"]
    assert outputs["warm"] == outputs["off"]
    assert list((cache / "charts").iterdir()), "charts were cached"
    assert list((cache / "templates").iterdir()), "templates were cached"


def test_build_with_warm_workers_is_byte_identical(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "agreements").mkdir(parents=True)
    for path in example_files():
        shutil.copy(path, repo / "agreements" / path.name)
    outputs = {}
    for name, optimise in (("on", True), ("off", False)):
        out = tmp_path / name
        _slagen(
            ["build", str(repo), "-o", str(out), "--jobs", "2"],
            tmp_path / "cache",
            optimise=optimise,
        )
        outputs[name] = _files(out)
    assert outputs["on"] == outputs["off"]
    manifest = json.loads(outputs["on"]["manifest.json"])
    assert len(manifest["agreements"]) == len(example_files())


def test_a_damaged_cache_is_ignored(tmp_path: Path) -> None:
    source = str(example_files()[0])
    cache = tmp_path / "cache"
    _slagen(["render", source, "--to", "html", "-o", str(tmp_path / "first")], cache)
    entries = [p for p in cache.rglob("*") if p.is_file()]
    assert entries
    for index, entry in enumerate(entries):
        data = entry.read_bytes()
        # Truncated, flipped, emptied: whatever a crash or a disk could leave.
        damaged = [data[: len(data) // 2], data[:-1] + bytes([data[-1] ^ 1]), b""][index % 3]
        entry.write_bytes(damaged)
    _slagen(["render", source, "--to", "html", "-o", str(tmp_path / "second")], cache)
    assert _files(tmp_path / "second") == _files(tmp_path / "first")


def test_an_edited_template_override_is_compiled_again(tmp_path: Path) -> None:
    source = str(example_files()[0])
    cache = tmp_path / "cache"
    overrides = tmp_path / "templates" / "sections"
    overrides.mkdir(parents=True)
    shipped = Path(__file__).resolve().parent.parent / "templates" / "sections"
    text = (shipped / "summary.md.j2").read_text(encoding="utf-8")
    for word in ("FIRST-OVERRIDE", "SECOND-OVERRIDE"):
        (overrides / "summary.md.j2").write_text(f"{word}\n\n{text}", encoding="utf-8")
        out = tmp_path / word
        args = [
            "render",
            source,
            "--to",
            "md",
            "-o",
            str(out),
            "--templates",
            str(overrides.parent),
        ]
        _slagen(args, cache)
        (document,) = out.glob("*.md")
        shown = document.read_text(encoding="utf-8")
        assert word in shown
        assert "FIRST-OVERRIDE" not in shown or word == "FIRST-OVERRIDE"


def test_a_cached_override_is_still_sandboxed(tmp_path: Path) -> None:
    source = str(example_files()[0])
    overrides = tmp_path / "templates"
    (overrides / "sections").mkdir(parents=True)
    (overrides / "sections" / "summary.md.j2").write_text(
        "{{ ''.__class__.__mro__ }}\n", encoding="utf-8"
    )
    env = dict(os.environ, SLAGEN_CACHE_DIR=str(tmp_path / "cache"))
    env.pop("SLAGEN_NO_OPTIMISE", None)
    for _ in range(2):  # compiled, then from the cache
        done = subprocess.run(
            [sys.executable, "-m", "slagen", "render", source, "--to", "md",
             "-o", str(tmp_path / "out"), "--templates", str(overrides)],
            env=env, capture_output=True, text=True, check=False,
        )  # fmt: skip
        assert done.returncode == 2, done.stdout + done.stderr
        assert "__class__" in done.stderr and "Traceback" not in done.stderr
        assert not (tmp_path / "out").exists()


def test_html_and_markdown_do_not_load_the_pdf_or_chart_stack(tmp_path: Path) -> None:
    source = str(example_files()[0])
    env = dict(os.environ, SLAGEN_CACHE_DIR=str(tmp_path / "cache"))
    env.pop("SLAGEN_NO_OPTIMISE", None)
    code = (
        "import sys\nfrom slagen.cli.app import main\n"
        "sys.argv = ['slagen', *sys.argv[1:]]\n"
        "try:\n    main()\nfinally:\n"
        "    print('@@', sorted({m.split('.')[0] for m in sys.modules} & {'weasyprint', 'matplotlib'}))"
    )
    seen = []
    for formats in ("html", "html", "md"):  # the first html draws the chart, then it is cached
        done = subprocess.run(
            [sys.executable, "-c", code, "render", source, "--to", formats, "-o", str(tmp_path / "o")],
            env=env, capture_output=True, text=True, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        seen.append(done.stdout.rsplit("@@", 1)[1].strip())
    assert seen == ["['matplotlib']", "[]", "[]"]

"""The example pages the layout tests read, and their reference pictures.

``CASES`` renders a few examples in each language and on both paper sizes;
``REFERENCE_PAGES`` names the pages kept as pictures in ``tests/reference/``.
After an intended layout change, look at the new pictures and store them:

    .venv/bin/python -m tests.reference_pages --update
"""

from __future__ import annotations

import argparse
import io
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageChops

from slagen.core.model import Agreement
from slagen.core.targets import TargetTable
from slagen.core.validate import load_agreement
from slagen.documents.render import render_pdf
from tests.conftest import AGREEMENTS

REFERENCE_DIR = Path(__file__).parent / "reference"
RESOLUTION = 40  # dpi: enough to see a table move, small enough to store
# A pixel counts as changed past this difference (0–255) in any channel…
PIXEL_TOLERANCE = 64
# …and a page differs when more than this share of its pixels changed.
CHANGED_SHARE = 0.01


@dataclass(frozen=True)
class Case:
    stem: str
    lang: str
    paper: str = "A4"

    @property
    def name(self) -> str:
        return f"{self.stem}.{self.lang}.{self.paper.lower()}"


# Two examples in Spanish, two in English, one of them on both paper sizes.
CASES = (
    Case("andina-ans-ventas-marketing", "es"),
    Case("compania-x-multinivel", "es"),
    Case("helio-soporte-cliente", "en"),
    Case("northwind-marketing-sales", "en"),
    Case("northwind-marketing-sales", "en", "Letter"),
)
# (case name, page number): the cover, a figures page, the signature page.
REFERENCE_PAGES = (
    ("northwind-marketing-sales.en.a4", 1),
    ("northwind-marketing-sales.en.a4", 3),
    ("andina-ans-ventas-marketing.es.a4", 2),
    ("northwind-marketing-sales.en.letter", -1),
)


@dataclass(frozen=True)
class Rendered:
    case: Case
    agreement: Agreement
    targets: TargetTable
    pdf: bytes
    warnings: tuple[str, ...]


def render_case(case: Case) -> Rendered:
    agreement, targets = load_agreement(AGREEMENTS / f"{case.stem}.yaml")
    warnings: list[str] = []
    pdf = render_pdf(
        agreement, targets, language=case.lang, page_size=case.paper, warnings=warnings
    )
    return Rendered(case, agreement, targets, pdf, tuple(warnings))


def page_picture(pdf: bytes, page: int, pages: int) -> Image.Image:
    """One page as an RGB picture at :data:`RESOLUTION` (page -1 is the last)."""
    number = pages if page == -1 else page
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "document.pdf"
        source.write_bytes(pdf)
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                str(RESOLUTION),
                "-f",
                str(number),
                "-l",
                str(number),
                "-singlefile",
                str(source),
                str(Path(folder) / "page"),
            ],
            check=True,
            capture_output=True,
        )
        with Image.open(Path(folder) / "page.png") as image:
            return image.convert("RGB")


def reference_path(case_name: str, page: int) -> Path:
    return REFERENCE_DIR / f"{case_name}.p{'last' if page == -1 else page}.png"


def changed_share(picture: Image.Image, reference: Image.Image) -> float:
    """The share of pixels that differ by more than :data:`PIXEL_TOLERANCE`."""
    if picture.size != reference.size:
        return 1.0
    difference = ImageChops.difference(picture, reference).convert("L")
    changed = sum(difference.point(lambda v: 255 if v > PIXEL_TOLERANCE else 0).histogram()[255:])
    return changed / (picture.size[0] * picture.size[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--update", action="store_true", help="write tests/reference/*.png")
    args = parser.parse_args()
    REFERENCE_DIR.mkdir(exist_ok=True)
    by_name = {case.name: case for case in CASES}
    cache: dict[str, Rendered] = {}
    for case_name, page in REFERENCE_PAGES:
        rendered = cache.get(case_name) or render_case(by_name[case_name])
        cache[case_name] = rendered
        pages = _page_count(rendered.pdf)
        picture = page_picture(rendered.pdf, page, pages)
        path = reference_path(case_name, page)
        if args.update:
            picture.save(path, optimize=True)
            print(
                f"wrote {path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}"
            )
        else:
            share = changed_share(picture, Image.open(path).convert("RGB"))
            print(f"{path.name}: {share:.2%} of pixels changed")


def _page_count(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


if __name__ == "__main__":
    main()

"""Write templates/assets/watermark-<lang>.svg: the DRAFT mark as outlines.

The mark is drawn as paths, not text, so copying text out of a draft PDF never
picks up its letters. Run after changing the word or the font:

    .venv/bin/python tools/watermark_svg.py
"""

from __future__ import annotations

from pathlib import Path

from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
WORDS = {"en": "DRAFT", "es": "BORRADOR"}
ASSETS = Path(__file__).resolve().parent.parent / "templates" / "assets"
TRACKING = 0.06  # letter spacing, in em


def outline(word: str, font: TTFont) -> tuple[str, float, float]:
    glyphs = font.getGlyphSet()
    cmap = font.getBestCmap()
    upem = font["head"].unitsPerEm
    ascent = font["hhea"].ascent
    pen = SVGPathPen(glyphs)
    x = 0.0
    for char in word:
        name = cmap[ord(char)]
        # y up in the font, down in SVG: flip around the ascent.
        glyphs[name].draw(TransformPen(pen, (1, 0, 0, -1, x, ascent)))
        x += glyphs[name].width + TRACKING * upem
    width = x - TRACKING * upem
    height = ascent - font["hhea"].descent
    return pen.getCommands(), width, height


def main() -> None:
    font = TTFont(FONT)
    for lang, word in WORDS.items():
        path, width, height = outline(word, font)
        svg = (
            '<svg xmlns="http://www.w3.org/2000/svg" '
            f'viewBox="0 0 {width:.0f} {height:.0f}" aria-hidden="true">'
            f'<path fill="rgb(190,30,30)" fill-opacity="0.10" d="{path}"/></svg>\n'
        )
        (ASSETS / f"watermark-{lang}.svg").write_text(svg, encoding="utf-8")


if __name__ == "__main__":
    main()

"""The bundled Sarabun faces: where they are, and their HarfBuzz and fontTools views.

One `Face` per style is loaded once per process (fonts are read-only); everything that
changes per document (which glyphs are used, composite glyphs) lives in `forms.pdf.embed`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import cache
from pathlib import Path

import uharfbuzz as hb
from fontTools.ttLib import TTFont

FONT_DIR = Path(__file__).resolve().parent.parent.parent / "resources" / "fonts"


class Style(Enum):
    REGULAR = "Sarabun-Regular"
    BOLD = "Sarabun-Bold"
    ITALIC = "Sarabun-Italic"
    BOLD_ITALIC = "Sarabun-BoldItalic"


@dataclass(frozen=True, eq=False)
class Face:
    """One font file: HarfBuzz shapes with it, fontTools reads its glyphs and metrics."""

    style: Style
    path: Path
    hb_font: hb.Font
    tt: TTFont
    units_per_em: int
    glyph_order: tuple[str, ...]
    ascent: int
    descent: int
    cap_height: int
    bbox: tuple[int, int, int, int]
    italic_angle: float

    @property
    def ps_name(self) -> str:
        return self.style.value

    def glyph_name(self, gid: int) -> str:
        return self.glyph_order[gid]


@cache
def face(style: Style = Style.REGULAR) -> Face:
    """The face of `style`, loaded on first use."""
    path = FONT_DIR / f"{style.value}.ttf"
    data = path.read_bytes()
    hb_font = hb.Font(hb.Face(hb.Blob(data)))
    tt = TTFont(path, lazy=True)
    head, os2 = tt["head"], tt["OS/2"]
    return Face(
        style=style,
        path=path,
        hb_font=hb_font,
        tt=tt,
        units_per_em=head.unitsPerEm,
        glyph_order=tuple(tt.getGlyphOrder()),
        ascent=os2.sTypoAscender,
        descent=os2.sTypoDescender,
        cap_height=getattr(os2, "sCapHeight", 0) or os2.sTypoAscender,
        bbox=(head.xMin, head.yMin, head.xMax, head.yMax),
        italic_angle=float(tt["post"].italicAngle),
    )

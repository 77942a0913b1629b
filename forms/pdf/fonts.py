"""The bundled Sarabun faces: where they are, and their HarfBuzz and raw-table views.

One `Face` per style is loaded once per process (fonts are read-only); everything that
changes per document (which glyphs are used, composite glyphs) lives in `forms.pdf.embed`.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from enum import Enum
from functools import cache
from pathlib import Path

import uharfbuzz as hb

import resources

FONT_DIR = resources.folder("fonts")


class Style(Enum):
    REGULAR = "Sarabun-Regular"
    BOLD = "Sarabun-Bold"
    ITALIC = "Sarabun-Italic"
    BOLD_ITALIC = "Sarabun-BoldItalic"


@dataclass(frozen=True, eq=False)
class Face:
    """One font file: HarfBuzz shapes with it; its raw tables give metrics and glyphs."""

    style: Style
    path: Path
    hb_font: hb.Font
    tables: dict[str, bytes]
    units_per_em: int
    ascent: int
    descent: int
    cap_height: int
    bbox: tuple[int, int, int, int]
    italic_angle: float

    @property
    def ps_name(self) -> str:
        return self.style.value


def read_tables(data: bytes) -> dict[str, bytes]:
    """The tables of a TrueType font file by tag."""
    count = struct.unpack_from(">H", data, 4)[0]
    tables = {}
    for i in range(count):
        tag, _sum, offset, length = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        tables[tag.decode("latin-1")] = data[offset : offset + length]
    return tables


@cache
def face(style: Style = Style.REGULAR) -> Face:
    """The face of `style`, loaded on first use.

    Metrics are read straight from the tables (fontTools would add a tenth of a second to
    a cold export just to be imported).
    """
    path = FONT_DIR / f"{style.value}.ttf"
    data = path.read_bytes()
    tables = read_tables(data)
    head, os2, post = tables["head"], tables["OS/2"], tables["post"]
    os2_version = struct.unpack_from(">H", os2, 0)[0]
    ascent, descent = struct.unpack_from(">hh", os2, 68)
    cap_height = struct.unpack_from(">h", os2, 88)[0] if os2_version >= 2 else 0
    return Face(
        style=style,
        path=path,
        hb_font=hb.Font(hb.Face(hb.Blob(data))),
        tables=tables,
        units_per_em=struct.unpack_from(">H", head, 18)[0],
        ascent=ascent,
        descent=descent,
        cap_height=cap_height or ascent,
        bbox=struct.unpack_from(">4h", head, 36),
        italic_angle=struct.unpack_from(">i", post, 4)[0] / 65536,
    )

"""Embedding a Sarabun face in one PDF: glyph codes, their text, the font subset.

ReportLab's own TrueType embedding gives one code per glyph and maps each code to one
character, which cannot say that the glyphs of `ที่` together mean three characters, and
HarfBuzz's contextual glyphs (`uni0E48.small`, tail-less ญ, SARA AM split in two) have no
character of their own. So each face is embedded by hand as a Type0 font (Identity-H,
CIDFontType2) whose codes are *clusters*:

- a cluster of one glyph at its pen position is that glyph;
- a code of several glyphs (SARA AM's nikhahit + aa), or of one glyph HarfBuzz moved off
  the pen (a mark placed by GPOS), becomes a composite glyph added to the subset
  (`forms.pdf.ttfsubset`), its components exactly where HarfBuzz placed them;
- each code's width is the cluster's shaped advance and its ToUnicode entry is the cluster's
  text, so every extractor reads back what was typed, in order, with no gaps.

One `EmbeddedFont` per face and document; codes are handed out while pages are drawn and
the font objects are written when ReportLab saves the document (its `delayedFonts` hook).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDictionary,
    PDFName,
    PDFObjectReference,
    PDFStream,
    PDFString,
)

from forms.pdf.fonts import Face, Style, face
from forms.pdf.shaping import Cluster, Glyphs, Unit
from forms.pdf.ttfsubset import Subset

CodeKey = tuple[Glyphs, int, str]  # glyphs, advance, text
MAX_CODES = 0xFFFF


class EmbeddedFont:
    """The codes one face uses in one document, and its PDF font objects at save time."""

    def __init__(self, doc: pdfdoc.PDFDocument, face_: Face, resource: str) -> None:
        self.face = face_
        self.resource = resource  # the page resource name, e.g. "TH0"
        self._ref = f"ThaiFont.{resource}"
        self._codes: dict[int, int] = {}  # Unit.uid -> code
        self._keys: list[CodeKey] = []  # code n is _keys[n - 1]
        self._cluster_hex: dict[int, str] = {}  # Cluster.uid -> its codes
        fonts = doc.idToObject[pdfdoc.BasicFonts].dict
        fonts[resource] = PDFObjectReference(self._ref)
        doc.fontMapping[f"thai:{face_.ps_name}"] = "/" + resource
        doc.delayedFonts.append(self)

    def encode(self, clusters: Iterable[Cluster]) -> str:
        """The hex string (without <>) drawing `clusters`, giving codes to new units."""
        hexes = self._cluster_hex
        out = []
        for c in clusters:
            h = hexes.get(c.uid)
            if h is None:
                h = hexes[c.uid] = "".join(f"{self._code(u):04X}" for u in c.units)
            out.append(h)
        return "".join(out)

    def encode_each(self, clusters: Iterable[Cluster]) -> list[str]:
        """The hex string of each cluster (to put adjustments between clusters)."""
        return [self.encode((c,)) for c in clusters]

    def _code(self, u: Unit) -> int:
        code = self._codes.get(u.uid)
        if code is None:
            code = len(self._keys) + 1
            if code > MAX_CODES:
                raise OverflowError("more than 65535 distinct glyph codes in one face")
            self._codes[u.uid] = code
            self._keys.append((u.glyphs, u.advance, u.text))
        return code

    # -- at save time -------------------------------------------------------------------

    def addObjects(self, doc: pdfdoc.PDFDocument) -> None:  # ReportLab's delayedFonts hook
        keys = self._keys
        font_bytes, gids, _order = build_subset(self.face, keys)
        tag = _subset_tag(font_bytes)
        base = PDFName(f"{tag}+{self.face.ps_name}")
        scale = 1000 / self.face.units_per_em
        fontfile = PDFStream(
            PDFDictionary({"Length1": len(font_bytes)}), font_bytes, filters=[pdfdoc.PDFZCompress]
        )
        x0, y0, x1, y1 = self.face.bbox
        descriptor = PDFDictionary(
            {
                "Type": PDFName("FontDescriptor"),
                "FontName": base,
                "Flags": 4 | (64 if self.face.italic_angle else 0),
                "FontBBox": PDFArray([round(v * scale) for v in (x0, y0, x1, y1)]),
                "ItalicAngle": self.face.italic_angle,
                "Ascent": round(self.face.ascent * scale),
                "Descent": round(self.face.descent * scale),
                "CapHeight": round(self.face.cap_height * scale),
                "StemV": 80,
                "FontFile2": doc.Reference(fontfile),
            }
        )
        widths = PDFArray([1, PDFArray([round(k[1] * scale, 2) for k in keys])])
        cid_to_gid = PDFStream(
            PDFDictionary({}),
            b"\0\0" + b"".join(g.to_bytes(2, "big") for g in gids),
            filters=[pdfdoc.PDFZCompress],
        )
        cidfont = PDFDictionary(
            {
                "Type": PDFName("Font"),
                "Subtype": PDFName("CIDFontType2"),
                "BaseFont": base,
                "CIDSystemInfo": PDFDictionary(
                    {
                        "Registry": PDFString("Adobe"),
                        "Ordering": PDFString("Identity"),
                        "Supplement": 0,
                    }
                ),
                "FontDescriptor": doc.Reference(descriptor),
                "DW": 0,
                "W": widths,
                "CIDToGIDMap": doc.Reference(cid_to_gid),
            }
        )
        to_unicode = PDFStream(
            PDFDictionary({}), to_unicode_cmap([k[2] for k in keys]), filters=[pdfdoc.PDFZCompress]
        )
        font = PDFDictionary(
            {
                "Type": PDFName("Font"),
                "Subtype": PDFName("Type0"),
                "BaseFont": base,
                "Encoding": PDFName("Identity-H"),
                "DescendantFonts": PDFArray([doc.Reference(cidfont)]),
                "ToUnicode": doc.Reference(to_unicode),
            }
        )
        doc.Reference(font, self._ref)


def font_for(doc: pdfdoc.PDFDocument, style: Style) -> EmbeddedFont:
    """The document's embedded font of `style`, created on first use."""
    fonts: dict[Style, EmbeddedFont] = doc.__dict__.setdefault("_thai_fonts", {})
    if style not in fonts:
        fonts[style] = EmbeddedFont(doc, face(style), f"TH{len(fonts)}")
    return fonts[style]


def _subset_tag(data: bytes) -> str:
    digest = hashlib.sha1(data).digest()
    return "".join(chr(65 + b % 26) for b in digest[:6])


def _utf16_hex(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def to_unicode_cmap(texts: list[str]) -> bytes:
    """A ToUnicode CMap giving code n (from 1) the text texts[n - 1]."""
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        "<0000> <FFFF>",
        "endcodespacerange",
    ]
    for start in range(0, len(texts), 100):  # at most 100 entries per block
        block = texts[start : start + 100]
        lines.append(f"{len(block)} beginbfchar")
        lines.extend(f"<{start + i + 1:04X}> <{_utf16_hex(t)}>" for i, t in enumerate(block))
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines).encode("ascii")


def build_subset(face_: Face, keys: list[CodeKey]) -> tuple[bytes, list[int], list[int]]:
    """A TrueType font holding the glyphs `keys` draw, each code's glyph id in it, and for
    each subset glyph its source glyph id (-1 for a new composite).

    A code of one glyph at the pen is that glyph; any other code is a new composite glyph
    (one per distinct placement), which fontTools' subsetter has no notion of.
    """
    subset = Subset(face_)
    composites: dict[tuple[Glyphs, int], int] = {}
    gids = []
    for glyph_list, advance, _text in keys:
        if len(glyph_list) == 1 and glyph_list[0][1:] == (0, 0):
            gids.append(subset.original(glyph_list[0][0]))
        else:
            key = (glyph_list, advance)
            if key not in composites:
                composites[key] = subset.composite(glyph_list, advance)
            gids.append(composites[key])
    sources = [item if isinstance(item, int) else -1 for item in subset.order]
    return subset.to_bytes(), gids, sources

"""A TrueType subset written straight from the source font's stored glyph bytes.

fontTools can build the same font (and did, first), but it decodes and re-encodes every
glyph outline, which took most of the time of a whole export; here simple glyphs are
copied byte for byte, composite glyphs get their component indexes renumbered, and the
new cluster composites (see `forms.pdf.embed`) are encoded directly. Only the tables a PDF
viewer reads from an embedded CIDFontType2 are written.

Glyphs of the fallback font (`forms.pdf.fallback`) join the subset of the face they are
drawn with. In the face's numbering (N own glyphs, F fallback glyphs), ids N..N+F-1 are the
fallback's glyphs as HarfBuzz placed them (`forms.pdf.shaping.fallback_gid`): each is
written as a composite scaling the fallback's outline, id N+F+g, to the face's em. The
outlines are copied without their hinting instructions (the subset has no fpgm/prep/cvt).

Reading the source fonts' glyphs (`Source`, composites' components, dropping instructions)
moved to `forms.pdf.glyph_source`; this module picks, renumbers and writes them.
"""

from __future__ import annotations

import math
import struct
from dataclasses import dataclass

from forms.pdf import fallback
from forms.pdf.fonts import Face
from forms.pdf.glyph_source import (
    ARG_1_AND_2_ARE_WORDS,
    ARGS_ARE_XY_VALUES,
    F2DOT14_ONE,
    MORE_COMPONENTS,
    WE_HAVE_A_SCALE,
    bbox,
    components,
    fallback_source,
    is_composite,
    source,
    without_instructions,
)


@dataclass
class Subset:
    """Glyphs picked from one face (by source id) plus new composites, renumbered."""

    face: Face

    def __post_init__(self) -> None:
        self.src = source(self.face)
        self.base = len(self.src.glyphs)  # N: ids from here on are the fallback's
        self.uses_fallback = False
        self.new_id: dict[int, int] = {0: 0}  # source glyph id -> subset glyph id
        self.order: list[int | tuple] = [0]  # source id, or ("composite", parts, advance)

    def original(self, gid: int) -> int:
        """The subset id of source glyph `gid` (with its components)."""
        if gid in self.new_id:
            return self.new_id[gid]
        for comp in self._components(gid):
            self.original(comp)
        self.new_id[gid] = len(self.order)
        self.order.append(gid)
        return self.new_id[gid]

    def _components(self, gid: int) -> list[int]:
        if gid < self.base:
            data = self.src.glyphs[gid]
        else:
            self.uses_fallback = True
            fb = fallback_source()
            count = len(fb.glyphs)
            if gid < self.base + count:  # a placed fallback glyph: its outline
                return [gid + count] if fb.glyphs[gid - self.base] else []
            data = fb.glyphs[gid - self.base - count]
            base = self.base + count
            return [base + c for _p, c, _f in components(data)] if is_composite(data) else []
        return [c for _p, c, _f in components(data)] if is_composite(data) else []

    def composite(self, parts: tuple[tuple[int, int, int], ...], advance: int) -> int:
        """The subset id of a new glyph drawing source glyphs `parts` at (x, y)."""
        for gid, _x, _y in parts:
            self.original(gid)
        self.order.append(("composite", parts, advance))
        return len(self.order) - 1

    # -- writing ------------------------------------------------------------------------

    def _glyph_bytes(self, item: int | tuple) -> tuple[bytes, int, int]:
        """(glyf data, advance, lsb) of one subset glyph."""
        if isinstance(item, int) and item >= self.base:
            return self._fallback_bytes(item)
        if isinstance(item, int):
            data = self.src.glyphs[item]
            if is_composite(data):
                buf = bytearray(data)
                for pos, comp, _flags in components(data):
                    struct.pack_into(">H", buf, pos, self.new_id[comp])
                data = bytes(buf)
            return data, self.src.advances[item], self.src.lsbs[item]
        _tag, parts, advance = item
        boxes = [(b, x, y) for gid, x, y in parts if (b := self._bbox(gid))]
        if not boxes:  # marks of blank glyphs only: draw nothing
            return b"", advance, 0
        x0 = min(b[0] + x for b, x, _y in boxes)
        y0 = min(b[1] + y for b, _x, y in boxes)
        x1 = max(b[2] + x for b, x, _y in boxes)
        y1 = max(b[3] + y for b, _x, y in boxes)
        out = bytearray(struct.pack(">h4h", -1, x0, y0, x1, y1))
        for i, (gid, x, y) in enumerate(parts):
            flags = ARG_1_AND_2_ARE_WORDS | ARGS_ARE_XY_VALUES
            if i < len(parts) - 1:
                flags |= MORE_COMPONENTS
            out += struct.pack(">HHhh", flags, self.new_id[gid], x, y)
        return bytes(out), advance, x0

    def _bbox(self, gid: int) -> tuple[int, int, int, int] | None:
        if gid >= self.base:
            return _scaled_bbox(self.face.units_per_em, gid - self.base)
        return bbox(self.src.glyphs[gid])

    def _fallback_bytes(self, item: int) -> tuple[bytes, int, int]:
        """A placed fallback glyph (its outline scaled to the face's em) or an outline."""
        fb = fallback_source()
        count = len(fb.glyphs)
        g = item - self.base
        if g < count:
            upem = self.face.units_per_em
            adv = fallback.fallback_font(upem).get_glyph_h_advance(g)
            box = _scaled_bbox(upem, g)
            if box is None:
                return b"", adv, 0
            scale = round(fallback.scale(upem) * F2DOT14_ONE)
            flags = ARG_1_AND_2_ARE_WORDS | ARGS_ARE_XY_VALUES | WE_HAVE_A_SCALE
            outline = self.new_id[item + count]
            return struct.pack(">h4hHHhhh", -1, *box, flags, outline, 0, 0, scale), adv, box[0]
        g -= count
        data = without_instructions(fb.glyphs[g])
        if is_composite(data):
            buf = bytearray(data)
            for pos, comp, _flags in components(data):
                struct.pack_into(">H", buf, pos, self.new_id[self.base + count + comp])
            data = bytes(buf)
        return data, fb.advances[g], fb.lsbs[g]

    def to_bytes(self) -> bytes:
        glyf = bytearray()
        loca = [0]
        hmtx = bytearray()
        max_components = 0
        for item in self.order:
            data, adv, lsb = self._glyph_bytes(item)
            if not isinstance(item, int):
                max_components = max(max_components, len(item[1]))
            glyf += data
            glyf += b"\0" * (-len(glyf) % 4)
            loca.append(len(glyf))
            hmtx += struct.pack(">Hh", adv, lsb)
        n = len(self.order)
        t = self.src.tables
        head = bytearray(t["head"])
        struct.pack_into(">I", head, 8, 0)  # checkSumAdjustment, set below
        struct.pack_into(">h", head, 50, 1)  # long loca offsets
        hhea = bytearray(t["hhea"])
        struct.pack_into(">H", hhea, 34, n)
        maxp = bytearray(t["maxp"])
        struct.pack_into(">H", maxp, 4, n)
        if len(maxp) >= 32:
            old = struct.unpack_from(">HH", maxp, 28)
            # composite depth: a cluster composite > a placed fallback glyph > its outline,
            # which may be a composite itself
            depth = 4 if self.uses_fallback else 2
            struct.pack_into(">HH", maxp, 28, max(old[0], max_components), max(old[1], depth))
            if self.uses_fallback:
                _merge_maxp(maxp, fallback_source().tables["maxp"])
        tables = {
            "OS/2": t["OS/2"],
            "cmap": struct.pack(
                ">HHHHIHHHHHHHHHHHH", 0, 1, 3, 1, 12, 4, 24, 0, 2, 2, 0, 0, 0xFFFF, 0, 0xFFFF, 1, 0
            ),
            "glyf": bytes(glyf),
            "head": bytes(head),
            "hhea": bytes(hhea),
            "hmtx": bytes(hmtx),
            "loca": struct.pack(f">{len(loca)}I", *loca),
            "maxp": bytes(maxp),
            "post": _post3(t["post"]),
        }
        return _sfnt(tables)


def _scaled_bbox(upem: int, g: int) -> tuple[int, int, int, int] | None:
    """The bbox of the fallback's glyph `g` scaled to an em of `upem`, rounded outwards."""
    box = bbox(fallback_source().glyphs[g])
    if box is None:
        return None
    k = fallback.scale(upem)
    x0, y0, x1, y1 = box
    return (math.floor(x0 * k), math.floor(y0 * k), math.ceil(x1 * k), math.ceil(y1 * k))


def _merge_maxp(maxp: bytearray, other: bytes) -> None:
    """Raise the point and contour maxima (simple and composite) to cover `other`'s."""
    for at in (6, 8, 10, 12):
        struct.pack_into(
            ">H",
            maxp,
            at,
            max(struct.unpack_from(">H", maxp, at)[0], struct.unpack_from(">H", other, at)[0]),
        )


def _post3(post: bytes) -> bytes:
    """The source's post header as version 3.0 (no glyph names)."""
    out = bytearray(post[:32])
    struct.pack_into(">I", out, 0, 0x00030000)
    return bytes(out)


def _checksum(data: bytes) -> int:
    data += b"\0" * (-len(data) % 4)
    return sum(struct.unpack(f">{len(data) // 4}I", data)) & 0xFFFFFFFF


def _sfnt(tables: dict[str, bytes]) -> bytes:
    tags = sorted(tables)
    n = len(tags)
    entry = 1
    while entry * 2 <= n:
        entry *= 2
    search = entry * 16
    header = struct.pack(">IHHHH", 0x00010000, n, search, entry.bit_length() - 1, n * 16 - search)
    offset = 12 + 16 * n
    directory = bytearray()
    body = bytearray()
    head_at = 0
    for tag in tags:
        data = tables[tag]
        if tag == "head":
            head_at = offset + len(body)
        directory += struct.pack(
            ">4sIII", tag.encode("latin-1"), _checksum(data), offset + len(body), len(data)
        )
        body += data + b"\0" * (-len(data) % 4)
    font = bytearray(header + directory + body)
    struct.pack_into(">I", font, head_at + 8, (0xB1B0AFBA - _checksum(bytes(font))) & 0xFFFFFFFF)
    return bytes(font)

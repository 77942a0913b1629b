"""The source side of a TrueType subset: a font's glyph bytes and metrics, read once.

`Source` holds each glyph's stored `glyf` bytes and its horizontal metrics, for a face
(`source`) and for the fallback font (`fallback_source`); `components`, `is_composite` and
`bbox` read a stored glyph, and `without_instructions` drops its hinting instructions.
`forms.pdf.ttfsubset` writes the subset from these.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from functools import cache

from forms.pdf import fallback
from forms.pdf.fonts import Face, read_tables

# composite glyph flags (OpenType glyf table)
ARG_1_AND_2_ARE_WORDS = 0x0001
ARGS_ARE_XY_VALUES = 0x0002
WE_HAVE_A_SCALE = 0x0008
MORE_COMPONENTS = 0x0020
WE_HAVE_AN_X_AND_Y_SCALE = 0x0040
WE_HAVE_A_TWO_BY_TWO = 0x0080
WE_HAVE_INSTRUCTIONS = 0x0100
F2DOT14_ONE = 1 << 14


@dataclass(frozen=True)
class Source:
    """The raw tables of a face, read once."""

    glyphs: tuple[bytes, ...]  # glyf data per glyph id
    advances: tuple[int, ...]
    lsbs: tuple[int, ...]
    tables: dict[str, bytes]


@cache
def source(face: Face) -> Source:
    return _parse(face.tables)


@cache
def fallback_source() -> Source:
    """The fallback font's glyphs (`forms.pdf.fallback`), read on the first one drawn."""
    return _parse(read_tables(fallback.fallback().data))


def _parse(tables: dict[str, bytes]) -> Source:
    head, maxp, hhea = tables["head"], tables["maxp"], tables["hhea"]
    num_glyphs = struct.unpack_from(">H", maxp, 4)[0]
    long_loca = struct.unpack_from(">h", head, 50)[0] == 1
    loca = tables["loca"]
    if long_loca:
        offsets = struct.unpack_from(f">{num_glyphs + 1}I", loca)
    else:
        offsets = tuple(2 * o for o in struct.unpack_from(f">{num_glyphs + 1}H", loca))
    glyf = tables["glyf"]
    glyphs = tuple(glyf[offsets[g] : offsets[g + 1]] for g in range(num_glyphs))
    n_metrics = struct.unpack_from(">H", hhea, 34)[0]
    hmtx = tables["hmtx"]
    advances, lsbs = [], []
    for g in range(num_glyphs):
        if g < n_metrics:
            adv, lsb = struct.unpack_from(">Hh", hmtx, 4 * g)
        else:
            adv = advances[-1]
            lsb = struct.unpack_from(">h", hmtx, 4 * n_metrics + 2 * (g - n_metrics))[0]
        advances.append(adv)
        lsbs.append(lsb)
    return Source(glyphs, tuple(advances), tuple(lsbs), tables)


def components(data: bytes) -> list[tuple[int, int, int]]:
    """(offset of the glyph index, glyph index, flags) of each component of a composite."""
    out = []
    pos = 10
    while True:
        flags, gid = struct.unpack_from(">HH", data, pos)
        out.append((pos + 2, gid, flags))
        pos += 4 + (4 if flags & ARG_1_AND_2_ARE_WORDS else 2)
        if flags & WE_HAVE_A_SCALE:
            pos += 2
        elif flags & WE_HAVE_AN_X_AND_Y_SCALE:
            pos += 4
        elif flags & WE_HAVE_A_TWO_BY_TWO:
            pos += 8
        if not flags & MORE_COMPONENTS:
            return out


def is_composite(data: bytes) -> bool:
    return len(data) >= 10 and struct.unpack_from(">h", data, 0)[0] < 0


def bbox(data: bytes) -> tuple[int, int, int, int] | None:
    return struct.unpack_from(">4h", data, 2) if data else None  # type: ignore[return-value]


def without_instructions(data: bytes) -> bytes:
    """A glyph's bytes without its TrueType hinting instructions."""
    if not data:
        return data
    if not is_composite(data):
        contours = struct.unpack_from(">h", data, 0)[0]
        at = 10 + 2 * contours
        length = struct.unpack_from(">H", data, at)[0]
        points = data[at + 2 + length :]
        return data[:at] + b"\0\0" + points[: _points_size(points, contours, data)]
    buf = bytearray(data)
    end = 0
    for pos, _gid, flags in components(data):
        struct.pack_into(">H", buf, pos - 2, flags & ~WE_HAVE_INSTRUCTIONS)
        end = pos + 2 + (4 if flags & ARG_1_AND_2_ARE_WORDS else 2)
        if flags & WE_HAVE_A_SCALE:
            end += 2
        elif flags & WE_HAVE_AN_X_AND_Y_SCALE:
            end += 4
        elif flags & WE_HAVE_A_TWO_BY_TWO:
            end += 8
    return bytes(buf[:end])


def _points_size(points: bytes, contours: int, data: bytes) -> int:
    """The length of a simple glyph's flags and coordinates (without the loca padding)."""
    count = struct.unpack_from(">H", data, 10 + 2 * (contours - 1))[0] + 1 if contours else 0
    pos = coords = 0
    while count > 0:
        flag = points[pos]
        pos += 1
        repeat = 1
        if flag & 0x08:  # REPEAT_FLAG
            repeat += points[pos]
            pos += 1
        x = 1 if flag & 0x02 else (0 if flag & 0x10 else 2)  # X_SHORT, X_SAME_OR_POSITIVE
        y = 1 if flag & 0x04 else (0 if flag & 0x20 else 2)  # Y_SHORT, Y_SAME_OR_POSITIVE
        coords += (x + y) * repeat
        count -= repeat
    return pos + coords

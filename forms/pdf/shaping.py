"""HarfBuzz shaping of one piece of text into clusters: what to draw and what it says.

A cluster is the smallest unit that is both drawn and copied: its glyphs (positioned by the
font's GSUB/GPOS through HarfBuzz) and the exact characters they stand for. Keeping the two
together is what lets `forms.pdf.embed` give each cluster its own text in the PDF, so that
copying returns what was typed (tone marks, SARA AM and all).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import uharfbuzz as hb

from forms.pdf import fallback
from forms.pdf.fonts import Face

Glyphs = tuple[tuple[int, int, int], ...]  # (glyph id, x, y) in font units from the pen


@dataclass(frozen=True, slots=True)
class Unit:
    """What one glyph code draws (`glyphs`, from the pen), says (`text`) and advances."""

    text: str
    glyphs: Glyphs
    advance: int  # font units
    uid: int = field(default=0, compare=False)  # the same for equal units (see `_unit`)


_UNITS: dict[tuple[str, Glyphs, int], Unit] = {}
_UNIT_IDS = itertools.count(1)  # next() is atomic: two threads never share an id


def _unit(text: str, glyphs: Glyphs, advance: int) -> Unit:
    """The one Unit object of these values, so that glyph codes are looked up by a small
    int rather than by hashing nested tuples for every cluster drawn."""
    key = (text, glyphs, advance)
    unit = _UNITS.get(key)
    if unit is None:
        # setdefault, not get-then-set: two threads meeting a new unit at once must end up
        # with the same object, or one document could give the same glyph two codes
        unit = _UNITS.setdefault(key, Unit(text, glyphs, advance, next(_UNIT_IDS)))
    return unit


@dataclass(frozen=True, slots=True)
class Cluster:
    """A HarfBuzz cluster (a consonant with its marks, a SARA AM, a ligature...)."""

    text: str
    units: tuple[Unit, ...]
    advance: int  # font units
    uid: int = field(default_factory=lambda: next(_CLUSTER_IDS), compare=False)


_CLUSTER_IDS = itertools.count(1)
_CONTROLS = re.compile(r"[\x00-\x1f\x7f]")


def _is_thai(ch: str) -> bool:
    return "\u0e00" <= ch <= "\u0e7f"


def _is_neutral(ch: str) -> bool:
    """Spaces, digits, punctuation and marks: they join the script run they stand in."""
    return not unicodedata.category(ch).startswith("L") or ch == "\u0e46"


def script_runs(text: str) -> list[tuple[str, str]]:
    """`text` cut into (script, piece) runs, Thai and non-Thai.

    HarfBuzz applies the Thai shaper only to a buffer marked Thai, and guessing the script
    from the first letter would shape `PDF ที่` as Latin; neutral characters stay in the run
    they follow so a line is cut as little as possible.
    """
    runs: list[tuple[str, str]] = []
    start, script = 0, ""
    for i, ch in enumerate(text):
        if _is_neutral(ch):
            continue
        s = "Thai" if _is_thai(ch) else "Latn"
        if not script:
            script = s
        elif s != script:
            runs.append((script, text[start:i]))
            start, script = i, s
    if start < len(text):
        runs.append((script or "Latn", text[start:]))
    return runs


@lru_cache(maxsize=20000)
def shape(face: Face, text: str) -> tuple[Cluster, ...]:
    """The clusters of `text` in logical (= visual, left to right) order.

    What Sarabun lacks is shaped with the fallback font (`forms.pdf.fallback`); its glyph
    ids are numbered after the face's own (`fallback_gid`), so one embedded font draws both.
    """
    out: list[Cluster] = []
    for script, piece in script_runs(text):
        for from_fallback, part in fallback.split(piece):
            if from_fallback:
                out.extend(_shape_fallback(face, part))
            else:
                out.extend(_shape_run(face, script, part))
    return tuple(out)


def fallback_gid(face: Face, gid: int) -> int:
    """The id in `face`'s numbering of the fallback's glyph `gid` (after the face's own)."""
    return face.hb_font.face.glyph_count + gid


def _shape_fallback(face: Face, text: str) -> list[Cluster]:
    buf = hb.Buffer()
    buf.add_str(fallback.drawn_as(text))
    buf.guess_segment_properties()  # Lao marks need the Lao script, symbols need none
    buf.direction = "ltr"  # Arabic-Indic digits guess right-to-left; lines run left to right
    hb.shape(fallback.fallback_font(face.units_per_em), buf, {})
    return _clusters(text, buf, fallback_gid(face, 0))


def _shape_run(face: Face, script: str, text: str) -> list[Cluster]:
    buf = hb.Buffer()
    # a typed tab (or other control character) takes the place of a space: the font has
    # no glyph for it, and the code keeps the typed character as its text
    buf.add_str(_CONTROLS.sub(" ", text))
    buf.direction = "ltr"
    buf.script = script
    buf.language = "th"
    hb.shape(face.hb_font, buf, {})
    return _clusters(text, buf, 0)


def _clusters(text: str, buf: hb.Buffer, gid_base: int) -> list[Cluster]:
    # .notdef stays 0 whichever font shaped it: a box is glyph 0 (tests look for it)
    # HarfBuzz reports clusters in UTF-32 indices for add_str, i.e. Python str indices.
    glyphs = [
        (i.cluster, i.codepoint and i.codepoint + gid_base, p.x_offset, p.y_offset, p.x_advance)
        for i, p in zip(buf.glyph_infos, buf.glyph_positions, strict=True)
    ]
    clusters: list[Cluster] = []
    k, n = 0, len(glyphs)
    while k < n:
        start = glyphs[k][0]
        placed = []
        pen = 0
        while k < n and glyphs[k][0] == start:
            _c, gid, dx, dy, adv = glyphs[k]
            placed.append((gid, pen + dx, dy, adv))
            pen += adv
            k += 1
        end = glyphs[k][0] if k < n else len(text)
        clusters.append(_cluster(text[start:end], tuple(placed), pen))
    return clusters


@lru_cache(maxsize=50000)
def _cluster(text: str, placed: tuple[tuple[int, int, int, int], ...], advance: int) -> Cluster:
    """The cluster of `text` drawn by `placed` (glyph id, x, y, advance from its origin)."""
    if len(placed) == len(text) and all(
        (adv == 0) == _is_mark(ch) for (_g, _x, _y, adv), ch in zip(placed, text, strict=True)
    ):
        # the common case, one glyph per character in typed order: no pairing to do
        out, pen = [], 0
        for (gid, x, y, adv), ch in zip(placed, text, strict=True):
            out.append(_unit(ch, ((gid, x - pen, y),), adv))
            pen += adv
        return Cluster(text, tuple(out), advance)
    return Cluster(text, units(text, [_Placed(*p) for p in placed]), advance)


@dataclass(frozen=True, slots=True)
class _Placed:
    gid: int
    x: int  # from the cluster origin
    y: int
    advance: int


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch) == "Mn"


def units(text: str, glyphs: list[_Placed]) -> tuple[Unit, ...]:
    """The cluster cut into glyph codes, each saying its own characters, in typed order.

    pdf.js gives any code whose text holds a non-spacing mark (Mn) zero width, so the rule
    is: marks go to zero-advance glyphs (one mark each, pairing from the end, since HarfBuzz
    puts SARA AM's nikhahit before the tone marks) and every other character to the
    spacing glyphs. A zero-advance glyph with no mark of its own (the nikhahit of SARA AM)
    joins the spacing glyph after it, giving one composite glyph that says `ำ`.
    """
    marks = [i for i, ch in enumerate(text) if _is_mark(ch)]
    others = [i for i, ch in enumerate(text) if not _is_mark(ch)]
    zero = [g for g in glyphs if g.advance == 0]
    spacing = [g for g in glyphs if g.advance != 0]
    owner: dict[int, list[_Placed]] = {}  # first char index -> glyphs
    chars: dict[int, list[int]] = {}  # first char index -> char indexes
    paired = min(len(marks), len(zero))
    extra_zero = zero[: len(zero) - paired]
    for ci, g in zip(marks[len(marks) - paired :], zero[len(zero) - paired :], strict=True):
        owner[ci], chars[ci] = [g], [ci]
    if spacing:
        firsts = others[: len(spacing)] if others else [0]
        for k, g in enumerate(spacing):
            ci = firsts[min(k, len(firsts) - 1)]
            owner.setdefault(ci, []).append(g)
            chars.setdefault(ci, [ci])
        for g in extra_zero:
            after = [s for s in spacing if glyphs.index(s) > glyphs.index(g)] or spacing
            ci = next(k for k, v in owner.items() if after[0] in v)
            owner[ci].insert(0, g)
    elif extra_zero:
        ci = (others or marks or [0])[0]
        owner.setdefault(ci, []).extend(extra_zero)
        chars.setdefault(ci, [ci])
    # characters no glyph took (ligatures, more marks than mark glyphs) join the unit before
    firsts = sorted(owner)
    for ci in range(len(text)):
        if not any(ci in v for v in chars.values()):
            prev = max((f for f in firsts if f <= ci), default=firsts[0])
            chars[prev].append(ci)
    out: list[Unit] = []
    pen = 0
    for ci in firsts:
        gs = sorted(owner[ci], key=glyphs.index)
        unit_text = "".join(text[k] for k in sorted(chars[ci]))
        adv = sum(g.advance for g in gs)
        out.append(_unit(unit_text, tuple((g.gid, g.x - pen, g.y) for g in gs), adv))
        pen += adv
    return tuple(out)


@lru_cache(maxsize=20000)
def advance(face: Face, text: str, trim: bool = False) -> int:
    """The advance of `text` in font units; with `trim`, without its trailing spaces."""
    clusters = shape(face, text)
    if trim:
        end = len(clusters)
        while end and clusters[end - 1].text.isspace():
            end -= 1
        clusters = clusters[:end]
    return sum(c.advance for c in clusters)


class Line(str):
    """A line of text that remembers the pieces it was filled from: each piece was shaped
    (and measured) on its own, so drawing reuses those shapes instead of shaping again."""

    pieces: tuple[str, ...]
    ends_paragraph: bool  # the last line before a typed line break or the text's end

    def __new__(cls, pieces: list[str], ends_paragraph: bool = False) -> Line:
        line = super().__new__(cls, "".join(pieces))
        line.pieces = tuple(pieces)
        line.ends_paragraph = ends_paragraph
        return line


def shape_line(face: Face, text: str) -> tuple[Cluster, ...]:
    """The clusters of `text`, from its pieces' shapes if it is a `Line`."""
    pieces = getattr(text, "pieces", None)
    if not pieces:
        return shape(face, text)
    return tuple(c for piece in pieces for c in shape(face, piece))

"""What Sarabun cannot draw: the fallback font (DejaVu Sans) and the one coverage answer.

Text pasted from Word or LINE brings symbols Sarabun lacks (● ○ □ ▪ ➢ ► ✓ ✔ ☐ №) and Word's
Symbol/Wingdings bullets as Private Use code points. Those characters are shaped with
DejaVu Sans (bundled, `resources/fonts/DejaVu-LICENSE.txt`) and drawn inside the same
embedded font as the Sarabun text around them (`forms.pdf.shaping`, `forms.pdf.ttfsubset`),
so each code keeps its exact text. `font_of` says which font draws a character and
`undrawable` which characters neither can: the PDF and the check `missing_glyph`
(`forms.checks.glyphs`) both ask these, so a box is never drawn that the check did not name.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import Enum
from functools import cache, lru_cache

import uharfbuzz as hb

import resources

FALLBACK_FILE = "DejaVuSans.ttf"
MAIN_FILE = "Sarabun-Regular.ttf"  # the four Sarabun styles map the same characters

# Word's bullets from the Symbol and Wingdings fonts arrive as U+F0xx; printed as Word
# shows them (the bullet library's •, ▪ of Wingdings "§", ❖, ➢, ✓ and the filled
# circle and square). Only the drawing maps: the text and its copy stay as typed.
DRAWN_AS: dict[str, str] = {
    "\uf0b7": "\u2022",  # Symbol 0xB7: •
    "\uf0a7": "\u25aa",  # Wingdings 0xA7: ▪
    "\uf076": "\u2756",  # Wingdings v: ❖
    "\uf0d8": "\u27a2",  # Wingdings 0xD8: ➢
    "\uf0fc": "\u2713",  # Wingdings 0xFC: ✓
    "\uf06c": "\u25cf",  # Wingdings l: ●
    "\uf06e": "\u25a0",  # Wingdings n: ■
}
_DRAWN_AS_TABLE = str.maketrans(DRAWN_AS)
_RTL = ("R", "AL")


class Source(Enum):
    MAIN = "main"  # Sarabun, or nothing to draw (a control drawn as a space, an ignorable)
    FALLBACK = "fallback"
    NONE = "none"  # neither font: Sarabun's empty box (.notdef)


@dataclass(frozen=True, eq=False)
class Fallback:
    """The fallback font file: its HarfBuzz face and the characters it maps."""

    data: bytes
    hb_face: hb.Face
    chars: frozenset[str]
    glyph_count: int


@cache
def fallback() -> Fallback:
    data = (resources.folder("fonts") / FALLBACK_FILE).read_bytes()
    face = hb.Face(hb.Blob(data))
    return Fallback(data, face, frozenset(map(chr, face.unicodes)), face.glyph_count)


def scale(upem: int) -> float:
    """How much the fallback's outlines are scaled in a face of `upem` units per em."""
    return upem / fallback().hb_face.upem


@cache
def fallback_font(upem: int) -> hb.Font:
    """The fallback's HarfBuzz font scaled to an em of `upem` units (Sarabun's 1000), so
    that its positions mix with the main font's."""
    font = hb.Font(fallback().hb_face)
    size = round(scale(upem) * fallback().hb_face.upem)
    font.scale = (size, size)
    return font


@cache
def main_chars() -> frozenset[str]:
    """What Sarabun maps, plus C0 controls (shaped as spaces, `forms.pdf.shaping`)."""
    face = hb.Face(hb.Blob((resources.folder("fonts") / MAIN_FILE).read_bytes()))
    controls = {chr(c) for c in range(0x20)} | {"\x7f"}
    return frozenset(map(chr, face.unicodes)) | controls


@cache
def _main_font() -> hb.Font:
    return hb.Font(hb.Face(hb.Blob((resources.folder("fonts") / MAIN_FILE).read_bytes())))


@lru_cache(maxsize=4096)
def _hidden(ch: str) -> bool:
    """HarfBuzz draws nothing for it (a default-ignorable: ZWSP, ZWJ, variation selectors,
    soft hyphen...). Asked of HarfBuzz itself, since its list is what the PDF gets."""
    buf = hb.Buffer()
    buf.add_str(ch)
    buf.guess_segment_properties()
    hb.shape(_main_font(), buf, {})
    return all(i.codepoint != 0 for i in buf.glyph_infos)


def drawn_as(text: str) -> str:
    """`text` with Word's Private Use bullets replaced by what is printed for them."""
    return text.translate(_DRAWN_AS_TABLE)


@lru_cache(maxsize=4096)
def font_of(ch: str) -> Source:
    """Which font draws `ch`."""
    if ch in main_chars():
        return Source.MAIN
    # right-to-left letters (Hebrew, Arabic) are left out: lines are laid out left to right,
    # so they would print in reverse order, which is worse than a box the check names
    if DRAWN_AS.get(ch, ch) in fallback().chars and unicodedata.bidirectional(ch) not in _RTL:
        return Source.FALLBACK
    return Source.MAIN if _hidden(ch) else Source.NONE


def drawable(ch: str) -> bool:
    return font_of(ch) is not Source.NONE


def undrawable(text: str) -> list[str]:
    """The distinct characters of `text` that no bundled font draws, in order of appearance."""
    main = main_chars()
    if main.issuperset(text):
        return []
    return [ch for ch in dict.fromkeys(text) if ch not in main and font_of(ch) is Source.NONE]


def split(text: str) -> list[tuple[bool, str]]:
    """`text` cut into (from the fallback, piece) runs.

    A mark or an ignorable (ZWJ, a variation selector) stays in the run before it when that
    run's font has it (HarfBuzz hides ignorables in either), so `✔️` is one run.
    """
    main = main_chars()
    if main.issuperset(text):
        return [(False, text)]
    fb = fallback().chars
    out: list[tuple[bool, str]] = []
    start, current = 0, False
    for i, ch in enumerate(text):
        if i and _joins(ch, current, main, fb):
            continue
        use = font_of(ch) is Source.FALLBACK
        if i == 0:
            current = use
        elif use != current:
            out.append((current, text[start:i]))
            start, current = i, use
    out.append((current, text[start:]))
    return out


def _joins(ch: str, fallback_run: bool, main: frozenset[str], fb: frozenset[str]) -> bool:
    if unicodedata.category(ch) not in ("Mn", "Me", "Cf") and not _is_selector(ch):
        return False
    return ch in (fb if fallback_run else main) or _hidden(ch)


def _is_selector(ch: str) -> bool:
    return "\ufe00" <= ch <= "\ufe0f" or "\U000e0100" <= ch <= "\U000e01ef"

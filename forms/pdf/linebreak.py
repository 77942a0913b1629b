"""Where Thai text may break: ICU's line breaker (dictionary-based for Thai) and its
grapheme clusters, behind one small interface; and which of ICU's breaks to avoid
(before a number: `glued`).

PyICU (`icu`) has no Windows wheels, so `icu4py` (bundles ICU, has win_amd64 wheels) is
tried second; both wrap the same ICU rules, which are also what the extraction probe judges
breaks by. ICU reports UTF-16 offsets; they are turned into Python string indexes here.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache

Breaker = Callable[[str], list[int]]

REPEAT = "\u0e46"  # ๆ (MAI YAMOK) never starts a line
HYPHENS = ("-", "\u2010")  # a line ending in one of these reads as a hyphenated word


BACKENDS = ("PyICU", "icu4py")


@cache
def backend(name: str | None = None) -> tuple[str, Breaker, Breaker]:
    """(name, line breaks, grapheme breaks) of ICU binding `name`, or the first that imports."""
    for candidate in [name] if name else BACKENDS:
        try:
            return candidate, *_LOADERS[candidate]()
        except ImportError:
            continue
    raise ImportError("ไม่พบไลบรารี ICU สำหรับตัดคำภาษาไทย — ติดตั้งโปรแกรมใหม่จากไฟล์ติดตั้ง")


def _pyicu() -> tuple[Breaker, Breaker]:
    import icu

    locale = icu.Locale("th")

    def make(factory: Callable[[icu.Locale], icu.BreakIterator]) -> Breaker:
        def breaks(text: str) -> list[int]:
            it = factory(locale)
            it.setText(text)
            return _to_str_indexes(text, list(it))

        return breaks

    return (
        make(icu.BreakIterator.createLineInstance),
        make(icu.BreakIterator.createCharacterInstance),
    )


def _icu4py() -> tuple[Breaker, Breaker]:
    from icu4py.breakers import CharacterBreaker, LineBreaker

    def make(cls: type) -> Breaker:
        def breaks(text: str) -> list[int]:
            ends, pos = [], 0
            for piece in cls(text, "th"):  # pieces come as str: no UTF-16 arithmetic
                pos += len(piece)
                ends.append(pos)
            return ends

        return breaks

    return make(LineBreaker), make(CharacterBreaker)


_LOADERS: dict[str, Callable[[], tuple[Breaker, Breaker]]] = {"PyICU": _pyicu, "icu4py": _icu4py}


def _to_str_indexes(text: str, offsets: list[int]) -> list[int]:
    if all(ord(ch) < 0x10000 for ch in text):
        return offsets
    utf16_to_str: dict[int, int] = {}
    u = 0
    for i, ch in enumerate(text):
        utf16_to_str[u] = i
        u += 2 if ord(ch) >= 0x10000 else 1
    utf16_to_str[u] = len(text)
    return [utf16_to_str[o] for o in offsets]


@lru_cache(maxsize=4096)
def segments(text: str, engine: str | None = None) -> tuple[str, ...]:
    """`text` cut at every allowed line break; each piece keeps its trailing spaces.

    ICU allows a break before ๆ after a space (`ทุก ๆ`); that break is taken away so ๆ
    never starts a line. So is a break right after a hyphen inside a word (`e-Budget`):
    PDFium reads a line that ends in a hyphen as a word hyphenated by the typesetter and
    joins the lines with U+FFFE in place of the typed hyphen.
    """
    if not text:
        return ()
    ends = backend(engine)[1](text)
    pieces: list[str] = []
    start = 0
    for end in ends:
        if end <= start:
            continue
        piece = text[start:end]
        if pieces and (piece.startswith(REPEAT) or pieces[-1].endswith(HYPHENS)):
            pieces[-1] += piece
        else:
            pieces.append(piece)
        start = end
    return tuple(pieces)


def graphemes(text: str, engine: str | None = None) -> tuple[str, ...]:
    """`text` cut into grapheme clusters (a consonant with its marks stays whole); ๆ and
    spaces are kept with the cluster before them so that no line starts with them."""
    ends = backend(engine)[2](text)
    out: list[str] = []
    start = 0
    for end in ends:
        piece = text[start:end]
        if out and (piece.startswith(REPEAT) or piece.isspace()):
            out[-1] += piece
        else:
            out.append(piece)
        start = end
    return tuple(out)


def glued(pieces: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """`pieces` (from `segments`) grouped so that no line starts with a number: a piece
    that starts with a digit stays with the piece before it (`มาตรา 48`, `พ.ศ. 2545`).

    ICU allows a break before a number after a space; the printout never takes it. A
    group is only a preference: one wider than the line is broken at its pieces again.
    """
    groups: list[list[str]] = []
    for piece in pieces:
        if groups and piece[:1].isdigit():
            groups[-1].append(piece)
        else:
            groups.append([piece])
    return tuple(tuple(g) for g in groups)

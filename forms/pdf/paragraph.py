"""Thai paragraphs: lines filled between ICU's break opportunities, drawn as shaped runs.

ReportLab's `Paragraph` breaks only at spaces, re-joins words with spaces and (with
shaping) cannot split Thai at a page end, so Thai text gets this flowable: cut at ICU
line breaks (`forms.pdf.linebreak`), measure each piece with HarfBuzz, fill lines greedily,
and draw each line once (`forms.pdf.textline`). No space is added or removed: a line ends
with the spaces typed there (they take no room at the line end), and only a word wider than
the whole line is cut, between grapheme clusters. Of ICU's breaks, the one before a number
is avoided (`linebreak.glued`), and a last line of one short word takes the word before it
(`_pull_down_widow`). Justified lines are spread by `justify_spacing`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from reportlab.pdfgen.canvas import Canvas

from forms.pdf.fonts import Style, face
from forms.pdf.linebreak import glued, graphemes, segments
from forms.pdf.pages import Block
from forms.pdf.shaping import Line, shape_line
from forms.pdf.textline import Run, draw_line, line_width, text_width

LEFT, CENTRE, RIGHT, JUSTIFY = "left", "centre", "right", "justify"
# Justification limits, in em. pdf.js reads a gap wider than 0.102 em between two glyphs
# as a space (Firefox ignores /ActualText), and people see gaps well before that.
MAX_CLUSTER_GAP = 0.08
MAX_SPACE_GROW = 0.5
MIN_FILL = 0.8  # a line filled less than this (it ended at a long word) stays flush left
# Thai letters and marks, without digits and ฿: the clusters justification may space out.
_THAI_LETTERS = re.compile(r"[\u0e01-\u0e3a\u0e40-\u0e4e]+")
# A last line narrower than this share of the width, holding one word, is a widow.
WIDOW_SHARE = 0.25
_NEWLINES = re.compile(r"\r\n|\r|\n|\u2028|\u2029")


@dataclass(frozen=True)
class TextStyle:
    style: Style = Style.REGULAR
    size: float = 11.0
    leading: float = 16.5  # 1.5 x size: Thai marks reach high and low
    align: str = LEFT
    space_before: float = 0.0
    space_after: float = 0.0

    def run(self, text: str) -> Run:
        return Run(text, self.style, self.size)

    def spaced(self, after: float) -> TextStyle:
        """This style with `after` points below each paragraph."""
        return replace(self, space_after=after)

    def width(self, text: str, trim: bool = False) -> float:
        return text_width(text, self.style, self.size, trim)

    @property
    def baseline(self) -> float:
        """Distance from the top of a line box to its baseline."""
        f = face(self.style)
        return self.leading * f.ascent / (f.ascent - f.descent)


def fill_lines(
    text: str, ts: TextStyle, width: float, first_width: float | None = None
) -> list[str]:
    """`text` as lines no wider than `width` (the first no wider than `first_width`).

    A hard line break in the text ends a line; an empty text gives no lines.
    """
    lines: list[str] = []
    for para in _NEWLINES.split(text):
        avail = first_width if (first_width is not None and not lines) else width
        lines.extend(_fill(para, ts, avail, width))
    while lines and lines[-1] == "":
        lines.pop()
    return lines


@dataclass(frozen=True, slots=True)
class _Unit:
    """What the filling places: ICU pieces that stay together (`glued`), or one grapheme
    cluster of a word wider than the line (`cut`)."""

    pieces: tuple[str, ...]
    width: float  # with its trailing spaces
    body: float  # without them: the room it takes at a line's end
    cut: bool = False
    parts: tuple[_Unit, ...] = ()  # its pieces one by one, should it not fit a line


@lru_cache(maxsize=4096)
def _groups(text: str, style: Style, size: float) -> tuple[_Unit, ...]:
    out = []
    for group in glued(segments(text)):
        parts = tuple(
            _Unit((p,), text_width(p, style, size), text_width(p, style, size, True)) for p in group
        )
        width = sum(u.width for u in parts)
        body = width - parts[-1].width + parts[-1].body
        out.append(_Unit(group, width, body, parts=parts if len(parts) > 1 else ()))
    return tuple(out)


def _units(text: str, ts: TextStyle, width: float) -> list[_Unit]:
    out: list[_Unit] = []
    for unit in _groups(text, ts.style, ts.size):
        if unit.parts and unit.body > width:  # too wide to keep together: ICU's breaks
            out.extend(unit.parts)
        else:
            out.append(unit)
    return out


def _fill(text: str, ts: TextStyle, first: float, width: float) -> list[str]:
    if not text:
        return [""]
    rows: list[list[_Unit]] = []
    cur: list[_Unit] = []
    cur_w = 0.0

    def end_line() -> None:
        nonlocal cur, cur_w
        rows.append(cur)
        cur, cur_w = [], 0.0

    for unit in _units(text, ts, width):
        avail = width if rows else first
        if cur and cur_w + unit.body <= avail:
            cur.append(unit)
            cur_w += unit.width
            continue
        if cur:
            end_line()
            avail = width
        if unit.body <= avail:
            cur, cur_w = [unit], unit.width
            continue
        # A word wider than the line: the only place a line breaks between clusters.
        (seg,) = unit.pieces
        for g in graphemes(seg):
            g_body = ts.width(g, trim=True)
            if cur and cur_w + g_body > (width if rows else first):
                end_line()
            cur.append(_Unit((g,), ts.width(g), g_body, cut=True))
            cur_w += cur[-1].width
    if cur:
        end_line()
    _pull_down_widow(rows, ts, width)
    lines = [Line([p for u in row for p in u.pieces]) for row in rows]
    if lines:
        lines[-1].ends_paragraph = True
    return lines


def _pull_down_widow(rows: list[list[_Unit]], ts: TextStyle, width: float) -> None:
    """A last line of one short word (`แล้ว`, `บาท`) takes the word before it along, when
    that word leaves a line above and the two fit the width: a lone word reads as a
    leftover, and a justified paragraph's last line is never spread to hide it."""
    if len(rows) < 2 or len(rows[-1]) != 1 or len(rows[-2]) < 2:
        return
    (last,), moved = rows[-1], rows[-2][-1]
    if last.cut or moved.cut or last.body > width * WIDOW_SHARE:
        return
    if moved.width + last.body > width:
        return
    rows[-2].pop()
    rows[-1].insert(0, moved)


class ThaiParagraph(Block):
    """A block of Thai text; `prefix` (e.g. `2.1  ` or a label) starts the first line and,
    with `hang`, the following lines line up after it."""

    def __init__(
        self,
        text: str,
        ts: TextStyle = TextStyle(),
        prefix: Sequence[Run] = (),
        hang: bool = False,
        keep_with_next: bool = False,
        whole_up_to: float | None = None,
        one_line: bool = False,
    ) -> None:
        # A one-line field prints on one line: a line break pasted into it (U+2028 from
        # Word, a stray LF; `check` names them) prints as the space the field can hold.
        self.text = _NEWLINES.sub(" ", text) if one_line else text
        # A paragraph no taller than this moves to the next page whole instead of splitting:
        # the page's header and footer would otherwise stand inside the copied text.
        self.whole_up_to = whole_up_to
        self.ts = ts
        self.prefix = list(prefix)
        self.hang = hang
        self.keepWithNext = keep_with_next
        self.spaceBefore = ts.space_before
        self.spaceAfter = ts.space_after
        self._lines: list[str] | None = None
        self._wrapped_for: float | None = None
        self._hang_indent = 0.0  # a continued paragraph's lines keep the first part's indent

    @property
    def indent(self) -> float:
        return line_width(self.prefix) if self.prefix else 0.0

    def lines(self, avail_width: float) -> list[str]:
        if self._lines is None or self._wrapped_for != avail_width:
            rest = avail_width - self.indent if self.hang else avail_width
            first = avail_width - self.indent
            self._lines = fill_lines(self.text, self.ts, rest, first) or [""]
            self._wrapped_for = avail_width
        return self._lines

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = len(self.lines(avail_width)) * self.ts.leading
        return avail_width, self.height

    def min_height(self) -> float:
        if self.whole_up_to is not None and self.height <= self.whole_up_to:
            return self.height
        return min(self.height, self.ts.leading)

    def split(self, avail_width: float, avail_height: float) -> list[Block]:
        lines = self.lines(avail_width)
        if self.whole_up_to is not None and len(lines) * self.ts.leading <= self.whole_up_to:
            return []
        fit = int(avail_height // self.ts.leading)
        if fit < 1 or fit >= len(lines):
            return []
        head = self._copy(lines[:fit])
        tail = self._copy(lines[fit:])
        head.spaceAfter = 0
        tail.spaceBefore = 0
        tail.prefix = []
        tail._hang_indent = self.indent if self.hang else self._hang_indent
        return [head, tail]

    def _copy(self, lines: list[str]) -> ThaiParagraph:
        p = ThaiParagraph(
            "\n".join(lines), self.ts, self.prefix, self.hang, self.keepWithNext, self.whole_up_to
        )
        p._lines = lines
        p._wrapped_for = self._wrapped_for
        p._hang_indent = self._hang_indent
        return p

    def draw(self) -> None:
        hang = self.indent if (self.hang and self.prefix) else self._hang_indent
        draw_block(
            self.canv, 0, self.height, self.width, self._lines or [], self.ts, self.prefix, hang
        )


def draw_block(
    canv: Canvas,
    x: float,
    top: float,
    width: float,
    lines: list[str],
    ts: TextStyle,
    prefix: Sequence[Run] = (),
    hang_indent: float = 0.0,
    artifact: str = "",
) -> None:
    """Draw `lines` from `top` down, the first after `prefix`, the rest at `hang_indent`."""
    y = top - ts.baseline
    for i, line in enumerate(lines):
        runs = [*prefix, ts.run(line)] if (i == 0 and prefix) else [ts.run(line)]
        lx = x + (0.0 if (i == 0 and prefix) else hang_indent)
        spacing: tuple[float, ...] = ()
        if ts.align in (RIGHT, CENTRE):
            w = line_width([replace(r, text=r.text.rstrip(" ")) for r in runs])
            lx = x + (width - w if ts.align == RIGHT else (width - w) / 2)
        elif ts.align == JUSTIFY and not getattr(line, "ends_paragraph", True):
            spacing = justify_spacing(runs, ts, width - (lx - x))
        draw_line(canv, lx, y, runs, artifact, spacing)
        y -= ts.leading


def justify_spacing(runs: list[Run], ts: TextStyle, avail: float) -> tuple[float, ...]:
    """The points to add after each cluster of the last run so that the line fills
    `avail`, or () to leave it flush left.

    Thai distributed justification, in this order: the spaces grow first (up to
    `MAX_SPACE_GROW`), then the gaps between two Thai clusters (up to `MAX_CLUSTER_GAP`);
    digits and Latin letters never part. A line shorter than `MIN_FILL` of the width is
    not spread at all: it ended at a long word, and spreading it would space it out.
    """
    *head, body = runs
    natural = line_width(head) + text_width(body.text, ts.style, ts.size, trim=True)
    extra = avail - natural
    if extra <= 0.01 or natural < MIN_FILL * avail:
        return ()
    clusters = shape_line(face(ts.style), body.text)
    end = len(clusters)
    while end and clusters[end - 1].text.isspace():
        end -= 1
    spaces = [
        i
        for i in range(end - 1)
        if clusters[i].text.isspace() and not clusters[i + 1].text.isspace()
    ]
    thai = [
        i
        for i in range(end - 1)
        if _THAI_LETTERS.fullmatch(clusters[i].text)
        and _THAI_LETTERS.fullmatch(clusters[i + 1].text)
    ]
    per_space = min(extra / len(spaces), MAX_SPACE_GROW * ts.size) if spaces else 0.0
    rest = extra - per_space * len(spaces)
    per_gap = 0.0
    if rest > 0.01:
        if not thai or rest / len(thai) > MAX_CLUSTER_GAP * ts.size:
            return ()
        per_gap = rest / len(thai)
    out = [0.0] * len(clusters)
    for i in spaces:
        out[i] = per_space
    for i in thai:
        out[i] = per_gap
    return tuple(out)

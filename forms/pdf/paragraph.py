"""Thai paragraphs: lines filled between ICU's break opportunities, drawn as shaped runs.

ReportLab's `Paragraph` breaks only at spaces, re-joins words with spaces and (with
shaping) cannot split Thai at a page end, so Thai text gets this flowable: cut at ICU
line breaks (`forms.pdf.linebreak`), measure each piece with HarfBuzz, fill lines greedily,
and draw each line once (`forms.pdf.textline`). No space is added or removed: a line ends
with the spaces typed there (they take no room at the line end), and only a word wider than
the whole line is cut, between grapheme clusters.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from reportlab.pdfgen.canvas import Canvas

from forms.pdf.fonts import Style, face
from forms.pdf.linebreak import graphemes, segments
from forms.pdf.pages import Block
from forms.pdf.shaping import Line, shape_line
from forms.pdf.textline import Run, draw_line, line_width, text_width

LEFT, CENTRE, RIGHT, JUSTIFY = "left", "centre", "right", "justify"
# A line is justified only if each gap between clusters grows by less than this (in em):
# wider gaps read as spaces to text extractors, and look like gaps to people.
MAX_JUSTIFY_GAP = 0.12
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


def _fill(text: str, ts: TextStyle, first: float, width: float) -> list[str]:
    if not text:
        return [""]
    lines: list[Line] = []
    cur: list[str] = []
    cur_w = 0.0

    def end_line() -> None:
        nonlocal cur, cur_w
        lines.append(Line(cur))
        cur, cur_w = [], 0.0

    for seg in segments(text):
        avail = width if lines else first
        seg_w = ts.width(seg)
        body_w = ts.width(seg, trim=True)
        if cur and cur_w + body_w <= avail:
            cur.append(seg)
            cur_w += seg_w
            continue
        if cur:
            end_line()
            avail = width
        if body_w <= avail:
            cur, cur_w = [seg], seg_w
            continue
        # A word wider than the line: the only place a line breaks between clusters.
        for g in graphemes(seg):
            if cur and cur_w + ts.width(g, trim=True) > (width if lines else first):
                end_line()
            cur.append(g)
            cur_w += ts.width(g)
    if cur:
        end_line()
    if lines:
        lines[-1].ends_paragraph = True
    return lines


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
    ) -> None:
        self.text = text
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
        stretch = 0.0
        if ts.align in (RIGHT, CENTRE):
            w = line_width([replace(r, text=r.text.rstrip(" ")) for r in runs])
            lx = x + (width - w if ts.align == RIGHT else (width - w) / 2)
        elif ts.align == JUSTIFY and not getattr(line, "ends_paragraph", True):
            stretch = _stretch(runs, ts, width - (lx - x))
        draw_line(canv, lx, y, runs, artifact, stretch)
        y -= ts.leading


def _stretch(runs: list[Run], ts: TextStyle, avail: float) -> float:
    """The room to share out so that the line fills `avail`, or 0 when the gaps between
    clusters would grow too wide."""
    *head, body = runs
    natural = line_width(head) + text_width(body.text, ts.style, ts.size, trim=True)
    clusters = shape_line(face(ts.style), body.text)
    gaps = len(clusters) - 1 - sum(1 for _ in _trailing_spaces(clusters))
    extra = avail - natural
    if gaps < 1 or extra <= 0 or extra / gaps > MAX_JUSTIFY_GAP * ts.size:
        return 0.0
    return extra


def _trailing_spaces(clusters: tuple) -> list:
    out = []
    for c in reversed(clusters):
        if not c.text.isspace():
            break
        out.append(c)
    return out

"""Drawing one line of shaped text on a ReportLab canvas.

A line is a list of runs (style, size, text); it is shaped run by run, written as one
BT..ET text object of hex glyph codes, and wrapped in one /ActualText marked-content span
holding the line's exact text, which extractors that honour it prefer (one span per whole
line: spans per word or per cluster confuse PDFium).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reportlab.pdfgen.canvas import Canvas

from forms.pdf.embed import font_for
from forms.pdf.fonts import Style, face
from forms.pdf.shaping import advance, shape_line

USE_ACTUAL_TEXT = True


@dataclass(frozen=True, slots=True)
class Run:
    text: str
    style: Style = Style.REGULAR
    size: float = 11.0

    @property
    def width(self) -> float:
        return text_width(self.text, self.style, self.size)


@lru_cache(maxsize=65536)
def text_width(text: str, style: Style, size: float, trim: bool = False) -> float:
    """The width of `text` in points; with `trim`, without its trailing spaces."""
    f = face(style)
    pieces = getattr(text, "pieces", None)
    if pieces:
        *head, last = pieces
        units = sum(advance(f, p) for p in head) + advance(f, last, trim)
    else:
        units = advance(f, text, trim)
    return units * size / f.units_per_em


def line_width(runs: list[Run]) -> float:
    return sum(r.width for r in runs)


def _pdf_text_string(text: str) -> str:
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def draw_line(canvas: Canvas, x: float, y: float, runs: list[Run], artifact: str = "") -> None:
    """Draw `runs` side by side from baseline point (x, y).

    `artifact` ("Header", "Footer") marks page furniture as a pagination artifact, which
    is not part of the document's text for tools that read marked content.
    """
    runs = [r for r in runs if r.text]
    if not runs:
        return
    doc = canvas._doc
    ops = [f"BT 1 0 0 1 {x:.3f} {y:.3f} Tm"]
    for r in runs:
        font = font_for(doc, r.style)
        hexcodes = font.encode(shape_line(font.face, r.text))
        ops.append(f"/{font.resource} {r.size:g} Tf <{hexcodes}> Tj")
    ops.append("ET")
    if artifact:
        ops.insert(0, f"/Artifact <</Type /Pagination /Subtype /{artifact}>> BDC")
        ops.append("EMC")
    elif USE_ACTUAL_TEXT:
        text = "".join(r.text for r in runs)
        ops.insert(0, f"/Span <</ActualText {_pdf_text_string(text)}>> BDC")
        ops.append("EMC")
    canvas._code.append(" ".join(ops))

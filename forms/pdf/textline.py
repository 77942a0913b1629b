"""Drawing one line of shaped text on a ReportLab canvas.

A line is a list of runs (style, size, text); it is shaped run by run, written as one
BT..ET text object of hex glyph codes, and wrapped in one /ActualText marked-content span
holding the line's exact text, which extractors that honour it prefer (one span per whole
line: spans per word or per cluster confuse PDFium).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from reportlab.pdfgen.canvas import Canvas

from forms.pdf.embed import EmbeddedFont, font_for
from forms.pdf.fonts import Style, face
from forms.pdf.shaping import Cluster, advance, shape_line

USE_ACTUAL_TEXT = True


@dataclass(frozen=True, slots=True)
class Run:
    text: str
    style: Style = Style.REGULAR
    size: float = 11.0

    @property
    def width(self) -> float:
        return text_width(self.text, self.style, self.size)


def text_width(text: str, style: Style, size: float, trim: bool = False) -> float:
    """The width of `text` in points; with `trim`, without its trailing spaces.

    A `Line` is measured from its pieces, as it is drawn; a plain string as one run. The
    two may differ by a kerning pair, so they are never cached under the same key (a
    `Line` equals the plain string of its text).
    """
    pieces = getattr(text, "pieces", None)
    if not pieces:
        return _plain_width(str(text), style, size, trim)
    f = face(style)
    *head, last = pieces
    units = sum(advance(f, p) for p in head) + advance(f, last, trim)
    return units * size / f.units_per_em


@lru_cache(maxsize=65536)
def _plain_width(text: str, style: Style, size: float, trim: bool) -> float:
    f = face(style)
    return advance(f, text, trim) * size / f.units_per_em


def _spaced(
    font: EmbeddedFont, clusters: tuple[Cluster, ...], spacing: Sequence[float], size: float
) -> str:
    """A TJ array moving each cluster's successor right by its `spacing` (points); a mark
    never parts from its consonant, since a cluster is one string."""
    hexes = font.encode_each(clusters)
    parts: list[str] = []
    chunk: list[str] = []
    for h, extra in zip(hexes, spacing, strict=True):
        chunk.append(h)
        if extra:
            parts.append(f"<{''.join(chunk)}> {-extra * 1000 / size:.3f}")
            chunk = []
    if chunk:
        parts.append(f"<{''.join(chunk)}>")
    return "[" + " ".join(parts) + "]"


def line_width(runs: list[Run]) -> float:
    return sum(r.width for r in runs)


def _pdf_text_string(text: str) -> str:
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def draw_line(
    canvas: Canvas,
    x: float,
    y: float,
    runs: list[Run],
    artifact: str = "",
    spacing: Sequence[float] = (),
) -> None:
    """Draw `runs` side by side from baseline point (x, y).

    `artifact` ("Header", "Footer") marks page furniture as a pagination artifact, which
    is not part of the document's text for tools that read marked content. `spacing`
    holds the points added after each cluster of the last run (justification, see
    `forms.pdf.paragraph.justify_spacing`).
    """
    runs = [r for r in runs if r.text]
    if not runs:
        return
    doc = canvas._doc
    ops = [f"BT 1 0 0 1 {x:.3f} {y:.3f} Tm"]
    for i, r in enumerate(runs):
        font = font_for(doc, r.style)
        clusters = shape_line(font.face, r.text)
        if spacing and i == len(runs) - 1:
            ops.append(
                f"/{font.resource} {r.size:g} Tf {_spaced(font, clusters, spacing, r.size)} TJ"
            )
        else:
            ops.append(f"/{font.resource} {r.size:g} Tf <{font.encode(clusters)}> Tj")
    ops.append("ET")
    if artifact:
        ops.insert(0, f"/Artifact <</Type /Pagination /Subtype /{artifact}>> BDC")
        ops.append("EMC")
    elif USE_ACTUAL_TEXT:
        text = "".join(r.text for r in runs)
        ops.insert(0, f"/Span <</ActualText {_pdf_text_string(text)}>> BDC")
        ops.append("EMC")
    canvas._code.append(" ".join(ops))

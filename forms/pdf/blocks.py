"""Flowables of the form that are more than a paragraph: the 1.1 grid and one progress
report's two table rows."""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass

from reportlab.pdfbase.pdfdoc import PDFName
from reportlab.pdfgen.canvas import Canvas

from forms.pdf.pages import Block
from forms.pdf.paragraph import TextStyle, draw_block, fill_lines
from forms.pdf.tags import Elem, Tagger

CELL_PAD = 3.0
RULE = 0.5  # pt, the table's lines
CONTINUED = "(ต่อ)"  # under the label of a report's part on the next page


@dataclass(frozen=True)
class Cell:
    text: str
    x: float  # fraction of the width where the cell starts
    w: float  # fraction of the width it takes


class Grid(Block):
    """Rows of label : value cells at fixed horizontal positions (section 1.1); each cell is
    a paragraph of the structure tree (a layout grid, not a data table)."""

    tag = None

    def __init__(self, rows: list[list[Cell]], ts: TextStyle) -> None:
        self.rows = rows
        self.ts = ts
        self._laid: list[list[tuple[Cell, list[str]]]] = []

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self._laid = [
            [(c, fill_lines(c.text, self.ts, c.w * avail_width - CELL_PAD) or [""]) for c in row]
            for row in self.rows
        ]
        self.height = sum(self._row_height(row) for row in self._laid)
        return avail_width, self.height

    def _row_height(self, row: list[tuple[Cell, list[str]]]) -> float:
        return max(len(lines) for _c, lines in row) * self.ts.leading

    def draw(self) -> None:
        tagger = Tagger.of(self.canv)
        top = self.height
        for row in self._laid:
            for cell, lines in row:
                with _marked(tagger, self.canv, "P"):
                    x, w = cell.x * self.width, cell.w * self.width
                    draw_block(self.canv, x, top, w, lines, self.ts)
            top -= self._row_height(row)


def _marked(
    tagger: Tagger | None, canv: Canvas, role: str, elem: Elem | None = None
) -> AbstractContextManager[None]:
    """Marked content of `elem` (a new `role` element under the document if None)."""
    if tagger is None:
        return nullcontext()
    return tagger.marked(canv, elem or Elem(role, tagger.root))


class ReportRows(Block):
    """One progress report: a row with its label and narrative, a row with its figures and
    statuses. The two rows are one flowable, so they never part across pages; only a
    narrative taller than a whole page is cut, between its lines, and the part on the next
    page is labelled `รายงานครั้งที่4` `(ต่อ)` (continued).

    Tagged as two rows of the log's Table: the label a row header (TH) spanning both, then
    TD cells; the parts of a cut report fill the same cells, and their repeated label is an
    artifact. The rules are artifacts."""

    tag = None

    def __init__(
        self,
        label: str,
        first: str,
        second: list[str],
        col_widths: list[float],
        ts: TextStyle,
        frame_height: float,
    ) -> None:
        self.label = label
        self.first = first
        self.second = second  # text, plan status, target status
        self.cols = col_widths
        self.ts = ts
        self.frame_height = frame_height
        self._first_lines: list[str] | None = None
        self._continued = False

    def _lines(self) -> tuple[list[str], list[list[str]]]:
        if self._first_lines is None:
            self._first_lines = fill_lines(self.first, self.ts, self.cols[1] - 2 * CELL_PAD) or [""]
        second = [
            fill_lines(t, self.ts, w - 2 * CELL_PAD) or [""]
            for t, w in zip(self.second, self.cols[1:], strict=False)
        ]
        return self._first_lines, second

    def _label_lines(self) -> list[str]:
        return [self.label, CONTINUED] if self._continued else [self.label]

    def _heights(self) -> tuple[float, float]:
        first, second = self._lines()
        pad = 2 * CELL_PAD
        h1 = max(len(first), len(self._label_lines())) * self.ts.leading + pad
        h2 = (max(len(c) for c in second) * self.ts.leading + pad) if self.second else 0.0
        return h1, h2

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = sum(self.cols)
        self.height = sum(self._heights())
        return self.width, self.height

    def min_height(self) -> float:
        """A report that fits a page moves on whole; a taller one may start with one line
        (a heading before it then keeps with that line, not with the whole report)."""
        if self.height <= self.frame_height:
            return self.height
        return self.ts.leading + 2 * CELL_PAD

    def split(self, avail_width: float, avail_height: float) -> list[Block]:
        """Only a report taller than a whole page is cut; otherwise it moves on whole."""
        if self.height <= self.frame_height:
            return []
        first, _second = self._lines()
        pad = 2 * CELL_PAD
        fit = int((avail_height - pad) // self.ts.leading)
        if fit < 1 or fit >= len(first):
            return []
        head = ReportRows(self.label, "", [], self.cols, self.ts, self.frame_height)
        head._first_lines = first[:fit]
        head._continued = self._continued  # a middle part of a very long report
        tail = ReportRows(self.label, "", self.second, self.cols, self.ts, self.frame_height)
        tail._first_lines = first[fit:]
        tail._continued = True
        tail.keepWithNext = self.keepWithNext  # the last report keeps with the closing
        return [head, tail]

    def draw(self) -> None:
        c = self.canv
        first, second = self._lines()
        h1, h2 = self._heights()
        xs = [sum(self.cols[:i]) for i in range(len(self.cols) + 1)]
        top = self.height
        inner = [w - 2 * CELL_PAD for w in self.cols]  # what the lines were filled to
        tagger = Tagger.of(c)
        cells = self._cells(tagger) if tagger is not None else None
        # row 1: label | narrative (status cells empty, as printed)
        label = (
            Tagger.artifact(c, "Pagination")
            if self._continued
            else _marked(tagger, c, "TH", cells[0] if cells else None)
        )
        with label:
            draw_block(c, xs[0] + CELL_PAD, top - CELL_PAD, inner[0], self._label_lines(), self.ts)
        with _marked(tagger, c, "TD", cells[1] if cells else None):
            draw_block(c, xs[1] + CELL_PAD, top - CELL_PAD, inner[1], first, self.ts)
        if self.second:
            top2 = top - h1
            for i, lines in enumerate(second):
                with _marked(tagger, c, "TD", cells[2 + i] if cells else None):
                    x = xs[i + 1] + CELL_PAD
                    draw_block(c, x, top2 - CELL_PAD, inner[i + 1], lines, self.ts)
        with Tagger.artifact(c) if tagger is not None else nullcontext():
            self._draw_rules(xs, h2)

    def _cells(self, tagger: Tagger) -> list[Elem]:
        """This report's TH, narrative TD and its second row's three TDs (made once for
        all the parts of a cut report)."""
        known = tagger.remembered(self)
        if known is not None:
            return known.attrs["_cells"]
        table = tagger.table()
        row1, row2 = Elem("TR", table), Elem("TR", table)
        th = Elem("TH", row1, {"Scope": PDFName("Row"), "RowSpan": 2})
        cells = [th, Elem("TD", row1)]
        Elem("TD", row1), Elem("TD", row1)  # the status cells of row 1, empty as printed
        cells += [Elem("TD", row2) for _ in range(3)]
        row1.attrs["_cells"] = cells
        tagger.remember(self, row1)
        return cells

    def _draw_rules(self, xs: list[float], h2: float) -> None:
        c = self.canv
        c.saveState()
        c.setLineWidth(RULE)
        c.setStrokeGray(0.55)
        c.rect(0, 0, self.width, self.height)
        if self.second:
            c.line(xs[1], h2, self.width, h2)
        for x in xs[1:-1]:
            c.line(x, 0, x, self.height)
        c.restoreState()

"""The page: A4 portrait, the form's title on every page, `หน้า X/Y`; and `render_pdf`."""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager

from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from forms.pdf.layout import TITLE, TITLE_TEXT, story
from forms.pdf.paragraph import RIGHT, TextStyle, draw_block
from forms.report import Report

PAGE_W, PAGE_H = A4
MARGIN_X = 15 * mm
MARGIN_TOP = 12 * mm
MARGIN_BOTTOM = 15 * mm
TITLE_GAP = 4.0
FOOTER = TextStyle(size=9.0, leading=13.5, align=RIGHT)


def frame_box() -> tuple[float, float, float, float]:
    top = PAGE_H - MARGIN_TOP - TITLE.leading - TITLE_GAP
    return MARGIN_X, MARGIN_BOTTOM, PAGE_W - 2 * MARGIN_X, top - MARGIN_BOTTOM


def _draw_title(canv: Canvas, _doc: BaseDocTemplate) -> None:
    draw_block(
        canv,
        MARGIN_X,
        PAGE_H - MARGIN_TOP,
        PAGE_W - 2 * MARGIN_X,
        [TITLE_TEXT],
        TITLE,
        artifact="Header",
    )


class _NumberedCanvas(Canvas):
    """Keeps each page until the end so that `หน้า X/Y` can name the page count."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            draw_block(
                self,
                MARGIN_X,
                MARGIN_BOTTOM - 4,
                PAGE_W - 2 * MARGIN_X,
                [f"หน้า {number}/{total}"],
                FOOTER,
                artifact="Footer",
            )
            super().showPage()
        super().save()


def render_pdf(report: Report) -> bytes:
    """The report as the bytes of a PDF file."""
    out = io.BytesIO()
    x, y, w, h = frame_box()
    doc = BaseDocTemplate(
        out,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=PAGE_H - y - h,
        bottomMargin=MARGIN_BOTTOM,
        title=report.project_name or TITLE_TEXT.strip("* "),
        author=report.agency_office,
        subject=TITLE_TEXT.strip("* "),
        creator="แบบรายงานโครงการ",
        lang="th-TH",
        invariant=True,
    )
    frame = Frame(
        x, y, w, h, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body"
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=_draw_title)])
    with _plain_streams():
        doc.build(story(report, w, h), canvasmaker=_NumberedCanvas)
    return out.getvalue()


@contextmanager
def _plain_streams() -> Iterator[None]:
    """Flate-only streams while this document is saved.

    ReportLab wraps page streams in ASCII85 by default, in pure Python: a quarter of the
    export time and a quarter more bytes, for 7-bit safety no PDF reader needs. The switch
    is a module global (read when the pages are written), hence the save and restore.
    """
    old = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = old

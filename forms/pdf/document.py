"""The page: A4 portrait, the form's title on every page, `หน้า X/Y`; and `render_pdf`."""

from __future__ import annotations

import io
from functools import cache

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from forms.interchange import dumps
from forms.pdf.attachment import attach_report_json
from forms.pdf.layout import TITLE, TITLE_TEXT, story
from forms.pdf.pages import paginate
from forms.pdf.paragraph import RIGHT, TextStyle, draw_block
from forms.pdf.style import PdfStyle
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


def _draw_title(canv: Canvas) -> None:
    width = PAGE_W - 2 * MARGIN_X
    draw_block(canv, MARGIN_X, PAGE_H - MARGIN_TOP, width, [TITLE_TEXT], TITLE, artifact="Header")


def _draw_page_number(canv: Canvas, number: int, total: int) -> None:
    width = PAGE_W - 2 * MARGIN_X
    footer = [f"หน้า {number}/{total}"]
    draw_block(canv, MARGIN_X, MARGIN_BOTTOM - 4, width, footer, FOOTER, artifact="Footer")


def render_pdf(report: Report, *, justify: bool = False, long_dates: bool = False) -> bytes:
    """The report as the bytes of a PDF file; `justify` sets the prose (rationale, list
    items, narratives) in Thai distributed justification instead of flush left, and
    `long_dates` prints every date as `1 ตุลาคม 2565` (`forms.pdf.style`).

    The report's interchange JSON is attached to the file (`forms.pdf.attachment`), so an
    import gets every field back exactly (`forms.pdf.embedded_report_json`)."""
    x, y, w, h = frame_box()
    style = PdfStyle(justify=justify, long_dates=long_dates)
    pages = paginate(story(report, w, h, style), w, h)
    out = io.BytesIO()
    canv = Canvas(
        out,
        pagesize=A4,
        invariant=1,
        pageCompression=1,
        lang="th-TH",
        initialFontName=_no_initial_font(),
    )
    subject = TITLE_TEXT.strip("* ")
    canv.setTitle(report.project_name or subject)
    canv.setAuthor(report.agency_office)
    canv.setSubject(subject)
    canv.setCreator("แบบรายงานโครงการ")
    for number, placed in enumerate(pages, start=1):
        _draw_title(canv)  # drawn in reading order: title, body, page number
        for p in placed:
            p.block.drawOn(canv, x, y + h - p.top - p.block.height)
        _draw_page_number(canv, number, len(pages))
        canv.showPage()
    attach_report_json(canv, dumps(report))
    _flate_only(canv)
    canv.save()
    return out.getvalue()


class _NoFont:
    """Stands for the canvas's initial font. ReportLab starts every page by setting its
    initial font (Helvetica, not embedded, never used here) unless that font is a
    "dynamic" one, which it leaves to whoever draws with it; nobody draws with this."""

    fontName = "forms.pdf:no-initial-font"
    _dynamicFont = 1
    _multiByte = 0
    face = type("Face", (), {"name": fontName})


@cache
def _no_initial_font() -> str:
    pdfmetrics.registerFont(_NoFont())
    return _NoFont.fontName


def _flate_only(canv: Canvas) -> None:
    """Give each page its content stream, Flate only, before the document is saved.

    ReportLab wraps page streams in ASCII85 by default, in pure Python: a quarter of the
    export time and a quarter more bytes, for 7-bit safety no PDF reader needs. Its switch
    is the module global `rl_config.useA85`, read while the document is saved; setting it
    around `save` raced between threads (a preview rendered during an export): one save
    restored the global while another was writing, which then came out in ASCII85 (and the
    global stayed changed for everyone). A page whose /Contents is already set is left as
    it is by ReportLab, so this document decides for itself and no global is touched.
    """
    for page in canv._doc.Pages.pages:
        page.Contents = pdfdoc.PDFStream(content=page.stream, filters=[pdfdoc.PDFZCompress])

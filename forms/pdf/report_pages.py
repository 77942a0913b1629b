"""The page: A4 portrait, the form's title on every page, `หน้า X/Y`; and `render_pdf`."""

from __future__ import annotations

import io
from datetime import datetime

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from forms.interchange import dumps
from forms.pdf.attachment import attach_report_json
from forms.pdf.canvas import flate_only, new_canvas
from forms.pdf.layout import TITLE, story
from forms.pdf.pages import paginate
from forms.pdf.paragraph import RIGHT, TextStyle, draw_block
from forms.pdf.pdfa import document_time, make_pdfa, pdf_date
from forms.pdf.style import PdfStyle
from forms.pdf.tags import Elem, Tagger
from forms.printed import PAGE_HEADER
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


def _draw_title(canv: Canvas, tagger: Tagger, first: bool) -> None:
    """The form's title: the document's H1 on page 1, a running header after it."""
    width = PAGE_W - 2 * MARGIN_X
    top = PAGE_H - MARGIN_TOP
    if first:
        with tagger.marked(canv, Elem("H1", tagger.root)):
            draw_block(canv, MARGIN_X, top, width, [PAGE_HEADER], TITLE)
    else:
        draw_block(canv, MARGIN_X, top, width, [PAGE_HEADER], TITLE, artifact="Header")


def _draw_page_number(canv: Canvas, number: int, total: int) -> None:
    width = PAGE_W - 2 * MARGIN_X
    footer = [f"หน้า {number}/{total}"]
    draw_block(canv, MARGIN_X, MARGIN_BOTTOM - 4, width, footer, FOOTER, artifact="Footer")


def render_pdf(
    report: Report,
    *,
    justify: bool = False,
    long_dates: bool = False,
    when: datetime | None = None,
) -> bytes:
    """The report as the bytes of a PDF/A-3b file; `justify` sets the prose (rationale, list
    items, narratives) in Thai distributed justification instead of flush left, and
    `long_dates` prints every date as `1 ตุลาคม 2565` (`forms.pdf.style`). `when` dates the
    file (by default SOURCE_DATE_EPOCH, else now: `forms.pdf.pdfa.document_time`); the same
    report, options and date give the same bytes.

    The report's interchange JSON is attached to the file (`forms.pdf.attachment`), so an
    import gets every field back exactly (`forms.pdf.embedded_report_json`). The file is
    tagged (`forms.pdf.tags`) and carries PDF/A metadata (`forms.pdf.pdfa`)."""
    stamp = document_time(when)
    x, y, w, h = frame_box()
    style = PdfStyle(justify=justify, long_dates=long_dates)
    pages = paginate(story(report, w, h, style), w, h)
    out = io.BytesIO()
    canv = new_canvas(out, A4)
    tagger = Tagger()
    tagger.install(canv)
    for number, placed in enumerate(pages, start=1):
        tagger.new_page()
        _draw_title(canv, tagger, number == 1)  # in reading order: title, body, page number
        for p in placed:
            p.block.drawOn(canv, x, y + h - p.top - p.block.height)
        _draw_page_number(canv, number, len(pages))
        canv.showPage()
    data = dumps(report)
    attach_report_json(canv, data, modified=pdf_date(stamp))
    tagger.write(canv)
    subject = PAGE_HEADER.strip("* ")
    make_pdfa(
        canv,
        title=report.project_name or subject,
        author=report.agency_office,
        subject=subject,
        creator="แบบรายงานโครงการ",
        when=stamp,
        identity=f"{pdf_date(stamp)}\n{justify}{long_dates}\n{data}".encode(),
    )
    flate_only(canv)
    canv.save()
    return out.getvalue()

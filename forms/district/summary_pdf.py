"""The summary PDF of a collection: the district's own submission, landscape A4.

`render(items, today)` (the "pdf" entry of `forms.export.SUMMARY_FORMATS`) gives a title
(agencies and fiscal years covered, `ข้อมูล ณ วันที่ ...`), then one table row per report
in the caller's order (`forms.district.summary_table`), a totals row, the table's header
row again at the top of every page and `หน้า X/Y` at the foot. The text is set by the
report PDF's own machinery (`forms.pdf`: Sarabun, HarfBuzz, ICU, exact /ActualText), and
the pages are laid out by its `paginate`, so every typed text copies back as typed.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from forms.district.summary import Collected, percent_spent
from forms.district.summary_table import (
    HEAD_SHADE,
    STRIPE_SHADE,
    TOTAL_SHADE,
    TableRow,
    column_widths,
    header_cells,
    report_cells,
    total_cells,
    total_widths,
)
from forms.pdf.canvas import flate_only, new_canvas
from forms.pdf.fonts import Style
from forms.pdf.pages import Block, Placed, paginate
from forms.pdf.paragraph import CENTRE, LEFT, RIGHT, TextStyle, ThaiParagraph, draw_block
from forms.thaidate import format_thai_long_date

PAGE_SIZE = landscape(A4)
PAGE_W, PAGE_H = PAGE_SIZE
MARGIN_X = 12 * mm
MARGIN_TOP = 12 * mm
MARGIN_BOTTOM = 14 * mm
TITLE = "สรุปรายงานความก้าวหน้าโครงการ"
EMPTY = "ไม่มีรายงานในชุดรายงานนี้"
TITLE_STYLE = TextStyle(Style.BOLD, size=14.0, leading=21.0, align=CENTRE)
SUBTITLE = TextStyle(size=11.0, leading=16.5, align=CENTRE)
FOOTER_LEFT = TextStyle(size=8.0, leading=12.0, align=LEFT)
FOOTER_RIGHT = TextStyle(size=8.0, leading=12.0, align=RIGHT)
MAX_OFFICES = 3  # more agencies than this are counted in the title, not named


def render(items: Sequence[Collected], today: date) -> bytes:
    """The summary of `items` as the bytes of a PDF file; `today` is the data's date."""
    width, height = PAGE_W - 2 * MARGIN_X, PAGE_H - MARGIN_TOP - MARGIN_BOTTOM
    widths = column_widths(width)
    header = TableRow(header_cells(), widths, height, shade=HEAD_SHADE)
    header.wrap(width, height)
    body = height - header.height  # every page's frame keeps room for the header row
    pages = paginate(story(items, today, widths, body), width, body)
    out = io.BytesIO()
    canv = new_canvas(out, PAGE_SIZE)
    canv.setTitle(TITLE)
    canv.setSubject(covered(items))
    canv.setCreator("แบบรายงานโครงการ")
    footer = f"{TITLE} ข้อมูล ณ วันที่ {format_thai_long_date(today)}"
    for number, placed in enumerate(pages, start=1):
        _draw_page(canv, placed, header)
        _draw_footer(canv, footer, number, len(pages))
        canv.showPage()
    flate_only(canv)
    canv.save()
    return out.getvalue()


def story(
    items: Sequence[Collected], today: date, widths: list[float], frame_height: float
) -> list[Block]:
    """The title, then a row per report and the totals (or a line saying there are none)."""
    count = f" ({len(items)} โครงการ)" if items else ""
    title: list[Block] = [
        ThaiParagraph(TITLE, TITLE_STYLE),
        ThaiParagraph(covered(items), SUBTITLE),
        ThaiParagraph(f"ข้อมูล ณ วันที่ {format_thai_long_date(today)}{count}", SUBTITLE),
    ]
    title = [p for p in title if p.text]
    title[-1].spaceAfter = 8.0
    if not items:
        return [*title, ThaiParagraph(EMPTY, SUBTITLE)]
    for p in title:
        p.keepWithNext = True  # the title stands over the table's first row
    show_year = len({i.row.fiscal_year for i in items} - {None}) > 1
    rows: list[Block] = [
        TableRow(
            report_cells(n, item, show_year),
            widths,
            frame_height,
            shade=STRIPE_SHADE if n % 2 == 0 else None,
        )
        for n, item in enumerate(items, start=1)
    ]
    # the totals never stand alone at a page's top (unless the last row is cut anyway)
    last = rows[-1]
    last.wrap(sum(widths), frame_height)
    last.keepWithNext = last.height <= frame_height
    received = [i.row.budget_received for i in items if i.row.budget_received is not None]
    total_received = sum(received, Decimal(0)) if received else None
    total_spent = sum((i.row.budget_spent for i in items), Decimal(0))
    totals = TableRow(
        total_cells(
            len(items), total_received, total_spent, percent_spent(total_spent, total_received)
        ),
        total_widths(widths),
        frame_height,
        shade=TOTAL_SHADE,
    )
    return [*title, *rows, totals]


def covered(items: Sequence[Collected]) -> str:
    """`สำนักงานเขตบึงกุ่ม ปีงบประมาณ พ.ศ. 2566`: the agencies and fiscal years summed up."""
    offices = list(dict.fromkeys(i.row.agency_office for i in items if i.row.agency_office))
    years = sorted({i.row.fiscal_year for i in items if i.row.fiscal_year is not None})
    if len(offices) > MAX_OFFICES:
        offices = [f"{offices[0]} และอีก {len(offices) - 1} หน่วยงาน"]
    parts = [", ".join(offices)] if offices else []
    if years:
        parts.append("ปีงบประมาณ พ.ศ. " + ", ".join(str(y) for y in years))
    return " ".join(parts)


def _draw_page(canv: Canvas, placed: list[Placed], header: TableRow) -> None:
    """The page's blocks, the header row drawn over the first table row on the page."""
    top = PAGE_H - MARGIN_TOP
    shift = 0.0
    for p in placed:
        if isinstance(p.block, TableRow) and not shift:
            header.drawOn(canv, MARGIN_X, top - p.top - header.height)
            shift = header.height
        p.block.drawOn(canv, MARGIN_X, top - shift - p.top - p.block.height)


def _draw_footer(canv: Canvas, text: str, number: int, total: int) -> None:
    width = PAGE_W - 2 * MARGIN_X
    y = MARGIN_BOTTOM - 4
    draw_block(canv, MARGIN_X, y, width, [text], FOOTER_LEFT, artifact="Footer")
    draw_block(canv, MARGIN_X, y, width, [f"หน้า {number}/{total}"], FOOTER_RIGHT, artifact="Footer")

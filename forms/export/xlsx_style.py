"""Excel workbooks of this app: the Thai font, the number and date formats, and writing a
`Table` as a sheet (bold frozen header, autofilter, column widths that fit Thai text).

Written with XlsxWriter: it only writes (nothing here reads a workbook), is the fastest
of the kept pure-Python writers, has no dependencies of its own, and sets everything a
district clerk expects of a sheet: number formats, freeze panes, autofilter, column
widths, wrapped text. Every text is written as a string cell (`write_string`, or a
column of them at once, `forms.export.xlsx_columns`), so a text that starts with `=`
stays a text and never becomes a formula. (The tests read workbooks back with
openpyxl.) Its `constant_memory` mode, which streams rows to temporary files, measured
slower here (7.5 s against 5.2 s for the cells of 5,000 reports), so the parts are built
in memory; the sheets are `forms.export.xlsx_sheet.FastWorksheet`s.

Formats:
- money `#,##0.00` (baht, two decimals, thousands separators);
- percentages as the form writes them: 45.5 means 45.5 %, shown `0.00` (not Excel's
  percent type, whose 0.455 would not read like the form);
- dates are real Excel dates (a day number, so they sort and subtract) shown in the
  Buddhist Era: `[$-107041E]dd/mm/yyyy`, the LCID form Excel writes itself: 01 = Western
  digits, 07 = the Thai Buddhist calendar, 041E = Thai. LibreOffice reads the same code
  (its `[~buddhist]` calendar), so both show `30/01/2566`. (`[$-th-TH,107]` is how
  newer Excel *displays* the code; LibreOffice does not read that form.)
- the cell font is TH Sarabun New 16, as Thai offices use; where it is not installed,
  Excel and LibreOffice substitute a font that has Thai.
"""

from __future__ import annotations

import gc
import io
import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from xlsxwriter import Workbook
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from forms.export.cells import (
    EXCEL_MAX_ROWS,
    Kind,
    Table,
    Value,
    as_float,
    text_width,
)
from forms.export.xlsx_columns import (
    EXCEL_EPOCH,
    EXCEL_FIRST_DAY,
    TEXT_MAX_WIDTH,
    CellWriter,
    value_width,
    write_column,
)
from forms.export.xlsx_sheet import FastWorksheet
from forms.thaidate import format_be_date
from forms.typed import Unreadable

FONT_NAME = "TH Sarabun New"
FONT_SIZE = 16
ROW_HEIGHT_PX = 32  # 24 pt: one line of a 16 pt Thai font with marks above and below
MONEY_FORMAT = "#,##0.00"
PERCENT_FORMAT = "0.00"
CHANGE_FORMAT = "+0.00;-0.00;0.00"
YEAR_FORMAT = "0"
DATE_FORMAT = "[$-107041E]dd/mm/yyyy"

LONG_TEXT_WIDTH = 60  # a narrative wraps in this width
PADDING = 2.0  # the cell's margins and the autofilter's button
PAGE_WIDTH = 120.0  # columns' widths printed on one A4 landscape page (about 80 % scale)


def new_workbook(out: io.BytesIO, title: str, created: datetime | None = None) -> Workbook:
    workbook = Workbook(
        out,
        {
            "in_memory": True,  # no temporary files: the parts are zipped from memory
            "strings_to_formulas": False,  # belt and braces: only write_string is used
            "strings_to_urls": False,
            "strings_to_numbers": False,
            # every cell top-aligned, beside a wrapped narrative; plain cells need no format
            "default_format_properties": {
                "font_name": FONT_NAME,
                "font_size": FONT_SIZE,
                "valign": "top",
            },
            "default_row_height": ROW_HEIGHT_PX,
        },
    )
    properties: dict[str, Any] = {
        "title": title,
        "comments": "แบบรายงานโครงการ (BMA Project Report)",
    }
    if created is not None:  # the same reports give the same bytes
        properties["created"] = created
    workbook.set_properties(properties)
    return workbook


def excel_day(value: date) -> int:
    """The Excel day number of `value` (what a date cell holds)."""
    return (value - EXCEL_EPOCH).days


class Styles:
    """The cell formats of one workbook, by kind of value."""

    def __init__(self, workbook: Workbook) -> None:
        top: dict[str, object] = {"valign": "top"}
        number = {**top, "align": "right", "indent": 1}
        self.header = workbook.add_format(
            {**top, "bold": True, "text_wrap": True, "bottom": 1, "bg_color": "#DDEBF7"}
        )
        self.label = workbook.add_format({**top, "bold": True})
        # what the clerk typed where a number or date could not be read: a text, marked
        self.typed = workbook.add_format({**top, "italic": True, "font_color": "#C00000"})
        # plain text and whole numbers take the workbook's default (top-aligned) format
        self.kind: dict[Kind, Format | None] = {
            Kind.TEXT: None,
            Kind.LONG_TEXT: workbook.add_format({**top, "text_wrap": True}),
            Kind.INT: None,
            Kind.YEAR: workbook.add_format({**top, "num_format": YEAR_FORMAT}),
            # a gap between a right-aligned number and the text in the next column
            Kind.MONEY: workbook.add_format({**number, "num_format": MONEY_FORMAT}),
            Kind.PERCENT: workbook.add_format({**number, "num_format": PERCENT_FORMAT}),
            Kind.CHANGE: workbook.add_format({**number, "num_format": CHANGE_FORMAT}),
            Kind.DATE: workbook.add_format({**top, "num_format": DATE_FORMAT}),
        }


class SheetWriter:
    """One worksheet, written top to bottom, with the width each column needs."""

    def __init__(self, workbook: Workbook, styles: Styles, name: str) -> None:
        self.sheet: Worksheet = workbook.add_worksheet(name, FastWorksheet)
        self.styles = styles
        self.widths: dict[int, float] = {}
        self.wide: set[int] = set()  # narrative columns: a fixed width, wrapped
        self.identifying: int | None = None  # the column each printed page repeats
        self.headers: dict[int, str] = {}  # the table's header cells (row `header_row`)
        self.header_row = 0
        self._by_kind = {kind: self._writer(kind) for kind in Kind}

    def _fit(self, col: int, width: float) -> None:
        if width > self.widths.get(col, 0.0):
            self.widths[col] = width

    def label(self, row: int, col: int, text: str) -> None:
        self.sheet.write_string(row, col, text, self.styles.label)
        self._fit(col, text_width(text))

    def cell(self, row: int, col: int, kind: Kind, value: Value, fit: bool = True) -> None:
        """One value; `fit=False` for a text that may run over the empty cells beside it."""
        self._by_kind[kind](row, col, value)
        if fit or not isinstance(value, str):
            self._fit(col, value_width(kind, value))

    def table(self, table: Table, first_row: int = 0) -> int:
        """The header at `first_row`, frozen, with an autofilter over the rows below it;
        returns the number of rows written."""
        sheet, styles = self.sheet, self.styles
        columns = table.columns
        kinds = [column.kind for column in columns]
        self.header_row = first_row
        for col, column in enumerate(columns):
            self.headers[col] = column.header
            sheet.write_string(first_row, col, column.header, styles.header)
            self._fit(col, _header_width(column.header))
            if column.kind is Kind.LONG_TEXT:
                self.wide.add(col)
            if column.identifies and self.identifying is None:
                self.identifying = col
        rows = table.rows if isinstance(table.rows, list) else list(table.rows)
        last = EXCEL_MAX_ROWS - 1
        if len(rows) > last - first_row:
            raise ValueError(
                f"ตาราง {table.name} มีเกิน {last:,} แถว ซึ่ง Excel รับไม่ได้"
                " — แยกรายงานเป็นหลายชุด หรือส่งออกเป็น CSV"
            )
        # a column at a time (`forms.export.xlsx_columns`): every row has every column
        values = list(zip(*rows, strict=True)) if rows else [()] * len(columns)
        if len(values) != len(columns):
            raise ValueError(f"ตาราง {table.name}: แถวมี {len(values)} ช่อง แต่มี {len(columns)} คอลัมน์")
        for col, kind in enumerate(kinds):
            width = write_column(
                sheet,
                col,
                kind,
                values[col],
                first_row + 1,
                styles.kind[kind],
                self._by_kind[kind],
            )
            self._fit(col, width)
        row = first_row + len(rows)
        sheet.freeze_panes(first_row + 1, 0)
        sheet.autofilter(first_row, 0, row, len(columns) - 1)
        sheet.repeat_rows(first_row)  # printed: the header on top of every page
        return row - first_row

    def finish(self) -> None:
        """Set the column widths (the last step: they depend on every value written) and
        the printout: A4 landscape, as many pages wide as keep the 16 pt text readable
        (about 11 pt printed), pages down as the rows need."""
        total, header_lines, set_widths = 0.0, 1, {}
        for col, width in self.widths.items():
            fitted = LONG_TEXT_WIDTH if col in self.wide else min(width + PADDING, TEXT_MAX_WIDTH)
            fitted = round(max(fitted, 6.0), 1)
            self.sheet.set_column(col, col, fitted)
            set_widths[col] = fitted
            total += fitted
            if col in self.headers:
                header_lines = max(header_lines, _wrapped_lines(self.headers[col], fitted - 1))
        if header_lines > 1:  # a wrapped header: Excel and LibreOffice keep the row's height
            self.sheet.set_row(self.header_row, header_lines * ROW_HEIGHT_PX * 0.75)
        self.sheet.set_paper(9)
        self.sheet.set_landscape()
        pages = max(1, math.ceil(total / PAGE_WIDTH))
        if pages > 1 and self.identifying is not None:
            # a row read across pages: each page starts with its project's code, and the
            # pages of the same rows print one after the other (over, then down)
            repeated = min(set_widths.get(self.identifying, 0.0), PAGE_WIDTH / 2)
            self.sheet.repeat_columns(self.identifying)
            self.sheet.print_across()
            pages = max(1, math.ceil((total - repeated) / (PAGE_WIDTH - repeated)))
        self.sheet.fit_to_pages(pages, 0)

    def _writer(self, kind: Kind) -> CellWriter:
        """The function that writes one value of `kind` into a cell."""
        sheet, fmt, typed = self.sheet, self.styles.kind[kind], self.styles.typed
        write_string, write_number = sheet.write_string, sheet.write_number

        if kind in (Kind.TEXT, Kind.LONG_TEXT):

            def write_text(row: int, col: int, value: Value) -> object:
                if isinstance(value, Unreadable):
                    value = value.text
                return write_string(row, col, value, fmt)

            return write_text

        def write_value(row: int, col: int, value: Value) -> object:
            if isinstance(value, Decimal):
                return write_number(row, col, as_float(value), fmt)
            if isinstance(value, date):
                if value < EXCEL_FIRST_DAY:  # Excel has no such day: the date as text
                    return write_string(row, col, format_be_date(value), typed)
                return write_number(row, col, excel_day(value), fmt)
            if isinstance(value, Unreadable):  # typed where a value could not be read
                return write_string(row, col, value.text, typed)
            if isinstance(value, int):
                return write_number(row, col, value, fmt)
            raise TypeError(f"{kind.value} column given {value!r}")

        return write_value


def _wrapped_lines(text: str, width: float) -> int:
    """How many lines `text` takes wrapped at its spaces in a column `width` wide."""
    lines, used = 1, 0.0
    for word in text.split():
        needed = text_width(word) + (1.0 if used else 0.0)
        if used and used + needed > width:
            lines, used = lines + 1, text_width(word)
        else:
            used += needed
    return lines


def _header_width(header: str) -> float:
    """A header wraps at its spaces: as wide as its longest word, or half of it all."""
    words = max(text_width(word) for word in header.split())
    return max(words, text_width(header) / 2)


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Python's cycle collector paused while a big workbook is built: XlsxWriter makes
    one small object per cell and holds them all, so the collector would walk a growing
    heap again and again to find no cycles (a few per cent of the time for 5,000
    reports). Reference counting still frees everything as usual."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def write_tables(workbook: Workbook, tables: Sequence[Table]) -> None:
    styles = Styles(workbook)
    for table in tables:
        writer = SheetWriter(workbook, styles, table.name)
        writer.table(table)
        writer.finish()

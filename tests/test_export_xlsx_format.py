"""How the Excel exports write their cells: Thai number and date formats and font, frozen
headers, filters and print setup, column widths that fit Thai text, money exact to the
satang, and no text ever turned into a formula."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from decimal import Decimal

import openpyxl
import pytest
from openpyxl.utils.escape import unescape

from forms.district.summary import Collected
from forms.export.cells import text_width
from forms.export.progress_xlsx import render as render_log
from forms.export.summary_xlsx import render as render_summary
from forms.export.xlsx_style import (
    CHANGE_FORMAT,
    DATE_FORMAT,
    FONT_NAME,
    MONEY_FORMAT,
    PERCENT_FORMAT,
)
from forms.report import ProgressReport, Report
from tests.xlsx_support import TODAY, collected, money_value, open_book, sample_items

INJECTIONS = [
    '=HYPERLINK("http://example.com","คลิก")',
    "+66 2 123 4567",
    "- จัดประชุมชี้แจงครู",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.fixture
def items(sample_report) -> list[Collected]:
    return sample_items(sample_report)


def test_numbers_and_dates_carry_thai_formats_and_the_thai_font(items):
    book = open_book(render_summary(items, TODAY))
    summary = book["สรุปโครงการ"]
    assert summary["G2"].number_format == MONEY_FORMAT == "#,##0.00"
    assert summary["I2"].number_format == PERCENT_FORMAT
    assert summary["K2"].number_format == DATE_FORMAT == "[$-107041E]dd/mm/yyyy"
    assert summary["K2"].is_date
    changes = [cell for cell in book["รายไตรมาส"]["E"][1:] if cell.value is not None]
    assert changes and {cell.number_format for cell in changes} == {CHANGE_FORMAT}
    header, cell = summary["A1"], summary["A2"]
    assert header.font.b and not cell.font.b
    assert (cell.font.name, cell.font.sz) == (FONT_NAME, 16) == ("TH Sarabun New", 16)
    assert (header.font.name, header.font.sz) == (FONT_NAME, 16)


def test_each_sheet_has_its_header_frozen_and_a_filter_over_every_row(items):
    book = open_book(render_summary(items, TODAY))
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2", sheet.title
        last_column = openpyxl.utils.get_column_letter(sheet.max_column)
        assert sheet.auto_filter.ref == f"A1:{last_column}{sheet.max_row}", sheet.title
        # printed: A4 landscape, the header on every page, wide enough to read
        assert (sheet.page_setup.orientation, sheet.page_setup.paperSize) == ("landscape", 9)
        assert sheet.print_title_rows == "$1:$1"
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.page_setup.fitToHeight == 0 and sheet.page_setup.fitToWidth >= 2
        # each page of a row starts with its project's code; a row's pages come together
        code = next(c for c in sheet[1] if c.value == "รหัสโครงการ").column_letter
        assert sheet.print_title_cols == f"${code}:${code}", sheet.title
        assert sheet.page_setup.pageOrder == "overThenDown", sheet.title
    # a header that wraps onto two lines gets a row tall enough for them
    assert book["สรุปโครงการ"].row_dimensions[1].height == 48


def test_columns_fit_thai_text_whose_marks_take_no_width():
    name = "ที่นี่มีน้ำใจไม่ทิ้งกันสู้ภัยน้ำท่วมที่ดินแดง"  # many marks above and below
    assert text_width(name) < len(name) - 10
    assert text_width("ก่ำ") == pytest.approx(2 * 1.15)
    assert text_width("abc\nabcdef") == 6
    report = Report(project_name=name, project_code="10000000-0001", fiscal_year=2566)
    sheet = open_book(render_summary([collected(report)], TODAY))["สรุปโครงการ"]
    width = sheet.column_dimensions["E"].width
    assert text_width(name) < width < len(name) + 2
    # a header wraps at its spaces: as wide as its longest word, not the whole header
    assert sheet.column_dimensions["N"].width < text_width("ความเป็นไปตามเป้าหมาย") + 4


def test_money_comes_back_to_the_satang_at_the_forms_largest_amount():
    largest = Decimal("999999999999.99")
    report = Report(
        project_code="10000000-0002",
        fiscal_year=2567,
        budget_received=largest,
        progress_reports=[
            ProgressReport(no=1, date=date(2023, 12, 31), budget_used=Decimal("0.01")),
            ProgressReport(no=2, date=date(2024, 1, 2), budget_used=Decimal("1234567.89")),
        ],
    )
    book = open_book(render_summary([collected(report)], TODAY))
    assert money_value(book["สรุปโครงการ"]["G2"].value) == largest
    assert money_value(book["สรุปโครงการ"]["H2"].value) == Decimal("1234567.90")
    assert [money_value(c.value) for c in book["รายงานความก้าวหน้า"]["G"][1:]] == [
        Decimal("0.01"),
        Decimal("1234567.89"),
    ]


def test_texts_that_look_like_formulas_stay_texts():
    reports = [
        Report(
            project_name=text,
            project_code=f"1000000{i}-0001",
            agency_office=text,
            fiscal_year=2566,
            progress_reports=[ProgressReport(no=1, date=date(2023, 1, 5), narrative=text)],
        )
        for i, text in enumerate(INJECTIONS)
    ]
    data = render_summary([collected(r) for r in reports], TODAY)
    book = open_book(data)
    summary, progress = book["สรุปโครงการ"], book["รายงานความก้าวหน้า"]
    for row, text in enumerate(INJECTIONS, start=2):
        for cell in (summary[f"A{row}"], summary[f"E{row}"], progress[f"J{row}"]):
            # a carriage return is stored as Excel stores it (`_x000D_`), which Excel reads
            # back as the character; openpyxl leaves the escape as it is
            assert (unescape(cell.value), cell.data_type) == (text, "s")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        assert len(sheets) == 3
        for name in sheets:
            assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name)
    log = open_book(render_log(reports[0]))["ความก้าวหน้า"]
    assert (log["B1"].value, log["B1"].data_type) == (INJECTIONS[0], "s")

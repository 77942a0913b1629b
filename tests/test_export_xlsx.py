"""The Excel exports: the district's workbook (summary, every progress report, quarters) and
one report's progress log, written with XlsxWriter and read back with openpyxl: every
number, date and Thai text equal to the reports', formats, frozen headers, filters, widths,
and no text ever turned into a formula."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils.escape import unescape

from benchmarks.bench_xlsx import varied_items
from forms.district.summary import (
    SOURCE_JSON,
    SOURCE_PRINTOUT,
    Collected,
    quarter_figures,
    summary_row,
)
from forms.export import REPORT_FORMATS, SUMMARY_FORMATS, ReportExportOptions, by_key
from forms.export.cells import text_width
from forms.export.progress_xlsx import render as render_log
from forms.export.summary_xlsx import render as render_summary
from forms.export.tables import (
    PROGRESS_COLUMNS,
    QUARTER_COLUMNS,
    SOURCE_WORDS,
    SUMMARY_COLUMNS,
    plan_words,
    target_words,
)
from forms.export.xlsx_style import (
    CHANGE_FORMAT,
    DATE_FORMAT,
    FONT_NAME,
    MONEY_FORMAT,
    PERCENT_FORMAT,
)
from forms.report import ProgressReport, Report

TODAY = date(2023, 10, 15)
INJECTIONS = [
    '=HYPERLINK("http://example.com","คลิก")',
    "+66 2 123 4567",
    "- จัดประชุมชี้แจงครู",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
]


def _collected(report: Report, errors: int = 0, warnings: int = 0, kind: str = SOURCE_JSON):
    row = summary_row(report, errors, warnings)
    return Collected(report, row, f"รับมา/{report.project_code}.json", kind)


def _book(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def _money(cell_value: object) -> Decimal:
    """A money or percent cell as the Decimal it stands for, to the satang."""
    assert isinstance(cell_value, (int, float)), cell_value
    return Decimal(repr(cell_value)).quantize(Decimal("0.01"))


def _dates(value: date | None) -> datetime | None:
    return None if value is None else datetime(value.year, value.month, value.day)


def _text(value: str) -> str | None:
    return value or None  # an empty text is an empty cell


@pytest.fixture
def items(sample_report) -> list[Collected]:
    printout = sample_report.copy()
    printout.project_code = "50280000-9999"
    return [
        _collected(sample_report, errors=1, warnings=3),
        _collected(printout, kind=SOURCE_PRINTOUT),
        *varied_items(40),
    ]


def test_the_summary_sheet_reads_back_equal_to_every_report(items):
    book = _book(render_summary(items, TODAY))
    assert book.sheetnames == ["สรุปโครงการ", "รายงานความก้าวหน้า", "รายไตรมาส"]
    sheet = book["สรุปโครงการ"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == tuple(column.header for column in SUMMARY_COLUMNS)
    assert len(rows) == 1 + len(items)
    for item, cells in zip(items, rows[1:], strict=True):
        row = item.row
        assert cells[0:5] == tuple(
            _text(v)
            for v in (
                row.agency_office,
                row.agency_division,
                row.agency_section,
                row.project_code,
                row.project_name,
            )
        )
        assert cells[5] == row.fiscal_year
        assert _money(cells[6]) == row.budget_received
        assert _money(cells[7]) == row.budget_spent
        assert (cells[8] is None) == (row.percent_spent is None)
        if row.percent_spent is not None:
            assert _money(cells[8]) == row.percent_spent
        assert cells[9] == row.latest_no
        assert cells[10] == _dates(row.latest_date)
        if row.latest_progress is not None:
            assert _money(cells[11]) == row.latest_progress
        assert cells[12] == _text(plan_words(row.plan_status))
        assert cells[13] == _text(target_words(row.target_status))
        assert cells[14] == row.days_without_report(TODAY)
        assert cells[15:17] == (row.errors, row.warnings)
        assert cells[17:19] == (item.source, SOURCE_WORDS[item.source_kind])
    # the sample itself, in words a district clerk reads
    assert rows[1][12] in ("เป็นไปตามแผน", "ไม่เป็นไปตามแผน")
    assert rows[2][18] == "ข้อความจากแบบพิมพ์ (ตรวจทานค่า)"


def test_every_progress_report_of_every_project_is_a_row(items):
    sheet = _book(render_summary(items, TODAY))["รายงานความก้าวหน้า"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == tuple(column.header for column in PROGRESS_COLUMNS)
    expected = [(item.report, entry) for item in items for entry in item.report.progress_reports]
    assert len(rows) - 1 == len(expected) > 100
    for (report, entry), cells in zip(expected, rows[1:], strict=True):
        assert cells[0:3] == (report.project_code, report.project_name, report.fiscal_year)
        assert cells[3] == entry.no
        assert cells[4] == _dates(entry.date)
        if entry.progress_percent is not None:
            assert _money(cells[5]) == entry.progress_percent
        if entry.budget_used is not None:
            assert _money(cells[6]) == entry.budget_used
        assert cells[7:9] == (
            _text(plan_words(entry.plan_status)),
            _text(target_words(entry.target_status)),
        )
        assert cells[9] == _text(entry.narrative)


def test_the_quarters_sheet_holds_each_quarters_figures(items):
    sheet = _book(render_summary(items, TODAY))["รายไตรมาส"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == tuple(column.header for column in QUARTER_COLUMNS)
    assert len(rows) - 1 == len(items)  # every item has a fiscal year
    for item, cells in zip(items, rows[1:], strict=True):
        assert cells[0] == item.report.project_code
        for figure in quarter_figures(item.report):
            progress, change, used = cells[3 * figure.quarter : 3 * figure.quarter + 3]
            if figure.progress_percent is None:
                assert progress is None and change is None
            else:
                assert _money(progress) == figure.progress_percent
                assert _money(change) == figure.progress_change
            assert _money(used) == figure.budget_used


def test_numbers_and_dates_carry_thai_formats_and_the_thai_font(items):
    book = _book(render_summary(items, TODAY))
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
    book = _book(render_summary(items, TODAY))
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
    sheet = _book(render_summary([_collected(report)], TODAY))["สรุปโครงการ"]
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
    book = _book(render_summary([_collected(report)], TODAY))
    assert _money(book["สรุปโครงการ"]["G2"].value) == largest
    assert _money(book["สรุปโครงการ"]["H2"].value) == Decimal("1234567.90")
    assert [_money(c.value) for c in book["รายงานความก้าวหน้า"]["G"][1:]] == [
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
    data = render_summary([_collected(r) for r in reports], TODAY)
    book = _book(data)
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
    log = _book(render_log(reports[0]))["ความก้าวหน้า"]
    assert (log["B1"].value, log["B1"].data_type) == (INJECTIONS[0], "s")


def test_an_empty_collection_gives_three_sheets_of_headers():
    book = _book(render_summary([], TODAY))
    assert [sheet.max_row for sheet in book.worksheets] == [1, 1, 1]
    assert book["สรุปโครงการ"]["A1"].value == SUMMARY_COLUMNS[0].header
    assert book["สรุปโครงการ"].auto_filter.ref == "A1:S1"


def test_a_report_without_progress_reports_has_its_row_and_no_log_rows(sample_report):
    bare = Report(
        project_name="โครงการใหม่ยังไม่มีรายงาน",
        project_code="10000000-0003",
        fiscal_year=2567,
        budget_received=Decimal("50000"),
    )
    book = _book(render_summary([_collected(bare), _collected(sample_report)], TODAY))
    summary = next(book["สรุปโครงการ"].iter_rows(min_row=2, max_row=2, values_only=True))
    assert summary[4] == "โครงการใหม่ยังไม่มีรายงาน"
    assert _money(summary[6]) == Decimal("50000") and summary[7] == 0 and summary[8] == 0
    assert summary[9:15] == (None,) * 6  # no latest report: no number, date, progress, days
    progress = book["รายงานความก้าวหน้า"]
    assert progress.max_row == 1 + len(sample_report.progress_reports)
    assert {c.value for c in progress["A"][1:]} == {sample_report.project_code}
    quarters = next(book["รายไตรมาส"].iter_rows(min_row=2, max_row=2, values_only=True))
    assert quarters[3:] == (None, None, 0) * 4
    log = _book(render_log(bare))["ความก้าวหน้า"]
    assert log.max_row == 7  # the project's five lines, a blank line, the log's header


def test_values_typed_that_cannot_be_read_are_shown_as_the_text_typed(sample_report):
    report = sample_report.copy()
    report.budget_received = None
    report.typed = {"budget_received": "1,2OO,000"}
    first = report.progress_reports[0]
    first.date, first.progress_percent = None, None
    first.typed = {"date": "31/09/2566", "progress_percent": "ห้าสิบ"}
    options = ReportExportOptions()
    book = _book(by_key(REPORT_FORMATS, "xlsx").load()(report, options))
    sheet = book["ความก้าวหน้า"]
    assert (sheet["F4"].value, sheet["F4"].data_type) == ("1,2OO,000", "s")
    assert sheet["F4"].font.i  # marked: it is what was typed, not a value
    assert (sheet["B8"].value, sheet["C8"].value) == ("31/09/2566", "ห้าสิบ")
    assert sheet["B8"].data_type == sheet["C8"].data_type == "s"
    assert _money(sheet["C9"].value) == report.progress_reports[1].progress_percent
    progress = _book(render_summary([_collected(report)], TODAY))["รายงานความก้าวหน้า"]
    assert (progress["E2"].value, progress["F2"].value) == ("31/09/2566", "ห้าสิบ")


def test_one_reports_log_has_its_project_on_top_and_the_log_below(sample_report):
    fmt = by_key(REPORT_FORMATS, "xlsx")
    assert fmt.suffix == ".xlsx"
    sheet = _book(fmt.load()(sample_report, ReportExportOptions()))["ความก้าวหน้า"]
    assert sheet["A1"].value == "ชื่อโครงการ/กิจกรรม" and sheet["A1"].font.b
    assert sheet["B1"].value == sample_report.project_name
    assert sheet["B2"].value == sample_report.project_code
    assert (sheet["E2"].value, sheet["F2"].value) == ("ปีงบประมาณ (พ.ศ.)", 2566)
    assert sheet["B3"].value == "สำนักงานเขตบึงกุ่ม / ฝ่ายการศึกษา / ฝ่ายการศึกษา"
    assert sheet["B4"].value == datetime(2022, 10, 1) and sheet["B4"].number_format == DATE_FORMAT
    assert _money(sheet["F4"].value) == sample_report.budget_received
    assert _money(sheet["F5"].value) == sample_report.budget_spent == Decimal("205090")
    assert sheet["A7"].value == "ครั้งที่" and sheet["A7"].font.b
    assert sheet.freeze_panes == "A8"
    assert sheet.auto_filter.ref == f"A7:G{7 + len(sample_report.progress_reports)}"
    for row, entry in enumerate(sample_report.progress_reports, start=8):
        assert sheet[f"A{row}"].value == entry.no
        assert sheet[f"B{row}"].value == _dates(entry.date)
        assert sheet[f"G{row}"].value == _text(entry.narrative)
    assert sheet["G8"].alignment.wrap_text  # narratives wrap in their column


def test_the_same_collection_gives_the_same_workbook(items):
    fmt = by_key(SUMMARY_FORMATS, "xlsx")
    assert fmt.load()(items, TODAY) == fmt.load()(items, TODAY)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_shows_the_dates_in_the_buddhist_era(sample_report, tmp_path: Path):
    workbook = tmp_path / "สรุป.xlsx"
    workbook.write_bytes(render_log(sample_report))
    run = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/lo",  # a profile of its own
            "--headless",
            # CSV in UTF-8 (76), cells as shown (the last `true`): what LibreOffice displays
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true",
            *("--outdir", str(tmp_path), str(workbook)),
        ],
        capture_output=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    text = (tmp_path / "สรุป.csv").read_text(encoding="utf-8")
    assert "เริ่มต้นโครงการ,01/10/2565" in text  # BE, as the printout shows dates
    assert "\n1,30/01/2566,20.00,0.00,เป็นไปตามแผน," in text
    assert "2023" not in text and "2022" not in text  # no CE year anywhere

"""The district's workbook (XlsxWriter, read back with openpyxl): the summary sheet, every
progress report and the quarters, each equal to the reports', also for an empty collection
and a report with no progress report, and the same collection giving the same bytes. How
the cells are written is tested in `test_export_xlsx_format`, one report's progress log in
`test_export_xlsx_log`."""

from __future__ import annotations

from decimal import Decimal

import pytest

from forms.district.summary import Collected, quarter_figures
from forms.export import SUMMARY_FORMATS, by_key
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
from forms.report import Report
from tests.xlsx_support import (
    TODAY,
    cell_text,
    collected,
    excel_date,
    money_value,
    open_book,
    sample_items,
)


@pytest.fixture
def items(sample_report) -> list[Collected]:
    return sample_items(sample_report)


def test_the_summary_sheet_reads_back_equal_to_every_report(items):
    book = open_book(render_summary(items, TODAY))
    assert book.sheetnames == ["สรุปโครงการ", "รายงานความก้าวหน้า", "รายไตรมาส"]
    sheet = book["สรุปโครงการ"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == tuple(column.header for column in SUMMARY_COLUMNS)
    assert len(rows) == 1 + len(items)
    for item, cells in zip(items, rows[1:], strict=True):
        row = item.row
        assert cells[0:5] == tuple(
            cell_text(v)
            for v in (
                row.agency_office,
                row.agency_division,
                row.agency_section,
                row.project_code,
                row.project_name,
            )
        )
        assert cells[5] == row.fiscal_year
        assert money_value(cells[6]) == row.budget_received
        assert money_value(cells[7]) == row.budget_spent
        assert (cells[8] is None) == (row.percent_spent is None)
        if row.percent_spent is not None:
            assert money_value(cells[8]) == row.percent_spent
        assert cells[9] == row.latest_no
        assert cells[10] == excel_date(row.latest_date)
        if row.latest_progress is not None:
            assert money_value(cells[11]) == row.latest_progress
        assert cells[12] == cell_text(plan_words(row.plan_status))
        assert cells[13] == cell_text(target_words(row.target_status))
        assert cells[14] == row.days_without_report(TODAY)
        assert cells[15:17] == (row.errors, row.warnings)
        assert cells[17:19] == (item.source, SOURCE_WORDS[item.source_kind])
    # the sample itself, in words a district clerk reads
    assert rows[1][12] in ("เป็นไปตามแผน", "ไม่เป็นไปตามแผน")
    assert rows[2][18] == "ข้อความจากแบบพิมพ์ (ตรวจทานค่า)"


def test_every_progress_report_of_every_project_is_a_row(items):
    sheet = open_book(render_summary(items, TODAY))["รายงานความก้าวหน้า"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == tuple(column.header for column in PROGRESS_COLUMNS)
    expected = [(item.report, entry) for item in items for entry in item.report.progress_reports]
    assert len(rows) - 1 == len(expected) > 100
    for (report, entry), cells in zip(expected, rows[1:], strict=True):
        assert cells[0:3] == (report.project_code, report.project_name, report.fiscal_year)
        assert cells[3] == entry.no
        assert cells[4] == excel_date(entry.date)
        if entry.progress_percent is not None:
            assert money_value(cells[5]) == entry.progress_percent
        if entry.budget_used is not None:
            assert money_value(cells[6]) == entry.budget_used
        assert cells[7:9] == (
            cell_text(plan_words(entry.plan_status)),
            cell_text(target_words(entry.target_status)),
        )
        assert cells[9] == cell_text(entry.narrative)


def test_the_quarters_sheet_holds_each_quarters_figures(items):
    sheet = open_book(render_summary(items, TODAY))["รายไตรมาส"]
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
                assert money_value(progress) == figure.progress_percent
                assert money_value(change) == figure.progress_change
            assert money_value(used) == figure.budget_used


def test_an_empty_collection_gives_three_sheets_of_headers():
    book = open_book(render_summary([], TODAY))
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
    book = open_book(render_summary([collected(bare), collected(sample_report)], TODAY))
    summary = next(book["สรุปโครงการ"].iter_rows(min_row=2, max_row=2, values_only=True))
    assert summary[4] == "โครงการใหม่ยังไม่มีรายงาน"
    assert money_value(summary[6]) == Decimal("50000") and summary[7] == 0 and summary[8] == 0
    assert summary[9:15] == (None,) * 6  # no latest report: no number, date, progress, days
    progress = book["รายงานความก้าวหน้า"]
    assert progress.max_row == 1 + len(sample_report.progress_reports)
    assert {c.value for c in progress["A"][1:]} == {sample_report.project_code}
    quarters = next(book["รายไตรมาส"].iter_rows(min_row=2, max_row=2, values_only=True))
    assert quarters[3:] == (None, None, 0) * 4
    log = open_book(render_log(bare))["ความก้าวหน้า"]
    assert log.max_row == 7  # the project's five lines, a blank line, the log's header


def test_the_same_collection_gives_the_same_workbook(items):
    fmt = by_key(SUMMARY_FORMATS, "xlsx")
    assert fmt.load()(items, TODAY) == fmt.load()(items, TODAY)

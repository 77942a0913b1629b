"""The CSV exports: the district's summary table and one report's progress log, as Excel
opens them (UTF-8 with a byte-order mark, CRLF), read back with the csv module: every value
equal to the reports', texts that could start a formula marked with `'`."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

import pytest

from benchmarks.bench_xlsx import varied_items
from forms.district.summary import SOURCE_PRINTOUT, Collected, summary_row
from forms.export import REPORT_FORMATS, SUMMARY_FORMATS, ReportExportOptions, by_key
from forms.export.cells import FORMULA_STARTS, csv_text
from forms.export.tables import PROGRESS_COLUMNS, SUMMARY_COLUMNS, plan_words
from forms.report import ProgressReport, Report

TODAY = date(2023, 10, 15)
BOM = b"\xef\xbb\xbf"


def _summary_csv(items: list[Collected]) -> bytes:
    return by_key(SUMMARY_FORMATS, "csv").load()(items, TODAY)


def _log_csv(report: Report) -> bytes:
    return by_key(REPORT_FORMATS, "csv").load()(report, ReportExportOptions())


def _rows(data: bytes) -> list[list[str]]:
    assert data.startswith(BOM)  # Excel reads Thai right only with it
    text = data[len(BOM) :].decode("utf-8")
    assert "\n" not in text.replace("\r\n", "")  # every line ends CRLF (no newline in cells here)
    return list(csv.reader(io.StringIO(text, newline="")))


def _collected(report: Report, kind: str = "json") -> Collected:
    return Collected(report, summary_row(report, 2, 1), f"{report.project_code}.json", kind)


def _decimal(text: str) -> Decimal | None:
    return Decimal(text) if text else None


def test_the_summary_table_reads_back_equal_to_every_report(sample_report):
    items = [_collected(sample_report, SOURCE_PRINTOUT), *varied_items(30)]
    rows = _rows(_summary_csv(items))
    assert rows[0] == [column.header for column in SUMMARY_COLUMNS]
    assert len(rows) == 1 + len(items)
    for item, cells in zip(items, rows[1:], strict=True):
        row = item.row
        assert len(cells) == len(SUMMARY_COLUMNS)
        assert cells[0:5] == [
            csv_text(row.agency_office),
            row.agency_division,
            row.agency_section,
            row.project_code,
            csv_text(row.project_name),
        ]
        assert cells[5] == str(row.fiscal_year)
        assert _decimal(cells[6]) == row.budget_received
        assert _decimal(cells[7]) == row.budget_spent
        assert _decimal(cells[8]) == row.percent_spent
        assert cells[9] == ("" if row.latest_no is None else str(row.latest_no))
        assert cells[10] == ("" if row.latest_date is None else row.latest_date.isoformat())
        assert _decimal(cells[11]) == row.latest_progress
        assert cells[12] == plan_words(row.plan_status)
        assert cells[15:17] == [str(row.errors), str(row.warnings)]
        assert cells[17] == item.source
    first = rows[1]
    assert first[4] == "พัฒนาคูณภาพเครือข่ายโรงเรียน"  # the sample's own typo, kept exactly
    assert first[6:9] == ["180000.00", "205090.00", "113.94"]  # plain numbers, two decimals
    assert first[18] == "ข้อความจากแบบพิมพ์ (ตรวจทานค่า)"


def test_lines_end_crlf_and_the_file_starts_with_a_byte_order_mark(sample_report):
    data = _summary_csv([_collected(sample_report)])
    assert data.startswith(BOM + "สำนักงาน/หน่วยงาน,".encode())
    assert data.count(b"\r\n") == 2 and data.endswith(b"\r\n")


FORMULAS = [
    '=HYPERLINK("http://example.com","คลิก")',
    "+66 2 123 4567",
    "- จัดประชุม",
    "@SUM(A1)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("text", FORMULAS)
def test_a_text_that_could_start_a_formula_gets_an_apostrophe(text):
    report = Report(
        project_name=text,
        project_code="10000000-0001",
        fiscal_year=2566,
        progress_reports=[ProgressReport(no=1, date=date(2023, 1, 5), narrative=text)],
    )
    summary = _rows(_summary_csv([_collected(report)])) if "\r" not in text else None
    log_text = _log_csv(report)[len(BOM) :].decode("utf-8")
    log = list(csv.reader(io.StringIO(log_text, newline="")))
    assert log[1][1] == log[1][9] == "'" + text
    if summary is not None:
        assert summary[1][4] == "'" + text
    # one leading apostrophe taken off gives the text back exactly
    assert log[1][9][1:] == text and text.startswith(FORMULA_STARTS)


def test_other_texts_and_numbers_are_not_marked():
    assert csv_text("พัฒนาคุณภาพ") == "พัฒนาคุณภาพ"
    assert csv_text("50280000-6851") == "50280000-6851"
    assert csv_text("1+1=2") == "1+1=2"  # only the first character counts
    assert csv_text("") == ""


def test_an_empty_collection_is_the_header_alone():
    assert _rows(_summary_csv([])) == [[column.header for column in SUMMARY_COLUMNS]]


def test_one_reports_progress_log_names_its_project_on_each_row(sample_report):
    report = sample_report.copy()
    report.progress_reports[0].narrative = 'บรรทัดแรก\nบรรทัดที่สอง, มีจุลภาค และ "อัญประกาศ"'
    data = _log_csv(report)
    text = data[len(BOM) :].decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == [column.header for column in PROGRESS_COLUMNS]
    assert len(rows) == 1 + len(report.progress_reports)
    for entry, cells in zip(report.progress_reports, rows[1:], strict=True):
        assert cells[0:4] == [report.project_code, report.project_name, "2566", str(entry.no)]
        assert cells[4] == ("" if entry.date is None else entry.date.isoformat())
        assert _decimal(cells[5]) == entry.progress_percent
        assert _decimal(cells[6]) == entry.budget_used
        assert cells[9] == entry.narrative  # line breaks, commas and quotes survive
    assert rows[1][4:7] == ["2023-01-30", "20.00", "0.00"]


def test_a_report_with_no_progress_reports_gives_the_header_alone():
    rows = _rows(_log_csv(Report(project_name="ใหม่", project_code="10000000-0002")))
    assert rows == [[column.header for column in PROGRESS_COLUMNS]]


def test_values_typed_that_cannot_be_read_are_their_text(sample_report):
    report = sample_report.copy()
    first = report.progress_reports[0]
    first.date, first.budget_used = None, None
    first.typed = {"date": "31/09/2566", "budget_used": "-1,000"}
    rows = _rows(_log_csv(report))
    assert rows[1][4] == "31/09/2566"
    assert rows[1][6] == "'-1,000"  # a text, so it is marked like any other

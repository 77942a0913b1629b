"""One report's progress log as a workbook: the project on top and the log below, values
typed that could not be read shown as typed, and its dates shown in the Buddhist era by
LibreOffice."""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from forms.export import REPORT_FORMATS, ReportExportOptions, by_key
from forms.export.progress_xlsx import render as render_log
from forms.export.summary_xlsx import render as render_summary
from forms.export.xlsx_style import DATE_FORMAT
from tests.xlsx_support import TODAY, cell_text, collected, excel_date, money_value, open_book


def test_values_typed_that_cannot_be_read_are_shown_as_the_text_typed(sample_report):
    report = sample_report.copy()
    report.budget_received = None
    report.typed = {"budget_received": "1,2OO,000"}
    first = report.progress_reports[0]
    first.date, first.progress_percent = None, None
    first.typed = {"date": "31/09/2566", "progress_percent": "ห้าสิบ"}
    options = ReportExportOptions()
    book = open_book(by_key(REPORT_FORMATS, "xlsx").load()(report, options))
    sheet = book["ความก้าวหน้า"]
    assert (sheet["F4"].value, sheet["F4"].data_type) == ("1,2OO,000", "s")
    assert sheet["F4"].font.i  # marked: it is what was typed, not a value
    assert (sheet["B8"].value, sheet["C8"].value) == ("31/09/2566", "ห้าสิบ")
    assert sheet["B8"].data_type == sheet["C8"].data_type == "s"
    assert money_value(sheet["C9"].value) == report.progress_reports[1].progress_percent
    progress = open_book(render_summary([collected(report)], TODAY))["รายงานความก้าวหน้า"]
    assert (progress["E2"].value, progress["F2"].value) == ("31/09/2566", "ห้าสิบ")


def test_one_reports_log_has_its_project_on_top_and_the_log_below(sample_report):
    fmt = by_key(REPORT_FORMATS, "xlsx")
    assert fmt.suffix == ".xlsx"
    sheet = open_book(fmt.load()(sample_report, ReportExportOptions()))["ความก้าวหน้า"]
    assert sheet["A1"].value == "ชื่อโครงการ/กิจกรรม" and sheet["A1"].font.b
    assert sheet["B1"].value == sample_report.project_name
    assert sheet["B2"].value == sample_report.project_code
    assert (sheet["E2"].value, sheet["F2"].value) == ("ปีงบประมาณ (พ.ศ.)", 2566)
    assert sheet["B3"].value == "สำนักงานเขตบึงกุ่ม / ฝ่ายการศึกษา / ฝ่ายการศึกษา"
    assert sheet["B4"].value == datetime(2022, 10, 1) and sheet["B4"].number_format == DATE_FORMAT
    assert money_value(sheet["F4"].value) == sample_report.budget_received
    assert money_value(sheet["F5"].value) == sample_report.budget_spent == Decimal("205090")
    assert sheet["A7"].value == "ครั้งที่" and sheet["A7"].font.b
    assert sheet.freeze_panes == "A8"
    assert sheet.auto_filter.ref == f"A7:G{7 + len(sample_report.progress_reports)}"
    for row, entry in enumerate(sample_report.progress_reports, start=8):
        assert sheet[f"A{row}"].value == entry.no
        assert sheet[f"B{row}"].value == excel_date(entry.date)
        assert sheet[f"G{row}"].value == cell_text(entry.narrative)
    assert sheet["G8"].alignment.wrap_text  # narratives wrap in their column


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

"""What the Excel export tests share: the day they are run on (`TODAY`), a report as a
collected item, the sample's items, and reading a workbook's cells back as the reports'
values."""

from __future__ import annotations

import io
from datetime import date, datetime
from decimal import Decimal

import openpyxl

from benchmarks.bench_xlsx import varied_items
from forms.district.summary import SOURCE_JSON, SOURCE_PRINTOUT, Collected, summary_row
from forms.report import Report

TODAY = date(2023, 10, 15)


def collected(report: Report, errors: int = 0, warnings: int = 0, kind: str = SOURCE_JSON):
    row = summary_row(report, errors, warnings)
    return Collected(report, row, f"รับมา/{report.project_code}.json", kind)


def open_book(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def money_value(cell_value: object) -> Decimal:
    """A money or percent cell as the Decimal it stands for, to the satang."""
    assert isinstance(cell_value, (int, float)), cell_value
    return Decimal(repr(cell_value)).quantize(Decimal("0.01"))


def excel_date(value: date | None) -> datetime | None:
    return None if value is None else datetime(value.year, value.month, value.day)


def cell_text(value: str) -> str | None:
    return value or None  # an empty text is an empty cell


def sample_items(sample_report: Report) -> list[Collected]:
    """The sample report (with problems), the sample as read from a printout, and 40 varied
    reports (`benchmarks.bench_xlsx.varied_items`)."""
    printout = sample_report.copy()
    printout.project_code = "50280000-9999"
    return [
        collected(sample_report, errors=1, warnings=3),
        collected(printout, kind=SOURCE_PRINTOUT),
        *varied_items(40),
    ]

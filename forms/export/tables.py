"""What the exported tables hold: their columns (Thai headers, kinds of value) and rows.

The district's workbook has three (`summary_table`, `progress_table`, `quarter_table`); a
single report's progress log is `log_table` (in its workbook, below the project's header
lines `report_header`) or `progress_table` of that one report (the CSV, which has no place
for header lines, so each row names its project). The Excel and CSV writers take these
`Table`s as they are, so both files show the same columns and values.

Values stay typed (Decimal money, date dates). A number or date the clerk typed that
cannot be read (`report.typed`) is shown as the text typed, never as a value.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

from forms.district.summary import (
    SOURCE_APP_PDF,
    SOURCE_JSON,
    SOURCE_PRINTOUT,
    Collected,
    ProgressLog,
    log_quarter_figures,
    quarter_figures,
)
from forms.export.cells import Column, Kind, Table, Value
from forms.printed import joined
from forms.report import ProgressReport, Report, entry
from forms.schema import PROGRESS_FIELDS_BY_KEY, choice_label

SUMMARY_SHEET = "สรุปโครงการ"
PROGRESS_SHEET = "รายงานความก้าวหน้า"
QUARTER_SHEET = "รายไตรมาส"
LOG_SHEET = "ความก้าวหน้า"

SOURCE_WORDS = {
    SOURCE_APP_PDF: "PDF จากโปรแกรม",
    SOURCE_JSON: "ไฟล์ JSON",
    SOURCE_PRINTOUT: "ข้อความจากแบบพิมพ์ (ตรวจทานค่า)",
}

_PLAN = PROGRESS_FIELDS_BY_KEY["plan_status"]
_TARGET = PROGRESS_FIELDS_BY_KEY["target_status"]
# the words of each status, looked up once (two of them on each of 30,000 rows)
_PLAN_WORDS = {code: choice_label(_PLAN, code) for code, _label in _PLAN.choices}
_TARGET_WORDS = {code: choice_label(_TARGET, code) for code, _label in _TARGET.choices}


def plan_words(status: str | None) -> str:
    """`เป็นไปตามแผน` / `ไม่เป็นไปตามแผน`; '' when not given."""
    words = _PLAN_WORDS.get(status)  # type: ignore[arg-type]
    return words if words is not None else choice_label(_PLAN, status)


def target_words(status: str | None) -> str:
    words = _TARGET_WORDS.get(status)  # type: ignore[arg-type]
    return words if words is not None else choice_label(_TARGET, status)


# -- the summary: one row per report ----------------------------------------------------------

SUMMARY_COLUMNS = (
    Column("สำนักงาน/หน่วยงาน"),
    Column("ฝ่าย"),
    Column("กลุ่มงาน/งาน"),
    Column("รหัสโครงการ", identifies=True),
    Column("ชื่อโครงการ/กิจกรรม"),
    Column("ปีงบประมาณ (พ.ศ.)", Kind.YEAR),
    Column("งบประมาณที่ได้รับ (บาท)", Kind.MONEY),
    Column("งบประมาณที่ใช้ไป (บาท)", Kind.MONEY),
    Column("ใช้ไป (%)", Kind.PERCENT),
    Column("รายงานล่าสุด ครั้งที่", Kind.INT),
    Column("วันที่รายงานล่าสุด", Kind.DATE),
    Column("ความก้าวหน้าล่าสุด (%)", Kind.PERCENT),
    Column("ความเป็นไปตามแผน"),
    Column("ความเป็นไปตามเป้าหมาย"),
    Column("ไม่มีรายงานมาแล้ว (วัน)", Kind.INT),
    Column("ข้อผิดพลาด", Kind.INT),
    Column("คำเตือน", Kind.INT),
    Column("ไฟล์ต้นทาง"),
    Column("อ่านจาก"),
)


def summary_table(items: Sequence[Collected], today: date) -> Table:
    return Table(SUMMARY_SHEET, SUMMARY_COLUMNS, _summary_rows(items, today))


def _summary_rows(items: Sequence[Collected], today: date) -> Iterator[Sequence[Value]]:
    for item in items:
        row = item.row
        yield (
            row.agency_office,
            row.agency_division,
            row.agency_section,
            row.project_code,
            row.project_name,
            row.fiscal_year,
            row.budget_received,
            row.budget_spent,
            row.percent_spent,
            row.latest_no,
            row.latest_date,
            row.latest_progress,
            plan_words(row.plan_status),
            target_words(row.target_status),
            row.days_without_report(today),
            row.errors,
            row.warnings,
            item.source,
            SOURCE_WORDS.get(item.source_kind, item.source_kind),
        )


# -- every progress report of every project ---------------------------------------------------

_ENTRY_COLUMNS = (
    Column("ครั้งที่", Kind.INT),
    Column("วันที่รายงาน", Kind.DATE),
    Column("ความก้าวหน้า (%)", Kind.PERCENT),
    Column("งบประมาณที่เบิกใช้ (บาท)", Kind.MONEY),
    Column("ความเป็นไปตามแผน"),
    Column("ความเป็นไปตามเป้าหมาย"),
    Column("ผลการดำเนินงาน", Kind.LONG_TEXT),
)
PROGRESS_COLUMNS = (
    Column("รหัสโครงการ", identifies=True),
    Column("ชื่อโครงการ/กิจกรรม"),
    Column("ปีงบประมาณ (พ.ศ.)", Kind.YEAR),
    *_ENTRY_COLUMNS,
)


def progress_table(reports: Sequence[Report], name: str = PROGRESS_SHEET) -> Table:
    return Table(name, PROGRESS_COLUMNS, _progress_rows(reports))


def _progress_rows(reports: Sequence[Report]) -> Iterator[Sequence[Value]]:
    for report in reports:
        project = (report.project_code, report.project_name, entry(report, "fiscal_year"))
        for item in report.progress_reports:
            yield (*project, *_entry_values(item))


def items_progress_table(items: Sequence[Collected]) -> Table:
    """`progress_table` of the items' reports, each read from its progress log alone
    where it can be (`Collected.log`: a collection's, a quarter of the time)."""
    return Table(PROGRESS_SHEET, PROGRESS_COLUMNS, _items_progress_rows(items))


def _items_progress_rows(items: Sequence[Collected]) -> Iterator[Sequence[Value]]:
    for item in items:
        log = item.log
        if log is None:
            yield from _progress_rows((item.report,))
            continue
        project = (log.project_code, log.project_name, log.fiscal_year)
        for no, day, percent, used, plan, target, narrative in log.entries:
            yield (
                *project,
                no,
                day,
                percent,
                used,
                plan_words(plan),
                target_words(target),
                narrative,
            )


def _entry_values(item: ProgressReport) -> tuple[Value, ...]:
    if not item.typed:  # nearly always: the values themselves
        date_, percent, used = item.date, item.progress_percent, item.budget_used
    else:
        date_ = entry(item, "date")
        percent, used = entry(item, "progress_percent"), entry(item, "budget_used")
    return (
        item.no,
        date_,
        percent,
        used,
        plan_words(item.plan_status),
        target_words(item.target_status),
        item.narrative,
    )


def log_table(report: Report) -> Table:
    """The progress log of one report, without the project's columns (its workbook says
    them once, above the table)."""
    rows = (_entry_values(item) for item in report.progress_reports)
    return Table(LOG_SHEET, _ENTRY_COLUMNS, rows)


HeaderItem = tuple[str, Kind, Value]  # label, kind of value, value


def report_header(report: Report) -> list[tuple[HeaderItem, ...]]:
    """The project's lines above its progress log, one or two (label, kind, value) each:
    a long text has its line to itself, to run over the empty cells beside it."""
    agency = joined(report.agency_office, report.agency_division, report.agency_section)
    return [
        (("ชื่อโครงการ/กิจกรรม", Kind.TEXT, report.project_name),),
        (
            ("รหัสโครงการ", Kind.TEXT, report.project_code),
            ("ปีงบประมาณ (พ.ศ.)", Kind.YEAR, entry(report, "fiscal_year")),
        ),
        (("หน่วยงานที่รับผิดชอบ", Kind.TEXT, agency),),
        (
            ("เริ่มต้นโครงการ", Kind.DATE, entry(report, "start_date")),
            ("งบประมาณที่ได้รับ (บาท)", Kind.MONEY, entry(report, "budget_received")),
        ),
        (
            ("สิ้นสุดโครงการ", Kind.DATE, entry(report, "end_date")),
            ("งบประมาณที่ใช้ไป (บาท)", Kind.MONEY, report.budget_spent),
        ),
    ]


# -- the quarters of the fiscal year ----------------------------------------------------------

QUARTER_COLUMNS = (
    Column("รหัสโครงการ", identifies=True),
    Column("ชื่อโครงการ/กิจกรรม"),
    Column("ปีงบประมาณ (พ.ศ.)", Kind.YEAR),
    *(
        column
        for quarter in (1, 2, 3, 4)
        for column in (
            Column(f"ไตรมาส {quarter} ความก้าวหน้า (%)", Kind.PERCENT),
            Column(f"ไตรมาส {quarter} เพิ่มขึ้น (%)", Kind.CHANGE),
            Column(f"ไตรมาส {quarter} ใช้งบสะสม (บาท)", Kind.MONEY),
        )
    ),
)


def quarter_table(items: Sequence[Collected]) -> Table:
    """One row per report with a fiscal year: where it stood at the end of each quarter
    (`forms.district.summary.quarter_figures`), Q1 to Q4 side by side, so a row reads as
    the project's movement through the year."""
    return Table(QUARTER_SHEET, QUARTER_COLUMNS, _quarter_rows(items))


def _quarter_rows(items: Sequence[Collected]) -> Iterator[Sequence[Value]]:
    for item in items:
        log = item.log
        source: Report | ProgressLog = item.report if log is None else log
        figures = quarter_figures(item.report) if log is None else log_quarter_figures(log)
        if not figures:
            continue
        values: list[Value] = [source.project_code, source.project_name, source.fiscal_year]
        for figure in figures:
            values += (figure.progress_percent, figure.progress_change, figure.budget_used)
        yield values

"""The fast paths of the district's Excel export (issue 11: 5,000 reports in 5 s): they
must give exactly what the plain ways give.

- `forms.export.xlsx_sheet.FastWorksheet` writes byte for byte the workbook XlsxWriter's
  own `Worksheet` writes (so an XlsxWriter release that changes the methods it shortcuts
  shows here);
- `forms.export.xlsx_columns` writes every kind of value a column may hold, the odd ones
  (a clerk's unreadable text, a date Excel cannot hold) included, and fits the widths;
- `forms.trusted_json.loads_trusted` reads what `dumps` writes into the same `Report` as
  `loads` (and `loads_trusted_log` into the same progress log), and refuses anything
  else, which a collection then reads strictly;
- a collection reads its reports a run at a time, and still says when one is gone; the
  workbook's progress and quarter sheets made from its progress logs alone equal those
  made from its reports.
"""

from __future__ import annotations

import io
import json
import sqlite3
import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from xlsxwriter import Workbook
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from benchmarks.bench_xlsx import varied_report
from forms.district.summary import SOURCE_JSON, Collected, progress_log
from forms.errors import FormError
from forms.export.cells import Column, Kind, Table, text_width
from forms.export.tables import items_progress_table, progress_table, quarter_table
from forms.export.xlsx_columns import TEXT_MAX_WIDTH, value_width
from forms.export.xlsx_sheet import FastWorksheet
from forms.export.xlsx_style import DATE_FORMAT, SheetWriter, Styles, new_workbook
from forms.interchange import dumps, loads
from forms.report import ProgressReport, Report
from forms.schema import PROGRESS_FIELDS
from forms.trusted_json import UntrustedJson, loads_trusted, loads_trusted_log
from forms.typed import Unreadable
from storage.collection import Collection
from storage.collection_reports import RUN
from storage.errors import StorageError


def _workbook_bytes(worksheet_class: type[Worksheet]) -> dict[str, bytes]:
    out = io.BytesIO()
    workbook = Workbook(out, {"in_memory": True})
    workbook.set_properties({"created": datetime(2024, 9, 30)})
    money = workbook.add_format({"num_format": "#,##0.00", "bold": True})
    sheet = workbook.add_worksheet("หนึ่ง", worksheet_class)
    sheet.write_string(0, 0, "หัว", money)
    for row in range(1, 60):  # several blocks of 16 rows, one row left empty, ragged ends
        if row == 20:
            continue
        sheet.write_number(row, 0, row * 1.25, money)
        sheet.write_string(row, 1 + row % 3, f"ข้อความ & <{row}>")
    sheet.write_comment(5, 7, "a comment widens the spans")
    sheet.autofilter(0, 0, 59, 3)
    workbook.add_worksheet("สอง", worksheet_class).write_number(3, 2, 7)
    _mixed_cells(workbook, workbook.add_worksheet("สาม", worksheet_class), money)
    workbook.close()
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _mixed_cells(workbook: Workbook, sheet: Worksheet, money: Format) -> None:
    """Every kind of cell and row on a sheet without comments, which the fast worksheet
    writes a row at a time."""
    sheet.set_row(0, 30)  # a taller row with cells
    sheet.set_row(
        2, None, workbook.add_format({"italic": True})
    )  # a formatted row, cells without their own format
    sheet.set_row(40, 24)  # a row with a height and no cells
    sheet.set_column(5, 5, 12, money)
    for row in range(0, 35):
        sheet.write_number(row, 0, row / 3, money)
        sheet.write_string(row, 1, f"แถว & {row}", money)
        sheet.write_number(row, 2, row)  # no format of its own
        sheet.write_string(row, 5, "ช่อง")  # the column's format
        sheet.write_datetime(row, 3, datetime(2024, 9, 30), money)
    sheet.write_blank(4, 4, None, money)
    sheet.write_boolean(6, 4, True, money)
    sheet.write_formula(7, 4, "=A1+1", money, 2)
    sheet.write_string(8, 4, " เว้นหน้า", money)


def test_the_fast_worksheet_writes_the_same_bytes_as_xlsxwriters_own() -> None:
    assert _workbook_bytes(FastWorksheet) == _workbook_bytes(Worksheet)


def _columns_bytes(by_column: bool) -> bytes:
    out = io.BytesIO()
    workbook = Workbook(out, {"in_memory": True})
    workbook.set_properties({"created": datetime(2024, 9, 30)})
    money = workbook.add_format({"num_format": "#,##0.00"})
    sheet = workbook.add_worksheet("ก", FastWorksheet)
    numbers = [None, 1.5, 2, None, -3.25, None]
    texts = ["", "ก", None, "ข" * 20_000, "ก", "ค", None]  # one over half Excel's limit
    if by_column:
        sheet.numbers(3, 1, numbers, money)
        sheet.texts(2, 4, texts, None)
        sheet.numbers(0, 0, [None, None], money)
    else:
        for row, number in enumerate(numbers, start=3):
            if number is not None:
                sheet.write_number(row, 1, number, money)
        for row, text in enumerate(texts, start=2):
            if text:
                sheet.write_string(row, 4, text)
    workbook.close()
    return out.getvalue()


def test_a_column_at_a_time_gives_the_bytes_of_a_cell_at_a_time() -> None:
    assert _columns_bytes(by_column=True) == _columns_bytes(by_column=False)
    sheet = Workbook(io.BytesIO(), {"in_memory": True}).add_worksheet("ก", FastWorksheet)
    with pytest.raises(TypeError):  # as write_number refuses it
        sheet.numbers(0, 0, [1.0, float("nan")], None)
    assert sheet.numbers(1_048_575, 0, [1.0, 2.0], None) is None  # the row past the end:
    assert list(sheet.table[1_048_575]) == [0] and 1_048_576 not in sheet.table  # left out


def test_columns_write_every_kind_of_value_and_fit_their_widths() -> None:
    columns = (
        Column("ข้อความ"),
        Column("เงิน", Kind.MONEY),
        Column("วันที่", Kind.DATE),
        Column("ครั้งที่", Kind.INT),
        Column("ผลการดำเนินงาน", Kind.LONG_TEXT),
    )
    rows = [
        ("ก", Decimal("1234567.50"), date(2023, 10, 1), 1, "ยาว"),
        (None, Unreadable("หนึ่งพันบาท"), date(1899, 1, 1), None, ""),
        ("", None, Unreadable("31/09/2567"), 12, None),
        ("ขค" * 40, Decimal("-5"), None, 3, "x"),
    ]
    out = io.BytesIO()
    workbook = new_workbook(out, "t")
    writer = SheetWriter(workbook, Styles(workbook), "t")
    assert writer.table(Table("t", columns, rows)) == 4
    money = value_width(Kind.MONEY, Decimal("1234567.50")) + 1  # +1: room for a sign
    assert writer.widths[0] >= TEXT_MAX_WIDTH  # the long text: capped when fitted
    assert writer.widths[1] == max(money, text_width("หนึ่งพันบาท")) == 13
    assert writer.widths[2] == 11  # a date's width, whatever was typed in the column
    assert writer.widths[3] == text_width("ครั้งที่")  # the header is wider than 12
    writer.finish()
    workbook.close()
    sheet = openpyxl.load_workbook(io.BytesIO(out.getvalue()))["t"]
    assert [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)] == [
        ["ก", 1234567.5, datetime(2023, 10, 1), 1, "ยาว"],
        [None, "หนึ่งพันบาท", "01/01/2442", None, None],
        [None, None, "31/09/2567", 12, None],
        ["ขค" * 40, -5, None, 3, "x"],
    ]
    assert sheet["C2"].number_format == DATE_FORMAT
    assert sheet["B3"].font.i and sheet["C3"].font.i and sheet["C4"].font.i  # typed, as typed
    widths = [sheet.column_dimensions[col].width for col in "ABCDE"]
    assert widths[0] == widths[4] - 12  # capped at 48; a narrative's column is 60 wide


def test_rows_of_other_lengths_than_the_columns_are_refused() -> None:
    workbook = new_workbook(io.BytesIO(), "t")
    writer = SheetWriter(workbook, Styles(workbook), "t")
    with pytest.raises(ValueError):
        writer.table(Table("t", (Column("ก"), Column("ข")), [("1", "2"), ("3",)]))


def test_trusted_json_reads_what_dumps_writes_as_loads_does(sample_json_text: str) -> None:
    import random

    rng = random.Random(7)
    reports = [loads(sample_json_text), Report(), Report(project_code="x", fiscal_year=2567)]
    reports += [varied_report(rng, i) for i in range(200)]
    reports[-1].progress_reports.append(ProgressReport(no=7, budget_used=Decimal(100)))
    for report in reports:
        for indent in (None, 2):
            text = dumps(report, indent=indent)
            assert loads_trusted(text) == loads(text)
            assert loads_trusted_log(text) == progress_log(loads(text))


def test_the_fast_reader_knows_every_field_of_a_progress_report() -> None:
    assert {f.key for f in PROGRESS_FIELDS} == {
        "no",
        "date",
        "narrative",
        "progress_percent",
        "budget_used",
        "plan_status",
        "target_status",
    }


@pytest.mark.parametrize(
    "change",
    [
        {"project_name": 5},
        {"fiscal_year": "2567"},
        {"budget_received": "1000"},
        {"budget_received": True},
        {"start_date": "2565-10-01"},
        {"start_date": "2022-02-30"},
        {"rationale": "ไม่ใช่รายการ"},
        {"surprise": 1},
        {"progress_reports": [{"no": 1, "plan_status": "late"}]},
        {"progress_reports": [{"no": 1, "colour": "red"}]},
        {"progress_reports": [{"date": 20221001}]},
        {"progress_reports": {"no": 1}},
        {"project_name": "\ud800"},
    ],
)
def test_trusted_json_refuses_what_dumps_never_writes(change: dict[str, object]) -> None:
    data = json.loads(dumps(Report(project_code="x", fiscal_year=2567)))
    data.update(change)
    with pytest.raises(UntrustedJson):
        loads_trusted(json.dumps(data))
    if "progress_reports" in change or set(change) & {"project_name", "fiscal_year", "surprise"}:
        with pytest.raises(UntrustedJson):  # what the progress log is read from, checked too
            loads_trusted_log(json.dumps(data))
    for text in ('{"budget_received": NaN}', '{"budget_received": 1e999}', "[]", "{"):
        with pytest.raises(UntrustedJson):
            loads_trusted(text)


def _collection(path: Path, count: int) -> list[Report]:
    import random

    rng = random.Random(11)
    reports = [varied_report(rng, i) for i in range(count)]
    with Collection.open(path) as collection:
        for report in reports:
            collection.add(report, f"{report.project_code}.json", SOURCE_JSON, errors=0, warnings=0)
    return reports


def test_a_collection_reads_its_reports_a_run_at_a_time(tmp_path: Path) -> None:
    db = tmp_path / "district.db"
    reports = _collection(db, RUN + 30)
    by_code = {report.project_code: report for report in reports}
    with Collection.open_read_only(db) as collection:
        items = collection.items()
        assert [item.report for item in items] == [by_code[i.row.project_code] for i in items]
        # read out of order (the window opens one now and then): still each its own
        assert items[3].report is items[3].report
        again = collection.items()
        assert [again[i].report for i in (RUN + 5, 0, RUN + 5)] == [
            by_code[again[i].row.project_code] for i in (RUN + 5, 0, RUN + 5)
        ]


def test_the_sheets_from_progress_logs_equal_those_from_the_reports(tmp_path: Path) -> None:
    db = tmp_path / "district.db"
    reports = _collection(db, 60)
    by_code = {report.project_code: report for report in reports}
    with Collection.open_read_only(db) as collection:
        items = collection.items()
        progress = list(items_progress_table(items).rows)
        quarters = list(quarter_table(items).rows)
        assert all(item._report is None for item in items)  # the logs alone were read
    assert progress == list(progress_table([by_code[i.row.project_code] for i in items]).rows)
    held = [Collected(by_code[i.row.project_code], i.row, i.source, i.source_kind) for i in items]
    assert quarters == list(quarter_table(held).rows)
    assert [item.log for item in held] == [None] * len(held)  # in memory: the reports


def test_a_report_changed_by_hand_is_read_strictly(tmp_path: Path) -> None:
    db = tmp_path / "district.db"
    reports = _collection(db, 3)
    with sqlite3.connect(db) as conn:
        (first, text), (second, _) = conn.execute(
            "SELECT id, report_json FROM reports ORDER BY id LIMIT 2"
        ).fetchall()
        edited = json.loads(text)
        edited["project_name"] = "แก้ชื่อด้วยมือ"
        conn.execute(
            "UPDATE reports SET report_json = ? WHERE id = ?",
            (json.dumps(edited, ensure_ascii=False), first),
        )
        conn.execute("UPDATE reports SET report_json = '{\"no_such\": 1}' WHERE id = ?", (second,))
    with Collection.open_read_only(db) as collection:
        loaded: dict[str, object] = {}
        for item in collection.items():
            for what in ("log", "report"):
                try:
                    loaded[f"{what} {item.row.project_code}"] = getattr(item, what)
                except FormError:
                    loaded[f"{what} {item.row.project_code}"] = None
    first, second, third = (report.project_code for report in reports)
    assert loaded[f"report {first}"].project_name == "แก้ชื่อด้วยมือ"  # type: ignore[attr-defined]
    assert loaded[f"log {first}"].project_name == "แก้ชื่อด้วยมือ"  # type: ignore[attr-defined]
    assert loaded[f"report {second}"] is None and loaded[f"log {second}"] is None  # refused
    assert loaded[f"report {third}"] == reports[2]
    assert loaded[f"log {third}"] == progress_log(reports[2])


def test_a_report_gone_since_the_list_was_read_is_said_to_be_gone(tmp_path: Path) -> None:
    db = tmp_path / "district.db"
    _collection(db, 2)
    with Collection.open(db) as collection:
        items = collection.items()
        with sqlite3.connect(db) as conn:
            conn.execute("DELETE FROM reports")
        with pytest.raises(StorageError, match="ไม่อยู่ในชุดรวมรายงาน"):
            _ = items[0].report

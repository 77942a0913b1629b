"""Text typed into a date, year, money or percent box: read as the value, or kept as typed
(`Report.typed`) with its reason; never in the JSON interchange or the PDF."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from forms.document import ReportDocument
from forms.errors import FieldValueError, UnknownKeyError
from forms.interchange import dumps, from_dict, loads, to_dict
from forms.kinds import entry_of, read_typed
from forms.report import ProgressReport, Report, entry, with_entry
from forms.schema import Kind
from forms.thainum import parse_number
from forms.typed import NotReadable, Unreadable

TODAY = date(2024, 11, 1)  # fiscal year 2568


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("180,000 บาท", "180000"),
        ("180,000.00 บาท", "180000.00"),
        ("๑๘๐,๐๐๐", "180000"),
        ("๑๘๐,๐๐๐ บาท", "180000"),
        ("180000บาท", "180000"),
    ],
)
def test_money_pasted_from_a_printout_reads_as_the_number(text: str, value: str):
    assert read_typed(Kind.MONEY, text) == Decimal(value)
    assert parse_number(text, "บาท") == Decimal(value)


def test_the_unit_alone_or_the_wrong_unit_is_no_number():
    with pytest.raises(ValueError):
        parse_number("บาท", "บาท")
    with pytest.raises(NotReadable):
        read_typed(Kind.PERCENT, "20 บาท")
    assert read_typed(Kind.PERCENT, "20.50 %") == Decimal("20.50")


@pytest.mark.parametrize(("text", "value"), [("150", "150"), ("99.999", "99.999"), ("-5", "-5")])
def test_out_of_range_and_over_precise_numbers_are_read_as_typed(text: str, value: str):
    # a number: the range and decimals checks mark it, nothing is cut or clamped
    assert read_typed(Kind.PERCENT, text) == Decimal(value)


def test_a_number_longer_than_any_amount_is_not_read():
    with pytest.raises(NotReadable, match="16 หลัก"):
        read_typed(Kind.MONEY, "1" * 16)


@pytest.mark.parametrize(
    ("text", "reason", "hint"),
    [
        ("31/09/2567", "ไม่มีวันที่นี้ (กันยายนมี 30 วัน)", "เช่น 30/09/2567"),
        ("31/02/2567", "กุมภาพันธ์ 2567 มี 29 วัน", "เช่น 29/02/2567"),
        ("29/02/2566", "กุมภาพันธ์ 2566 มี 28 วัน", "เช่น 28/02/2566"),
        ("30/01/67", 'ปี "67" ไม่ใช่ปี 4 หลัก', "ปี พ.ศ. 4 หลัก เช่น 30/01/2567"),
        ("01/10/2024", "ปี 2024 ดูเป็นปี ค.ศ.", "01/10/2567"),
        ("15/13/2567", "ไม่มีเดือนที่ 13", "01 ถึง 12"),
        ("30 ก.ย. 67", 'ปี "67" ไม่ใช่ปี 4 หลัก', "4 หลัก เช่น 30/09/2567"),
        ("30 Sep 2567", "อ่านเป็นวันที่ไม่ได้", "วว/ดด/ปปปป พ.ศ. เช่น 01/11/2567"),
    ],
)
def test_an_unreadable_date_says_why_and_what_to_type(text: str, reason: str, hint: str):
    with pytest.raises(NotReadable) as info:
        read_typed(Kind.DATE, text, TODAY)
    assert reason in info.value.reason
    assert hint in info.value.hint


def test_dates_read_with_thai_digits_and_spaces():
    assert read_typed(Kind.DATE, " ๓๐ / ๐๙ / ๒๕๖๗ ") == date(2024, 9, 30)
    assert read_typed(Kind.DATE, "  ") is None


@pytest.mark.parametrize("text", ["256", "25666", "2566.5", "ปี 2566"])
def test_a_year_is_four_digits(text: str):
    with pytest.raises(NotReadable) as info:
        read_typed(Kind.YEAR_BE, text, TODAY)
    assert info.value.hint == "พิมพ์ปี พ.ศ. 4 หลัก เช่น 2568"


def test_a_four_digit_year_is_read_even_when_it_looks_ce():
    # the fiscal_year_ce check says so; reading it keeps what was typed
    assert read_typed(Kind.YEAR_BE, "2024") == 2024
    assert read_typed(Kind.YEAR_BE, "พ.ศ. ๒๕๖๗") == 2567


def test_entry_of_gives_the_value_or_the_text():
    assert entry_of(Kind.DATE, "30/09/2567") == date(2024, 9, 30)
    assert entry_of(Kind.DATE, "31/09/2567") == Unreadable("31/09/2567")


def test_setting_unreadable_text_empties_the_value_and_keeps_the_text():
    doc = ReportDocument(Report(end_date=date(2024, 9, 30)))
    seen: list[str] = []
    doc.changed.connect(seen.append)
    doc.set_value("end_date", Unreadable("31/09/2567"))
    assert doc.report.end_date is None
    assert doc.report.typed == {"end_date": "31/09/2567"}
    assert doc.entry("end_date") == Unreadable("31/09/2567")
    assert seen == ["end_date"] and doc.dirty
    doc.set_value("end_date", Unreadable("31/09/2567"))
    assert seen == ["end_date"]  # the same text again is no change
    doc.set_value("end_date", date(2024, 9, 30))
    assert doc.report.typed == {} and doc.report.end_date == date(2024, 9, 30)


def test_a_snapshot_keeps_its_own_typed_texts():
    doc = ReportDocument()
    doc.set_value("budget_received", Unreadable("แสนแปด"))
    _revision, saved = doc.snapshot()
    doc.set_value("budget_received", Decimal(180000))
    assert saved.typed == {"budget_received": "แสนแปด"} and saved.budget_received is None


def test_the_fiscal_year_does_not_fill_a_date_holding_typed_text():
    doc = ReportDocument()
    doc.set_value("end_date", Unreadable("31/09/2566"))
    doc.set_value("fiscal_year", 2566)
    assert doc.report.start_date == date(2022, 10, 1)
    assert doc.entry("end_date") == Unreadable("31/09/2566")


def test_a_progress_reports_typed_text_moves_with_it():
    first = with_entry(ProgressReport(no=1), "date", Unreadable("31/09/2567"))
    assert first.date is None and entry(first, "date") == Unreadable("31/09/2567")
    doc = ReportDocument()
    doc.set_value("progress_reports", [ProgressReport(no=1), first])
    doc.set_value("progress_reports", list(reversed(doc.report.progress_reports)))
    moved = doc.report.progress_reports[0]
    assert moved.no == 1 and moved.typed == {"date": "31/09/2567"}
    assert with_entry(moved, "date", date(2024, 9, 30)).typed == {}


def test_interchange_neither_writes_nor_reads_typed_texts():
    report = Report(project_name="โครงการ", typed={"end_date": "31/09/2567"})
    report.progress_reports = [ProgressReport(no=1, typed={"budget_used": "แสน"})]
    data = to_dict(report)
    assert "typed" not in data and "typed" not in data["progress_reports"][0]
    assert loads(dumps(report)) == replace(
        report, typed={}, progress_reports=[ProgressReport(no=1)]
    )
    with pytest.raises(UnknownKeyError):
        from_dict({"typed": {"end_date": "31/09/2567"}})
    with pytest.raises(UnknownKeyError):
        loads(json.dumps({"progress_reports": [{"no": 1, "typed": {}}]}))


def test_a_quoted_money_in_json_gets_its_own_number_as_the_example():
    with pytest.raises(FieldValueError, match=r"เช่น 123456\.50$"):
        loads(json.dumps({"budget_received": "123,456.50 บาท"}))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1 ตุลาคม 2565", date(2022, 10, 1)),
        ("1 ต.ค. 2565", date(2022, 10, 1)),
        ("1 ต.ค. พ.ศ. 2565", date(2022, 10, 1)),
        ("๒๙ กุมภาพันธ์ ๒๕๖๗", date(2024, 2, 29)),
        ("30 ก.ย.2566", date(2023, 9, 30)),
    ],
)
def test_a_date_written_the_thai_way_is_read(text: str, value: date):
    assert read_typed(Kind.DATE, text) == value


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("31 กันยายน 2567", "ไม่มีวันที่นี้ (กันยายนมี 30 วัน)"),
        ("1 ตุลา 2565", 'ไม่รู้จักเดือน "ตุลา"'),
        ("1 ตุลาคม 65", 'ปี "65" ไม่ใช่ปี 4 หลัก'),
        ("1 ตุลาคม 2022", "ปี 2022 ดูเป็นปี ค.ศ."),
    ],
)
def test_a_thai_written_date_that_cannot_be_read_says_why(text: str, reason: str):
    with pytest.raises(NotReadable) as raised:
        read_typed(Kind.DATE, text)
    assert raised.value.reason == reason

"""What a clerk reads when a JSON file is refused: one Thai line naming the field, the value
as written in the file, and what to write instead; dates in CE, at most 2 decimals."""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given

from forms.errors import FieldValueError, NotJsonError, UnknownKeyError
from forms.interchange import dumps, loads
from forms.report import ProgressReport, Report
from storage.drafts import DraftStore
from tests.strategies import reports

# English a Thai message may carry: the format's own words and what a clerk types in JSON.
ALLOWED_ASCII_WORDS = {"JSON", "UTF", "BOM", "YYYY", "MM", "DD", "json", "null", "true", "NaN"}
ALLOWED_ASCII_WORDS |= {"false", "object", "array"}
ALLOWED_ASCII_WORDS |= {"Infinity", "E", "n", "t"}


def refused(text: str | bytes, error: type[Exception] = NotJsonError) -> str:
    with pytest.raises(error) as info:
        loads(text)
    message = str(info.value)
    assert "\n" not in message
    assert any("\u0e01" <= ch <= "\u0e5b" for ch in message)
    prose = re.sub(r'\([a-z_\[\]0-9.]+\)|"[^"]*"', "", message)  # the key and the value
    english = set(re.findall(r"[A-Za-z]+", prose)) - ALLOWED_ASCII_WORDS
    assert not english, (english, message)
    message.encode("utf-8")  # printable: no lone surrogate reaches the terminal
    return message


# -- 1. JSON that cannot be read: line and column in Thai, no Python message -----------------


@pytest.mark.parametrize(
    ("text", "where", "hint"),
    [
        ('{"fiscal_year": 2566,}', "บรรทัด 1 ตำแหน่งที่ 22", "จุลภาค"),
        ('{"a" 1}', "บรรทัด 1 ตำแหน่งที่ 6", "เครื่องหมาย :"),
        ('{"a": 1 "b": 2}', "บรรทัด 1 ตำแหน่งที่ 9", "จุลภาค"),
        ('{\n  "project_name": "ab', "บรรทัด 2 ตำแหน่งที่ 19", 'ไม่มี " ปิด'),
        ('{"project_name": "a\nb"}', "บรรทัด 1 ตำแหน่งที่ 20", "ขึ้นบรรทัดใหม่"),
        ('{"project_name": "a\\qb"}', "บรรทัด 1 ตำแหน่งที่ 20", "เครื่องหมาย \\"),
        ('{"fiscal_year": 2566} {}', "บรรทัด 1 ตำแหน่งที่ 23", "ฉบับเดียว"),
        ("\ufeff{}", "บรรทัด 1 ตำแหน่งที่ 1", "BOM"),
        ("not json", "บรรทัด 1 ตำแหน่งที่ 1", "ไม่พบค่า"),
        ("\ufffe", "บรรทัด 1 ตำแหน่งที่ 1", "ไม่พบค่า"),
        ('{"fiscal_year": }', "บรรทัด 1 ตำแหน่งที่ 17", "ไม่พบค่า"),
    ],
)
def test_syntax_error_names_line_and_column_in_thai(text: str, where: str, hint: str):
    message = refused(text)
    assert message.startswith("ไฟล์นี้ไม่ใช่ JSON ที่อ่านได้: ผิดรูปแบบที่" + where), message
    assert hint in message
    assert message.endswith("เลือกไฟล์รายงาน .json")


@pytest.mark.parametrize("text", ["", "  \n", b"", b"\n"])
def test_empty_file_says_it_is_empty(text: str | bytes):
    assert "ว่างเปล่า" in refused(text)


def test_bytes_that_are_not_utf8_say_so():
    message = refused(b'{"project_name": "\xff"}')
    assert "UTF-8" in message and "ไบต์ที่ 19" in message


def test_deep_nesting_is_refused_in_thai():
    assert "ซ้อนกันลึกเกินไป" in refused("[" * 100_000)


def test_an_integer_beyond_the_digit_limit_is_refused_in_thai():
    assert "ตัวเลขยาวเกิน" in refused('{"fiscal_year": 1' + "0" * 5000 + "}")


@pytest.mark.parametrize(
    ("text", "path", "shown"),
    [
        ('{"budget_received": NaN}', "budget_received", "NaN"),
        ('{"budget_received": Infinity}', "budget_received", "Infinity"),
        (
            '{"progress_reports": [{"budget_used": -Infinity}]}',
            "progress_reports[1].budget_used",
            "-Infinity",
        ),
        (
            '{"progress_reports": [{"progress_percent": NaN}]}',
            "progress_reports[1].progress_percent",
            "NaN",
        ),
        ('{"fiscal_year": NaN}', "fiscal_year", "NaN"),
        ('{"project_name": Infinity}', "project_name", "Infinity"),
    ],
)
def test_nan_and_infinity_are_named_with_their_field(text: str, path: str, shown: str):
    message = refused(text, FieldValueError)
    assert f"({path}): ค่า {shown} " in message


def test_nan_in_money_says_it_is_not_a_number():
    message = refused('{"budget_received": NaN}', FieldValueError)
    assert "ค่า NaN ไม่ใช่ตัวเลข" in message and "null" in message


# -- 2. values shown as written in the file, never as Python reprs ---------------------------


@pytest.mark.parametrize(
    ("data", "shown"),
    [
        ('{"fiscal_year": 2566.0}', "ค่า 2566.0 ใช้ไม่ได้"),
        ('{"fiscal_year": 2.5e3}', "ค่า 2500 ใช้ไม่ได้"),
        ('{"fiscal_year": true}', "ค่า true ใช้ไม่ได้"),
        ('{"fiscal_year": [2566]}', "ค่า [2566] ใช้ไม่ได้"),
        ('{"project_name": 5}', "ค่า 5 ใช้ไม่ได้"),
        ('{"project_name": 1.50}', "ค่า 1.50 ใช้ไม่ได้"),
        ('{"project_name": false}', "ค่า false ใช้ไม่ได้"),
        ('{"project_name": {"a": 1.0}}', 'ค่า {"a": 1.0} ใช้ไม่ได้'),
        ('{"progress_reports": [null]}', "ค่า null ใช้ไม่ได้"),
        ('{"objectives": [[[[["x"]]]]]}', "ค่า [[[…]]] ใช้ไม่ได้"),
        ('{"start_date": "01/10/2565"}', 'ค่า "01/10/2565" ใช้ไม่ได้'),
        ('{"start_date": 20221001}', "ค่า 20221001 ใช้ไม่ได้"),
        ('{"project_name": "ab\\ud800"}', 'ค่า "ab\\ud800" ใช้ไม่ได้'),
        ('{"fiscal_year": "25\\n66"}', 'ค่า "25\\n66" เป็นข้อความ'),
        ('{"fiscal_year": 1e400}', "ค่า 1E+400 ใช้ไม่ได้"),
    ],
)
def test_values_are_shown_as_in_the_file(data: str, shown: str):
    message = refused(data, FieldValueError)
    assert shown in message
    assert "Decimal" not in message and "'" not in message


def test_a_long_text_is_cut_in_the_message():
    message = refused(json.dumps({"project_code": "9" * 500}), FieldValueError)
    assert '"' + "9" * 39 + '…"' in message and "9" * 41 not in message


def test_an_unknown_key_with_a_broken_character_is_printable():
    message = refused('{"a\\ud800\\n": 1}', UnknownKeyError)
    assert '"a\\ud800\\u000a"' in message


def test_a_whole_number_with_a_decimal_point_says_so():
    message = refused('{"fiscal_year": 2566.0}', FieldValueError)
    assert message.endswith("ต้องเป็นจำนวนเต็มที่ไม่มีจุดทศนิยม เช่น 2566")


@pytest.mark.parametrize(
    ("data", "shown", "example"),
    [
        ('{"budget_received": "180000"}', '"180000"', "เช่น 180000"),
        ('{"budget_received": "180,000.50"}', '"180,000.50"', "เช่น 180000.50"),
        ('{"budget_received": "๑๘๐,๐๐๐"}', '"๑๘๐,๐๐๐"', "เช่น 180000"),
        ('{"budget_received": "ไม่ทราบ"}', '"ไม่ทราบ"', "เช่น 180000"),
        ('{"progress_reports": [{"progress_percent": "20"}]}', '"20"', "เช่น 20"),
        ('{"fiscal_year": "2566"}', '"2566"', "เช่น 2566"),
        ('{"progress_reports": [{"no": "3"}]}', '"3"', "เช่น 3"),
    ],
)
def test_a_number_in_quotes_is_told_to_lose_its_quotes(data: str, shown: str, example: str):
    message = refused(data, FieldValueError)
    assert f"ค่า {shown} เป็นข้อความ ไม่ใช่ตัวเลข" in message
    assert "ที่ไม่อยู่ในเครื่องหมายคำพูด" in message and message.endswith(example)


def test_a_number_with_commas_in_quotes_is_told_to_lose_the_commas():
    message = refused('{"budget_received": "180,000"}', FieldValueError)
    assert "ไม่มีจุลภาค เช่น 180000" in message


# -- 3. a BE year inside an ISO date is refused, not shifted by 543 a second time ------------


@pytest.mark.parametrize(
    ("data", "path", "value", "example"),
    [
        ({"start_date": "2565-10-01"}, "start_date", "2565-10-01", "2022-10-01"),
        ({"end_date": "2566-09-30"}, "end_date", "2566-09-30", "2023-09-30"),
        ({"start_date": "2567-02-29"}, "start_date", "2567-02-29", "2024-02-29"),
        ({"start_date": "2400-01-01"}, "start_date", "2400-01-01", "1857-01-01"),
        (
            {"progress_reports": [{}, {"date": "2566-01-30"}]},
            "progress_reports[2].date",
            "2566-01-30",
            "2023-01-30",
        ),
    ],
)
def test_a_be_year_in_a_date_is_refused_with_the_ce_date(data, path, value, example):
    message = refused(json.dumps(data), FieldValueError)
    assert f'({path}): ค่า "{value}" ดูเป็นปี พ.ศ. — ' in message
    assert "ปี ค.ศ." in message and message.endswith(f"เช่น {example}")


def test_a_be_year_of_an_impossible_ce_date_still_gets_an_example():
    message = refused('{"start_date": "2568-02-29"}', FieldValueError)  # CE 2025: no 29 Feb
    assert "ดูเป็นปี พ.ศ." in message and message.endswith("เช่น 2022-10-01")


@pytest.mark.parametrize("text", ["2399-12-31", "2022-10-01", "1990-01-01"])
def test_ce_dates_below_2400_are_read(text: str):
    report = loads(json.dumps({"start_date": text, "progress_reports": [{"date": text}]}))
    assert report.start_date == date.fromisoformat(text)
    assert report.progress_reports[0].date == date.fromisoformat(text)


# -- 4. money and percentages: at most 2 decimals ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "path", "shown", "rounded"),
    [
        ('{"budget_received": 180000.005}', "budget_received", "180000.005", "180000.01"),
        ('{"progress_reports": [{"budget_used": 3.005}]}', "progress_reports[1].budget_used", "3.005", "3.01"),
        ('{"progress_reports": [{"budget_used": 1e-3}]}', "progress_reports[1].budget_used", "0.001", "0.00"),
        ('{"progress_reports": [{"progress_percent": 20.555}]}', "progress_reports[1].progress_percent", "20.555", "20.56"),
        (
            '{"budget_received": 12345678901234567890123456789.125}',
            "budget_received",
            "12345678901234567890123456789.125",
            "12345678901234567890123456789.13",
        ),
    ],
)  # fmt: skip
def test_more_than_two_decimals_are_refused(text: str, path: str, shown: str, rounded: str):
    message = refused(text, FieldValueError)
    assert f"({path}): ค่า {shown} มีทศนิยมเกิน 2 ตำแหน่ง — " in message
    assert "ที่มีทศนิยมไม่เกิน 2 ตำแหน่ง" in message and message.endswith(f"เช่น {rounded}")


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("180000", Decimal(180000)),
        ("1234.5", Decimal("1234.5")),
        ("1234.50", Decimal("1234.50")),
        ("20.500", Decimal("20.5")),  # trailing zeros carry no satang
        ("3.000", Decimal(3)),
        ("1.5e2", Decimal(150)),
        ("12345678901234.57", Decimal("12345678901234.57")),
    ],
)
def test_two_decimals_or_fewer_are_read(number: str, expected: Decimal):
    report = loads(
        f'{{"budget_received": {number}, "progress_reports": [{{"progress_percent": {number}}}]}}'
    )
    assert report.budget_received == expected
    assert report.progress_reports[0].progress_percent == expected


# -- the shared strategies stay inside what the format admits ---------------------------------


@given(reports())
def test_generated_reports_keep_to_ce_dates_and_two_decimals(report: Report):
    dates = [report.start_date, report.end_date, *(p.date for p in report.progress_reports)]
    assert all(d.year < 2400 for d in dates if d is not None)
    numbers = [report.budget_received]
    numbers += [n for p in report.progress_reports for n in (p.budget_used, p.progress_percent)]
    assert all(-n.as_tuple().exponent <= 2 for n in numbers if n is not None)


# -- drafts are not read through the import rules: they stay loadable ------------------------


def test_a_draft_the_import_would_refuse_still_saves_and_loads(tmp_path: Path):
    draft = Report(
        project_name="โครงการที่นำเข้าก่อนมีกฎใหม่",
        start_date=date(2565, 10, 1),
        budget_received=Decimal("180000.005"),
        progress_reports=[
            ProgressReport(no=1, date=date(2566, 1, 30), progress_percent=Decimal("20.555"))
        ],
    )
    with pytest.raises(FieldValueError):
        loads(dumps(draft))
    with DraftStore.open(tmp_path / "drafts.db") as store:
        draft_id = store.create(draft)
    with DraftStore.open(tmp_path / "drafts.db") as store:
        assert store.load(draft_id) == draft

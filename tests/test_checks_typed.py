"""The checks of text typed where a value could not be read (`Report.typed`): the problem
names the field, the text and what to type instead, and a field holding typed text is not
called empty.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from forms.schema import FIELDS_BY_KEY
from tests.checks_support import clean_report, problems_of, put_report


@pytest.mark.parametrize(
    ("key", "text", "named"),
    [
        ("end_date", "31/02/2567", ("กุมภาพันธ์ 2567 มี 29 วัน", "29/02/2567")),
        ("start_date", "30/01/67", ('"67"', "4 หลัก", "30/01/2567")),
        ("start_date", "01/10/2022", ("ค.ศ.", "01/10/2565")),
        ("end_date", "30/13/2566", ("เดือนที่ 13", "วว/ดด/ปปปป")),
        ("fiscal_year", "256", ('"256"', "4 หลัก", "2570")),  # TODAY is in fiscal year 2570
        ("budget_received", "ประมาณแสนแปด", ("ไม่ใช่จำนวนเงิน", "180,000")),
    ],
)
def test_unreadable_names_the_field_the_text_and_what_to_type(key, text, named):
    field = FIELDS_BY_KEY[key]
    report = replace(clean_report(), **{key: None}, typed={key: text})
    [problem] = problems_of(report, "unreadable")
    assert problem.path == key
    for value in (field.title, f'"{text}"', *named):
        assert value in problem.message


def test_unreadable_in_a_progress_report_is_named_by_its_number():
    report = put_report(1, progress_percent=None, typed={"progress_percent": "ครึ่งหนึ่ง"})(
        clean_report()
    )
    [problem] = problems_of(report, "unreadable")
    assert problem.path == "progress_reports[2].progress_percent"
    assert "รายงานครั้งที่ 2" in problem.message and "0 ถึง 100" in problem.message


def test_a_field_holding_typed_text_is_not_called_empty():
    report = replace(clean_report(), fiscal_year=None, end_date=None)
    report.typed = {"fiscal_year": "256", "end_date": "31/09/2566"}
    assert problems_of(report, "required") == []
    undated = put_report(1, date=None, typed={"date": "30/02/2566"})(clean_report())
    assert problems_of(undated, "report_undated") == []
    assert [p.path for p in problems_of(undated, "unreadable")] == ["progress_reports[2].date"]


def test_typed_text_that_reads_as_a_value_is_still_flagged():
    # kept by an earlier version or by hand: the field has no value until it is typed again
    [problem] = problems_of(replace(clean_report(), typed={"fiscal_year": "2566"}), "unreadable")
    assert "2566" in problem.message

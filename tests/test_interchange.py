"""JSON interchange: exact round trips, strict reading, money never through float."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import given

from forms.errors import FieldValueError, NotJsonError, UnknownKeyError
from forms.interchange import dumps, from_dict, loads, to_dict
from forms.report import Report
from tests.strategies import reports


def test_sample_report_reads_as_printed(sample_report):
    r = sample_report
    assert r.project_code == "50280000-6851"
    assert r.fiscal_year == 2566
    assert str(r.start_date) == "2022-10-01" and str(r.end_date) == "2023-09-30"
    assert r.budget_received == Decimal(180000)
    assert r.budget_spent == Decimal(205090)
    assert len(r.rationale) == 15 and len(r.objectives) == 4
    assert len(r.targets_quantity) == 3 and len(r.targets_quality) == 3
    assert [p.no for p in r.progress_reports] == list(range(1, 11))
    assert r.progress_reports[4].date is None


def test_sample_round_trip_is_identical_text(sample_json_text):
    assert dumps(loads(sample_json_text)) + "\n" == sample_json_text


@given(reports())
def test_generated_reports_round_trip(report):
    assert loads(dumps(report)) == report


def test_money_keeps_satang_beyond_float_precision():
    text = json.dumps({"budget_received": 1}).replace("1}", "12345678901234.57}")
    report = loads(text)
    assert report.budget_received == Decimal("12345678901234.57")
    assert '"budget_received": 12345678901234.57' in dumps(report)


def test_budget_spent_is_written_but_ignored_on_input(sample_report):
    data = to_dict(sample_report)
    assert data["budget_spent"] == Decimal(205090)
    data["budget_spent"] = 1
    assert from_dict(data).budget_spent == Decimal(205090)


def test_missing_keys_mean_empty():
    report = loads("{}")
    assert report.project_name == "" and report.objectives == [] and report.fiscal_year is None


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ('{"projectname": "x"}', "projectname"),
        ('{"progress_reports": [{"no": 1, "percent": 3}]}', "progress_reports[1].percent"),
    ],
)
def test_unknown_key_is_named(text, path):
    with pytest.raises(UnknownKeyError) as info:
        loads(text)
    assert info.value.path == path
    assert path in str(info.value)


@pytest.mark.parametrize(
    ("data", "path", "shown"),
    [
        ({"fiscal_year": "2566"}, "fiscal_year", "2566"),
        ({"fiscal_year": 2566.0}, "fiscal_year", "2566.0"),
        ({"fiscal_year": True}, "fiscal_year", "true"),
        ({"budget_received": "180,000"}, "budget_received", "180,000"),
        ({"start_date": "01/10/2565"}, "start_date", "01/10/2565"),
        ({"start_date": "2022-13-01"}, "start_date", "2022-13-01"),
        ({"objectives": "หนึ่ง"}, "objectives", "หนึ่ง"),
        ({"objectives": ["a", 5]}, "objectives[2]", "5"),
        ({"project_name": "ab\ud800"}, "project_name", "ab\\ud800"),
        (
            {"progress_reports": [{"plan_status": "late"}]},
            "progress_reports[1].plan_status",
            "late",
        ),
        (
            {"progress_reports": [{"progress_percent": "20"}]},
            "progress_reports[1].progress_percent",
            "20",
        ),
    ],
)
def test_wrong_type_names_field_and_value(data, path, shown):
    with pytest.raises(FieldValueError) as info:
        loads(json.dumps(data, ensure_ascii=False))
    assert info.value.path == path
    assert path in str(info.value) and shown in str(info.value)


@pytest.mark.parametrize("text", ["", "not json", "[1, 2]", "\ufffe"])
def test_not_json_is_refused(text):
    with pytest.raises(NotJsonError):
        loads(text)


def test_no_text_of_the_report_can_pass_for_a_number():
    # the old fixed marker "\u0000decimal:" typed into a name came out as the number 2566
    report = Report(project_name="\u0000decimal:2566", agency_office="decimal-:5")
    data = json.loads(dumps(report))
    assert data["project_name"] == "\u0000decimal:2566"
    assert data["agency_office"] == "decimal-:5"
    assert dumps(report) == dumps(report)  # the random mark never shows in the output

"""The checks of the project's own fields, beyond the rule table of `test_checks_rules`:
which fields are required, implausible and CE fiscal years, the project code, the end date
against the fiscal year, and the order the problems come in.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from forms.checks import Severity, check_report
from tests.checks_support import TODAY, clean_report, problems_of, put_report


@pytest.mark.parametrize(
    ("key", "empty"),
    [
        ("project_name", ""),
        ("project_code", "  "),
        ("fiscal_year", None),
        ("start_date", None),
        ("end_date", None),
        ("agency_office", ""),
        ("objectives", []),
        ("objectives", ["", " "]),
    ],
)
def test_each_required_field_is_an_error_when_empty(key: str, empty: object):
    [problem] = problems_of(replace(clean_report(), **{key: empty}), "required")
    assert problem.path == key and problem.severity is Severity.ERROR


def test_optional_fields_may_be_empty():
    report = replace(
        clean_report(), agency_division="", signer_name="", budget_received=None, rationale=[]
    )
    assert check_report(report, today=TODAY) == []


@pytest.mark.parametrize("year", [2701, 1956, 2158, 0, -5, 10**30])
def test_implausible_fiscal_years_without_ce_reading(year: int):
    [problem] = problems_of(replace(clean_report(), fiscal_year=year), "fiscal_year_range")
    assert str(year) in problem.message
    assert problems_of(replace(clean_report(), fiscal_year=year), "fiscal_year_ce") == []


@pytest.mark.parametrize(("ce", "be"), [(1957, 2500), (2023, 2566), (2157, 2700)])
def test_ce_years_get_the_be_hint(ce: int, be: int):
    [problem] = problems_of(replace(clean_report(), fiscal_year=ce), "fiscal_year_ce")
    assert f"ปีงบประมาณ พ.ศ. {be}?" in problem.message


def test_thai_digit_project_code_gets_an_arabic_hint():
    [problem] = problems_of(replace(clean_report(), project_code="๕๐๒๘๐๐๐๐-๖๘๕๑"), "project_code")
    assert "50280000-6851" in problem.message


def test_end_outside_fiscal_year_is_named_on_end_date():
    report = replace(clean_report(), end_date=date(2023, 10, 1))
    [problem] = problems_of(report, "outside_fiscal_year")
    assert problem.path == "end_date" and "01/10/2566" in problem.message


def test_problems_come_in_printed_order_of_fields():
    report = replace(clean_report(), project_name="", signer_name="\x07", objectives=["ก", "ก"])
    report = put_report(0, date=None)(report)
    paths = [p.path for p in check_report(report, today=TODAY)]
    assert paths == ["project_name", "objectives[2]", "progress_reports[1].date", "signer_name"]

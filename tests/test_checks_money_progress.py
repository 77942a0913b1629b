"""The checks of money and progress, beyond the rule table of `test_checks_rules`: amounts
out of range on a progress report, overspending, progress going down or below zero, and the
report numbers the problems' paths use.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from forms.checks import check_report
from tests.checks_support import TODAY, clean_report, problems_of, put_report


def test_negative_and_enormous_money_on_a_progress_report():
    report = put_report(0, budget_used=Decimal("-5"))(clean_report())
    report = put_report(1, budget_used=Decimal("1E+20"))(report)
    found = {p.path: p.message for p in problems_of(report, "money_range")}
    assert set(found) == {"progress_reports[1].budget_used", "progress_reports[2].budget_used"}
    assert "-5" in found["progress_reports[1].budget_used"]
    assert "999,999,999,999.99" in found["progress_reports[2].budget_used"]


def test_overspend_against_a_zero_budget_names_the_amount_without_percent():
    [problem] = problems_of(replace(clean_report(), budget_received=Decimal(0)), "overspend")
    assert "132,400.50 บาท" in problem.message and "%" not in problem.message


def test_progress_down_compares_with_the_last_report_that_has_a_percent():
    report = put_report(1, progress_percent=None)(clean_report())
    report = put_report(2, progress_percent=Decimal(10))(report)
    [problem] = problems_of(report, "progress_down")
    assert problem.path == "progress_reports[3].progress_percent"
    assert "ครั้งที่ 1" in problem.message and "20.00" in problem.message


def test_negative_progress_is_out_of_range():
    report = put_report(0, progress_percent=Decimal(-1))(clean_report())
    [problem] = problems_of(report, "progress_range")
    assert "-1" in problem.message


def test_report_paths_use_the_reports_no():
    report = put_report(1, no=7, date=None)(clean_report())
    [problem] = problems_of(report, "report_undated")
    assert problem.path == "progress_reports[7].date" and "ครั้งที่ 7" in problem.message


@pytest.mark.parametrize("received", [Decimal("1E-999999"), Decimal("1E+999999"), Decimal("-1")])
def test_no_overspend_on_money_already_in_error(received: Decimal):
    rules = {p.rule for p in check_report(replace(clean_report(), budget_received=received), TODAY)}
    assert "overspend" not in rules
    assert rules & {"money_range", "money_decimals"}

"""The Thai calendar under the checks: 29/02/2567 (2024 CE), year ends, and the fiscal-year
edge (30 Sep / 1 Oct), through `forms.thaidate` and the rules that use it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest

from forms.checks import check_report
from forms.checks.calendar import be_year_if_ce_typed, fiscal_bounds, is_plausible_be_year
from forms.report import ProgressReport, Report
from forms.thaidate import fiscal_year_bounds, fiscal_year_of, format_be_date, parse_be_date

LEAP_DAY = date(2024, 2, 29)  # 29/02/2567


def report_2567(*dates: date | None, start: date | None = None, end: date | None = None) -> Report:
    first, last = fiscal_year_bounds(2567)
    return Report(
        project_name="โครงการ",
        project_code="50280000-6851",
        fiscal_year=2567,
        start_date=start or first,
        end_date=end or last,
        agency_office="สำนักงานเขตบึงกุ่ม",
        objectives=["เพื่อทดสอบ"],
        progress_reports=[
            ProgressReport(n, d, "", Decimal(10 * n), Decimal(0), "on_plan", "on_target")
            for n, d in enumerate(dates, 1)
        ],
    )


def rules(report: Report, today: date) -> list[tuple[str, str]]:
    return [(p.rule, p.path) for p in check_report(report, today=today)]


def test_leap_day_2567_reads_writes_and_lies_in_fiscal_year_2567():
    assert parse_be_date("29/02/2567") == LEAP_DAY
    assert format_be_date(LEAP_DAY) == "29/02/2567"
    assert fiscal_year_of(LEAP_DAY) == 2567


def test_a_report_on_the_leap_day_is_fine_and_the_day_after_is_the_future():
    assert rules(report_2567(LEAP_DAY), today=LEAP_DAY) == []
    assert rules(report_2567(date(2024, 3, 1)), today=LEAP_DAY) == [
        ("report_date_future", "progress_reports[1].date")
    ]


def test_reports_go_forward_across_the_year_end():
    across = report_2567(date(2023, 12, 31), date(2024, 1, 1))
    assert rules(across, today=LEAP_DAY) == []
    backwards = report_2567(date(2024, 1, 1), date(2023, 12, 31))
    assert rules(backwards, today=LEAP_DAY) == [("report_date_order", "progress_reports[2].date")]


def test_fiscal_year_edges_30_september_and_1_october():
    first, last = fiscal_year_bounds(2567)
    assert (first, last) == (date(2023, 10, 1), date(2024, 9, 30))
    assert fiscal_year_of(date(2023, 9, 30)) == 2566
    assert fiscal_year_of(date(2023, 10, 1)) == 2567
    assert fiscal_year_of(date(2024, 9, 30)) == 2567
    assert fiscal_year_of(date(2024, 10, 1)) == 2568


@pytest.mark.parametrize(
    ("start", "end", "flagged"),
    [
        (date(2023, 10, 1), date(2024, 9, 30), []),
        (date(2023, 9, 30), date(2024, 9, 30), ["start_date"]),
        (date(2023, 10, 1), date(2024, 10, 1), ["end_date"]),
        (date(2023, 9, 30), date(2024, 10, 1), ["start_date", "end_date"]),
        (LEAP_DAY, LEAP_DAY, []),
    ],
)
def test_project_dates_at_and_beyond_the_fiscal_year_edges(start, end, flagged):
    found = [
        p.path
        for p in check_report(report_2567(start=start, end=end), today=LEAP_DAY)
        if p.rule == "outside_fiscal_year"
    ]
    assert found == flagged


def test_report_dates_at_the_project_edges_are_inside():
    first, last = fiscal_year_bounds(2567)
    report = report_2567(first, last)
    assert rules(report, today=date(2024, 10, 1)) == []
    outside = report_2567(first - timedelta(days=1), last)
    assert rules(outside, today=date(2024, 10, 1)) == [
        ("report_date_outside", "progress_reports[1].date")
    ]


def test_plausible_be_years_and_ce_years_typed_by_mistake():
    assert is_plausible_be_year(2500) and is_plausible_be_year(2700)
    assert not is_plausible_be_year(2499) and not is_plausible_be_year(2701)
    assert be_year_if_ce_typed(2024) == 2567
    assert be_year_if_ce_typed(2566) is None  # already BE
    assert be_year_if_ce_typed(2466) is None  # a BE typo, not CE 1923
    assert fiscal_bounds(2567) == fiscal_year_bounds(2567)
    assert fiscal_bounds(2024) is None and fiscal_bounds(None) is None


def test_a_ce_fiscal_year_does_not_also_flag_every_date_as_outside_it():
    report = replace(report_2567(LEAP_DAY), fiscal_year=2024)
    assert rules(report, today=LEAP_DAY) == [("fiscal_year_ce", "fiscal_year")]

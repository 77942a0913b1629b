"""The district's summary row, its filters and the quarterly figures (forms/district/summary.py,
forms/district/filters.py)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from forms.district.filters import SummaryFilter, filter_items
from forms.district.summary import (
    SOURCE_JSON,
    Collected,
    latest_progress_report,
    percent_spent,
    quarter_ends,
    quarter_figures,
    recency,
    summary_row,
)
from forms.interchange import loads
from forms.report import ProgressReport, Report


def entry(
    no: int, when: date | None, percent: str = "0", used: str = "0", **kw: str
) -> ProgressReport:
    return ProgressReport(
        no=no,
        date=when,
        progress_percent=Decimal(percent),
        budget_used=Decimal(used),
        plan_status=kw.get("plan", "on_plan"),
        target_status=kw.get("target", "on_target"),
    )


def test_the_sample_reports_row(sample_json_text: str) -> None:
    report = loads(sample_json_text)
    row = summary_row(report, errors=2, warnings=5)
    assert (row.project_code, row.fiscal_year) == ("50280000-6851", 2566)
    assert row.agency_office == "สำนักงานเขตบึงกุ่ม"
    assert (row.budget_received, row.budget_spent) == (Decimal(180000), Decimal(205090))
    assert row.percent_spent == Decimal("113.94")  # FORM.md: an overspend of 113.94 %
    assert row.overspent
    # report 10 (28/09/2566) is the latest; report 5 has no date and counts as older
    assert (row.latest_no, row.latest_date, row.latest_progress) == (10, date(2023, 9, 28), 100)
    assert (row.plan_status, row.target_status) == ("on_plan", "on_target")
    assert not row.behind_plan and not row.off_target
    assert (row.errors, row.warnings) == (2, 5)


def test_the_latest_report_is_the_latest_dated_then_the_higher_number() -> None:
    report = Report(
        progress_reports=[
            entry(1, date(2023, 1, 30)),
            entry(3, date(2023, 3, 1)),
            entry(2, date(2023, 3, 1)),  # same day as 3, lower number
            entry(9, None),  # undated: older than any dated one, whatever its number
        ]
    )
    latest = latest_progress_report(report)
    assert latest is not None and latest.no == 3
    assert latest_progress_report(Report(progress_reports=[entry(1, None), entry(2, None)])).no == 2
    assert latest_progress_report(Report()) is None


def test_recency_orders_copies_of_one_report() -> None:
    first = Report(progress_reports=[entry(1, date(2023, 1, 30))])
    more = Report(progress_reports=[entry(1, date(2023, 1, 30)), entry(2, None)])
    later = Report(progress_reports=[entry(1, date(2023, 1, 30)), entry(2, date(2023, 2, 28))])
    assert recency(Report()) < recency(first) < recency(more) < recency(later)
    assert recency(first) == (date(2023, 1, 30), 1, 1)


@pytest.mark.parametrize(
    ("spent", "received", "expected"),
    [
        ("205090", "180000", "113.94"),
        ("1", "3", "33.33"),
        ("2", "3", "66.67"),
        ("1", "8", "12.50"),
        ("0.125", "1", "12.50"),  # 12.5 exactly
        ("0.00125", "1", "0.13"),  # half rounds up, as Thai reports round
        ("5", "0", None),  # no budget: no share
        ("5", None, None),
    ],
)
def test_percent_spent(spent: str, received: str | None, expected: str | None) -> None:
    got = percent_spent(Decimal(spent), None if received is None else Decimal(received))
    assert got == (None if expected is None else Decimal(expected))
    if got is not None:
        assert got.as_tuple().exponent == -2


def test_days_without_report_and_silence() -> None:
    today = date(2024, 1, 31)
    row = summary_row(Report(progress_reports=[entry(1, today - timedelta(days=30))]))
    assert row.days_without_report(today) == 30
    assert not row.silent_for(30, today)  # exactly N days: not yet silent
    assert row.silent_for(29, today)
    undated = summary_row(Report(progress_reports=[entry(1, None)]))
    assert undated.days_without_report(today) is None and undated.silent_for(10_000, today)
    assert summary_row(Report()).silent_for(0, today)


def test_quarter_ends_of_a_fiscal_year() -> None:
    assert quarter_ends(2566) == (
        date(2022, 12, 31),
        date(2023, 3, 31),
        date(2023, 6, 30),
        date(2023, 9, 30),
    )
    assert quarter_ends(2567)[1] == date(2024, 3, 31)  # 2024: a leap year, same end


def test_quarter_figures_take_the_last_report_on_or_before_each_end() -> None:
    report = Report(
        fiscal_year=2566,
        progress_reports=[
            entry(1, date(2022, 9, 20), "5", "100"),  # before the year: counts in Q1
            entry(2, date(2022, 12, 31), "20", "1000.50"),  # the last day of Q1
            entry(3, None, "99", "7"),  # undated: in no quarter
            entry(4, date(2023, 7, 1), "60", "2000"),  # Q4; nothing in Q2 or Q3
            entry(5, date(2023, 10, 1), "100", "5"),  # after the year: in no quarter
        ],
    )
    q1, q2, q3, q4 = quarter_figures(report)
    assert [q.quarter for q in (q1, q2, q3, q4)] == [1, 2, 3, 4]
    assert (q1.report_no, q1.progress_percent, q1.progress_change) == (2, 20, 20)
    assert q1.budget_used == Decimal("1100.50")
    # Q2 and Q3 had no new report: the project stood where Q1 left it
    assert (q2.report_no, q2.progress_percent, q2.progress_change) == (2, 20, 0)
    assert (q3.report_no, q3.budget_used) == (2, Decimal("1100.50"))
    assert (q4.report_no, q4.progress_percent, q4.progress_change) == (4, 60, 40)
    assert q4.budget_used == Decimal("3100.50") and q4.end == date(2023, 9, 30)


def test_quarter_figures_before_the_first_report() -> None:
    report = Report(fiscal_year=2566, progress_reports=[entry(1, date(2023, 5, 1), "30")])
    q1, q2, q3, _q4 = quarter_figures(report)
    assert (q1.report_no, q1.progress_percent, q1.progress_change) == (None, None, None)
    assert q1.budget_used == 0 and q2.report_no is None
    assert (q3.report_no, q3.progress_change) == (1, 30)  # measured from 0


@pytest.mark.parametrize("year", [None, 1, 544, 10543, 99999])
def test_no_quarters_without_a_calendar_year(year: int | None) -> None:
    # the interchange reads any number as a year (the checks name a wrong one); the
    # workbook must still be written rather than fail on that report
    report = Report(fiscal_year=year, progress_reports=[entry(1, date(2023, 1, 1), "10")])
    assert quarter_figures(report) == []


def test_filters_apply_together() -> None:
    today = date(2023, 10, 31)

    def item(code: str, plan: str, received: str, when: date, errors: int = 0) -> Collected:
        report = Report(
            project_code=code,
            fiscal_year=2566,
            budget_received=Decimal(received),
            progress_reports=[entry(1, when, "50", "1000", plan=plan)],
        )
        return Collected(report, summary_row(report, errors, 0), f"{code}.json", SOURCE_JSON)

    items = [
        item("A", "off_plan", "500", date(2023, 10, 30)),  # behind, overspent
        item("B", "off_plan", "5000", date(2023, 6, 1), errors=1),  # behind, silent, errors
        item("C", "on_plan", "500", date(2023, 6, 1)),  # overspent, silent
    ]

    def codes(**kw: object) -> list[str]:
        return [i.row.project_code for i in filter_items(items, SummaryFilter(**kw), today)]  # type: ignore[arg-type]

    assert codes() == ["A", "B", "C"]
    assert codes(behind_plan=True) == ["A", "B"]
    assert codes(overspent=True) == ["A", "C"]
    assert codes(behind_plan=True, overspent=True) == ["A"]
    assert codes(silent_days=30) == ["B", "C"]
    assert codes(silent_days=200) == []
    assert codes(has_errors=True) == ["B"]
    assert codes(off_target=True) == []
    assert SummaryFilter(overspent=True, silent_days=45).words() == [
        "ใช้งบประมาณเกินที่ได้รับ",
        "ไม่มีรายงานความก้าวหน้าเกิน 45 วัน",
    ]


def test_a_collected_report_is_loaded_once_when_first_asked_for() -> None:
    report = Report(project_code="X", fiscal_year=2566)
    calls: list[int] = []

    def load() -> Report:
        calls.append(1)
        return report

    lazy = Collected(None, summary_row(report), "x.json", SOURCE_JSON, load=load)
    assert calls == []  # the row alone is enough for the table
    assert lazy.report is report and lazy.report is report
    assert calls == [1]
    assert lazy == Collected(report, summary_row(report), "x.json", SOURCE_JSON)
    with pytest.raises(ValueError):
        Collected(None, summary_row(report), "x.json", SOURCE_JSON)

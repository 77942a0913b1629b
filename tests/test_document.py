"""The open draft: change events, dirty tracking, fiscal-year defaults, next-year copies."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from forms.document import ReportDocument, new_progress_report, next_fiscal_year
from forms.report import ProgressReport


def test_set_value_emits_and_marks_dirty():
    doc = ReportDocument()
    seen: list[str] = []
    doc.changed.connect(seen.append)
    doc.set_value("project_name", "โครงการ")
    assert seen == ["project_name"] and doc.dirty
    doc.set_value("project_name", "โครงการ")
    assert seen == ["project_name"]
    revision, copy = doc.snapshot()
    doc.mark_saved(revision, draft_id=7)
    assert not doc.dirty and doc.draft_id == 7 and copy.project_name == "โครงการ"


def test_fiscal_year_fills_empty_dates_and_keeps_chosen_ones():
    doc = ReportDocument()
    doc.set_value("fiscal_year", 2566)
    assert doc.report.start_date == date(2022, 10, 1)
    assert doc.report.end_date == date(2023, 9, 30)
    doc.set_value("end_date", date(2023, 3, 31))
    doc.set_value("fiscal_year", 2567)
    assert doc.report.start_date == date(2022, 10, 1)
    assert doc.report.end_date == date(2023, 3, 31)


def test_dates_left_at_a_fiscal_years_bounds_follow_a_corrected_year():
    doc = ReportDocument()
    for typed in (2, 25, 256, 2566):  # typed digit by digit
        doc.set_value("fiscal_year", typed)
    for typed in (256, 2567):  # the last digit corrected
        doc.set_value("fiscal_year", typed)
    assert (doc.report.start_date, doc.report.end_date) == (date(2023, 10, 1), date(2024, 9, 30))


def test_a_project_span_the_clerk_chose_stays_when_the_year_changes():
    doc = ReportDocument()
    doc.set_value("start_date", date(2022, 10, 1))
    doc.set_value("end_date", date(2024, 9, 30))  # two fiscal years: not a default
    doc.set_value("fiscal_year", 2567)
    assert (doc.report.start_date, doc.report.end_date) == (date(2022, 10, 1), date(2024, 9, 30))


def test_implausible_year_fills_nothing():
    doc = ReportDocument()
    doc.set_value("fiscal_year", 2024)
    assert doc.report.start_date is None


def test_progress_reports_are_renumbered_and_budget_announced():
    doc = ReportDocument()
    seen: list[str] = []
    doc.changed.connect(seen.append)
    doc.set_value("progress_reports", [ProgressReport(no=5), ProgressReport(no=9)])
    assert [r.no for r in doc.report.progress_reports] == [1, 2]
    assert seen == ["progress_reports", "budget_spent"]


def test_next_fiscal_year_keeps_project_and_empties_log(sample_report):
    before = sample_report.copy()
    nxt = next_fiscal_year(sample_report)
    assert nxt.fiscal_year == 2567
    assert nxt.start_date == date(2023, 10, 1) and nxt.end_date == date(2024, 9, 30)
    assert nxt.progress_reports == [] and nxt.objectives == sample_report.objectives
    assert sample_report == before


def test_new_progress_report_carries_progress_forward():
    first = new_progress_report([])
    assert first.no == 1 and first.progress_percent is None
    assert (first.plan_status, first.target_status) == (None, None)  # the clerk chooses
    second = new_progress_report([ProgressReport(no=1, progress_percent=Decimal(40))])
    assert second.no == 2 and second.progress_percent == Decimal(40)

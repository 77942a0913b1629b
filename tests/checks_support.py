"""The checks' tests' starting point: a report with no problem at all, and ways to change it.

`clean_report()` passes every rule on `TODAY`; `put` and `put_report` change one thing of it
(of the report, or of one progress report); `problems_of` runs the checks and keeps one rule's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from decimal import Decimal

from forms.checks import check_report
from forms.report import ProgressReport, Report

TODAY = date(2026, 11, 24)
Change = Callable[[Report], Report]


ON = ("on_plan", "on_target")  # plan and target status of a reviewed report


def clean_report() -> Report:
    return Report(
        project_name="พัฒนาคุณภาพเครือข่ายโรงเรียน",
        project_code="50280000-6851",
        fiscal_year=2566,
        start_date=date(2022, 10, 1),
        end_date=date(2023, 9, 30),
        budget_received=Decimal(180000),
        agency_office="สำนักงานเขตบึงกุ่ม",
        rationale=["หลักการ", "เหตุผล\nบรรทัดที่สอง\tมีแท็บ"],
        objectives=["เพื่อพัฒนาคุณภาพการศึกษา", "เพื่อให้มีเวทีแสดงผลงาน"],
        targets_quantity=["เครือข่ายโรงเรียน จำนวน 2 เครือข่าย"],
        targets_quality=["เครือข่ายโรงเรียนมีผู้นำทางวิชาการ"],
        progress_reports=[
            ProgressReport(1, date(2022, 10, 1), "เริ่มงาน", Decimal(20), Decimal(0), *ON),
            ProgressReport(2, date(2023, 3, 28), "", Decimal("50.50"), Decimal("32400.50"), *ON),
            ProgressReport(3, date(2023, 9, 30), "", Decimal(100), Decimal(100000), *ON),
        ],
    )


def put(**values: object) -> Change:
    return lambda r: replace(r, **values)


def put_report(index: int, **values: object) -> Change:
    def change(r: Report) -> Report:
        reports = list(r.progress_reports)
        reports[index] = replace(reports[index], **values)
        return replace(r, progress_reports=reports)

    return change


def problems_of(report: Report, rule: str) -> list:
    return [p for p in check_report(report, today=TODAY) if p.rule == rule]

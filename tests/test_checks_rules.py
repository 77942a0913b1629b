"""Every rule of `forms.checks.rules.RULES`: a report that trips it and one that just doesn't.

Each case starts from `clean_report()` (no problems at all), changes one thing, and expects
the rule at the given path with the given values named in its message; the near miss
changes the same thing to a value at the edge of what is allowed (`tests.checks_support`
holds the clean report and the changes). The checks' other details are tested by feature:
`test_checks_fields`, `test_checks_money_progress` and `test_checks_typed`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest

from forms.checks import RULES, RULES_BY_ID, Severity, check_report
from tests.checks_support import TODAY, Change, clean_report, problems_of, put, put_report


@dataclass(frozen=True)
class Case:
    rule: str
    trip: Change
    near_miss: Change
    path: str
    named: tuple[str, ...]  # values the message must name


CASES = [
    Case("required", put(project_name=" "), put(project_name="ก"), "project_name", ("ชื่อโครงการ",)),
    Case(
        "unreadable",
        put(end_date=None, typed={"end_date": "31/09/2566"}),
        put(end_date=date(2023, 9, 30)),
        "end_date",
        ("วันสิ้นสุดโครงการ", '"31/09/2566"', "กันยายนมี 30 วัน", "30/09/2566"),
    ),
    Case(
        "project_code",
        put(project_code="5017-7342"),
        put(project_code="50170000-7342"),
        "project_code",
        ("5017-7342", "50280000-6851"),
    ),
    Case(
        "fiscal_year_ce",
        put(fiscal_year=2024),
        put(fiscal_year=2500),
        "fiscal_year",
        ("2024", "2567?"),
    ),
    Case(
        "fiscal_year_range",
        put(fiscal_year=2499),
        put(fiscal_year=2700),
        "fiscal_year",
        ("2499", "2500", "2700"),
    ),
    Case(
        "start_after_end",
        put(end_date=date(2022, 9, 30)),
        put(end_date=date(2022, 10, 1)),
        "end_date",
        ("30/09/2565", "01/10/2565"),
    ),
    Case(
        "outside_fiscal_year",
        put(start_date=date(2022, 9, 30)),
        put(start_date=date(2022, 10, 1)),
        "start_date",
        ("30/09/2565", "2566", "01/10/2565", "30/09/2566"),
    ),
    Case(
        "money_range",
        put(budget_received=Decimal("-0.01")),
        put(budget_received=Decimal(0)),
        "budget_received",
        ("-0.01",),
    ),
    Case(
        "money_decimals",
        put_report(1, budget_used=Decimal("1.005")),
        put_report(1, budget_used=Decimal("1.500")),
        "progress_reports[2].budget_used",
        ("1.005", "2"),
    ),
    Case(
        "overspend",
        put(budget_received=Decimal(100000)),
        put(budget_received=Decimal("132400.50")),
        "budget_spent",
        ("132,400.50", "100,000", "32,400.50", "132.40 %"),
    ),
    Case(
        "progress_range",
        put_report(2, progress_percent=Decimal("100.01")),
        put_report(2, progress_percent=Decimal(100)),
        "progress_reports[3].progress_percent",
        ("100.01", "0", "100"),
    ),
    Case(
        "progress_decimals",
        put_report(1, progress_percent=Decimal("50.125")),
        put_report(1, progress_percent=Decimal("50.120")),
        "progress_reports[2].progress_percent",
        ("50.125",),
    ),
    Case(
        "progress_down",
        put_report(1, progress_percent=Decimal("19.99")),
        put_report(1, progress_percent=Decimal(20)),
        "progress_reports[2].progress_percent",
        ("19.99", "20.00", "ครั้งที่ 1"),
    ),
    Case(
        "report_status",
        put_report(1, target_status=None),
        put_report(1, target_status="off_target"),
        "progress_reports[2].target_status",
        ("ครั้งที่ 2", "เป็นไปตามเป้าหมาย", "ไม่เป็นไปตามเป้าหมาย"),
    ),
    Case(
        "report_undated",
        put_report(1, date=None),
        put_report(1, date=date(2023, 3, 1)),
        "progress_reports[2].date",
        ("ครั้งที่ 2",),
    ),
    Case(
        "report_date_order",
        put_report(1, date=date(2022, 9, 30)),
        put_report(1, date=date(2022, 10, 1)),
        "progress_reports[2].date",
        ("30/09/2565", "01/10/2565", "ครั้งที่ 1"),
    ),
    Case(
        "report_date_outside",
        put_report(2, date=date(2023, 10, 1)),
        put_report(2, date=date(2023, 9, 30)),
        "progress_reports[3].date",
        ("01/10/2566", "30/09/2566"),
    ),
    Case(
        "report_date_future",
        put_report(2, date=TODAY.replace(day=25)),
        put_report(2, date=TODAY),
        "progress_reports[3].date",
        ("25/11/2569", "24/11/2569"),
    ),
    Case(
        "empty_item",
        put(targets_quality=["ก", "  "]),
        put(targets_quality=["ก", "ข"]),
        "targets_quality[2]",
        ("3.2.2",),
    ),
    Case(
        "duplicate_item",
        put(objectives=["เพื่อ ก", "เพื่อ ข", " เพื่อ  ก "]),
        put(objectives=["เพื่อ ก", "เพื่อ ข", "เพื่อ ก ข"]),
        "objectives[3]",
        ("2.3", "2.1", "เพื่อ"),
    ),
    Case(
        "misspelling",
        put(project_name="พัฒนาคูณภาพ"),
        put(project_name="พัฒนาคุณภาพ"),
        "project_name",
        ("คูณภาพ", "คุณภาพ"),
    ),
    Case(
        "damaged_quotes",
        put(objectives=["เพื่อคัดเลือก ?ครูดีเด่น?"]),
        put(objectives=["ทำไม? ครูดีเด่น ?"]),
        "objectives[1]",
        ("?ครูดีเด่น?", "“ครูดีเด่น”"),
    ),
    Case(
        "replacement_char",
        put_report(0, narrative="เริ่ม\ufffdงาน"),
        put_report(0, narrative="เริ่มงาน"),
        "progress_reports[1].narrative",
        ("U+FFFD", "เริ่ม"),
    ),
    Case(
        "control_char",
        put(agency_office="สำนักงาน\tเขต"),
        put_report(0, narrative="สำนักงาน\tเขต\r\nบึงกุ่ม"),
        "agency_office",
        ("U+0009", "แท็บ"),
    ),
    Case(
        "too_long",
        put(objectives=["ก" * 2001]),
        put(objectives=["ก" * 2000]),
        "objectives[1]",
        ("2,001", "2,000", "อีก 1 ตัวอักษร"),
    ),
    Case(
        "line_separator",
        put(project_name="พัฒนาคุณภาพ\u2028เครือข่ายโรงเรียน"),
        put_report(0, narrative="พัฒนาคุณภาพ\u2028เครือข่ายโรงเรียน"),
        "project_name",
        ("U+2028", "ช่องว่าง"),
    ),
    Case(
        "orphan_mark",
        put(indicator="นำ้ ่ระดับ"),
        put(indicator="น้ำ ระดับ"),
        "indicator",
        ("U+0E49", "2"),
    ),
    Case(
        "missing_glyph",
        put_report(0, narrative="เริ่มงาน 🙏"),
        put_report(0, narrative="เริ่มงาน ✓ \uf0b7 №"),
        "progress_reports[1].narrative",
        ("U+1F64F", "🙏", "กล่องว่าง"),
    ),
]
CASES_BY_RULE = {c.rule: c for c in CASES}


def test_the_clean_report_has_no_problem():
    assert check_report(clean_report(), today=TODAY) == []


def test_every_rule_has_a_case():
    assert sorted(CASES_BY_RULE) == sorted(r.id for r in RULES)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.rule)
def test_rule_trips(case: Case):
    [problem] = problems_of(case.trip(clean_report()), case.rule)
    assert problem.path == case.path
    assert problem.severity is RULES_BY_ID[case.rule].severity
    for value in case.named:
        assert value in problem.message


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.rule)
def test_rule_near_miss_is_clean(case: Case):
    assert problems_of(case.near_miss(clean_report()), case.rule) == []


ERRORS = {
    "required",
    "unreadable",
    "project_code",
    "fiscal_year_ce",
    "fiscal_year_range",
    "start_after_end",
    "money_range",
    "money_decimals",
    "progress_range",
    "progress_decimals",
    "too_long",
}


def test_severities_are_as_the_issue_says():
    assert {r.id for r in RULES if r.severity is Severity.ERROR} == ERRORS

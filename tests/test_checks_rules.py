"""Every rule of `forms.checks.rules.RULES`: a report that trips it and one that just doesn't.

Each case starts from `clean_report()` (no problems at all), changes one thing, and expects
the rule at the given path with the given values named in its message; the near miss
changes the same thing to a value at the edge of what is allowed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

import pytest

from forms.checks import RULES, RULES_BY_ID, Severity, check_report
from forms.report import ProgressReport, Report
from forms.schema import FIELDS_BY_KEY

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


def problems_of(report: Report, rule: str) -> list:
    return [p for p in check_report(report, today=TODAY) if p.rule == rule]


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


def test_problems_come_in_printed_order_of_fields():
    report = replace(clean_report(), project_name="", signer_name="\x07", objectives=["ก", "ก"])
    report = put_report(0, date=None)(report)
    paths = [p.path for p in check_report(report, today=TODAY)]
    assert paths == ["project_name", "objectives[2]", "progress_reports[1].date", "signer_name"]


@pytest.mark.parametrize("received", [Decimal("1E-999999"), Decimal("1E+999999"), Decimal("-1")])
def test_no_overspend_on_money_already_in_error(received: Decimal):
    rules = {p.rule for p in check_report(replace(clean_report(), budget_received=received), TODAY)}
    assert "overspend" not in rules
    assert rules & {"money_range", "money_decimals"}


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

"""The public surface of `forms.checks`: problems, paths, the CLI line, and `apply_fix`."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from forms.checks import (
    RULES,
    Fix,
    FixNotApplicableError,
    PathParts,
    Problem,
    Severity,
    apply_fix,
    check_report,
    format_problem,
    parse_path,
)
from forms.checks.paths import path_order
from forms.report import ProgressReport, Report


def test_problems_are_frozen_values():
    p = Problem(Severity.ERROR, "project_code", "ข้อความ", "project_code")
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.message = "อื่น"  # type: ignore[misc]
    assert p.fix is None and p.is_error
    assert not Problem(Severity.WARNING, "x", "m", "r").is_error


def test_format_problem_is_one_line_of_three_tab_separated_columns():
    p = Problem(Severity.WARNING, "objectives[3]", "บรรทัด\nหนึ่ง\tสอง", "duplicate_item")
    assert format_problem(p) == "warning\tobjectives[3]\tบรรทัด หนึ่ง สอง"
    assert format_problem(replace_severity(p, Severity.ERROR)).startswith("error\t")


def replace_severity(p: Problem, severity: Severity) -> Problem:
    return dataclasses.replace(p, severity=severity)


@pytest.mark.parametrize(
    ("path", "parts"),
    [
        ("project_code", PathParts("project_code")),
        ("objectives[3]", PathParts("objectives", 3)),
        ("progress_reports[5].date", PathParts("progress_reports", 5, "date")),
        ("budget_spent", PathParts("budget_spent")),
        ("nonsense", None),
        ("objectives[3].date", None),
        ("progress_reports[1].nope", None),
        ("", None),
    ],
)
def test_parse_path(path: str, parts: PathParts | None):
    assert parse_path(path) == parts


def test_rule_ids_are_unique_and_messages_thai():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    assert all(any("\u0e01" <= c <= "\u0e5b" for c in r.about) for r in RULES)


def test_every_message_of_the_sample_is_thai_and_says_what_to_do(sample_report):
    for p in check_report(sample_report, today=date(2026, 11, 24)):
        assert "—" in p.message  # "what is wrong — what to do"
        assert any("\u0e01" <= c <= "\u0e5b" for c in p.message)


def test_apply_fix_refuses_a_path_that_names_no_text():
    report = Report(project_name="คูณภาพ", progress_reports=[ProgressReport(1, narrative="คูณภาพ")])
    for path in ("fiscal_year", "objectives[1]", "progress_reports[2].narrative", "x"):
        with pytest.raises(FixNotApplicableError):
            apply_fix(report, Fix(path, "คูณภาพ", "คุณภาพ"))


def test_apply_fix_returns_a_new_report():
    report = Report(objectives=["ก ?ข? ค"])
    fixed = apply_fix(report, Fix("objectives[1]", "?ข?", "“ข”"))
    assert fixed.objectives == ["ก “ข” ค"] and report.objectives == ["ก ?ข? ค"]
    assert fixed is not report and fixed.objectives is not report.objectives


def test_path_order_follows_the_printed_form():
    paths = ["signer_name", "progress_reports[2].date", "objectives[10]", "objectives[2]", "x"]
    assert sorted(paths, key=path_order) == [
        "objectives[2]",
        "objectives[10]",
        "progress_reports[2].date",
        "signer_name",
        "x",
    ]


@pytest.mark.parametrize(
    ("path", "label"),
    [
        ("project_name", 'ช่อง "ชื่อโครงการ/กิจกรรม"'),
        ("progress_reports[5].date", 'รายงานครั้งที่ 5 ช่อง "วันที่รายงาน (พ.ศ.)"'),
        ("not_a_field", "not_a_field"),
    ],
)
def test_a_path_is_named_as_the_clerk_knows_the_field(path: str, label: str):
    from forms.checks.paths import path_label

    assert path_label(path) == label

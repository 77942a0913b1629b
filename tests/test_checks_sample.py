"""Acceptance of issue 4: the sample gives exactly its known problems, all warnings; a report
with the classic mistakes gives errors naming each field, with the BE-year hint."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from forms.checks import Severity, apply_fix, check_report, format_problem

TODAY = date(2026, 11, 24)
# The sample's `คูณภาพ`: one problem per field or list item (its fix corrects every
# occurrence in that text), so 10 problems for these 10 texts.
MISSPELLED = [
    "project_name",
    "rationale[7]",
    "rationale[8]",
    "rationale[9]",
    "rationale[11]",
    "rationale[12]",
    "rationale[13]",
    "objectives[1]",
    "targets_quantity[1]",
    "targets_quality[1]",
]


def by_rule(problems):
    out: dict[str, list] = {}
    for p in problems:
        out.setdefault(p.rule, []).append(p)
    return out


def test_sample_gives_exactly_its_known_problems(sample_report):
    problems = check_report(sample_report, today=TODAY)
    rules = by_rule(problems)
    assert sorted(rules) == [
        "damaged_quotes",
        "duplicate_item",
        "misspelling",
        "overspend",
        "progress_down",
        "report_undated",
    ]
    assert all(p.severity is Severity.WARNING for p in problems)

    [overspend] = rules["overspend"]
    assert overspend.path == "budget_spent"
    assert "25,090 บาท" in overspend.message and "113.94 %" in overspend.message
    assert "205,090" in overspend.message and "180,000" in overspend.message

    [undated] = rules["report_undated"]
    assert undated.path == "progress_reports[5].date"
    [down] = rules["progress_down"]
    assert down.path == "progress_reports[5].progress_percent"
    assert "0.00" in down.message and "70.00" in down.message

    [duplicate] = rules["duplicate_item"]
    assert duplicate.path == "objectives[3]"
    assert "2.3" in duplicate.message and "2.2" in duplicate.message

    assert [p.path for p in rules["misspelling"]] == MISSPELLED
    assert all("คูณภาพ" in p.message and "คุณภาพ" in p.message for p in rules["misspelling"])
    assert {p.fix.old_text for p in rules["misspelling"]} == {"คูณภาพ"}

    [quotes] = rules["damaged_quotes"]
    assert quotes.path == "objectives[4]" and "?ครูดีเด่น?" in quotes.message
    assert len(problems) == 5 + len(MISSPELLED)


def test_sample_problems_print_as_three_tab_separated_columns(sample_report):
    for p in check_report(sample_report, today=TODAY):
        line = format_problem(p)
        severity, path, message = line.split("\t")
        assert (severity, path, message) == ("warning", p.path, message.strip())
        assert "\n" not in line and message


def test_applying_every_fix_of_the_sample_clears_those_problems(sample_report):
    report = sample_report
    for p in check_report(sample_report, today=TODAY):
        if p.fix is not None:
            report = apply_fix(report, p.fix)
    left = {p.rule for p in check_report(report, today=TODAY)}
    assert left == {"overspend", "progress_down", "report_undated", "duplicate_item"}
    assert report.objectives[3] == "เพื่อคัดเลือกและประเมิน “ครูดีเด่น”"
    assert "คูณภาพ" not in report.project_name
    assert "คูณภาพ" in sample_report.project_name  # the fixes made new reports


def test_classic_mistakes_are_errors_naming_each_field(sample_report):
    reports = [replace(r) for r in sample_report.progress_reports]
    reports[1] = replace(reports[1], progress_percent=Decimal(150))
    report = replace(
        sample_report,
        project_code="5017-7342",
        fiscal_year=2024,
        start_date=date(2023, 9, 30),
        end_date=date(2022, 10, 1),
        progress_reports=reports,
    )
    errors = [p for p in check_report(report, today=TODAY) if p.severity is Severity.ERROR]
    paths = {p.path: p.message for p in errors}
    assert set(paths) == {
        "project_code",
        "fiscal_year",
        "end_date",
        "progress_reports[2].progress_percent",
    }
    assert "5017-7342" in paths["project_code"]
    assert "ปีงบประมาณ พ.ศ. 2567?" in paths["fiscal_year"]
    assert "01/10/2565" in paths["end_date"] and "30/09/2566" in paths["end_date"]
    assert "150" in paths["progress_reports[2].progress_percent"]

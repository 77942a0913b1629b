"""LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029) pasted into a one-line field:
`check` names the field and the character and offers a space; multi-line texts keep
them; the PDF prints the space the field can hold."""

from __future__ import annotations

from datetime import date

from forms.checks import apply_fix, check_report
from forms.pdf.paragraph import ThaiParagraph
from forms.report import ProgressReport, Report

TODAY = date(2026, 11, 24)


def found(report: Report) -> list:
    return [p for p in check_report(report, today=TODAY) if p.rule == "line_separator"]


def test_a_separator_in_a_one_line_field_is_named_with_its_field():
    report = Report(project_name="พัฒนาคุณภาพ\u2028เครือข่ายโรงเรียน")
    [problem] = found(report)
    assert problem.path == "project_name"
    assert "U+2028" in problem.message and "ชื่อโครงการ" in problem.message
    assert "\u2028" not in problem.message  # shown as <U+2028>, not as a line break
    assert "<U+2028>" in problem.message


def test_the_fix_puts_a_space_in_its_place():
    report = Report(project_name="ก\u2028ข\u2028ค", objectives=["เพื่อ\u2029พัฒนา"])
    problems = found(report)
    assert {p.path for p in problems} == {"project_name", "objectives[1]"}
    for p in problems:
        report = apply_fix(report, p.fix)
    assert report.project_name == "ก ข ค" and report.objectives == ["เพื่อ พัฒนา"]
    assert found(report) == []


def test_each_character_is_its_own_problem():
    report = Report(indicator="ก\u2028ข\u2029ค\u2028")
    messages = [p.message for p in found(report)]
    assert len(messages) == 2
    assert "2 ตัว" in messages[0] and "U+2029" in messages[1]


def test_multi_line_texts_may_hold_them():
    report = Report(
        rationale=["ย่อหน้า\u2028ต่อ"],
        progress_reports=[ProgressReport(1, narrative="ก\u2029ข")],
    )
    assert found(report) == []


def test_the_pdf_prints_a_one_line_field_on_one_line():
    assert ThaiParagraph("ก\u2028ข", one_line=True).lines(400.0) == ["ก ข"]

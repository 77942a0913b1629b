"""Known Thai misspellings: the data file, the problems they give, the one-click fix."""

from __future__ import annotations

from datetime import date

import pytest

from forms.checks import FixNotApplicableError, apply_fix, check_report
from forms.checks.spelling import MisspellingsFileError, misspellings, parse_misspellings
from forms.report import ProgressReport, Report

TODAY = date(2026, 11, 24)


def misspelling_problems(report: Report) -> list:
    return [p for p in check_report(report, today=TODAY) if p.rule == "misspelling"]


def test_bundled_table_starts_with_the_samples_typo_and_the_well_known_ones():
    table = misspellings()
    assert table["คูณภาพ"] == "คุณภาพ"
    assert table["อนุญาติ"] == "อนุญาต"
    assert table["โอกาศ"] == "โอกาส"
    assert table["ผลลัพท์"] == "ผลลัพธ์"
    assert table["สังเกตุ"] == "สังเกต"
    assert table["ลายเซ็นต์"] == "ลายเซ็น"
    assert table["กงศุล"] == "กงสุล"


def test_no_wrong_form_hides_inside_a_correct_word():
    # Thai has no spaces, so wrong forms match anywhere: one inside a right form (of any
    # entry) would flag correct text and make its own fix loop.
    table = misspellings()
    for wrong in table:
        for right in table.values():
            assert wrong not in right, (wrong, right)


def test_every_correct_form_passes_the_check():
    report = Report(rationale=list(misspellings().values()))
    assert misspelling_problems(report) == []


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("คูณภาพ", "บรรทัด 1"),
        ("# note\nคูณภาพ\t", "บรรทัด 2"),
        ("สังสรร\tสังสรรค์", "มีคำผิด"),
        ("คูณภาพ\tคุณภาพ\nคูณภาพ\tคุณภาพ", "ซ้ำ"),
    ],
)
def test_malformed_lines_are_refused_naming_the_line(text: str, error: str):
    with pytest.raises(MisspellingsFileError, match=error):
        parse_misspellings(text)


def test_comments_blank_lines_and_notes_are_allowed():
    assert parse_misspellings("# c\n\nโอกาศ\tโอกาส\tnote\n") == {"โอกาศ": "โอกาส"}


def test_one_problem_per_text_and_word_counting_occurrences():
    report = Report(objectives=["คูณภาพ และ คูณภาพ", "โอกาศ คูณภาพ"])
    found = misspelling_problems(report)
    assert [(p.path, p.fix.old_text) for p in found] == [
        ("objectives[1]", "คูณภาพ"),
        ("objectives[2]", "โอกาศ"),
        ("objectives[2]", "คูณภาพ"),
    ]
    assert "2 แห่ง" in found[0].message and "แห่ง" not in found[1].message


def test_fix_corrects_every_occurrence_in_that_text_only():
    report = Report(project_name="คูณภาพ", objectives=["คูณภาพ และ คูณภาพ", "คูณภาพ"])
    [_, first, _] = misspelling_problems(report)
    fixed = apply_fix(report, first.fix)
    assert fixed.objectives == ["คุณภาพ และ คุณภาพ", "คูณภาพ"]
    assert fixed.project_name == "คูณภาพ"
    assert report.objectives == ["คูณภาพ และ คูณภาพ", "คูณภาพ"]  # the original is untouched


def test_fix_in_a_progress_narrative_follows_the_reports_no():
    report = Report(progress_reports=[ProgressReport(4, narrative="ได้รับอนุญาติแล้ว")])
    [problem] = misspelling_problems(report)
    assert problem.path == "progress_reports[4].narrative"
    assert apply_fix(report, problem.fix).progress_reports[0].narrative == "ได้รับอนุญาตแล้ว"


def test_a_stale_fix_is_refused_not_guessed():
    report = Report(project_name="คูณภาพ")
    [problem] = misspelling_problems(report)
    edited = Report(project_name="คุณภาพ")
    with pytest.raises(FixNotApplicableError, match="คูณภาพ"):
        apply_fix(edited, problem.fix)

"""Characters that are almost certainly damage: quotes turned into `?`, U+FFFD, control
characters, Thai marks with no base letter; in every text of a report."""

from __future__ import annotations

from datetime import date

import pytest

from forms.checks import check_report
from forms.report import ProgressReport, Report

TODAY = date(2026, 11, 24)


def rules_at(report: Report, rule: str) -> dict[str, str]:
    return {p.path: p.message for p in check_report(report, today=TODAY) if p.rule == rule}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("เพื่อคัดเลือกและประเมิน ?ครูดีเด่น?", ["?ครูดีเด่น?"]),
        ("?ครู? และ ?นักเรียน ดีเด่น?", ["?ครู?", "?นักเรียน ดีเด่น?"]),
        ("ทำไม? เพราะอะไร?", []),
        ("? ครู ?", []),
        ("ราคา ? บาท", []),
        ('"ครูดีเด่น"', []),
    ],
)
def test_damaged_quotes_each_with_its_fix(text: str, found: list[str]):
    problems = [p for p in check_report(Report(objectives=[text]), today=TODAY)]
    quotes = [p for p in problems if p.rule == "damaged_quotes"]
    assert [p.fix.old_text for p in quotes] == found
    for p in quotes:
        assert p.fix.new_text == "“" + p.fix.old_text[1:-1] + "”"


def test_replacement_character_counted_per_field():
    found = rules_at(Report(project_name="โครง\ufffd\ufffdการ"), "replacement_char")
    assert "2 ตัว" in found["project_name"]


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x7f", "\x85"])
def test_control_characters_anywhere(char: str):
    report = Report(
        project_name=f"ก{char}ข",
        rationale=[f"ก{char}ข"],
        progress_reports=[ProgressReport(1, narrative=f"ก{char}ข")],
    )
    found = rules_at(report, "control_char")
    assert set(found) == {"project_name", "rationale[1]", "progress_reports[1].narrative"}
    assert all(f"U+{ord(char):04X}" in m for m in found.values())


def test_tab_and_line_breaks_only_where_text_is_multi_line():
    report = Report(
        project_name="ก\nข",
        objectives=["ก\tข"],
        rationale=["ก\r\nข\tค"],
        progress_reports=[ProgressReport(1, narrative="ก\nข\tค")],
    )
    found = rules_at(report, "control_char")
    assert set(found) == {"project_name", "objectives[1]"}
    assert "ขึ้นบรรทัดใหม่" in found["project_name"] and "แท็บ" in found["objectives[1]"]


@pytest.mark.parametrize(
    "text",
    [
        "\u0e48ครู",  # a tone mark opening the text
        "ครู \u0e34ดี",  # a vowel mark after a space
        "นำ\u0e49",  # the tone typed after ำ (น้ำ is น ้ ำ)
        "ก\u0e48\u0e48",  # a doubled tone mark
        "abc\u0e38",  # a Thai vowel on a Latin letter
    ],
)
def test_thai_marks_with_no_base_letter(text: str):
    assert "indicator" in rules_at(Report(indicator=text), "orphan_mark")


@pytest.mark.parametrize(
    "text",
    ["น้ำ", "กั้น", "สิทธิ์", "ที่นี่", "พระพุทธรูป", "ก็", "ศุกร์", "ฤๅษี", "ปฏิบัติการ", "คุณภาพ"],
)
def test_well_formed_thai_has_no_orphan_mark(text: str):
    assert rules_at(Report(indicator=text), "orphan_mark") == {}


def test_sample_texts_have_no_damage_but_the_quotes(sample_report):
    damage = {"replacement_char", "control_char", "orphan_mark", "damaged_quotes"}
    found = [p for p in check_report(sample_report, today=TODAY) if p.rule in damage]
    assert [(p.rule, p.path) for p in found] == [("damaged_quotes", "objectives[4]")]


def test_damage_messages_show_control_characters_visibly():
    [problem] = [
        p
        for p in check_report(Report(signer_name="ก\x07ข"), today=TODAY)
        if p.rule == "control_char"
    ]
    assert "\x07" not in problem.message and "<U+0007>" in problem.message

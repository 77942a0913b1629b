"""The check `missing_glyph`: every character no bundled font draws (the PDF would show an
empty box) is named with its field and code point, in every text; `export --pdf` says so
on stderr. Symbols the fallback font draws are not problems."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import date

import pytest

from forms.checks import Severity, check_report
from forms.checks.glyphs import SHOWN, export_warning
from forms.interchange import dumps
from forms.report import ProgressReport, Report
from tests.cli import run_cli
from tests.pdf_samples import long_report

TODAY = date(2026, 12, 4)
RULE = "missing_glyph"


def glyph_problems(report: Report) -> dict[str, str]:
    problems = [p for p in check_report(report, today=TODAY) if p.rule == RULE]
    assert all(p.severity is Severity.WARNING for p in problems)
    return {p.path: p.message for p in problems}


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("ขอบคุณครับ 🙏", ["U+1F64F"]),
        ("เยี่ยม 👍🏽", ["U+1F44D", "U+1F3FD"]),
        ("ภาษาเขมร សួស្តី", ["U+179F", "U+17BD", "U+17D2", "U+178F", "U+17B8"]),
        ("อักษรจีน 𠀋", ["U+2000B"]),
        ("ส่วนตัว \ue123", ["U+E123"]),
        (
            "ฮีบรู שלום",
            ["U+05E9", "U+05DC"],
        ),  # right to left: the fallback has it, lines do not  # a Private Use point that is not one of Word's bullets
    ],
)
def test_undrawable_characters_are_named_with_code_points(text, named):
    found = glyph_problems(Report(project_name=text))
    message = found["project_name"]
    for code in named:
        assert code in message
    assert 'ช่อง "' in message and "กล่องว่าง" in message and "ลบออก" in message


@pytest.mark.parametrize(
    "text",
    [
        "● ○ □ ▪ ➢ ► ✓ ✔ ☐ № • ■ ◆ ★ → ☑ ❖",
        "\uf0b7 ข้อแรก \uf0a7 ข้อสอง \uf0d8 \uf076 \uf0fc",  # Word's Symbol/Wingdings bullets
        "ลาว ສະບາຍດີ",  # DejaVu Sans has Lao
        "ยิ้ม 😀 ✔️ ZWJ\u200d ZWSP\u200b soft\u00adhyphen",
        "ภาษาไทย ๑๒๓ “อัญประกาศ” – — … ฿ %",
    ],
)
def test_what_the_fonts_draw_is_no_problem(text):
    assert glyph_problems(Report(project_name=text, objectives=[text])) == {}


def test_every_kind_of_text_is_checked():
    """Fields, list items, progress narratives and text kept as typed in a date box."""
    emoji = "🙏"
    report = Report(
        project_name=f"ชื่อ {emoji}",
        rationale=["ย่อหน้า", f"ย่อหน้าสอง {emoji}"],
        targets_quality=[f"เป้าหมาย {emoji}"],
        signer_name=f"ผู้รับรอง {emoji}",
        progress_reports=[
            ProgressReport(no=1, narrative="ไม่มี"),
            ProgressReport(no=2, narrative=f"ผลงาน {emoji}", typed={"date": f"1/1/66{emoji}"}),
        ],
        typed={"start_date": f"๑ ต.ค. {emoji}"},
    )
    assert sorted(glyph_problems(report)) == sorted(
        [
            "project_name",
            "rationale[2]",
            "targets_quality[1]",
            "signer_name",
            "progress_reports[2].narrative",
            "progress_reports[2].date",
            "start_date",
        ]
    )


def test_control_characters_and_u_fffd_are_left_to_their_own_rules():
    report = Report(project_name="ก\x85ข\ufffdค")
    rules = {p.rule for p in check_report(report, today=TODAY)}
    assert "control_char" in rules and "replacement_char" in rules
    assert RULE not in rules


def test_many_characters_are_counted_not_all_listed():
    khmer = "".join(chr(c) for c in range(0x1780, 0x1780 + SHOWN + 3))
    message = glyph_problems(Report(project_name=khmer))["project_name"]
    assert message.count("(U+") == SHOWN
    assert "และอีก 3 ตัว" in message


def test_the_sample_has_none(sample_report):
    assert glyph_problems(sample_report) == {}
    assert export_warning(sample_report) is None


def test_a_300_report_draft_checks_fast():
    """The checks run on every pause in typing: the rule over 300 reports with symbols in
    every narrative stays a small part of the whole check."""
    base = long_report(reports=300, paragraphs=5)
    reports = [replace(r, narrative=r.narrative + " ✓ ● №") for r in base.progress_reports]
    reports[-1] = replace(reports[-1], narrative="จบ 🙏")
    report = replace(base, progress_reports=reports)
    check_report(report, today=TODAY)  # fonts' maps read once, here
    start = time.perf_counter()
    found = glyph_problems(report)
    elapsed = time.perf_counter() - start
    assert list(found) == ["progress_reports[300].narrative"]
    assert elapsed < 0.5, elapsed  # measured 0.02 s for the whole check


def test_export_names_the_boxes_on_stderr_and_still_writes(tmp_path):
    report = Report(project_name="โครงการ 🙏", objectives=["\uf0b7 ข้อแรก ✓", "ข้อสอง 👍 🙏"])
    source = tmp_path / "report.json"
    source.write_text(dumps(report), encoding="utf-8")
    out = tmp_path / "out.pdf"
    run = run_cli(tmp_path / "drafts.db", "export", source, "--pdf", out)
    assert run.returncode == 0, run.stderr
    assert out.read_bytes().startswith(b"%PDF-")
    [line] = [x for x in run.stderr.splitlines() if "กล่องว่าง" in x]
    assert '"🙏" (U+1F64F)' in line and '"👍" (U+1F44D)' in line
    assert "2 ตัวใน 2 ช่อง" in line and "check" in line
    assert "U+F0B7" not in line and "U+2713" not in line

"""The real printout sample (four noisy copies) imports to its first copy, with warnings."""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from decimal import Decimal

import pytest

from forms.interchange import loads
from forms.printout import ImportResult, parse_printout_text
from forms.report import Report
from tests.conftest import DATA

SAMPLE = DATA / "progress-report-printout-sample.txt"


@pytest.fixture(scope="module")
def result() -> ImportResult:
    return parse_printout_text(SAMPLE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def first_copy() -> Report:
    return loads((DATA / "sample_first_copy.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def imported() -> Report:
    """The first copy, with the texts it misspells taken from a copy that spells them right."""
    return loads((DATA / "sample_imported.json").read_text(encoding="utf-8"))


def test_the_imported_fixture_is_the_first_copy_with_nine_texts_respelt():
    first = (DATA / "sample_first_copy.json").read_text(encoding="utf-8").splitlines()
    respelt = (DATA / "sample_imported.json").read_text(encoding="utf-8").splitlines()
    changed = [(a, b) for a, b in zip(first, respelt, strict=True) if a != b]
    assert len(changed) == 9
    assert all(b == a.replace("คูณภาพ", "คุณภาพ") for a, b in changed)


def test_sample_imports_to_exactly_the_first_copy_respelt(result: ImportResult, imported: Report):
    for f in fields(Report):
        assert getattr(result.report, f.name) == getattr(imported, f.name), f.name
    assert result.report == imported


def test_first_copy_fixture_agrees_with_the_shared_sample_fixture(first_copy: Report):
    assert loads((DATA / "sample_report.json").read_text(encoding="utf-8")) == first_copy


def test_sample_field_by_field(result: ImportResult):
    report = result.report
    assert report.project_code == "50280000-6851"
    assert report.fiscal_year == 2566
    assert (report.start_date, report.end_date) == (date(2022, 10, 1), date(2023, 9, 30))
    assert report.budget_received == Decimal(180000)
    assert report.budget_spent == Decimal(205090)
    assert (report.agency_office, report.agency_division, report.agency_section) == (
        "สำนักงานเขตบึงกุ่ม",
        "ฝ่ายการศึกษา",
        "ฝ่ายการศึกษา",
    )
    assert (report.coordinator_name, report.coordinator_phone) == ("ปาริตา ศรีลักษณ์", "1549")
    assert len(report.rationale) == 15
    assert len(report.objectives) == 4
    assert (len(report.targets_quantity), len(report.targets_quality)) == (3, 3)
    assert report.strategic_sub_issue == "**** การปฏิบัติงานประจำของหน่วยงาน ****"  # OCR-damaged label
    assert report.indicator == "มิติที่ 1 ระดับความสำเร็จของงานประจำ"  # value after a page header
    assert [r.no for r in report.progress_reports] == list(range(1, 11))
    assert report.progress_reports[4].date is None
    assert [r.progress_percent for r in report.progress_reports] == [
        Decimal(p) for p in ("20", "20", "50", "70", "0", "85", "89", "95", "100", "100")
    ]
    assert {(r.plan_status, r.target_status) for r in report.progress_reports} == {
        ("on_plan", "on_target")
    }


def test_sample_holds_four_copies(result: ImportResult):
    assert result.copies_found == 4
    copies = [value for path, value in result.recognised if path.startswith("copy[")]
    assert copies[0] == "บรรทัด 7–136 (นำเข้าฉบับนี้)"
    assert len(copies) == 4


def test_repeated_page_headers_are_recognised_not_unused(result: ImportResult):
    headers = [value for path, value in result.recognised if path == "page_header"]
    assert headers == [f"บรรทัด {n}" for n in (5, 111, 198, 277, 285, 382, 462, 531)]


def test_every_unused_line_is_listed(result: ImportResult):
    # The signature block's last dotted line belongs to no field.
    assert result.unused_lines == [(535, ".....")]


def test_summary_lists_every_field_of_the_imported_copy(result: ImportResult):
    summary = dict(result.recognised)
    assert summary["project_name"] == "พัฒนาคุณภาพเครือข่ายโรงเรียน"  # as copy 3 spells it
    assert summary["budget_received"] == "180,000 บาท"
    assert summary["budget_spent"] == "205,090 บาท"
    assert summary["start_date"] == "01/10/2565"
    assert summary["rationale[15]"].startswith("ทั้งนี้เพื่อการมุ่งคุณภาพ")
    assert summary["progress_reports[4].budget_used"] == "32,400 บาท"
    assert summary["progress_reports[5].date"] == "(ว่าง)"
    assert summary["progress_reports[10].plan_status"] == "เป็นไปตามแผน"


def _warnings_with(result: ImportResult, *parts: str) -> list[str]:
    return [w for w in result.warnings if all(p in w for p in parts)]


def test_objective_count_differs_in_the_other_copies(result: ImportResult):
    for copy in (2, 3, 4):
        assert _warnings_with(
            result, '"วัตถุประสงค์ของโครงการ"', "ฉบับที่ 1 ที่นำเข้ามี 4 ข้อ", f"ฉบับที่ {copy}", "มี 3 ข้อ"
        )


def test_doubled_objective_shows_as_one_missing_item(result: ImportResult):
    # Copy 1 prints objective 2.2 twice (as 2.2 and 2.3); the others print it once.
    doubled = "เพื่อให้เครือข่ายโรงเรียนมีเวทีแสดงผลงานเชิงวิชาการที่เกิดจากการแลกเปลี่ยนเรียนรู้ร่วมกัน"
    for copy in (2, 3, 4):
        missing = _warnings_with(result, '"วัตถุประสงค์ของโครงการ" ข้อ', f"ไม่มีในฉบับที่ {copy}")
        assert len(missing) == 1 and f'"{doubled}"' in missing[0]


def test_rationale_word_differences_name_both_values(result: ImportResult):
    # Paragraph 12: copy 1 says กลยุทธ, copy 3 says กลไก (and copies 3, 4 fix คูณ to คุณ).
    found = _warnings_with(result, "หลักการและเหตุผล", "ข้อ 12", "ฉบับที่ 3 (บรรทัด 328)")
    assert len(found) == 1
    assert "เป็นกลไกในการ" in found[0] and "เป็นกลยุทธในการ" in found[0]
    # Paragraph 13: ระบบคุณภาพภายใน in copy 1, กระบวนการภายใน in copy 4.
    found = _warnings_with(result, "ข้อ 13", "ฉบับที่ 4")
    assert len(found) == 1
    assert "การพัฒนาระบบคุณภาพภายใน" in found[0] and "การพัฒนากระบวนการภายใน" in found[0]
    # Copy 2 prints paragraphs 12 and 13 as one.
    assert _warnings_with(result, "หลักการและเหตุผล", "มี 15 ข้อ", "ฉบับที่ 2", "มี 14 ข้อ")


def test_a_word_copy_1_misspells_is_taken_from_the_copy_that_spells_it_right(result: ImportResult):
    assert result.report.project_name == "พัฒนาคุณภาพเครือข่ายโรงเรียน"
    assert _warnings_with(
        result,
        '"ชื่อโครงการ/กิจกรรม"',
        'ฉบับที่ 1 สะกด "คูณภาพ" แต่ฉบับที่ 3 สะกด "คุณภาพ"',
        "นำเข้าข้อความตามฉบับที่ 3",
    )
    # copies 3 and 4 then agree with what is imported, and copy 2 (misspelt too) is not
    # said to differ over that word
    assert not _warnings_with(result, '"ชื่อโครงการ/กิจกรรม"', "ตรวจว่าค่าใดถูก")
    spelling = _warnings_with(result, "สะกด", "ที่สะกดถูก")
    assert len(spelling) == 9


def test_field_differences_name_both_values(result: ImportResult):
    assert _warnings_with(result, '"ตัวชี้วัด"', '"มิติที่1 ระดับ', '"มิติที่ 1 ระดับ', "ฉบับที่ 2")


def test_copy_with_shuffled_log_lacks_report_3_figures(result: ImportResult):
    # Copy 3 prints report 2's figures on report 3's line and report 3's not at all.
    found = _warnings_with(result, "รายงานครั้งที่ 3", "ฉบับที่ 3")
    assert any('"ความก้าวหน้า (%)"' in w and '"(ว่าง)"' in w and '"50.00 %"' in w for w in found)
    assert not _warnings_with(result, "รายงานครั้งที่ 1", "ฉบับที่ 3")  # narrative joined back
    assert not _warnings_with(result, "รายงานครั้งที่ 2", "ฉบับที่ 3")


def test_copies_that_agree_raise_no_warning(result: ImportResult):
    # Copy 4 wraps objective 2.1 across a page header and target 3.1.3 onto a new line,
    # and prints `0.00 9`; once joined and cleaned they equal copy 1's text.
    assert not _warnings_with(result, "เป้าหมายด้านปริมาณ", "ข้อ 3")
    assert not _warnings_with(result, "รายงานครั้งที่ 5")
    assert not _warnings_with(result, '"ชื่อผู้ลงนามรับรอง"')

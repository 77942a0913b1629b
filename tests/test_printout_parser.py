"""The printout parser tolerates what text extraction and OCR do to a printout."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest

from forms.errors import FormError
from forms.interchange import loads
from forms.printout import ImportResult, PrintoutError, parse_printout_text
from forms.report import Report
from tests.conftest import DATA

SAMPLE_LINES = (
    (DATA / "progress-report-printout-sample.txt").read_text(encoding="utf-8").split("\n")
)
FIRST_COPY = "\n".join(SAMPLE_LINES[4:136])  # lines 5-136: the page header to report 10


@pytest.fixture(scope="module")
def expected() -> Report:
    return loads((DATA / "sample_first_copy.json").read_text(encoding="utf-8"))


def line_of(text: str, start: str) -> int:
    """The 1-based number of the first line of `text` that starts with `start`."""
    return next(i for i, line in enumerate(text.split("\n"), start=1) if line.startswith(start))


def parse(text: str) -> ImportResult:
    return parse_printout_text(text)


def edited(*replacements: tuple[str, str], text: str = FIRST_COPY) -> str:
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    return text


def test_the_first_copy_alone_parses_without_doubts(expected: Report):
    result = parse(FIRST_COPY)
    assert result.report == expected
    assert (result.warnings, result.unused_lines, result.copies_found) == ([], [], 1)


def test_report_label_with_or_without_space_and_spaces_for_tabs(expected: Report):
    text = edited(("รายงานครั้งที่ 1\t", "รายงานครั้งที่1 "), ("รายงานครั้งที่ 2\t", "รายงานครั้งที่2"))
    text = text.replace("\t", "  ")
    assert parse(text).report == expected


def test_statuses_off_plan_and_off_target_are_not_read_as_on():
    text = edited(
        (
            "(ครั้งที่ 3) = 0 บาท\t: เป็นไปตามแผน\t: เป็นไปตามเป้าหมาย",
            "(ครั้งที่ 3) = 0 บาท\t: ไม่เป็นไปตามแผน\t: ไม่เป็นไปตามเป้าหมาย",
        ),
        (
            "(ครั้งที่ 4) = 32,400 บาท\t: เป็นไปตามแผน\t: เป็นไปตามเป้าหมาย",
            "(ครั้งที่ 4) = 32,400 บาท\t: ไม่เป็นไปตามแผน\t: เป็นไปตามเป้าหมาย",
        ),
    )
    reports = parse(text).report.progress_reports
    assert (reports[2].plan_status, reports[2].target_status) == ("off_plan", "off_target")
    assert (reports[3].plan_status, reports[3].target_status) == ("off_plan", "on_target")
    assert (reports[4].plan_status, reports[4].target_status) == ("on_plan", "on_target")


def test_percent_sign_optional_satang_kept_and_stray_characters_warned():
    text = edited(
        ("= 20.00 % งบประมาณที่เบิกใช้ (ครั้งที่ 1)", "= 20.5\t: งบประมาณที่เบิกใช้ (ครั้งที่ 1)"),
        ("(ครั้งที่ 4) = 32,400 บาท", "(ครั้งที่ 4) = 32,400.75 บาท"),
        ("= 0.00 % : งบประมาณที่เบิกใช้ (ครั้งที่ 5)", "= 0.00 9 : งบประมาณที่เบิกใช้ (ครั้งที่ 5)"),
    )
    result = parse(text)
    reports = result.report.progress_reports
    assert reports[0].progress_percent == Decimal("20.5")
    assert reports[3].budget_used == Decimal("32400.75")
    assert reports[4].progress_percent == Decimal(0)
    assert any("รายงานครั้งที่ 5" in w and '"9"' in w for w in result.warnings)
    # the printed total no longer matches the reports: said, and the sum is kept
    assert any(
        "งบประมาณที่ใช้ไป" in w and "205,090" in w and "205,090.75" in w for w in result.warnings
    )


def test_grid_read_as_two_cells_per_line(expected: Report):
    text = edited(
        (
            "เริ่มต้นโครงการ : 2022-10-01 00:00:00\n\nงบประมาณที่ได้รับ : 180,000 บาท",
            "เริ่มต้นโครงการ : 2022-10-01 00:00:00\tงบประมาณที่ได้รับ : 180,000 บาท",
        ),
        (
            "สิ้นสุดโครงการ : 2023-09-30 00:00:00\n\nงบประมาณที่ใช้ไป : 205,090 บาท",
            "สิ้นสุดโครงการ : 2023-09-30 00:00:00     งบประมาณที่ใช้ไป : 205,090 บาท",
        ),
    )
    result = parse(text)
    assert result.report == expected
    assert result.warnings == []


def test_project_dates_in_be_or_thai_long_form():
    text = edited(
        ("เริ่มต้นโครงการ : 2022-10-01 00:00:00", "เริ่มต้นโครงการ : 1 ตุลาคม 2565"),
        ("สิ้นสุดโครงการ : 2023-09-30 00:00:00", "สิ้นสุดโครงการ : 30/09/2566"),
    )
    report = parse(text).report
    assert (report.start_date, report.end_date) == (date(2022, 10, 1), date(2023, 9, 30))


def test_page_header_between_label_and_value(expected: Report):
    header = "\n\n** แบบแสดงรายงานความก้าวหน้าและข้อมูลเกี่ยวกับโครงการ **\n\n"
    text = edited(("รหัสโครงการ... : 50280000-6851", f"รหัสโครงการ...{header}: 50280000-6851"))
    result = parse(text)
    assert result.report == expected
    assert ("page_header", f"บรรทัด {line_of(text, '** แบบ')}") in result.recognised


def test_ocr_damaged_label_matches_the_closest_schema_label():
    text = edited(
        ("ประเด็นยุทธศา ย่อย : ", "ประเด็นยุทธศาสตร ย่อย : "),
        ("งบประมาณที่ได้รับ : 180,000 บาท", "งบประมาณที่ได้รบ : 180,000 บาท"),
    )
    report = parse(text).report
    assert report.strategic_sub_issue == "**** การปฏิบัติงานประจำของหน่วยงาน ****"
    assert report.budget_received == Decimal(180000)


def test_markdown_marks_and_escapes_removed_only_from_markdown():
    markdown = parse(edited(("**1.4 วัตถุประสงค์ของโครงการ**", "### 1.4 วัตถุประสงค์ของโครงการ")))
    assert len(markdown.report.objectives) == 4
    assert markdown.report.strategic_issue == "**** การปฏิบัติงานประจำของหน่วยงาน ****"
    plain = "\n".join(re.sub(r"^\*\*(.*)\*\*$", r"\1", line) for line in FIRST_COPY.split("\n"))
    plain = plain.replace("\\*", "*")  # as the PDF prints it: ** แบบแสดง... **, **** ... ****
    name = "ระบบ C:\\(ทดลอง\\) 1\\-2"
    report = parse(edited(("พัฒนาคูณภาพเครือข่ายโรงเรียน\n", f"{name}\n"), text=plain)).report
    assert report.project_name == name  # a plain printout keeps its backslashes
    assert report.strategic_goal == "**** การปฏิบัติงานประจำของหน่วยงาน ****"
    report = parse(edited(("พัฒนาคูณภาพเครือข่ายโรงเรียน\n", f"{name}\n"))).report
    assert report.project_name == "ระบบ C:(ทดลอง) 1-2"  # Markdown's escapes are undone


def test_wrapped_list_items_are_joined_thai_directly_else_with_a_space(expected: Report):
    text = edited(
        (
            "มีผู้นำทางวิชาการที่มีคุณภาพตามเกณฑ์ที่กำหนด\n\n3.2",
            "มีผู้นำทางวิชาการที่มีคุณภาพตาม\n\nเกณฑ์ที่กำหนด\n\n3.2",
        ),
        ("3.1.1 เครือข่ายโรงเรียน จำนวน 2 เครือข่าย", "3.1.1 เครือข่ายโรงเรียน จำนวน\n2 เครือข่าย"),
    )
    report = parse(text).report
    assert report.targets_quantity == expected.targets_quantity


def test_numbering_is_stripped_once_from_list_items():
    text = edited(("2.4  เพื่อคัดเลือก", "2.4  2.5 ล้านบาท เพื่อคัดเลือก"))
    assert parse(text).report.objectives[3] == "2.5 ล้านบาท เพื่อคัดเลือกและประเมิน ?ครูดีเด่น?"


def test_agency_and_coordinator_parts():
    text = edited(
        ("สำนักงานเขตบึงกุ่ม / ฝ่ายการศึกษา / ฝ่ายการศึกษา", "สำนักงานเขตบึงกุ่ม/ฝ่ายการศึกษา"),
        ("ปาริตา ศรีลักษณ์ / 1549", "ปาริตา ศรีลักษณ์"),
    )
    report = parse(text).report
    assert (report.agency_office, report.agency_division, report.agency_section) == (
        "สำนักงานเขตบึงกุ่ม",
        "ฝ่ายการศึกษา",
        "",
    )
    assert (report.coordinator_name, report.coordinator_phone) == ("ปาริตา ศรีลักษณ์", "")


def test_shuffled_progress_log_is_put_back_with_a_warning(expected: Report):
    # Like the sample's third copy: the end of report 1's narrative and its figures land on
    # report 2's line, report 2's figures on report 3's.
    start = FIRST_COPY.index("รายงานครั้งที่ 1\t")
    end = FIRST_COPY.index("รายงานครั้งที่ 4\t")
    r1 = expected.progress_reports[0].narrative
    head, tail = r1.split(" และอยู่ระหว่าง")
    r2 = expected.progress_reports[1].narrative
    shuffled = (
        f"รายงานครั้งที่1 :: 30/01/2566 : {head}\n\n"
        "** แบบแสดงรายงานความก้าวหน้าและข้อมูลเกี่ยวกับโครงการ **\n\n"
        f"รายงานครั้งที่2\tและอยู่ระหว่าง{tail} :: ความก้าวหน้าของงานฯ = 20.00 %"
        " งบประมาณที่เบิกใช้ (ครั้งที่ 1) = 0 บาท : เป็นไปตามแผน : เป็นไปตามเป้าหมาย"
        f" :: 21/02/2566 : {r2}\n"
        "รายงานครั้งที่3\t:: 28/03/2566 : :: ความก้าวหน้าของงานฯ = 20.00 %"
        " งบประมาณที่เบิกใช้ (ครั้งที่ 2) = 0 บาท : เป็นไปตามแผน : เป็นไปตามเป้าหมาย\n"
        "\t:: ความก้าวหน้าของงานฯ = 50.00 % งบประมาณที่เบิกใช้ (ครั้งที่ 3) = 0 บาท"
        "\t: เป็นไปตามแผน\t: เป็นไปตามเป้าหมาย\n"
    )
    result = parse(FIRST_COPY[:start] + shuffled + FIRST_COPY[end:])
    assert result.report == expected
    assert any("ต่อท้ายผลการดำเนินงาน ของรายงานครั้งที่ 1" in w for w in result.warnings)


def test_report_without_figures_is_warned():
    text = edited(
        (
            "\t:: ความก้าวหน้าของงานฯ = 50.00 % งบประมาณที่เบิกใช้ (ครั้งที่ 3) = 0 บาท\t: เป็นไปตามแผน\t: เป็นไปตามเป้าหมาย\n",
            "",
        )
    )
    result = parse(text)
    assert result.report.progress_reports[2].progress_percent is None
    assert any("รายงานครั้งที่ 3" in w and "ไม่พบแถวความก้าวหน้า" in w for w in result.warnings)


def test_values_that_cannot_be_read_are_warned_and_left_empty():
    text = edited(
        ("ปีงบประมาณ พ.ศ. : 2566", "ปีงบประมาณ พ.ศ. : สองห้าหกหก"),
        (":: 24/04/2566 :", ":: 31/02/2566 :"),
    )
    result = parse(text)
    assert result.report.fiscal_year is None
    assert result.report.progress_reports[3].date is None
    line = line_of(text, "ปีงบประมาณ")
    assert any('"ปีงบประมาณ (พ.ศ.)"' in w and f"บรรทัด {line}" in w for w in result.warnings)
    assert any("รายงานครั้งที่ 4" in w and "31/02/2566" in w for w in result.warnings)


def test_every_line_not_used_is_listed_with_its_number():
    stray = "พิมพ์เมื่อ 01/10/2566 10:30 น."
    text = edited(("**1.2 หน่วยงานที่รับผิดชอบ**", f"{stray}\n**1.2 หน่วยงานที่รับผิดชอบ**"))
    assert parse(text).unused_lines == [(line_of(text, "พิมพ์เมื่อ"), stray)]
    assert parse("ข้อความนำ\n" + FIRST_COPY).unused_lines == [(1, "ข้อความนำ")]


def test_first_complete_copy_is_imported_and_differences_are_warned(expected: Report):
    partial = FIRST_COPY[: FIRST_COPY.index("**1.3")]  # a copy cut off after 1.2
    second = edited(("ปาริตา ศรีลักษณ์ / 1549", "ปาริตา ศรีลักษณ์ / 1550"))
    result = parse(partial + "\n" + second)
    assert result.copies_found == 2
    assert result.report.coordinator_phone == "1550"
    copies = [(path, value) for path, value in result.recognised if path.startswith("copy")]
    assert copies[1][1].endswith("(นำเข้าฉบับนี้)")
    phone = [w for w in result.warnings if '"ผู้ประสานงาน สยป (โทรศัพท์)"' in w]
    assert len(phone) == 1 and '"1549"' in phone[0] and '"1550"' in phone[0]
    # the cut-off copy is said to be partial once, not compared where it has nothing
    assert any("ฉบับที่ 1" in w and "ไม่ครบทุกหัวข้อ" in w for w in result.warnings)
    assert not any("รายงานครั้งที่" in w for w in result.warnings)
    assert not any("หลักการและเหตุผล" in w for w in result.warnings)


def test_without_a_complete_copy_the_fullest_is_imported_with_a_warning():
    partial = FIRST_COPY[: FIRST_COPY.index("**1.3")]
    result = parse(partial)
    assert result.report.project_code == "50280000-6851"
    assert result.report.rationale == []
    assert any("ไม่พบแบบรายงานที่ครบทุกหัวข้อ" in w for w in result.warnings)


def test_signer_and_position_from_the_footer():
    footer = (
        "\nขอรับรองว่า ข้อมูลที่ปรากฏในเอกสารฉบับนี้ หน่วยงานได้จัดพิมพ์จากระบบงานจริง เพื่อเป็นหลักฐานไว้ตรวจสอบ\n"
        "ลงชื่อ.....(นางสาวปาริตา ศรีลักษณ์)\nตำแหน่ง ครูชำนาญการพิเศษ\n"
    )
    report = parse(FIRST_COPY + footer).report
    assert (report.signer_name, report.signer_position) == ("นางสาวปาริตา ศรีลักษณ์", "ครูชำนาญการพิเศษ")


@pytest.mark.parametrize("text", ["", "   \n\t\n", "hello world", "รายการสินค้า\nราคา 100 บาท"])
def test_text_without_a_report_is_refused_in_thai(text: str):
    with pytest.raises(PrintoutError) as raised:
        parse(text)
    assert isinstance(raised.value, FormError)
    assert any("\u0e00" <= ch <= "\u0e7f" for ch in str(raised.value))


def test_text_far_longer_than_a_printout_is_refused_before_parsing():
    with pytest.raises(PrintoutError) as raised:
        parse(FIRST_COPY + "\nบรรทัดเกิน" * 10_000)
    assert "ยาวเกิน" in str(raised.value)


def test_pdf_text_page_numbers_wrapped_values_and_breaks_at_spaces(expected: Report):
    # What PDF text extraction gives for this app's export: no blank lines, a value too
    # long for its line continued on the next, the space a line broke at kept at its end,
    # `หน้า 1/2` at the foot of the page.
    lines = [
        line.rstrip()
        for line in FIRST_COPY.split("\n")
        if line.strip() and "แบบแสดงรายงาน" not in line
    ]
    text = "\n".join(lines)
    text = edited(
        ("ชื่อผู้รับผิดชอบ... : ฝ่ายการศึกษา", "ชื่อผู้รับผิดชอบ... : ฝ่าย\nการศึกษา"),
        ("ผู้ประสานงาน สยป : ปาริตา ศรีลักษณ์ / 1549", "ผู้ประสานงาน สยป : ปาริตา \nศรีลักษณ์ / 1549"),
        ("(ฉบับที่ 3) พ.ศ. 2553 มาตรา 48", "(ฉบับที่ 3) พ.ศ. 2553 มาตรา \n48"),
        ("ในงวดที่ 3 (เดือน", "ในงวดที่ 3 \n(เดือน"),
        ("2.1  เพื่อพัฒนาคูณภาพการจัดการศึกษา", "หน้า 1/2\n2.1  เพื่อพัฒนาคูณภาพการจัด\nการศึกษา"),
        text=text,
    )
    result = parse(text)
    report = result.report
    assert report.responsible_person == "ฝ่ายการศึกษา"
    assert report.coordinator_name == "ปาริตา ศรีลักษณ์"
    assert report.objectives == expected.objectives
    assert report.progress_reports == expected.progress_reports
    assert ("page_footer", f"บรรทัด {line_of(text, 'หน้า 1/2')}") in result.recognised
    # a paragraph cannot be told from its wrapped line in plain text: kept as two, not lost
    assert report.rationale[:2] == [expected.rationale[0][: -len(" 48")], "48"]
    assert result.unused_lines == []


def test_report_label_words_inside_a_narrative_stay_narrative():
    narrative = "ดำเนินการต่อจากรายงานครั้งที่ 2 แล้วเสร็จ"
    text = edited((":: 28/03/2566 :\t", f":: 28/03/2566 : {narrative}\t"))
    result = parse(text)
    assert result.report.progress_reports[2].narrative == narrative
    assert len(result.report.progress_reports) == 10
    assert result.warnings == []


def test_content_run_onto_its_heading_line_is_kept(expected: Report):
    text = edited(("**1.3 หลักการและเหตุผล**\n", "**1.3 หลักการและเหตุผล** ข้อ ๑\n"))
    result = parse(text)
    assert result.report.rationale == ["ข้อ ๑", *expected.rationale]
    assert result.unused_lines == []

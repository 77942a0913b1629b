"""A printout's text the form cannot hold as is (too long, a BE year where CE belongs) is
left out or cut on import, in the open, so the draft's JSON export imports back."""

from __future__ import annotations

from forms.interchange import dumps, loads
from forms.printout import parse_printout_text
from tests.test_printout_parser import FIRST_COPY

LONG_CODE = "50280000-6851 (โครงการต่อเนื่องจากปีงบประมาณ 2565)"


def test_a_too_long_code_is_cut_with_a_warning_naming_the_rest():
    text = FIRST_COPY.replace("รหัสโครงการ... : 50280000-6851", f"รหัสโครงการ... : {LONG_CODE}")
    result = parse_printout_text(text)
    assert result.report.project_code == LONG_CODE[:20]
    cut = [w for w in result.warnings if "เกินที่กรอกได้ 20 ตัวอักษร" in w]
    assert len(cut) == 1 and 'ช่อง "รหัสโครงการ"' in cut[0] and LONG_CODE[20:] in cut[0]
    assert loads(dumps(result.report)) == result.report  # its JSON export imports back


def test_a_too_long_narrative_is_cut_too():
    narrative = "ก" * 20_050
    text = FIRST_COPY.replace(":: 30/01/2566 :", f":: 30/01/2566 : {narrative}", 1)
    result = parse_printout_text(text)
    first = result.report.progress_reports[0]
    assert len(first.narrative) == 20_000
    assert any("รายงานครั้งที่ 1" in w and "เกินที่กรอกได้ 20,000" in w for w in result.warnings)


def test_texts_within_the_limits_are_not_touched():
    result = parse_printout_text(FIRST_COPY)
    assert result.report.project_code == "50280000-6851"
    assert not any("เกินที่กรอกได้" in w for w in result.warnings)


def test_a_buddhist_year_in_the_ce_timestamp_is_not_taken_as_ce():
    text = FIRST_COPY.replace("2022-10-01 00:00:00", "2565-10-01 00:00:00")
    result = parse_printout_text(text)
    assert result.report.start_date is None  # 3108 CE would be +543 twice
    assert any("2565-10-01" in w and "ค.ศ. 2022" in w for w in result.warnings)
    assert loads(dumps(result.report)) == result.report

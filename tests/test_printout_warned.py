"""Each warning of the sample's import names the field it is about (forms/printout/warned.py)."""

from __future__ import annotations

from forms.printout import import_file
from forms.printout.result import ImportResult
from forms.printout.warned import warned_paths
from tests.conftest import DATA

SAMPLE = DATA / "progress-report-printout-sample.txt"


def test_every_warning_of_the_sample_goes_with_a_field():
    result = import_file(SAMPLE)
    warned = warned_paths(result)
    assert {i for hits in warned.values() for i in hits} == set(range(len(result.warnings)))
    assert result.warnings[warned["project_name"][0]].startswith(
        'ช่อง "ชื่อโครงการ/กิจกรรม": ฉบับที่ 1 สะกด'
    )
    assert "project_code" not in warned


def test_an_item_warning_marks_that_item_and_a_count_warning_the_first():
    result = ImportResult(
        report=import_file(SAMPLE).report,
        recognised=[("objectives[1]", "a"), ("objectives[2]", "b"), ("objectives[12]", "c")],
        warnings=[
            'ช่อง "วัตถุประสงค์ของโครงการ" ข้อ 2: ฉบับที่ 2 เป็น "x" แต่ฉบับที่ 1 ที่นำเข้าเป็น "b"',
            'ช่อง "วัตถุประสงค์ของโครงการ": ฉบับที่ 1 ที่นำเข้ามี 3 ข้อ แต่ฉบับที่ 2 มี 2 ข้อ',
        ],
    )
    assert warned_paths(result) == {"objectives[1]": [1], "objectives[2]": [0]}

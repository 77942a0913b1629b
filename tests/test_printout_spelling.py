"""Several copies of a printout: a word the imported copy misspells is taken from a copy
that prints the same text spelt right, and only then (forms/printout/spelling.py)."""

from __future__ import annotations

from forms.printout import parse_printout_text
from forms.printout.spelling import corrected

COPY = """ชื่อโครงการ/กิจกรรม : {name}
รหัสโครงการ : 50280000-6851
"""


def _two_copies(first: str, second: str) -> str:
    return COPY.format(name=first) + "\n" + COPY.format(name=second)


def test_corrected_replaces_every_known_misspelling():
    assert corrected("พัฒนาคูณภาพและคูณภาพ") == "พัฒนาคุณภาพและคุณภาพ"
    assert corrected("คุณภาพ") == "คุณภาพ"


def test_the_right_spelling_of_another_copy_is_imported_and_said():
    result = parse_printout_text(_two_copies("พัฒนาคูณภาพโรงเรียน", "พัฒนาคุณภาพโรงเรียน"))
    assert result.copies_found == 2
    assert result.report.project_name == "พัฒนาคุณภาพโรงเรียน"
    said = [w for w in result.warnings if "สะกด" in w]
    assert said == [
        'ช่อง "ชื่อโครงการ/กิจกรรม": ฉบับที่ 1 สะกด "คูณภาพ" แต่ฉบับที่ 2 สะกด "คุณภาพ"'
        " — นำเข้าข้อความตามฉบับที่ 2 ที่สะกดถูก"
    ]
    assert not [w for w in result.warnings if "ตรวจว่าค่าใดถูก" in w]


def test_a_copy_differing_in_more_than_the_spelling_is_only_reported():
    result = parse_printout_text(_two_copies("พัฒนาคูณภาพโรงเรียน", "พัฒนาคุณภาพครู"))
    assert result.report.project_name == "พัฒนาคูณภาพโรงเรียน"
    assert not [w for w in result.warnings if "ที่สะกดถูก" in w]
    assert [w for w in result.warnings if "ตรวจว่าค่าใดถูก" in w and "พัฒนาคุณภาพครู" in w]


def test_copies_spelling_alike_change_nothing():
    result = parse_printout_text(_two_copies("พัฒนาคูณภาพโรงเรียน", "พัฒนาคูณภาพโรงเรียน"))
    assert result.report.project_name == "พัฒนาคูณภาพโรงเรียน"
    assert not [w for w in result.warnings if "สะกด" in w]

"""Hostile interchange files are refused in Thai, at once, naming the field, and the command
line leaves no database behind: huge numbers, control characters in text, a key given twice."""

from __future__ import annotations

import json

import pytest

from forms.errors import FieldValueError, NotJsonError
from forms.interchange import loads
from tests.cli import run_cli


@pytest.mark.parametrize(
    ("text", "field", "reason"),
    [
        ('{"budget_received": 1e999999999}', "งบประมาณที่ได้รับ", "ใหญ่เกิน 15 หลัก"),
        ('{"progress_reports": [{"budget_used": -1e20}]}', "งบประมาณที่เบิกใช้", "ใหญ่เกิน 15 หลัก"),
        ('{"fiscal_year": ' + "9" * 4300 + "}", "ปีงบประมาณ", "4,300 หลัก"),
        ('{"project_name": "a\\u0000b"}', "ชื่อโครงการ", "U+0000"),
        ('{"project_code": "x\\u001b[31m"}', "รหัสโครงการ", "U+001B"),
        ('{"signer_name": "ก\\u2028ข"}', "ชื่อผู้ลงนาม", "U+2028"),
        ('{"rationale": ["ก\\u0007"]}', "หลักการและเหตุผล", "U+0007"),
    ],
)
def test_values_no_field_can_hold_are_refused_naming_the_field(text, field, reason):
    with pytest.raises(FieldValueError) as refused:
        loads(text)
    assert field in str(refused.value) and reason in str(refused.value)
    assert len(str(refused.value)) < 400


def test_line_breaks_and_tabs_stay_allowed_in_paragraphs():
    report = loads(json.dumps({"rationale": ["บรรทัดหนึ่ง\nบรรทัดสอง\tแท็บ"]}))
    assert report.rationale == ["บรรทัดหนึ่ง\nบรรทัดสอง\tแท็บ"]


def test_a_key_given_twice_is_refused():
    with pytest.raises(NotJsonError, match='"project_name" มีสองครั้ง'):
        loads('{"project_name": "ก", "project_name": "ข"}')
    with pytest.raises(NotJsonError, match='"no" มีสองครั้ง'):
        loads('{"progress_reports": [{"no": 1, "no": 2}]}')


def test_a_refused_import_leaves_no_database(tmp_path):
    source = tmp_path / "big.json"
    source.write_text('{"budget_received": 1e999999999}', encoding="utf-8")
    run = run_cli(tmp_path / "drafts.db", "import", source)
    assert run.returncode == 2 and "ใหญ่เกิน 15 หลัก" in run.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.json"]

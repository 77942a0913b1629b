"""`import FILE.txt|FILE.pdf`: a printout becomes a new draft; stdout is the id alone, stderr
the account of the reading (every field recognised, every unused line, every warning); bad
input is one Thai line, exit 2, no draft."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from forms.interchange import dumps, loads
from forms.printout import import_file
from storage.drafts import DraftStore
from tests.cli import run_cli as _cli
from tests.conftest import DATA

PRINTOUT = DATA / "progress-report-printout-sample.txt"
# the first copy, where it misspells คุณภาพ and another copy prints the same text spelt right,
# with that copy's text (what importing the whole sample gives)
IMPORTED = DATA / "sample_imported.json"


def _import(db: Path, file: Path) -> tuple[int, str]:
    """The new draft's id (alone on stdout) and the summary on stderr."""
    run = _cli(db, "import", file)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().isdigit() and run.stdout.count("\n") == 1, run.stdout
    return int(run.stdout), run.stderr


def _exported(db: Path, draft_id: int, tmp_path: Path) -> object:
    out = tmp_path / f"draft-{draft_id}.json"
    run = _cli(db, "export", str(draft_id), "--json", out)
    assert run.returncode == 0, run.stderr
    return json.loads(out.read_text(encoding="utf-8"), parse_float=Decimal)


def _imported_expected() -> dict:
    """What the sample printout imports as, every field of today's schema included (a field
    the printout does not print, such as one added later, is empty)."""
    return json.loads(dumps(loads(IMPORTED.read_text(encoding="utf-8"))), parse_float=Decimal)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def test_sample_printout_imports_its_first_copy_spelt_as_other_copies_spell_it(tmp_path: Path):
    db = tmp_path / "drafts.db"
    draft_id, _ = _import(db, PRINTOUT)
    assert _exported(db, draft_id, tmp_path) == _imported_expected()
    with DraftStore.open(db) as store:
        assert [d.id for d in store.list()] == [draft_id]


def test_sample_summary_accounts_for_every_field_line_and_warning(tmp_path: Path):
    _, summary = _import(tmp_path / "drafts.db", PRINTOUT)
    lines = summary.splitlines()
    result = import_file(PRINTOUT)  # what the reader found, to see that none of it is lost
    assert result.copies_found == 4 and result.warnings and result.unused_lines
    assert lines[0] == (
        'นำเข้า "progress-report-printout-sample.txt" เป็นร่างหมายเลข 1 แล้ว (พบแบบรายงาน 4 ฉบับในไฟล์)'
    )
    assert lines[1] == f"ข้อมูลที่อ่านได้ ({len(result.recognised)} รายการ):"
    fields = lines[2 : 2 + len(result.recognised)]
    assert [line.split(": ", 1)[1] for line in fields] == [
        _one_line(value) for _, value in result.recognised
    ]
    for shown in [
        "  ชื่อโครงการ/กิจกรรม: พัฒนาคุณภาพเครือข่ายโรงเรียน",
        "  รหัสโครงการ: 50280000-6851",
        "  ปีงบประมาณ (พ.ศ.): 2566",
        "  งบประมาณที่ได้รับ (บาท): 180,000 บาท",
        "  วัตถุประสงค์ของโครงการ ข้อ 2.3: "
        "เพื่อให้เครือข่ายโรงเรียนมีเวทีแสดงผลงานเชิงวิชาการที่เกิดจากการแลกเปลี่ยนเรียนรู้ร่วมกัน",
        "  รายงานครั้งที่ 10: 10",
        "  รายงานครั้งที่ 10 วันที่รายงาน (พ.ศ.): 28/09/2566",
        "  รายงานครั้งที่ 5 วันที่รายงาน (พ.ศ.): (ว่าง)",
        "  ฉบับที่ 1: บรรทัด 7–136 (นำเข้าฉบับนี้)",
    ]:
        assert shown in fields
    rest = lines[2 + len(result.recognised) :]
    assert rest[0] == f"บรรทัดที่ไม่ได้ใช้ ({len(result.unused_lines)} บรรทัด):"
    unused = rest[1 : 1 + len(result.unused_lines)]
    assert unused == [f"  บรรทัด {no}: {_one_line(text)}" for no, text in result.unused_lines]
    warnings = rest[1 + len(result.unused_lines) :]
    assert warnings[0].startswith(f"คำเตือน ({len(result.warnings)} รายการ)")
    assert warnings[1:] == [f"  {n}. {_one_line(w)}" for n, w in enumerate(result.warnings, 1)]
    # a field where another copy differs, with both values
    assert any('"ตัวชี้วัด"' in w and "ฉบับที่ 2" in w and '"มิติที่1 ระดับ' in w for w in warnings)
    # a word copy 1 misspells and copy 3 spells right: copy 3's text is imported, and said
    assert any('ฉบับที่ 1 สะกด "คูณภาพ" แต่ฉบับที่ 3 สะกด "คุณภาพ"' in w for w in warnings)


def test_a_thai_named_printout_in_a_thai_folder(tmp_path: Path):
    folder = tmp_path / "แบบพิมพ์ ปีที่แล้ว"
    folder.mkdir()
    copy = folder / "รายงาน 2566.txt"
    shutil.copyfile(PRINTOUT, copy)
    db = tmp_path / "drafts.db"
    draft_id, summary = _import(db, copy)
    assert summary.startswith('นำเข้า "รายงาน 2566.txt" เป็นร่างหมายเลข')
    assert _exported(db, draft_id, tmp_path) == _imported_expected()


def test_json_import_keeps_stdout_and_stderr_clean(tmp_path: Path):
    run = _cli(tmp_path / "drafts.db", "import", DATA / "sample_report.json")
    assert (run.returncode, run.stdout, run.stderr) == (0, "1\n", "")


def test_json_content_under_another_name_is_read_as_json(tmp_path: Path):
    source = tmp_path / "report"
    source.write_bytes((DATA / "sample_report.json").read_bytes())
    db = tmp_path / "drafts.db"
    draft_id, summary = _import(db, source)
    sample = (DATA / "sample_report.json").read_text(encoding="utf-8")
    assert _exported(db, draft_id, tmp_path) == json.loads(sample, parse_float=Decimal)
    assert "คำเตือน: ไม่มี" in summary and "บรรทัดที่ไม่ได้ใช้: ไม่มี" in summary


# -- bad input -------------------------------------------------------------------------------


def _scan_pdf(path: Path) -> None:
    """A page with a picture and no text layer, like a scanned printout."""
    page = canvas.Canvas(str(path))
    page.rect(50, 50, 400, 600, fill=1)
    page.showPage()
    page.save()


def _other_pdf(path: Path) -> None:
    page = canvas.Canvas(str(path))
    page.drawString(72, 720, "Invoice no. 1234 - total 500 THB")
    page.showPage()
    page.save()


def _truncated_pdf(path: Path) -> None:
    _other_pdf(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _huge(path: Path) -> None:
    with path.open("wb") as f:
        f.write(b"%PDF-1.4\n" if path.suffix == ".pdf" else "ชื่อโครงการ".encode())
        f.truncate(21 * 1024 * 1024)  # sparse: 21 MB on paper, nothing on disk


BAD_INPUTS = {
    "empty.txt": (lambda p: p.write_bytes(b""), ["ว่างเปล่า"]),
    "empty.pdf": (lambda p: p.write_bytes(b""), ["ว่างเปล่า"]),
    "binary.txt": (lambda p: p.write_bytes(bytes(range(256)) * 8), ["ไม่ใช่ข้อความ"]),
    "letter.txt": (
        lambda p: p.write_text("เรียน ผู้อำนวยการ\nขอเชิญประชุม\n", encoding="utf-8"),
        ["ไม่พบแบบรายงาน"],
    ),
    "scan.pdf": (_scan_pdf, ["สแกน"]),
    "invoice.pdf": (_other_pdf, ["ไม่พบแบบรายงาน"]),
    "truncated.pdf": (_truncated_pdf, ["ไม่สมบูรณ์"]),
    "not-a-pdf.pdf": (lambda p: p.write_text("ชื่อโครงการ/กิจกรรม : x", encoding="utf-8"), ["PDF"]),
    "huge.txt": (_huge, ["20 MB"]),
    "huge.pdf": (_huge, ["20 MB"]),
    "huge.json": (_huge, ["20 MB"]),
}


@pytest.mark.parametrize("name", list(BAD_INPUTS))
def test_bad_input_is_one_thai_line_and_no_draft(tmp_path: Path, name: str):
    make, words = BAD_INPUTS[name]
    source = tmp_path / name
    make(source)
    db = tmp_path / "drafts.db"
    run = _cli(db, "import", source)
    assert run.returncode == 2, (run.stdout, run.stderr)
    assert run.stdout == ""
    assert "Traceback" not in run.stderr
    assert run.stderr.endswith("\n") and run.stderr.count("\n") == 1, run.stderr
    for word in [name, *words]:
        assert word in run.stderr, run.stderr
    assert not db.exists()  # not even an empty database


def test_bad_input_leaves_an_existing_database_as_it_was(tmp_path: Path):
    db = tmp_path / "drafts.db"
    first, _ = _import(db, PRINTOUT)
    source = tmp_path / "scan.pdf"
    _scan_pdf(source)
    assert _cli(db, "import", source).returncode == 2
    with DraftStore.open(db) as store:
        assert [d.id for d in store.list()] == [first]


def test_a_missing_printout(tmp_path: Path):
    run = _cli(tmp_path / "drafts.db", "import", tmp_path / "ไม่มีไฟล์.txt")
    assert run.returncode == 2 and run.stderr.count("\n") == 1
    assert "ไม่มีไฟล์.txt" in run.stderr and "ไม่พบไฟล์" in run.stderr

"""`export ID|FILE.json --pdf OUT.pdf`: the official PDF from a draft or straight from an
interchange file (no draft created), into Thai-named folders; failures are one Thai line,
exit 2, nothing written."""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path

import pypdfium2
import pytest

from forms.interchange import loads
from storage.drafts import DraftStore
from tests.cli import run_cli as _cli
from tests.conftest import DATA

SAMPLE = DATA / "sample_report.json"


def _ok(run: subprocess.CompletedProcess[str]) -> None:
    assert run.returncode == 0, run.stderr
    assert (run.stdout, run.stderr) == ("", "")


def _assert_one_line_error(run: subprocess.CompletedProcess[str], *words: str) -> None:
    assert run.returncode == 2, (run.stdout, run.stderr)
    assert run.stdout == ""
    assert "Traceback" not in run.stderr
    assert run.stderr.endswith("\n") and run.stderr.count("\n") == 1, run.stderr
    assert any("\u0e01" <= ch <= "\u0e5b" for ch in run.stderr)
    for word in words:
        assert word in run.stderr, run.stderr


def _pdf_text(path: Path) -> str:
    pdf = pypdfium2.PdfDocument(path)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


def _draft(db: Path) -> int:
    with DraftStore.open(db) as store:
        return store.create(loads(SAMPLE.read_bytes()))


def test_a_draft_exports_to_a_pdf_in_a_thai_folder(tmp_path: Path):
    db = tmp_path / "drafts.db"
    draft_id = _draft(db)
    folder = tmp_path / "รายงานโครงการ ปี 2566"
    folder.mkdir()
    out = folder / "50280000-6851_2566 พัฒนาคุณภาพ.pdf"
    _ok(_cli(db, "export", str(draft_id), "--pdf", out))
    assert [p.name for p in folder.iterdir()] == [out.name]  # no temporary file left
    assert out.read_bytes().startswith(b"%PDF-")
    text = _pdf_text(out)
    assert "50280000-6851" in text and "พัฒนาคูณภาพเครือข่ายโรงเรียน" in text
    assert "แบบแสดงรายงานความก้าวหน้าและข้อมูลเกี่ยวกับโครงการ" in text


def test_a_json_file_exports_straight_to_pdf_without_a_draft(tmp_path: Path):
    db = tmp_path / "drafts.db"
    from_draft = tmp_path / "จากร่าง.pdf"
    _ok(_cli(db, "export", str(_draft(db)), "--pdf", from_draft))
    before = db.read_bytes()
    source = tmp_path / "ไฟล์ รายงาน.json"
    source.write_bytes(SAMPLE.read_bytes())
    from_file = tmp_path / "จากไฟล์.pdf"
    _ok(_cli(db, "export", source, "--pdf", from_file))
    assert from_file.read_bytes() == from_draft.read_bytes()
    assert db.read_bytes() == before
    with DraftStore.open(db) as store:
        assert len(store.list()) == 1


def test_a_json_file_export_never_creates_a_database(tmp_path: Path):
    db = tmp_path / "new.db"
    out = tmp_path / "out.pdf"
    _ok(_cli(db, "export", SAMPLE, "--pdf", out))
    assert out.read_bytes().startswith(b"%PDF-")
    assert not db.exists()


def test_a_json_file_exports_to_json_unchanged(tmp_path: Path):
    out = tmp_path / "สำเนา.json"
    _ok(_cli(tmp_path / "drafts.db", "export", SAMPLE, "--json", out))
    assert out.read_bytes() == SAMPLE.read_bytes()


def test_pdf_and_json_at_once(tmp_path: Path):
    pdf, json_out = tmp_path / "a.pdf", tmp_path / "a.json"
    _ok(_cli(tmp_path / "drafts.db", "export", SAMPLE, "--pdf", pdf, "--json", json_out))
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert json_out.read_bytes() == SAMPLE.read_bytes()


def test_export_replaces_an_existing_pdf(tmp_path: Path):
    out = tmp_path / "รายงาน.pdf"
    out.write_bytes(b"old")
    _ok(_cli(tmp_path / "drafts.db", "export", SAMPLE, "--pdf", out))
    assert out.read_bytes().startswith(b"%PDF-")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["รายงาน.pdf"]


def _only(folder: Path, *names: str) -> None:
    # a read-only SQLite reader leaves the database's -wal/-shm: SQLite's, not a stray file
    found = [p.name for p in folder.iterdir() if not p.name.endswith(("-wal", "-shm"))]
    assert sorted(found) == sorted(names)


def test_into_a_missing_folder(tmp_path: Path):
    out = tmp_path / "ไม่มีโฟลเดอร์" / "รายงาน.pdf"
    _assert_one_line_error(_cli(tmp_path / "d.db", "export", SAMPLE, "--pdf", out), "ไม่มีโฟลเดอร์")
    _only(tmp_path)


def test_onto_a_folder(tmp_path: Path):
    target = tmp_path / "เป็นโฟลเดอร์.pdf"
    target.mkdir()
    _assert_one_line_error(_cli(tmp_path / "d.db", "export", SAMPLE, "--pdf", target))
    _only(tmp_path, "เป็นโฟลเดอร์.pdf")
    assert list(target.iterdir()) == []


@pytest.mark.skipif(os.name != "posix", reason="read-only folder made with chattr/chmod")
def test_into_a_read_only_folder_keeps_the_old_file(tmp_path: Path):
    folder = tmp_path / "อ่านอย่างเดียว"
    folder.mkdir()
    old = folder / "รายงาน.pdf"
    old.write_bytes(b"old")
    if os.geteuid() == 0:
        made = subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0
        if not made:
            pytest.skip("running as root without chattr +i: cannot make a folder read-only")
    else:
        folder.chmod(0o555)
    try:
        run = _cli(tmp_path / "d.db", "export", SAMPLE, "--pdf", old)
        _assert_one_line_error(run, "อ่านอย่างเดียว")
        _only(folder, "รายงาน.pdf")
        assert old.read_bytes() == b"old"
    finally:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        else:
            folder.chmod(0o755)


def test_a_bad_json_file_writes_nothing(tmp_path: Path):
    source = tmp_path / "เสีย.json"
    source.write_text('{"fiscal_year": "สองพัน"}', encoding="utf-8")
    out = tmp_path / "out.pdf"
    _assert_one_line_error(_cli(tmp_path / "d.db", "export", source, "--pdf", out), "fiscal_year")
    _only(tmp_path, "เสีย.json")


def test_a_missing_json_file_writes_nothing(tmp_path: Path):
    run = _cli(tmp_path / "d.db", "export", tmp_path / "ไม่มี.json", "--pdf", tmp_path / "o.pdf")
    _assert_one_line_error(run, "ไม่มี.json")
    _only(tmp_path)


def test_an_unknown_draft_leaves_the_old_pdf(tmp_path: Path):
    db = tmp_path / "d.db"
    _draft(db)
    out = tmp_path / "out.pdf"
    out.write_bytes(b"old")
    _assert_one_line_error(_cli(db, "export", "404", "--pdf", out), "404")
    assert out.read_bytes() == b"old"
    _only(tmp_path, "d.db", "out.pdf")


def test_a_failed_pdf_writes_no_json_either(tmp_path: Path):
    json_out = tmp_path / "a.json"
    run = _cli(
        tmp_path / "d.db",
        "export",
        SAMPLE,
        "--json",
        json_out,
        "--pdf",
        tmp_path / "ไม่มี" / "a.pdf",
    )
    _assert_one_line_error(run, "ไม่มี")
    _only(tmp_path)  # the PDF is written first: its failure stops the JSON too


def test_justified_pdf_is_offered_and_keeps_the_text(tmp_path: Path):
    import pypdfium2 as pdfium

    plain, justified = tmp_path / "plain.pdf", tmp_path / "justified.pdf"
    assert _cli(tmp_path / "d.db", "export", SAMPLE, "--pdf", plain).returncode == 0
    run = _cli(tmp_path / "d.db", "export", SAMPLE, "--pdf", justified, "--justify")
    assert run.returncode == 0, run.stderr
    assert plain.read_bytes() != justified.read_bytes()
    text = pdfium.PdfDocument(justified)[0].get_textpage().get_text_range()
    assert loads(SAMPLE.read_text(encoding="utf-8")).rationale[1] in text


def test_long_dates_are_offered(tmp_path: Path):
    import pypdfium2 as pdfium

    out = tmp_path / "long.pdf"
    run = _cli(tmp_path / "d.db", "export", SAMPLE, "--pdf", out, "--long-dates")
    assert run.returncode == 0, run.stderr
    text = pdfium.PdfDocument(out)[0].get_textpage().get_text_range()
    assert "1 ตุลาคม 2565" in text and "2022-10-01" not in text
    assert not (tmp_path / "d.db").exists()  # a FILE.json source touches no database


def test_pdf_and_json_are_written_together_or_not_at_all(tmp_path: Path):
    """The PDF is staged first; the JSON's missing folder must stop it too."""
    run = _cli(
        tmp_path / "d.db",
        "export",
        SAMPLE,
        "--pdf",
        tmp_path / "ok.pdf",
        "--json",
        tmp_path / "nodir" / "x.json",
    )
    _assert_one_line_error(run, "nodir")
    _only(tmp_path)  # no ok.pdf, no temporary file


def test_a_failed_second_output_keeps_the_first_old_file(tmp_path: Path):
    old_pdf = tmp_path / "รายงาน.pdf"
    old_pdf.write_bytes(b"old")
    folder = tmp_path / "เป็นโฟลเดอร์.json"
    folder.mkdir()
    run = _cli(tmp_path / "d.db", "export", SAMPLE, "--pdf", old_pdf, "--json", folder)
    _assert_one_line_error(run, "โฟลเดอร์")
    _only(tmp_path, "รายงาน.pdf", "เป็นโฟลเดอร์.json")
    assert old_pdf.read_bytes() == b"old"
    assert list(folder.iterdir()) == []


def test_pdf_and_json_into_one_file_is_refused(tmp_path: Path):
    out = tmp_path / "รายงาน"
    run = _cli(tmp_path / "d.db", "export", SAMPLE, "--pdf", out, "--json", out)
    _assert_one_line_error(run, "--pdf", "--json", "รายงาน")
    _only(tmp_path)


def _error_count(report_json: str) -> int:
    from forms.checks import check_report

    return sum(1 for p in check_report(loads(report_json)) if p.is_error)


def test_a_pdf_with_warnings_only_exports_without_a_word(tmp_path: Path):
    assert _error_count(SAMPLE.read_text(encoding="utf-8")) == 0  # the premise
    out = tmp_path / "out.pdf"
    _ok(_cli(tmp_path / "d.db", "export", SAMPLE, "--pdf", out))
    assert out.read_bytes().startswith(b"%PDF-")


def test_a_pdf_with_errors_is_written_with_one_warning(tmp_path: Path):
    source = tmp_path / "รายงาน ว่าง.json"
    source.write_text("{}", encoding="utf-8")
    errors = _error_count("{}")
    assert errors > 0  # the premise
    out = tmp_path / "out.pdf"
    run = _cli(tmp_path / "d.db", "export", source, "--pdf", out)
    assert run.returncode == 0, run.stderr
    assert out.read_bytes().startswith(b"%PDF-")
    assert run.stdout == ""
    assert run.stderr.count("\n") == 1 and run.stderr.endswith("\n"), run.stderr
    line = run.stderr.strip()
    assert line.startswith(f"คำเตือน: รายงานนี้ยังมีข้อผิดพลาด {errors} รายการ"), line
    assert _suggested_args(line) == ["check", str(source)]  # the path has a space: quoted
    check = _cli(tmp_path / "d.db", "check", source)  # the command the line names
    assert check.returncode == 1
    assert check.stdout.count("error\t") == errors


def test_the_warning_names_the_draft_and_its_database(tmp_path: Path):
    db = tmp_path / "ฐาน ข้อมูล.db"
    with DraftStore.open(db) as store:
        draft_id = store.create(loads("{}"))
    run = _cli(db, "export", str(draft_id), "--pdf", tmp_path / "out.pdf")
    assert run.returncode == 0, run.stderr
    assert _suggested_args(run.stderr) == ["--db", str(db), "check", str(draft_id)]


def _suggested_args(line: str) -> list[str]:
    """The arguments of the command a warning suggests, as the clerk's shell reads them."""
    command = line.strip().split("ดูรายการด้วยคำสั่ง ", 1)[1]
    assert command.startswith("python main.py "), command
    return shlex.split(command.removeprefix("python main.py "))


def test_a_suggested_command_is_quoted_for_the_shell(tmp_path: Path):
    folder = tmp_path / "it's $(touch pwned) `x` ; a&b"
    folder.mkdir()
    source = folder / 'ว่าง "1".json'
    source.write_text("{}", encoding="utf-8")
    run = _cli(tmp_path / "d.db", "export", source, "--pdf", tmp_path / "out.pdf")
    assert run.returncode == 0, run.stderr
    assert _suggested_args(run.stderr) == ["check", str(source)]
    command = run.stderr.split("ดูรายการด้วยคำสั่ง ", 1)[1].strip()
    echoed = subprocess.run(  # the line run by a real shell names the file and runs nothing
        ["sh", "-c", "printf '%s\\n' " + command.removeprefix("python main.py ")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert echoed.stdout.splitlines() == ["check", str(source)]
    assert not (tmp_path / "pwned").exists()


def test_a_json_export_with_errors_says_nothing(tmp_path: Path):
    source = tmp_path / "empty.json"
    source.write_text("{}", encoding="utf-8")
    out = tmp_path / "out.json"
    _ok(_cli(tmp_path / "d.db", "export", source, "--json", out))
    assert loads(out.read_text(encoding="utf-8")) == loads("{}")


def test_exporting_to_a_symbolic_link_writes_the_file_it_names(tmp_path: Path):
    real = tmp_path / "จริง.pdf"
    real.write_bytes(b"old")
    link = tmp_path / "ลิงก์.pdf"
    link.symlink_to(real)
    _ok(_cli(tmp_path / "drafts.db", "export", SAMPLE, "--pdf", link))
    assert link.is_symlink() and real.read_bytes().startswith(b"%PDF-")

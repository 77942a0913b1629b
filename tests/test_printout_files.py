"""import_file and extract_pdf_text: .json, .txt and .pdf in; every bad file refused in Thai."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from forms.errors import FormError
from forms.interchange import loads
from forms.printout import PrintoutError, extract_pdf_text, import_file
from forms.printout import pdf_text as pdf_text_module
from forms.report import Report
from tests.conftest import DATA, ROOT

SAMPLE = DATA / "progress-report-printout-sample.txt"
FONT = ROOT / "resources" / "fonts" / "Sarabun-Regular.ttf"
PAGE_HEADER = "** แบบแสดงรายงานความก้าวหน้าและข้อมูลเกี่ยวกับโครงการ **"


@pytest.fixture(scope="module")
def first_copy() -> Report:
    return loads((DATA / "sample_first_copy.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def imported() -> Report:
    """The whole four-copy sample's import: the first copy, respelt where others spell right."""
    return loads((DATA / "sample_imported.json").read_text(encoding="utf-8"))


def pdf_bytes(pages: list[list[str]], encrypt: str | None = None) -> bytes:
    """A PDF (ReportLab, Sarabun) printing each page's lines top to bottom."""
    if "Sarabun" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Sarabun", str(FONT)))
    out = io.BytesIO()
    pdf = canvas.Canvas(out, encrypt=StandardEncryption(encrypt) if encrypt else None)
    for lines in pages:
        pdf.setFont("Sarabun", 7)
        for i, line in enumerate(lines):
            pdf.drawString(30, 810 - 12 * i, line.replace("\t", "    "))
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def printout_pages() -> list[list[str]]:
    """The sample's first copy as the official system prints it: one page header a page."""
    raw = SAMPLE.read_text(encoding="utf-8").split("\n")[4:136]
    plain = [re.sub(r"^\*\*(.*)\*\*$", r"\1", line).replace("\\*", "*") for line in raw]
    pages: list[list[str]] = []
    for line in plain:
        if line == PAGE_HEADER:
            pages.append([])
        if line.strip():
            pages[-1].append(line)
    return pages


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def refused(path: Path, *words: str) -> str:
    with pytest.raises(PrintoutError) as raised:
        import_file(path)
    message = str(raised.value)
    assert re.search("[\u0e00-\u0e7f]", message), message
    for word in words:
        assert word in message, message
    return message


# -- what imports -----------------------------------------------------------------------------


def test_json_imports_with_every_field_listed(tmp_path: Path, first_copy: Report):
    path = write(tmp_path, "r.json", (DATA / "sample_first_copy.json").read_bytes())
    result = import_file(path)
    assert result.report == first_copy
    assert result.copies_found == 1
    assert (result.warnings, result.unused_lines) == ([], [])
    summary = dict(result.recognised)
    assert summary["signer_name"] == "(ว่าง)"
    assert summary["progress_reports[10].progress_percent"] == "100.00 %"
    assert len([p for p in summary if p.startswith("rationale[")]) == 15


def test_bad_json_content_raises_the_interchange_error(tmp_path: Path):
    with pytest.raises(FormError) as raised:
        import_file(write(tmp_path, "r.json", b'{"project_nam": "x"}'))
    assert "project_nam" in str(raised.value)


def test_sample_text_file_imports_its_first_copy(tmp_path: Path, imported: Report):
    result = import_file(write(tmp_path, "sample.TXT", SAMPLE.read_bytes()))
    assert result.report == imported
    assert result.copies_found == 4
    assert len(result.warnings) == 36  # the other copies' differences, each said once
    assert result.warnings[0] == (
        'ช่อง "ชื่อโครงการ/กิจกรรม": ฉบับที่ 1 สะกด "คูณภาพ" แต่ฉบับที่ 3 สะกด "คุณภาพ"'
        " — นำเข้าข้อความตามฉบับที่ 3 ที่สะกดถูก"
    )
    assert any(w.startswith('รายงานครั้งที่ 3 ช่อง "ความก้าวหน้า (%)": ฉบับที่ 3') for w in result.warnings)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_text_with_a_byte_order_mark(tmp_path: Path, imported: Report, encoding: str):
    data = SAMPLE.read_text(encoding="utf-8").encode(encoding)
    assert import_file(write(tmp_path, "sample.txt", data)).report == imported


def test_thai_windows_code_page_is_read_with_a_warning(tmp_path: Path, first_copy: Report):
    text = "\n".join(SAMPLE.read_text(encoding="utf-8").split("\n")[:137])
    result = import_file(write(tmp_path, "sample.txt", text.encode("cp874")))
    assert result.report == first_copy
    assert "874" in result.warnings[0]


def test_printout_pdf_imports_its_report(tmp_path: Path, first_copy: Report):
    pages = printout_pages()
    assert len(pages) == 2
    result = import_file(write(tmp_path, "printout.pdf", pdf_bytes(pages)))
    assert result.report == first_copy
    assert (result.warnings, result.unused_lines) == ([], [])
    headers = [value for path, value in result.recognised if path == "page_header"]
    assert headers == ["บรรทัด 1", f"บรรทัด {len(pages[0]) + 1}"]


def test_files_without_a_known_extension_are_recognised_by_content(
    tmp_path: Path, first_copy: Report, imported: Report
):
    assert import_file(write(tmp_path, "a", pdf_bytes(printout_pages()))).report == first_copy
    assert import_file(write(tmp_path, "b", SAMPLE.read_bytes())).report == imported


# -- what is refused --------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["empty.txt", "empty.pdf", "empty.json"])
def test_empty_file(tmp_path: Path, name: str):
    refused(write(tmp_path, name, b""), "ว่างเปล่า", name)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        bytes(range(256)) * 4,
        "ชื่อโครงการ/กิจกรรม : x".encode() + b"\x00\x01",
    ],
)
def test_binary_file(tmp_path: Path, data: bytes):
    refused(write(tmp_path, "data.txt", data), "ไม่ใช่ข้อความ")


@pytest.mark.parametrize("name", ["big.txt", "big.pdf", "big.json"])
def test_file_over_20_mb_is_refused_without_reading_it(tmp_path: Path, name: str):
    path = tmp_path / name
    with path.open("wb") as handle:
        handle.truncate(20 * 1024 * 1024 + 1)  # sparse: no 20 MB are written
    refused(path, "20 MB")


def test_missing_file_and_folder(tmp_path: Path):
    refused(tmp_path / "nothing.txt", "ไม่พบไฟล์")
    refused(tmp_path, "เป็นโฟลเดอร์")


def test_pdf_without_text_layer(tmp_path: Path):
    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    pdf.rect(100, 100, 300, 400, fill=1)
    pdf.showPage()
    pdf.save()
    refused(write(tmp_path, "scan.pdf", out.getvalue()), "ไม่มีข้อความ", "สแกน")


def test_pdf_of_another_document(tmp_path: Path):
    refused(
        write(tmp_path, "letter.pdf", pdf_bytes([["hello world"]])), "ไม่พบแบบรายงาน", "letter.pdf"
    )


def test_truncated_pdf(tmp_path: Path):
    data = pdf_bytes(printout_pages())
    refused(write(tmp_path, "cut.pdf", data[: len(data) // 2]), "ไม่สมบูรณ์")


def test_damaged_pdf_that_still_ends_properly(tmp_path: Path):
    data = pdf_bytes(printout_pages())
    refused(write(tmp_path, "broken.pdf", data[:300] + data[-200:]), "เสียหาย")


def test_pdf_named_file_that_is_not_a_pdf(tmp_path: Path):
    refused(write(tmp_path, "fake.pdf", SAMPLE.read_bytes()), "ไม่ใช่ PDF")


def test_password_protected_pdf(tmp_path: Path):
    data = pdf_bytes(printout_pages(), encrypt="secret")
    refused(write(tmp_path, "locked.pdf", data), "รหัสผ่าน")


def test_pdf_with_too_many_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(pdf_text_module, "MAX_PAGES", 1)
    refused(write(tmp_path, "long.pdf", pdf_bytes(printout_pages())), "หน้า")


def test_extraction_is_stopped_at_its_time_limit(tmp_path: Path):
    path = write(tmp_path, "printout.pdf", pdf_bytes(printout_pages()))
    with pytest.raises(PrintoutError) as raised:
        extract_pdf_text(path, timeout=0.001)  # less than starting the reader takes
    assert "ไม่เสร็จภายใน" in str(raised.value)


@pytest.mark.skipif(sys.platform == "win32", reason="address-space limits are POSIX")
def test_extraction_runs_under_a_memory_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(pdf_text_module, "MEMORY_BYTES", 16 * 1024 * 1024)
    path = write(tmp_path, "printout.pdf", pdf_bytes(printout_pages()))
    with pytest.raises(PrintoutError) as raised:
        extract_pdf_text(path)
    assert "ไม่สำเร็จ" in str(raised.value)


def test_big_text_file_under_20_mb_is_refused_as_too_long(tmp_path: Path):
    refused(write(tmp_path, "log.txt", "ข้อความ\n".encode() * 700_000), "ยาวเกิน")

"""`import_file`: a `.json`, `.txt` or `.pdf` file to an `ImportResult`, refusing what is not.

Every file is checked before it is read whole: it must exist, be non-empty and at most
20 MB; text must be UTF-8 (a UTF-16 file with its byte-order mark, as Windows Notepad
saves "Unicode", and Thai Windows' own code page 874 are read too, the latter with a
warning) and hold no NUL bytes. Files named otherwise are recognised by their content.
"""

from __future__ import annotations

import re
from pathlib import Path

from forms.errors import FormError
from forms.filetypes import is_interchange
from forms.interchange import loads
from forms.pdf.readback import REPORT_JSON_NAME
from forms.printout.agreement import disagreements
from forms.printout.parser import parse_printout_text
from forms.printout.pdf_text import MAX_BYTES, MAX_CHARS, MAX_PAGES, read_pdf
from forms.printout.reconcile import show
from forms.printout.result import ImportResult, PrintoutError
from forms.report import Report
from forms.schema import FIELDS, PROGRESS_FIELDS, Kind

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_THAI = re.compile(r"[\u0e01-\u0e5b]")


def import_file(path: Path, *, in_process_pdf: bool = False) -> ImportResult:
    """The report in `path`; `PrintoutError` (or the interchange's `FormError`) when none.

    `in_process_pdf`: read a PDF in this process (`read_pdf`'s `in_process`), for a
    process that bounds its own memory and time."""
    path = Path(path)
    _check_size(path)
    kind = _kind(path)
    if kind == "pdf":
        return _from_pdf(path, in_process_pdf)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _unreadable(path, exc) from None
    if kind is None and b"%PDF-" in data[:1024]:
        return _from_pdf(path, in_process_pdf)
    text, warnings = decode_text(data, path.name)
    if kind == "json" or (kind is None and text.lstrip().startswith("{")):
        return _from_json(text, warnings)
    result = _parse(text, path)
    result.warnings[:0] = warnings
    return result


def read_interchange_file(path: Path) -> ImportResult:
    """A file named as interchange JSON (`.json`, `.bmareport`), read as every import reads
    it — the size bound, UTF-8, UTF-16 or Thai Windows' code page — for the command line's
    `export`/`check` of a file as much as for the window's import: one way, one set of
    messages."""
    path = Path(path)
    _check_size(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _unreadable(path, exc) from None
    return _from_json(*decode_text(data, path.name))


def _from_json(text: str, warnings: list[str]) -> ImportResult:
    report = loads(text)
    return ImportResult(report, recognised=all_fields(report), warnings=warnings, copies_found=1)


def _from_pdf(path: Path, in_process: bool = False) -> ImportResult:
    """A PDF of this app carries its report as attached JSON, exact to the character (text
    extraction cannot tell a wrapped line from a typed line break); other PDFs, or one
    whose attachment is unreadable, are read from their text."""
    content = read_pdf(path, in_process=in_process)
    if content.attachment_damaged:
        result = _parse(content.text, path)
        result.warnings.insert(
            0,
            "ข้อมูลรายงานที่แนบในไฟล์ PDF ไม่ตรงกับค่าตรวจสอบ (ไฟล์อาจเสียหายหรือถูกแก้ไข)"
            " จึงอ่านจากข้อความในหน้าแทน — ตรวจทุกช่องกับแบบพิมพ์ก่อนใช้",
        )
        return result
    if content.report_json is not None:
        try:
            report = loads(content.report_json)
        except FormError as exc:
            result = _parse(content.text, path)
            result.warnings.insert(
                0, f"ข้อมูลรายงานที่แนบในไฟล์ PDF ใช้ไม่ได้ ({exc}) จึงอ่านจากข้อความในหน้าแทน"
            )
            return result
        if content.text_skipped:
            warnings = [_SKIPPED.get(content.text_skipped, _SKIPPED["pages"])]
        else:
            warnings = _page_disagreements(report, content.text)
        return ImportResult(
            report,
            recognised=[("pdf_attachment", REPORT_JSON_NAME), *all_fields(report)],
            warnings=warnings,
            copies_found=1,
        )
    return _parse(content.text, path)


_SKIPPED = {
    limit: f"ไฟล์ PDF นี้ยาวเกิน {what} จึงไม่ได้อ่านข้อความในหน้ามาเทียบ"
    " — นำเข้าจากข้อมูลรายงานที่แนบในไฟล์ซึ่งตรงทุกช่อง"
    for limit, what in (("pages", f"{MAX_PAGES:,} หน้า"), ("chars", f"{MAX_CHARS:,} ตัวอักษร"))
}


def _page_disagreements(attached: Report, page_text: str) -> list[str]:
    """Warnings for numbers and dates the pages print otherwise than the attachment says."""
    try:
        printed = parse_printout_text(page_text).report
    except PrintoutError:
        return []  # pages that read as no report at all: the attachment is all there is
    return disagreements(attached, printed)


def _parse(text: str, path: Path) -> ImportResult:
    try:
        return parse_printout_text(text)
    except PrintoutError as exc:
        raise PrintoutError(f'ไฟล์ "{path.name}": {exc}') from None


def _check_size(path: Path) -> None:
    try:
        if path.is_dir():
            raise PrintoutError(
                f'"{path}" เป็นโฟลเดอร์ ไม่ใช่ไฟล์ — เลือกไฟล์แบบรายงาน .json, .txt หรือ .pdf'
            )
        if not path.is_file():
            raise PrintoutError(f'ไม่พบไฟล์ "{path}" — ตรวจชื่อและที่อยู่ของไฟล์')
        size = path.stat().st_size
    except OSError as exc:
        raise _unreadable(path, exc) from None
    if size == 0:
        raise PrintoutError(f'ไฟล์ "{path.name}" ว่างเปล่า — เลือกไฟล์แบบรายงานที่มีข้อมูล')
    if size > MAX_BYTES:
        raise PrintoutError(
            f'ไฟล์ "{path.name}" ใหญ่ {size / 1048576:.1f} MB เกินขนาดที่รับได้'
            f" {MAX_BYTES / 1048576:.0f} MB — แบบรายงานหนึ่งฉบับมีไม่กี่หน้า ตรวจว่าเลือกไฟล์ถูก"
        )


def _kind(path: Path) -> str | None:
    if is_interchange(path):
        return "json"
    return {".pdf": "pdf", ".txt": "txt"}.get(path.suffix.lower())


def _unreadable(path: Path, exc: OSError) -> PrintoutError:
    return PrintoutError(f'เปิดไฟล์ "{path.name}" ไม่ได้ ({exc.strerror}) — ตรวจว่าไฟล์ยังอยู่และเปิดอ่านได้')


def decode_text(data: bytes, name: str) -> tuple[str, list[str]]:
    """The text of a file's bytes, and warnings; `PrintoutError` for binary data."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise _binary(name) from None
        if _CONTROL.search(text):
            raise _binary(name)
        return text, []
    if b"\x00" in data:
        raise _binary(name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _thai_code_page(data, name)
        return text, [
            f'ไฟล์ "{name}" ไม่ใช่ UTF-8 จึงอ่านเป็นรหัสภาษาไทยของ Windows (TIS-620/874) — ตรวจว่าอักษรไทยถูกต้อง'
        ]
    if _CONTROL.search(text):
        raise _binary(name)
    return text, []


def _thai_code_page(data: bytes, name: str) -> str:
    try:
        text = data.decode("cp874")
    except UnicodeDecodeError:
        raise _binary(name) from None
    if _CONTROL.search(text) or not _THAI.search(text):
        raise _binary(name)
    return text


def _binary(name: str) -> PrintoutError:
    return PrintoutError(
        f'ไฟล์ "{name}" ไม่ใช่ข้อความ (เป็นไฟล์ไบนารีหรือใช้รหัสอักษรที่อ่านไม่ได้)'
        " — เลือกไฟล์ .txt ที่บันทึกแบบ UTF-8, ไฟล์ PDF หรือไฟล์ .json ของแบบรายงาน"
    )


def all_fields(report: Report) -> list[tuple[str, str]]:
    """(path, shown value) of every field of a report read whole (from JSON)."""
    out: list[tuple[str, str]] = []
    for field_ in FIELDS:
        value = getattr(report, field_.key)
        if field_.kind == Kind.TEXT_LIST:
            out += [(f"{field_.key}[{i}]", item) for i, item in enumerate(value, start=1)]
            if not value:
                out.append((field_.key, show(field_, None)))
        elif field_.kind == Kind.REPORT_LIST:
            for i, item in enumerate(value, start=1):
                out += [
                    (f"progress_reports[{i}].{sub.key}", show(sub, getattr(item, sub.key)))
                    for sub in PROGRESS_FIELDS
                ]
            if not value:
                out.append((field_.key, show(field_, None)))
        else:
            out.append((field_.key, show(field_, value)))
    return out

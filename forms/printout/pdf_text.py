"""A PDF's text, read with PDFium (pypdfium2) in a bounded child process.

Why a child process: PDFium is native code, so a thread cannot be stopped and an
allocation cannot be refused from Python; a process can be killed after `timeout` seconds
and its address space capped (RLIMIT_AS where the OS has it). The child also stops at
`MAX_PAGES` pages or `MAX_CHARS` characters: a printout is a few pages, so anything far
larger is some other document. Cheap checks (size, `%PDF-` header, `%%EOF` trailer) run
first in this process, so a file that is plainly not a whole PDF never starts PDFium.
Starting the child costs about 0.1 s, more than reading a report's PDF takes; a caller
that reads many PDFs in processes it already bounds (memory-capped, killed on a time-out:
`forms.district.collect`'s workers) reads them there with `in_process=True`.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from forms.printout.result import PrintoutError

MAX_BYTES = 20 * 1024 * 1024
MAX_PAGES = 500
MAX_CHARS = 5_000_000
MEMORY_BYTES = 1024 * 1024 * 1024
TIMEOUT = 30.0
_WORKER = Path(__file__).with_name("_pdf_worker.py")
_HEAD = 1024  # the PDF header may follow a little junk (ISO 32000 allows readers to skip it)
_TAIL = 2048  # `%%EOF` ends the file, perhaps followed by line ends or a little junk


@dataclass(frozen=True)
class PdfContent:
    text: str  # every page's text, pages joined by line breaks
    report_json: str | None  # the interchange JSON this app attaches to its exports
    attachment_damaged: bool = False  # there was one, but its bytes fail their checksum
    # the pages were not read (over MAX_PAGES or MAX_CHARS): an app PDF, read from its
    # attachment alone; "pages" or "chars" says which limit
    text_skipped: str | None = None


def extract_pdf_text(path: Path, max_bytes: int = MAX_BYTES, timeout: float = TIMEOUT) -> str:
    """The text of every page, pages joined by line breaks; `PrintoutError` when there is none."""
    return read_pdf(path, max_bytes, timeout).text


def read_pdf(
    path: Path, max_bytes: int = MAX_BYTES, timeout: float = TIMEOUT, *, in_process: bool = False
) -> PdfContent:
    """The text and the attached report JSON of a PDF; `PrintoutError` when there is no text.

    `in_process`: PDFium runs in this process, unbounded (the same limits of pages and
    characters apply, not of memory or time); only for a process that is itself bounded."""
    name = path.name
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(_HEAD)
            handle.seek(max(0, size - _TAIL))
            tail = handle.read()
    except OSError as exc:
        raise PrintoutError(
            f'เปิดไฟล์ "{name}" ไม่ได้ ({exc.strerror}) — ตรวจว่าไฟล์ยังอยู่และเปิดอ่านได้'
        ) from None
    if size > max_bytes:
        raise PrintoutError(
            f'ไฟล์ "{name}" ใหญ่ {size / 1048576:.1f} MB เกินขนาดที่รับได้ {max_bytes / 1048576:.0f} MB'
            " — แบบรายงานหนึ่งฉบับมีไม่กี่หน้า ตรวจว่าเลือกไฟล์ถูก"
        )
    if b"%PDF-" not in head:
        raise PrintoutError(f'ไฟล์ "{name}" ไม่ใช่ PDF — เลือกไฟล์ PDF ของแบบรายงาน หรือไฟล์ .txt / .json')
    if b"%%EOF" not in tail:
        raise PrintoutError(
            f'ไฟล์ PDF "{name}" ไม่สมบูรณ์ (ท้ายไฟล์ขาดหายไป อาจดาวน์โหลดหรือคัดลอกไม่ครบ)'
            " — ดาวน์โหลดหรือคัดลอกไฟล์มาใหม่"
        )
    result = _read_here(path) if in_process else _run_worker(path, timeout)
    if "error" in result:
        raise PrintoutError(_message(str(result["error"]), name))
    # PDFium reads a `-` that ends a line as a hyphenated word: it gives U+FFFE for the
    # hyphen and runs the next line on. The printout never hyphenates, so the hyphen was
    # typed and the line did end there.
    text = (result.get("text") or "").replace("\ufffe", "-\r\n")
    report_json = result.get("report_json")
    skipped = result.get("text_skipped")
    if skipped and isinstance(report_json, str):
        return PdfContent("", report_json, text_skipped=str(skipped))
    if not text.strip():
        raise PrintoutError(
            f'ไฟล์ PDF "{name}" ไม่มีข้อความให้อ่าน (อาจเป็นภาพสแกน)'
            " — ใช้ PDF ที่ดาวน์โหลดจากระบบโดยตรง หรือพิมพ์ข้อมูลเองในแบบร่างใหม่"
        )
    return PdfContent(
        text,
        report_json if isinstance(report_json, str) else None,
        attachment_damaged=result.get("attachment") == "damaged",
    )


def _read_here(path: Path) -> dict[str, str | None]:
    """What the worker gives, read in this process."""
    from forms.pdf.readback import read_report_attachment
    from forms.printout._pdf_worker import _extract, with_attachment

    result: dict[str, str | None] = dict(_extract(str(path), MAX_PAGES, MAX_CHARS))
    if "text" in result or result.get("error") in ("pages", "chars"):
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise PrintoutError(
                f'เปิดไฟล์ "{path.name}" ไม่ได้ ({exc.strerror}) — ตรวจว่าไฟล์ยังอยู่และเปิดอ่านได้'
            ) from None
        result = with_attachment(result, read_report_attachment(data))
    return result


def _run_worker(path: Path, timeout: float) -> dict[str, str | None]:
    # The worker writes its result into a file of its own and the parent waits for its exit,
    # not for the end of a pipe: a process started meanwhile by the system (under Wine, the
    # desktop's explorer.exe, started by the first shell32 call) can inherit a pipe's
    # write end and hold it open for ever, and the read would wait out the time limit.
    with tempfile.TemporaryDirectory(prefix="bma-pdf-") as folder:
        out = Path(folder) / "result.json"
        command = [
            sys.executable,
            "-I",
            str(_WORKER),
            str(path),
            str(MAX_PAGES),
            str(MAX_CHARS),
            str(MEMORY_BYTES),
            str(out),
        ]
        worker = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            worker.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            worker.kill()
            with contextlib.suppress(subprocess.TimeoutExpired):
                worker.wait(timeout=5)
            raise PrintoutError(
                f'อ่านไฟล์ PDF "{path.name}" ไม่เสร็จภายใน {timeout:g} วินาที จึงหยุดอ่าน'
                " — ไฟล์อาจเสียหาย ลองดาวน์โหลดใหม่ หรือคัดลอกข้อความจาก PDF มาวางแทน"
            ) from None
        try:
            result = json.loads(out.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError):
            result = None
    if worker.returncode != 0 or not isinstance(result, dict):
        raise PrintoutError(
            f'อ่านไฟล์ PDF "{path.name}" ไม่สำเร็จ (ไฟล์อาจเสียหายหรือใหญ่เกินไป)'
            " — ลองดาวน์โหลดใหม่ หรือคัดลอกข้อความจาก PDF มาวางแทน"
        )
    return result


def _message(error: str, name: str) -> str:
    if error == "password":
        return f'ไฟล์ PDF "{name}" ตั้งรหัสผ่านไว้ — เปิดด้วยรหัสผ่านแล้วบันทึกเป็นไฟล์ใหม่ที่ไม่มีรหัสผ่านก่อน'
    if error == "pages":
        return f'ไฟล์ PDF "{name}" มีมากกว่า {MAX_PAGES} หน้า จึงไม่ใช่แบบรายงานโครงการ — ตรวจว่าเลือกไฟล์ถูก'
    if error == "chars":
        return f'ไฟล์ PDF "{name}" มีข้อความมากเกินกว่าแบบรายงานโครงการ — ตรวจว่าเลือกไฟล์ถูก'
    return f'ไฟล์ PDF "{name}" เสียหายหรือไม่สมบูรณ์ เปิดอ่านไม่ได้ — ดาวน์โหลดหรือคัดลอกไฟล์มาใหม่'

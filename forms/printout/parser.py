"""`parse_printout_text`: a printout's text (one or several copies) to an `ImportResult`."""

from __future__ import annotations

from forms.printout.copies import CopyParse, CopyReader
from forms.printout.labels import is_page_header
from forms.printout.lines import split_lines
from forms.printout.reconcile import choose, differences, recognised, spent_warning
from forms.printout.result import ImportResult, PrintoutError


def parse_printout_text(text: str) -> ImportResult:
    """The report in the text of an official printout; raises `PrintoutError` when none is."""
    if not text.strip():
        raise PrintoutError("ไม่มีข้อความให้นำเข้า — คัดลอกข้อความทั้งหมดจากแบบรายงาน (PDF) แล้ววางอีกครั้ง")
    copies, headers = _read_copies(text)
    found = [copy for copy in copies if copy.lines]
    if not found:
        raise PrintoutError(
            'ไม่พบแบบรายงานในข้อความนี้ (ไม่มีหัวข้อเช่น "ชื่อโครงการ/กิจกรรม :" หรือ "รายงานครั้งที่")'
            " — ตรวจว่าเลือกไฟล์หรือข้อความของ “แบบแสดงรายงานความก้าวหน้าและข้อมูลเกี่ยวกับโครงการ”"
        )
    index, warnings = choose(found)
    chosen = found[index]
    report = chosen.report
    warnings += chosen.notes + spent_warning(chosen, report)
    for other_index, other in enumerate(found):
        if other_index != index:
            warnings += differences(chosen, index + 1, other, other_index + 1)
    summary = recognised(chosen)
    summary += [("page_header", f"บรรทัด {no}") for no in headers]
    summary += [
        (
            f"copy[{i}]",
            f"บรรทัด {copy.first_line}–{copy.last_line}"
            + (" (นำเข้าฉบับนี้)" if copy is chosen else " (ใช้เทียบเท่านั้น)"),
        )
        for i, copy in enumerate(found, start=1)
    ]
    unused = sorted(line for copy in copies for line in copy.unused)
    return ImportResult(report, summary, unused, warnings, copies_found=len(found))


def _read_copies(text: str) -> tuple[list[CopyParse], list[int]]:
    """Every copy in the text (the first may hold only stray lines), and the header lines."""
    copies: list[CopyParse] = []
    headers: list[int] = []
    reader: CopyReader | None = None
    for line in split_lines(text):
        if not line.text.strip():
            continue
        if is_page_header(line.text):
            headers.append(line.no)
            continue
        if reader is None:
            reader = CopyReader(first_line=line.no)
        if not reader.feed(line):
            copies.append(reader.finish())
            reader = CopyReader(first_line=line.no)
            reader.feed(line)
    if reader is not None:
        copies.append(reader.finish())
    return copies, headers

"""`parse_printout_text`: a printout's text (one or several copies) to an `ImportResult`."""

from __future__ import annotations

from dataclasses import replace

from forms.printed import PAGE_TITLE
from forms.printout.copies import CopyParse, CopyReader
from forms.printout.labels import PAGE_FOOTER, is_page_header
from forms.printout.limits import fit_to_limits
from forms.printout.lines import split_lines
from forms.printout.reconcile import choose, differences, recognised, spent_warning
from forms.printout.result import ImportResult, PrintoutError
from forms.printout.spelling import prefer_right_spelling

MAX_LINES = 10_000  # non-empty lines
MAX_CHARS = 5_000_000


def parse_printout_text(text: str) -> ImportResult:
    """The report in the text of an official printout; raises `PrintoutError` when none is."""
    if not text.strip():
        raise PrintoutError("ไม่มีข้อความให้นำเข้า — คัดลอกข้อความทั้งหมดจากแบบรายงาน (PDF) แล้ววางอีกครั้ง")
    _check_size(text)
    copies, headers = _read_copies(text)
    found = [copy for copy in copies if copy.lines]
    if not found:
        raise PrintoutError(
            'ไม่พบแบบรายงานในข้อความนี้ (ไม่มีหัวข้อเช่น "ชื่อโครงการ/กิจกรรม :" หรือ "รายงานครั้งที่")'
            f" — ตรวจว่าเลือกไฟล์หรือข้อความของ “{PAGE_TITLE}”"
        )
    index, warnings = choose(found)
    chosen = found[index]
    others = [(n, copy) for n, copy in enumerate(found, start=1) if copy is not chosen]
    spelling = prefer_right_spelling(chosen, index + 1, others)
    report = spelling.report
    warnings += chosen.notes + spent_warning(chosen, report) + spelling.warnings
    for other_number, other in others:
        warnings += differences(chosen, index + 1, other, other_number, spelling.adopted)
    report, cuts = fit_to_limits(report)
    warnings += cuts
    summary = recognised(replace(chosen, report=spelling.report))
    summary += [(kind, f"บรรทัด {no}") for kind, no in headers]
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


def _check_size(text: str) -> None:
    """Refuse text far longer than any printout, so reading it has a bound in time.

    Four copies of a report with 60 long progress reports come to a few thousand lines;
    each line costs up to ~0.1 ms of fuzzy matching, so 10,000 lines bound a parse to
    about a second.
    """
    lines = sum(1 for line in text.splitlines() if line.strip())
    if len(text) > MAX_CHARS or lines > MAX_LINES:
        raise PrintoutError(
            f"ข้อความยาวเกินกว่าแบบรายงานโครงการ ({lines:,} บรรทัด {len(text):,} ตัวอักษร;"
            f" รับได้ไม่เกิน {MAX_LINES:,} บรรทัด) — ตรวจว่าเลือกไฟล์หรือข้อความของแบบรายงานถูกต้อง"
        )


def _read_copies(text: str) -> tuple[list[CopyParse], list[tuple[str, int]]]:
    """Every copy in the text (the first may hold only stray lines), and the page headers
    and footers (kind, line number), which are left out wherever they fall."""
    copies: list[CopyParse] = []
    furniture: list[tuple[str, int]] = []
    reader: CopyReader | None = None
    after_blank = False
    for line in split_lines(text):
        if not line.text.strip():
            after_blank = True
            continue
        if is_page_header(line.text):
            furniture.append(("page_header", line.no))
            continue
        if PAGE_FOOTER.fullmatch(line.text):
            furniture.append(("page_footer", line.no))
            continue
        if reader is None:
            reader = CopyReader(first_line=line.no)
        if not reader.feed(line, after_blank):
            copies.append(reader.finish())
            reader = CopyReader(first_line=line.no)
            reader.feed(line, after_blank)
        after_blank = False
    if reader is not None:
        copies.append(reader.finish())
    return copies, furniture

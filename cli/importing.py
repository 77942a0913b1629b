"""`main.py import FILE`: a `.json`, `.txt` or `.pdf` report as a new draft, and the
account of what was read (on stderr)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from cli import EXIT_OK, CliError, one_line
from cli.sources import read_interchange

if TYPE_CHECKING:
    from forms.printout import ImportResult


def add_import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file",
        metavar="FILE",
        type=Path,
        help="ไฟล์รายงาน .json, ข้อความจากแบบพิมพ์ .txt หรือไฟล์แบบพิมพ์ .pdf",
    )


def run_import(args: argparse.Namespace, db_path: Path) -> int:
    """Read and check the whole file first, so a bad file never creates a draft.

    A `.json` file is read whole by the interchange format (nothing to report); any other
    file goes through the printout reader, whose account goes to stderr.
    """
    from storage.drafts import DraftStore

    path: Path = args.file  # its size is bounded by the reader, as in the window
    result = None
    from forms.filetypes import is_interchange

    if is_interchange(path):
        report = read_interchange(path)
    else:
        result = _read_printout(path)
        report = result.report
    with DraftStore.open(db_path) as store:
        draft_id = store.create(report)
    print(draft_id)
    if result is not None:
        sys.stdout.flush()
        sys.stderr.write("".join(f"{line}\n" for line in import_summary(path, draft_id, result)))
    return EXIT_OK


def _read_printout(path: Path) -> ImportResult:
    from forms.errors import FormError
    from forms.printout import PrintoutError, import_file

    try:
        return import_file(path)
    except PrintoutError as exc:
        message = str(exc)
        if path.name not in message:  # the parser's own messages speak of "this text"
            message = f'ไฟล์ "{path}": {message}'
        raise CliError(message) from None
    except FormError as exc:  # JSON content in a file not named .json
        raise CliError(f"{path}: {exc}") from None


def import_summary(path: Path, draft_id: int, result: ImportResult) -> list[str]:
    """What the printout reader recognised, field by field, every unused line, every warning."""
    from forms.printout import recognised_label

    head = f'นำเข้า "{path.name}" เป็นร่างหมายเลข {draft_id} แล้ว'
    if result.copies_found > 1:
        head += f" (พบแบบรายงาน {result.copies_found} ฉบับในไฟล์)"
    lines = [head, f"ข้อมูลที่อ่านได้ ({len(result.recognised)} รายการ):"]
    lines += [f"  {recognised_label(key)}: {one_line(value)}" for key, value in result.recognised]
    if result.unused_lines:
        lines.append(f"บรรทัดที่ไม่ได้ใช้ ({len(result.unused_lines)} บรรทัด):")
        lines += [f"  บรรทัด {no}: {one_line(text)}" for no, text in result.unused_lines]
    else:
        lines.append("บรรทัดที่ไม่ได้ใช้: ไม่มี (ใช้ทุกบรรทัดแล้ว)")
    if result.warnings:
        lines.append(f"คำเตือน ({len(result.warnings)} รายการ) — ตรวจค่าเหล่านี้ในร่างก่อนส่ง:")
        lines += [f"  {n}. {one_line(w)}" for n, w in enumerate(result.warnings, start=1)]
    else:
        lines.append("คำเตือน: ไม่มี")
    return lines

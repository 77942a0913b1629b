"""`main.py collect` and `main.py summary`: a district's collection from the command line.

    collect --into DISTRICT.db [--year 2568] FILE_OR_FOLDER...
        one line per report read: word<TAB>file<TAB>what happened (Thai), then a total;
        exit 0 when the run finished, refusals included (each is said on its line);
        2 when the collection itself cannot be opened or written (one Thai line).
    summary DISTRICT.db [filters] [--xlsx OUT] [--csv OUT] [--pdf OUT]
        without outputs: the summary table as tab-separated lines, a Thai header first;
        with outputs: each written by its renderer in `forms.export.SUMMARY_FORMATS`,
        all of them or none.

Neither command touches the clerk's drafts (`--db`).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from cli import EXIT_OK, CliError, one_line, reported, write_files

if TYPE_CHECKING:
    from forms.district.summary import Collected, SummaryRow
    from storage.collection_outcomes import FileOutcome

# -- collect -----------------------------------------------------------------------------------


def _fiscal_year(text: str) -> int:
    if not (text.isascii() and text.isdigit() and len(text) == 4 and text.startswith("25")):
        raise argparse.ArgumentTypeError(f'ปีงบประมาณ "{text}" ใช้ไม่ได้ — ระบุเป็นปี พ.ศ. สี่หลัก เช่น 2568')
    return int(text)


def _workers(text: str) -> int:
    if not (text.isascii() and text.isdigit()):
        raise argparse.ArgumentTypeError(f'จำนวนโปรเซส "{text}" ไม่ใช่ตัวเลข — ระบุ 0 ขึ้นไป')
    return int(text)


def add_collect_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--into",
        metavar="DISTRICT.db",
        type=Path,
        required=True,
        help="ไฟล์ชุดรวมรายงาน (SQLite) ที่จะเพิ่มรายงานเข้า ไม่มีจะสร้างใหม่ ไม่ใช่ฐานข้อมูลร่างรายงาน",
    )
    parser.add_argument(
        "--year",
        metavar="ปี",
        type=_fiscal_year,
        help="เก็บเฉพาะรายงานปีงบประมาณนี้ (พ.ศ.) ปีอื่นจะไม่รับพร้อมบอกเหตุผล ชุดที่กำหนดปีไว้แล้วใช้ปีเดิมเสมอ",
    )
    parser.add_argument(
        "--workers",
        metavar="N",
        type=_workers,
        help="จำนวนโปรเซสที่อ่านไฟล์ PDF พร้อมกัน (ค่าปกติ: เท่าจำนวนแกน CPU ไม่เกิน 4; 0 = อ่านทีละไฟล์)",
    )
    parser.add_argument(
        "paths",
        metavar="FILE_OR_FOLDER",
        type=Path,
        nargs="+",
        help="ไฟล์รายงาน (.pdf, .json, .bmareport, .txt) หรือโฟลเดอร์ (ค้นทุกโฟลเดอร์ย่อย)"
        " หรือชุดรวมรายงานอื่น (.db) เพื่อรวมเข้าด้วยกัน",
    )


@reported
def run_collect(args: argparse.Namespace, _db_path: Path) -> int:
    """Every file read and added in turn; a line as each is done."""
    from storage.collection import Collection

    into: Path = args.into
    if into.is_dir():
        raise CliError(f'"{into}" เป็นโฟลเดอร์ — ระบุชื่อไฟล์ชุดรวมรายงาน เช่น {into / "district.db"}')
    counts: Counter[str] = Counter()
    files = 0
    with Collection.open(into, args.year) as collection:
        for done in collection.collect(args.paths, workers=args.workers):
            files += 1
            for line in outcome_lines(done):
                sys.stdout.write(line + "\n")
            sys.stdout.flush()
            counts.update(outcome.kind for outcome in done.outcomes)
        held = len(collection)
        year = collection.fiscal_year
    sys.stdout.write(total_line(files, counts, into, held, year) + "\n")
    return EXIT_OK


def outcome_lines(done: FileOutcome) -> list[str]:
    """word<TAB>file<TAB>what happened, per outcome of one file."""
    from forms.district.summary import SOURCE_PRINTOUT

    extra = ""
    if done.source_kind == SOURCE_PRINTOUT:
        extra = " — อ่านจากข้อความแบบพิมพ์ (ไม่มีข้อมูลแนบ) ตรวจค่ากับต้นฉบับอีกครั้ง"
    if done.notes:
        extra += f" — คำเตือนจากการอ่านไฟล์ {len(done.notes):,} ข้อ: {one_line(done.notes[0])}"
        if len(done.notes) > 1:
            extra += " …"
    lines = []
    for outcome in done.outcomes:
        message = one_line(outcome.message) + (extra if outcome.kind != "refused" else "")
        lines.append(f"{outcome.kind.word}\t{done.path}\t{message}")
    return lines


def total_line(files: int, counts: Counter[str], into: Path, held: int, year: int | None) -> str:
    from storage.collection_outcomes import OutcomeKind

    parts = " ".join(f"{kind.word} {counts[kind]:,}" for kind in OutcomeKind)
    kept = f" ปีงบประมาณ {year}" if year is not None else ""
    return f"รวม {files:,} ไฟล์: {parts} — ชุดรวมรายงาน {into}{kept} มีรายงาน {held:,} โครงการ"


# -- summary -----------------------------------------------------------------------------------


def _days(text: str) -> int:
    if not (text.isascii() and text.isdigit()):
        raise argparse.ArgumentTypeError(f'จำนวนวัน "{text}" ไม่ใช่ตัวเลข — ระบุเป็นจำนวนวัน เช่น 45')
    return int(text)


def add_summary_arguments(parser: argparse.ArgumentParser) -> None:
    from forms.export import SUMMARY_FORMATS

    parser.add_argument("collection", metavar="DISTRICT.db", type=Path, help="ไฟล์ชุดรวมรายงาน")
    filters = parser.add_argument_group("ตัวกรอง (ใช้หลายตัวพร้อมกัน: แสดงเฉพาะที่ตรงทุกตัว)")
    filters.add_argument("--behind-plan", action="store_true", help="รายงานล่าสุดไม่เป็นไปตามแผน")
    filters.add_argument("--off-target", action="store_true", help="รายงานล่าสุดไม่เป็นไปตามเป้าหมาย")
    filters.add_argument("--overspent", action="store_true", help="ใช้งบประมาณเกินที่ได้รับ")
    filters.add_argument(
        "--silent-days",
        metavar="N",
        type=_days,
        help="ไม่มีรายงานความก้าวหน้ามาเกิน N วัน (หรือไม่มีรายงานที่ลงวันที่เลย)",
    )
    filters.add_argument("--has-errors", action="store_true", help="การตรวจพบข้อผิดพลาด")
    for fmt in SUMMARY_FORMATS:
        parser.add_argument(fmt.option, metavar="OUT", type=Path, help=fmt.help)


@reported
def run_summary(args: argparse.Namespace, _db_path: Path) -> int:
    from forms.district.filters import SummaryFilter, filter_items
    from forms.export import SUMMARY_FORMATS
    from storage.collection import Collection

    wanted = [(fmt, getattr(args, fmt.key)) for fmt in SUMMARY_FORMATS]
    wanted = [(fmt, out) for fmt, out in wanted if out is not None]
    _check_distinct([out for _fmt, out in wanted])
    path: Path = args.collection
    if not path.is_file():
        raise CliError(
            f'ไม่พบชุดรวมรายงาน "{path}" — ตรวจชื่อไฟล์ หรือสร้างด้วยคำสั่ง collect --into {path} โฟลเดอร์รายงาน'
        )
    flt = SummaryFilter(
        behind_plan=args.behind_plan,
        off_target=args.off_target,
        overspent=args.overspent,
        silent_days=args.silent_days,
        has_errors=args.has_errors,
    )
    today = date.today()
    with Collection.open_read_only(path) as collection:
        everything = collection.items()
        items = filter_items(everything, flt, today)
        if wanted:
            outputs = [(out, _render(fmt, items, today)) for fmt, out in wanted]
    shown = f"{len(items):,} จาก {len(everything):,} โครงการ"
    if flt.active:
        shown += f" (เฉพาะ: {', '.join(flt.words())})"
    if wanted:
        write_files(outputs)
        names = ", ".join(str(out) for _fmt, out in wanted)
        sys.stderr.write(f"เขียนตารางสรุป {shown} ไว้ที่ {names} แล้ว\n")
        return EXIT_OK
    sys.stdout.write("".join(line + "\n" for line in table_lines(items)))
    sys.stdout.flush()
    sys.stderr.write(f"แสดง {shown}\n")
    return EXIT_OK


HEADER = (
    "หน่วยงาน",
    "รหัสโครงการ",
    "ชื่อโครงการ",
    "ปีงบประมาณ",
    "งบประมาณที่ได้รับ",
    "งบประมาณที่ใช้ไป",
    "ร้อยละที่ใช้",
    "รายงานล่าสุดครั้งที่",
    "วันที่รายงานล่าสุด",
    "ความก้าวหน้าล่าสุด (%)",
    "ตามแผน",
    "ตามเป้าหมาย",
    "ข้อผิดพลาด",
    "คำเตือน",
    "ไฟล์ต้นทาง",
)


def table_lines(items: Sequence[Collected]) -> list[str]:
    """The header and one tab-separated line per item; numbers exact, without thousands
    separators (for a spreadsheet to read), dates as the form prints them (BE)."""
    return ["\t".join(HEADER)] + ["\t".join(map(_cell, _cells(item))) for item in items]


def _cells(item: Collected) -> tuple[object, ...]:
    from forms.printed import joined
    from forms.schema import PROGRESS_FIELDS_BY_KEY, choice_label
    from forms.thaidate import format_be_date

    plan, target = PROGRESS_FIELDS_BY_KEY["plan_status"], PROGRESS_FIELDS_BY_KEY["target_status"]
    row: SummaryRow = item.row
    agency = joined(row.agency_office, row.agency_division, row.agency_section)
    return (
        agency,
        row.project_code,
        row.project_name,
        row.fiscal_year,
        row.budget_received,
        row.budget_spent,
        row.percent_spent,
        row.latest_no,
        format_be_date(row.latest_date),
        row.latest_progress,
        choice_label(plan, row.plan_status),
        choice_label(target, row.target_status),
        row.errors,
        row.warnings,
        item.source,
    )


def _cell(value: object) -> str:
    if value is None:
        return ""
    if hasattr(value, "as_tuple"):  # Decimal: exact, never in exponent form
        return f"{value:f}"
    return one_line(str(value))  # a tab or line break inside a text would split the row


def _render(fmt: object, items: Sequence[Collected], today: date) -> bytes:
    from forms.export import ExportFormat, render_summary

    assert isinstance(fmt, ExportFormat)
    try:
        return render_summary(fmt, items, today)
    except ImportError:
        raise CliError(
            f"โปรแกรมรุ่นนี้ยังเขียน{fmt.label}ไม่ได้ — ใช้ตัวเลือกอื่น หรือไม่ระบุไฟล์เพื่อแสดงตารางบนจอ"
        ) from None


def _check_distinct(outs: Sequence[Path]) -> None:
    seen: set[Path] = set()
    for out in outs:
        key = out.resolve()
        if key in seen:
            raise CliError(f'ระบุไฟล์ปลายทาง "{out}" ซ้ำกันสองครั้ง — ตั้งชื่อไฟล์ของแต่ละแบบให้ต่างกัน')
        seen.add(key)

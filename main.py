"""Start the program: the window, or one command-line subcommand.

    python main.py [--db PATH] [FILE]                open the window (FILE: a .json, .bmareport,
                                                         .pdf or .txt report to import and open)
    python main.py --version                             the version
    python main.py [--db PATH] list                      one line per draft (tab-separated)
    python main.py [--db PATH] import FILE               .json, .txt or .pdf printout: print
                                                         the new draft's id (summary on stderr)
    python main.py [--db PATH] export ID|FILE.json --pdf OUT.pdf --json OUT.json
                                                         --xlsx OUT.xlsx --csv OUT.csv
                                                         (--pdf of a report with errors:
                                                         written, one warning on stderr)
    python main.py [--db PATH] check ID|FILE.json        one problem per line; exit 1 on errors

ID is ASCII digits alone (always a draft, even if a file of that name exists); a file named
with digits only is given as `./1`.

The command line runs the same `forms`/`storage` code as the window but never imports Qt,
so it starts fast; `ui` is imported only to open the window, and the heavy engines
(`forms.pdf`, `forms.checks`, `forms.printout`) only by the command that uses them. Any
error prints one Thai line on stderr and exits with code 2: nothing is written (every output
is staged as a temporary file, then all are moved into place with `os.replace`) and no draft
is created.

Adding a subcommand is one `Command` in `COMMANDS`; adding an export format (`--pdf`) is
one `ExportFormat` in `forms.export.REPORT_FORMATS`, the registry the window's menu uses too.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import shlex
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from cli import district

if TYPE_CHECKING:
    from forms.export import ExportFormat
    from forms.printout import ImportResult
    from forms.report import Report

EXIT_OK = 0
EXIT_ERROR = 2


class CliError(Exception):
    """A failure the user can fix; the message is one Thai line saying how."""


# -- the table of subcommands ----------------------------------------------------------------


@dataclass(frozen=True)
class Command:
    name: str
    help: str  # one line in `main.py --help`
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace, Path], int]  # (arguments, database path) -> exit code
    description: str = ""  # more, in `main.py NAME --help`


def _draft_id(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f'หมายเลขร่าง "{text}" ไม่ใช่ตัวเลข — ใช้หมายเลขจากคำสั่ง list'
        ) from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"หมายเลขร่าง {value} ใช้ไม่ได้ — ใช้หมายเลขจากคำสั่ง list")
    return value


def _draft_or_file(text: str) -> int | Path:
    """ASCII digits alone are always a draft id, even where a file of that name exists (a
    stray `2>1` makes one); anything else is an interchange file, given as `./1` for a
    file named with digits only."""
    if text.isascii() and text.isdigit():
        return _draft_id(text)
    path = Path(text)
    from forms.filetypes import is_interchange

    if is_interchange(text) or path.is_file():
        return path
    raise argparse.ArgumentTypeError(
        f'"{text}" ไม่ใช่หมายเลขร่างหรือไฟล์ .json ที่มีอยู่ — ใช้หมายเลขจากคำสั่ง list หรือชื่อไฟล์รายงาน .json'
    )


def _add_source_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "source",
        metavar="ID|FILE.json",
        type=_draft_or_file,
        help="หมายเลขร่าง (จากคำสั่ง list) หรือไฟล์รายงาน .json (อ่านจากไฟล์ตรง ๆ ไม่สร้างร่าง)"
        " ตัวเลขล้วนเป็นหมายเลขร่างเสมอ ไฟล์ที่ชื่อเป็นตัวเลขล้วนให้เขียนเป็น ./1",
    )


def _load_report(source: int | Path, db_path: Path) -> Report:
    """The draft with this id, or the report in an interchange file (the database untouched)."""
    if isinstance(source, Path):
        return _read_interchange(source)
    from storage.drafts import DraftStore

    if not db_path.exists():  # reading must not create a database where none was
        raise CliError(f'ไม่พบร่างหมายเลข {source}: ยังไม่มีฐานข้อมูล "{db_path}" — ตรวจที่อยู่ที่ให้ใน --db')
    with DraftStore.open_read_only(db_path) as store:
        return store.load(source)


def _read_interchange(path: Path) -> Report:
    from forms.errors import FormError
    from forms.interchange import loads

    data = _read_input(path)
    try:
        return loads(data)
    except FormError as exc:
        hint = ""
        if path.suffix.lower() in (".txt", ".pdf"):
            hint = " — ไฟล์แบบพิมพ์ (.txt/.pdf) ให้นำเข้าเป็นร่างก่อนด้วยคำสั่ง import"
        raise CliError(f"{path}: {exc}{hint}") from None


def _no_arguments(parser: argparse.ArgumentParser) -> None:
    pass


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def run_list(args: argparse.Namespace, db_path: Path) -> int:
    """id, fiscal year, code, name, last change (local time), tab-separated."""
    from storage.drafts import DraftStore

    if not db_path.exists():  # no drafts yet; listing must not create a database
        sys.stderr.write(f'ยังไม่มีฐานข้อมูล "{db_path}" จึงยังไม่มีฉบับร่าง — ตรวจที่อยู่ที่ให้ใน --db\n')
        return EXIT_OK
    with DraftStore.open_read_only(db_path) as store:
        drafts = store.list()
    lines = [
        "\t".join(
            (
                str(d.id),
                "" if d.fiscal_year is None else str(d.fiscal_year),
                _cell(d.project_code),
                _cell(d.project_name),
                # time.strftime: a third of the cost of datetime's for 5,000 drafts
                time.strftime("%Y-%m-%d %H:%M", time.localtime(d.updated_at.timestamp())),
            )
        )
        for d in drafts
    ]
    if lines:
        sys.stdout.write("\n".join(lines) + "\n")
    return EXIT_OK


def _cell(text: str) -> str:
    """A field on one line with no tab in it, so each draft stays one tab-separated line."""
    if "\t" in text or "\n" in text or "\r" in text:
        return _one_line(text)
    return text


# -- import ------------------------------------------------------------------------------------

# The bound of issue 5 for any imported file (the printout reader applies the same one).
MAX_IMPORT_BYTES = 20 * 1024 * 1024


def _add_import_arguments(parser: argparse.ArgumentParser) -> None:
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

    path: Path = args.file
    _check_import_size(path)
    result = None
    from forms.filetypes import is_interchange

    if is_interchange(path):
        report = _read_interchange(path)
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


def _check_import_size(path: Path) -> None:
    try:
        size = path.stat().st_size
    except OSError:
        return  # reading it says why, in the reader's own words
    if size > MAX_IMPORT_BYTES:
        raise CliError(
            f'ไฟล์ "{path}" ใหญ่ {size / 1048576:.1f} MB เกินขนาดที่นำเข้าได้'
            f" {MAX_IMPORT_BYTES // 1048576} MB — แบบรายงานหนึ่งฉบับมีไม่กี่หน้า ตรวจว่าเลือกไฟล์ถูก"
        )


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
    lines += [f"  {recognised_label(key)}: {_one_line(value)}" for key, value in result.recognised]
    if result.unused_lines:
        lines.append(f"บรรทัดที่ไม่ได้ใช้ ({len(result.unused_lines)} บรรทัด):")
        lines += [f"  บรรทัด {no}: {_one_line(text)}" for no, text in result.unused_lines]
    else:
        lines.append("บรรทัดที่ไม่ได้ใช้: ไม่มี (ใช้ทุกบรรทัดแล้ว)")
    if result.warnings:
        lines.append(f"คำเตือน ({len(result.warnings)} รายการ) — ตรวจค่าเหล่านี้ในร่างก่อนส่ง:")
        lines += [f"  {n}. {_one_line(w)}" for n, w in enumerate(result.warnings, start=1)]
    else:
        lines.append("คำเตือน: ไม่มี")
    return lines


# -- export ------------------------------------------------------------------------------------


def _add_export_arguments(parser: argparse.ArgumentParser) -> None:
    from forms.export import REPORT_FORMATS  # the registry alone: no PDF or Excel engine

    _add_source_argument(parser)
    for fmt in REPORT_FORMATS:
        parser.add_argument(fmt.option, metavar="OUT", type=Path, help=fmt.help)
    parser.add_argument(
        "--justify",
        action="store_true",
        help="PDF: จัดข้อความชิดขอบทั้งสองด้านแบบกระจายอักษรไทย (ค่าปกติ: ชิดซ้ายเหมือนแบบพิมพ์ทางการ)",
    )
    parser.add_argument(
        "--long-dates",
        action="store_true",
        help="PDF: พิมพ์วันที่แบบไทยเต็ม เช่น 1 ตุลาคม 2565 (ค่าปกติ: เหมือนแบบพิมพ์ทางการ)",
    )


def run_export(args: argparse.Namespace, db_path: Path) -> int:
    """Render every requested output in memory, then write them all or none."""
    from forms.export import REPORT_FORMATS, ReportExportOptions, render_report

    wanted = [(fmt, getattr(args, _dest(fmt))) for fmt in REPORT_FORMATS]
    wanted = [(fmt, out) for fmt, out in wanted if out is not None]
    if not wanted:
        options = " หรือ ".join(f"{fmt.option} OUT" for fmt in REPORT_FORMATS)
        raise CliError(f"ยังไม่ได้บอกว่าจะส่งออกเป็นไฟล์อะไร — ระบุ {options}")
    _check_distinct_outputs(wanted)
    report = _load_report(args.source, db_path)
    style = ReportExportOptions(justify=args.justify, long_dates=args.long_dates)
    _write_files([(out, render_report(fmt, report, style)) for fmt, out in wanted])
    if any(fmt.warns_of_errors for fmt, _out in wanted):
        _warn_of_errors(report, args)
    return EXIT_OK


def _warn_of_errors(report: Report, args: argparse.Namespace) -> None:
    """One Thai line on stderr when the written report has errors (the exit code stays 0)."""
    from forms.checks import check_report

    errors = sum(1 for p in check_report(report) if p.is_error)
    if not errors:
        return
    command = [command_name()]
    if args.db is not None and not isinstance(args.source, Path):
        command += ["--db", _shell_word(str(args.db))]
    command += ["check", _source_word(args.source)]
    sys.stderr.write(
        f"คำเตือน: รายงานนี้ยังมีข้อผิดพลาด {errors} รายการ — ดูรายการด้วยคำสั่ง {' '.join(command)}\n"
    )


def _source_word(source: int | Path) -> str:
    """The ID|FILE argument that names `source` again (`Path("./1")` prints as `1`)."""
    text = str(source)
    if isinstance(source, Path) and text.isascii() and text.isdigit():
        text = f".{os.sep}{text}"
    return _shell_word(text)


_CMD_SPECIAL = frozenset(" \t&|<>^()%!,;=")


def _shell_word(text: str) -> str:
    """`text` as one word of the clerk's shell: POSIX quoting (`shlex.quote`) or, on Windows,
    cmd.exe's double quotes (a Windows file name cannot hold a `"`)."""
    if os.name != "nt":
        return shlex.quote(text)
    return f'"{text}"' if not text or any(ch in _CMD_SPECIAL for ch in text) else text


def _check_distinct_outputs(wanted: Sequence[tuple[ExportFormat, Path]]) -> None:
    """Two formats into one file would leave only the last one written."""
    seen: dict[Path, ExportFormat] = {}
    for fmt, out in wanted:
        first = seen.setdefault(out.resolve(), fmt)
        if first is not fmt:
            raise CliError(
                f'{first.option} และ {fmt.option} ระบุไฟล์เดียวกัน "{out}" — ตั้งชื่อไฟล์ปลายทางให้ต่างกัน'
            )


def _dest(fmt: ExportFormat) -> str:
    return fmt.option.lstrip("-").replace("-", "_")


def _write_files(outputs: Sequence[tuple[Path, bytes]]) -> None:
    # the window's writer (temp files + os.replace, its Thai messages) for every export: one
    # wording for the same failure in the window and here; every file is staged before any
    # is moved into place, so a failing output leaves the others unwritten too
    from forms.pdf import PdfWriteError
    from forms.pdf.writer import write_all_atomically

    try:
        write_all_atomically(outputs)
    except PdfWriteError as exc:
        raise CliError(str(exc)) from None


# -- check -------------------------------------------------------------------------------------

EXIT_PROBLEMS = 1  # `check` found errors (warnings alone exit 0)


def run_check(args: argparse.Namespace, db_path: Path) -> int:
    """Every problem, `severity<TAB>field<TAB>message` on stdout; the counts on stderr."""
    from forms.checks import check_report, format_problem

    report = _load_report(args.source, db_path)
    problems = check_report(report)
    if problems:
        sys.stdout.write("".join(f"{format_problem(p)}\n" for p in problems))
        sys.stdout.flush()
    errors = sum(1 for p in problems if p.is_error)
    warnings = len(problems) - errors
    if errors:
        sys.stderr.write(
            f"พบข้อผิดพลาด {errors} รายการ และคำเตือน {warnings} รายการ — แก้ข้อผิดพลาดก่อนส่งรายงาน\n"
        )
    elif warnings:
        sys.stderr.write(f"ไม่มีข้อผิดพลาด มีคำเตือน {warnings} รายการ — ตรวจคำเตือนก่อนส่งรายงาน\n")
    else:
        sys.stderr.write("ไม่พบปัญหา\n")
    return EXIT_PROBLEMS if errors else EXIT_OK


def _add_backup_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out", metavar="OUT", type=Path, help="ไฟล์สำรองที่จะเขียน เช่น ฉบับร่างทั้งหมด.db")


def run_backup(args: argparse.Namespace, db_path: Path) -> int:
    """Every draft and the bin into one file (to move them to another PC, or keep aside)."""
    from storage.drafts import DraftStore

    if not db_path.exists():
        raise CliError(f'ยังไม่มีฐานข้อมูล "{db_path}" จึงไม่มีฉบับร่างให้สำรอง — ตรวจที่อยู่ที่ให้ใน --db')
    out: Path = args.out
    if out.resolve() == db_path.resolve():
        raise CliError(f"{out} คือฐานข้อมูลที่เปิดอยู่ — ระบุไฟล์สำรองชื่ออื่น")
    with DraftStore.open_read_only(db_path) as store:
        store.copy_to(out)
        count = len(store.versions())
    sys.stderr.write(f"สำรองฉบับร่าง {count:,} ฉบับ (รวมถังขยะ) ไว้ที่ {out} แล้ว\n")
    return EXIT_OK


def _add_restore_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file", metavar="FILE", type=Path, help="ไฟล์สำรอง (จากคำสั่ง backup หรือโฟลเดอร์ backups)"
    )
    parser.add_argument(
        "--draft",
        metavar="ID",
        type=_draft_id,
        action="append",
        help="กู้คืนเฉพาะร่างหมายเลขนี้ในไฟล์สำรอง (ซ้ำได้)",
    )


def run_restore(args: argparse.Namespace, db_path: Path) -> int:
    """Drafts of a backup file merged into the database: the new ids on stdout."""
    from storage.backups import restore
    from storage.drafts import DraftStore

    source: Path = args.file
    if not source.is_file():
        raise CliError(f"ไม่พบไฟล์สำรอง {source} — ตรวจชื่อและตำแหน่งไฟล์อีกครั้ง")
    if db_path.exists() and source.resolve() == db_path.resolve():
        raise CliError(f"{source} คือฐานข้อมูลที่เปิดอยู่ — ระบุไฟล์สำรอง")
    with DraftStore.open(db_path) as store:
        result = restore(store, source, args.draft)
    if result.ids:
        print("\n".join(map(str, result.ids)))
    skipped = f" ข้าม {len(result.skipped):,} ฉบับที่มีอยู่แล้ว" if result.skipped else ""
    sys.stderr.write(f"กู้คืนฉบับร่าง {len(result.ids):,} ฉบับ{skipped}\n")
    return EXIT_OK


COMMANDS: tuple[Command, ...] = (
    Command(
        "list",
        "แสดงร่างรายงานทั้งหมด บรรทัดละหนึ่งร่าง",
        _no_arguments,
        run_list,
        "แสดงร่างรายงานทั้งหมด บรรทัดละหนึ่งร่าง คั่นด้วยแท็บ: หมายเลขร่าง ปีงบประมาณ "
        "รหัสโครงการ ชื่อโครงการ และเวลาที่แก้ไขล่าสุด (ร่างที่แก้ล่าสุดอยู่บนสุด)",
    ),
    Command(
        "import",
        "นำเข้าไฟล์รายงาน (.json, .txt, .pdf) เป็นร่างใหม่ แล้วพิมพ์หมายเลขร่าง",
        _add_import_arguments,
        run_import,
        "นำเข้าไฟล์เป็นร่างใหม่ แล้วพิมพ์หมายเลขร่างใหม่บรรทัดเดียว: ไฟล์รายงาน .json, "
        "ข้อความที่คัดลอกจากแบบพิมพ์ของระบบ (.txt) หรือไฟล์แบบพิมพ์ PDF (รวมถึง PDF "
        "ที่โปรแกรมนี้ส่งออก) สำหรับ .txt และ .pdf จะแสดงทาง stderr ว่าอ่านช่องใดได้ค่าอะไร "
        "บรรทัดใดไม่ได้ใช้ และคำเตือนทุกข้อ ไฟล์ที่อ่านไม่ได้จะไม่สร้างร่าง",
    ),
    Command(
        "export",
        "ส่งออกร่างรายงาน (หรือไฟล์ .json) เป็น PDF, JSON หรือตารางความก้าวหน้า Excel/CSV",
        _add_export_arguments,
        run_export,
        "ส่งออกร่างรายงานเป็นไฟล์ PDF, JSON และ/หรือตารางความก้าวหน้า (Excel .xlsx, CSV) "
        "หรือแปลงไฟล์ .json โดยตรง (ไม่สร้างร่าง) ไฟล์ปลายทางเขียนครบทั้งไฟล์หรือไม่เขียนเลย "
        "ไฟล์เดิมไม่เสียหาย",
    ),
    Command(
        "check",
        "ตรวจรายงานหาข้อผิดพลาดและคำเตือน",
        _add_source_argument,
        run_check,
        "ตรวจร่างรายงาน (หรือไฟล์ .json) แล้วพิมพ์ปัญหาบรรทัดละหนึ่งข้อ: "
        "ระดับ<TAB>ช่อง<TAB>ข้อความ (error = ข้อผิดพลาด, warning = คำเตือน) "
        "รหัสออก 0 เมื่อไม่มีข้อผิดพลาด (มีคำเตือนได้) 1 เมื่อมีข้อผิดพลาด 2 เมื่ออ่านรายงานไม่ได้",
    ),
    Command(
        "backup",
        "สำรองฉบับร่างทั้งหมด (รวมถังขยะ) ไว้ในไฟล์เดียว",
        _add_backup_arguments,
        run_backup,
        "สำรองฉบับร่างทั้งหมดรวมถังขยะไว้ในไฟล์เดียว เพื่อย้ายไปเครื่องใหม่ด้วยคำสั่ง restore "
        "ไม่เปลี่ยนแปลงฐานข้อมูล (โปรแกรมยังสำรองให้อัตโนมัติทุกวันในโฟลเดอร์ backups ข้างฐานข้อมูล)",
    ),
    Command(
        "restore",
        "กู้คืนฉบับร่างจากไฟล์สำรอง แล้วพิมพ์หมายเลขร่างใหม่",
        _add_restore_arguments,
        run_restore,
        "นำฉบับร่างในไฟล์สำรอง (จากคำสั่ง backup หรือไฟล์ในโฟลเดอร์ backups) เข้าฐานข้อมูล "
        "ร่างที่มีอยู่แล้วรุ่นเดียวกันจะข้ามไป จึงไม่เกิดร่างซ้ำ พิมพ์หมายเลขร่างใหม่บรรทัดละหนึ่ง "
        "--draft ID เลือกเฉพาะบางร่าง (หมายเลขในไฟล์สำรอง)",
    ),
    Command(
        "collect",
        "รวมรายงานของโรงเรียนและโครงการ (.pdf, .json, .txt ในโฟลเดอร์) เข้าชุดรวมรายงานของเขต",
        district.add_collect_arguments,
        district.run_collect,
        "อ่านไฟล์รายงานทุกไฟล์ที่ระบุหรือพบในโฟลเดอร์ (รวมโฟลเดอร์ย่อย) แล้วเพิ่มเข้าชุดรวมรายงาน "
        "(ไฟล์ SQLite แยกจากร่างรายงาน) พิมพ์บรรทัดละไฟล์: เพิ่ม / ปรับปรุง / ซ้ำ / เก็บเป็นประวัติ / "
        "ไม่รับ พร้อมเหตุผล แล้วสรุปยอด โครงการเดียวกัน (รหัสและปีงบประมาณเดียวกัน) มีแถวเดียว "
        "ฉบับที่รายงานล่าสุดใหม่กว่าชนะ ฉบับอื่นเก็บเป็นประวัติ ระบุไฟล์ .db ของชุดอื่นเพื่อรวมชุดเข้าด้วยกัน "
        "รหัสออก 0 เมื่อทำครบ (ไฟล์ที่ไม่รับบอกไว้ในบรรทัดของมัน) 2 เมื่อเปิดหรือเขียนชุดรวมรายงานไม่ได้",
    ),
    Command(
        "summary",
        "แสดงตารางสรุปของชุดรวมรายงาน หรือเขียนเป็น Excel, CSV, PDF",
        district.add_summary_arguments,
        district.run_summary,
        "แสดงตารางสรุปของชุดรวมรายงานคั่นด้วยแท็บ (แถวแรกเป็นหัวตาราง) หรือเขียนเป็นไฟล์ด้วย "
        "--xlsx / --csv / --pdf (เขียนครบทุกไฟล์หรือไม่เขียนเลย) ตัวกรองใช้ได้ทั้งสองแบบ "
        "ไม่เปลี่ยนแปลงไฟล์ชุดรวมรายงาน",
    ),
)


# -- files -----------------------------------------------------------------------------------


def _read_input(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise CliError(f"ไม่พบไฟล์ {path} — ตรวจชื่อและตำแหน่งไฟล์อีกครั้ง") from None
    except IsADirectoryError:
        raise CliError(f"{path} เป็นโฟลเดอร์ ไม่ใช่ไฟล์ — ระบุไฟล์รายงาน .json") from None
    except OSError as exc:
        raise CliError(f"อ่านไฟล์ {path} ไม่ได้ ({exc.strerror}) — ตรวจสิทธิ์การอ่านไฟล์") from None


# -- the parser and the entry point ----------------------------------------------------------


class _ThaiHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, "วิธีใช้: " if prefix is None else prefix)


# argparse's own English messages, in Thai (those not listed stay as argparse words them)
_USAGE_ERRORS = (
    (re.compile(r"the following arguments are required: (.*)"), r"ยังไม่ได้ระบุ \1"),
    (re.compile(r"unrecognized arguments: (.*)"), r"ไม่รู้จัก \1"),
    (re.compile(r"argument (.*): expected one argument"), r"\1 ต้องตามด้วยค่าหนึ่งค่า"),
    (
        re.compile(r"argument .*: invalid choice: (.*) \(choose from (.*)\)"),
        r"ไม่มีคำสั่งย่อย \1 (มี \2)",
    ),
    (re.compile(r"argument (.*?): (.*—.*)"), r"\1: \2"),
)


class _Parser(argparse.ArgumentParser):
    """argparse in Thai: help texts and headings, and a usage error as one Thai line (exit
    code 2), not a usage block."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _ThaiHelpFormatter)
        kwargs["add_help"] = False
        # `--d` for `--db` would pass by `_split_open_file`, which knows options by full name
        kwargs["allow_abbrev"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "อาร์กิวเมนต์"
        self._optionals.title = "ตัวเลือก"
        self.add_argument("-h", "--help", action="help", help="แสดงวิธีใช้นี้แล้วจบ")

    def error(self, message: str) -> NoReturn:
        for pattern, thai in _USAGE_ERRORS:
            if pattern.fullmatch(message):
                message = pattern.sub(thai, message)
                break
        hint = "" if "—" in message else f" — ดูวิธีใช้ด้วย {command_name()} --help"
        _fail(f"คำสั่งไม่ถูกต้อง: {message}{hint}")


class _VersionAction(argparse.Action):
    """`--version`: looked up only when asked (importlib.metadata costs every command time)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_args: Any, **_kwargs: Any) -> NoReturn:
        sys.stdout.write(f"BMAProjectReport {version()}\n")
        sys.exit(EXIT_OK)


def build_parser(commands: Sequence[Command] = COMMANDS) -> argparse.ArgumentParser:
    parser = _Parser(
        prog=command_name().removeprefix("python "),
        description="แบบรายงานโครงการ (แบบแสดงรายงานความก้าวหน้าและข้อมูลเกี่ยวกับโครงการ):"
        " ไม่ระบุคำสั่งย่อยจะเปิดหน้าต่างโปรแกรม; ระบุไฟล์รายงาน (.bmareport, .json, .pdf, .txt)"
        f" แทนคำสั่งย่อย เช่น {command_name()} รายงาน.bmareport"
        " จะนำเข้าไฟล์นั้นเป็นร่างใหม่แล้วเปิดในหน้าต่าง",
        epilog=f"ดูรายละเอียดของแต่ละคำสั่งย่อยด้วย {command_name()} คำสั่งย่อย --help"
        f" เช่น {command_name()} export --help",
    )
    parser.add_argument("--version", action=_VersionAction, help="แสดงรุ่นโปรแกรมแล้วจบ")
    parser.add_argument(
        "--db",
        metavar="PATH",
        type=Path,
        help="ไฟล์ฐานข้อมูลร่างรายงาน (ค่าเริ่มต้น: drafts.db ในโฟลเดอร์ข้อมูลของผู้ใช้)",
    )
    sub = parser.add_subparsers(dest="command", metavar="คำสั่งย่อย", parser_class=_Parser)
    for command in commands:
        command.add_arguments(
            sub.add_parser(
                command.name, help=command.help, description=command.description or command.help
            )
        )
    return parser


def _run_window(db_path: Path, open_file: Path | None) -> int:
    try:
        from ui.app import run  # Qt is loaded only here
    except ImportError as exc:
        _fail(f"เปิดหน้าต่างโปรแกรมไม่ได้ ({exc}) — ติดตั้งโปรแกรมใหม่จากไฟล์ติดตั้ง")
    return run(db_path, open_file)


def command_name() -> str:
    """How the user runs this program: `python main.py` in a source checkout; the Windows
    build's `bmareport.cmd` by its full path (its folder is not on PATH); `bmareport` (the
    pip entry point) otherwise."""
    if Path(__file__).with_name("pyproject.toml").exists():
        return "python main.py"
    launcher = Path(sys.executable).with_name("bmareport.cmd")
    if sys.platform == "win32" and launcher.exists():
        return f'"{launcher}"'
    return "bmareport"


def version() -> str:
    """The installed version; from `pyproject.toml` when run from a source checkout."""
    from resources import app_version

    return app_version()


def _split_open_file(argv: list[str]) -> tuple[list[str], Path | None]:
    """`argv` without the report file to open in the window, and that file.

    A file given to the window (`main.py report.bmareport`, how Windows opens an associated
    file) stands where a subcommand would: the first word after the options that is no
    subcommand's name. argparse cannot say "a subcommand or a file" by itself.
    """
    from forms.filetypes import is_importable

    names = {c.name for c in COMMANDS}
    i = 0
    while i < len(argv):
        word = argv[i]
        if word == "--db":
            i += 2
            continue
        if word.startswith("-"):
            i += 1
            continue
        if word in names or not (is_importable(word) or Path(word).is_file()):
            return argv, None  # a subcommand, or a mistyped one for argparse to name
        return argv[:i] + argv[i + 1 :], Path(word)
    return argv, None


def _utf8_streams() -> None:
    # Windows consoles default to a legacy code page that cannot show Thai
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8")


def _fail(message: str) -> NoReturn:
    if sys.stderr is None:  # the window's pythonw.exe on Windows has no console to write to
        _message_box(message)
    else:
        sys.stderr.write(_one_line(message) + "\n")
        sys.stderr.flush()
    sys.exit(EXIT_ERROR)


def _message_box(message: str) -> None:
    if sys.platform == "win32":
        import ctypes

        ctypes.windll.user32.MessageBoxW(None, message, "แบบรายงานโครงการ", 0x10)  # MB_ICONERROR


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_streams()
    words, open_file = _split_open_file(list(sys.argv[1:] if argv is None else argv))
    args = build_parser().parse_args(words)
    if open_file is not None and args.command is not None:
        _fail(f"ไม่รู้จัก {open_file} — ดูวิธีใช้ด้วย {command_name()} --help")
    db_path: Path
    if args.db is not None:
        db_path = args.db
    else:
        from storage.paths import default_db_path

        db_path = default_db_path()
    if args.command is None:
        return _run_window(db_path, open_file)
    command = next(c for c in COMMANDS if c.name == args.command)
    from storage.errors import StorageError

    try:
        return command.run(args, db_path)
    except (CliError, StorageError) as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        _fail("หยุดคำสั่งแล้วตามที่สั่ง — ไม่มีการเปลี่ยนแปลงที่ค้างอยู่")
    except Exception as exc:  # one line, never a traceback, as the CLI promises
        _fail(f"เกิดข้อผิดพลาดที่ไม่คาดคิด ({type(exc).__name__}: {exc}) — โปรดแจ้งผู้ดูแลโปรแกรม")


if __name__ == "__main__":
    sys.exit(main())

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

Each subcommand lives in its own module of the `cli` package (`cli.listing`, `cli.importing`,
`cli.export`, `cli.check`, `cli.backup`, `cli.district`); this module is the table of them,
the parser and the window's start. Adding a subcommand is one module and one `Command` in
`COMMANDS`; adding an export format (`--pdf`) is one `ExportFormat` in
`forms.export.REPORT_FORMATS`, the registry the window's menu uses too.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from cli import (
    EXIT_ERROR,
    EXIT_OK,
    CliError,
    backup,
    check,
    command_name,
    district,
    export,
    importing,
    listing,
    one_line,
)
from cli.sources import add_source_argument, no_arguments

# -- the table of subcommands ----------------------------------------------------------------


@dataclass(frozen=True)
class Command:
    name: str
    help: str  # one line in `main.py --help`
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace, Path], int]  # (arguments, database path) -> exit code
    description: str = ""  # more, in `main.py NAME --help`


COMMANDS: tuple[Command, ...] = (
    Command(
        "list",
        "แสดงร่างรายงานทั้งหมด บรรทัดละหนึ่งร่าง",
        no_arguments,
        listing.run_list,
        "แสดงร่างรายงานทั้งหมด บรรทัดละหนึ่งร่าง คั่นด้วยแท็บ: หมายเลขร่าง ปีงบประมาณ "
        "รหัสโครงการ ชื่อโครงการ และเวลาที่แก้ไขล่าสุด (ร่างที่แก้ล่าสุดอยู่บนสุด)",
    ),
    Command(
        "import",
        "นำเข้าไฟล์รายงาน (.json, .txt, .pdf) เป็นร่างใหม่ แล้วพิมพ์หมายเลขร่าง",
        importing.add_import_arguments,
        importing.run_import,
        "นำเข้าไฟล์เป็นร่างใหม่ แล้วพิมพ์หมายเลขร่างใหม่บรรทัดเดียว: ไฟล์รายงาน .json, "
        "ข้อความที่คัดลอกจากแบบพิมพ์ของระบบ (.txt) หรือไฟล์แบบพิมพ์ PDF (รวมถึง PDF "
        "ที่โปรแกรมนี้ส่งออก) สำหรับ .txt และ .pdf จะแสดงทาง stderr ว่าอ่านช่องใดได้ค่าอะไร "
        "บรรทัดใดไม่ได้ใช้ และคำเตือนทุกข้อ ไฟล์ที่อ่านไม่ได้จะไม่สร้างร่าง",
    ),
    Command(
        "export",
        "ส่งออกร่างรายงาน (หรือไฟล์ .json) เป็น PDF, JSON หรือตารางความก้าวหน้า Excel/CSV",
        export.add_export_arguments,
        export.run_export,
        "ส่งออกร่างรายงานเป็นไฟล์ PDF, JSON และ/หรือตารางความก้าวหน้า (Excel .xlsx, CSV) "
        "หรือแปลงไฟล์ .json โดยตรง (ไม่สร้างร่าง) ไฟล์ปลายทางเขียนครบทั้งไฟล์หรือไม่เขียนเลย "
        "ไฟล์เดิมไม่เสียหาย",
    ),
    Command(
        "check",
        "ตรวจรายงานหาข้อผิดพลาดและคำเตือน",
        add_source_argument,
        check.run_check,
        "ตรวจร่างรายงาน (หรือไฟล์ .json) แล้วพิมพ์ปัญหาบรรทัดละหนึ่งข้อ: "
        "ระดับ<TAB>ช่อง<TAB>ข้อความ (error = ข้อผิดพลาด, warning = คำเตือน) "
        "รหัสออก 0 เมื่อไม่มีข้อผิดพลาด (มีคำเตือนได้) 1 เมื่อมีข้อผิดพลาด 2 เมื่ออ่านรายงานไม่ได้",
    ),
    Command(
        "backup",
        "สำรองฉบับร่างทั้งหมด (รวมถังขยะ) ไว้ในไฟล์เดียว",
        backup.add_backup_arguments,
        backup.run_backup,
        "สำรองฉบับร่างทั้งหมดรวมถังขยะไว้ในไฟล์เดียว เพื่อย้ายไปเครื่องใหม่ด้วยคำสั่ง restore "
        "ไม่เปลี่ยนแปลงฐานข้อมูล (โปรแกรมยังสำรองให้อัตโนมัติทุกวันในโฟลเดอร์ backups ข้างฐานข้อมูล)",
    ),
    Command(
        "restore",
        "กู้คืนฉบับร่างจากไฟล์สำรอง แล้วพิมพ์หมายเลขร่างใหม่",
        backup.add_restore_arguments,
        backup.run_restore,
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
        sys.stderr.write(one_line(message) + "\n")
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

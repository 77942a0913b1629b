"""Start the program: the window, or one command-line subcommand.

    python main.py [--db PATH]                       open the window
    python main.py [--db PATH] list                   one line per draft (tab-separated)
    python main.py [--db PATH] import FILE.json       print the new draft's id
    python main.py [--db PATH] export ID --json OUT   write the draft as interchange JSON

The command line runs the same `forms`/`storage` code as the window but never imports Qt,
so it starts fast; `ui` is imported only to open the window. Any error prints one Thai line
on stderr and exits with code 2: nothing is written (outputs go through a temporary file
and `os.replace`) and no draft is created.

Adding a subcommand is one `Command` in `COMMANDS`; adding an export format (`--pdf`) is
one `ExportFormat` in `EXPORT_FORMATS`.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from forms.report import Report

EXIT_OK = 0
EXIT_ERROR = 2


class CliError(Exception):
    """A failure the user can fix; the message is one Thai line saying how."""


# -- the table of subcommands ----------------------------------------------------------------


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace, Path], int]  # (arguments, database path) -> exit code


@dataclass(frozen=True)
class ExportFormat:
    option: str  # `--json` etc.; its value is the output file
    help: str
    render: Callable[[Report], bytes]


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


def _no_arguments(parser: argparse.ArgumentParser) -> None:
    pass


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def run_list(args: argparse.Namespace, db_path: Path) -> int:
    """id, fiscal year, code, name, last change (local time), tab-separated."""
    from storage.drafts import DraftStore

    with DraftStore.open(db_path) as store:
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


def _add_import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE.json", type=Path, help="ไฟล์รายงานแบบ JSON")


def run_import(args: argparse.Namespace, db_path: Path) -> int:
    """Read and check the whole file first, so a bad file never creates a draft."""
    from forms.errors import FormError
    from forms.interchange import loads
    from storage.drafts import DraftStore

    path: Path = args.file
    data = _read_input(path)
    try:
        report = loads(data)
    except FormError as exc:
        raise CliError(f"{path}: {exc}") from None
    with DraftStore.open(db_path) as store:
        draft_id = store.create(report)
    print(draft_id)
    return EXIT_OK


def _add_export_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", metavar="ID", type=_draft_id, help="หมายเลขร่าง (จากคำสั่ง list)")
    for fmt in EXPORT_FORMATS:
        parser.add_argument(fmt.option, metavar="OUT", type=Path, help=fmt.help)


def run_export(args: argparse.Namespace, db_path: Path) -> int:
    """Render every requested output in memory first, then write each atomically."""
    from storage.drafts import DraftStore

    wanted = [(fmt, getattr(args, _dest(fmt))) for fmt in EXPORT_FORMATS]
    wanted = [(fmt, out) for fmt, out in wanted if out is not None]
    if not wanted:
        options = " หรือ ".join(f"{fmt.option} OUT" for fmt in EXPORT_FORMATS)
        raise CliError(f"ยังไม่ได้บอกว่าจะส่งออกเป็นไฟล์อะไร — ระบุ {options}")
    with DraftStore.open(db_path) as store:
        report = store.load(args.id)
    outputs = [(out, fmt.render(report)) for fmt, out in wanted]
    for out, data in outputs:
        write_atomically(out, data)
    return EXIT_OK


def _dest(fmt: ExportFormat) -> str:
    return fmt.option.lstrip("-").replace("-", "_")


def _render_json(report: Report) -> bytes:
    from forms.interchange import dumps

    return (dumps(report) + "\n").encode("utf-8")


EXPORT_FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat("--json", "เขียนร่างเป็นไฟล์ JSON (มี budget_spent ด้วย)", _render_json),
)

COMMANDS: tuple[Command, ...] = (
    Command("list", "แสดงร่างรายงานทั้งหมด บรรทัดละหนึ่งร่าง", _no_arguments, run_list),
    Command(
        "import",
        "นำเข้าไฟล์รายงาน JSON เป็นร่างใหม่ แล้วพิมพ์หมายเลขร่าง",
        _add_import_arguments,
        run_import,
    ),
    Command("export", "ส่งออกร่างรายงานเป็นไฟล์", _add_export_arguments, run_export),
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


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` completely or not at all (temporary file + `os.replace`)."""
    import tempfile  # only when writing: ~12 ms of imports that `list` need not pay

    folder = path.parent
    try:
        fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".part")
    except FileNotFoundError:
        raise CliError(f"ไม่มีโฟลเดอร์ {folder} — สร้างโฟลเดอร์ก่อน หรือเลือกที่เก็บไฟล์อื่น") from None
    except OSError as exc:
        raise CliError(
            f"เขียนไฟล์ลงโฟลเดอร์ {folder} ไม่ได้ ({exc.strerror}) — เลือกโฟลเดอร์ที่เขียนได้"
        ) from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(temp, 0o666 & ~_umask())  # mkstemp makes 0600; give the usual mode
        os.replace(temp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise CliError(f"เขียนไฟล์ {path} ไม่ได้ ({exc.strerror}) — เลือกชื่อหรือโฟลเดอร์อื่น") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# -- the parser and the entry point ----------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one Thai line (exit code 2), not a usage block."""

    def error(self, message: str) -> NoReturn:
        hint = "" if "—" in message else " — ดูวิธีใช้ด้วย python main.py --help"
        _fail(f"คำสั่งไม่ถูกต้อง: {message}{hint}")


def build_parser(commands: Sequence[Command] = COMMANDS) -> argparse.ArgumentParser:
    parser = _Parser(
        prog="main.py",
        description="แบบรายงานโครงการ: ไม่ระบุคำสั่งย่อยจะเปิดหน้าต่างโปรแกรม",
    )
    parser.add_argument(
        "--db",
        metavar="PATH",
        type=Path,
        help="ไฟล์ฐานข้อมูลร่างรายงาน (ค่าเริ่มต้น: drafts.db ในโฟลเดอร์ข้อมูลของผู้ใช้)",
    )
    sub = parser.add_subparsers(dest="command", metavar="คำสั่งย่อย", parser_class=_Parser)
    for command in commands:
        command.add_arguments(sub.add_parser(command.name, help=command.help))
    return parser


def _run_window(db_path: Path) -> int:
    try:
        from ui.app import run  # Qt is loaded only here
    except ImportError as exc:
        _fail(f"เปิดหน้าต่างโปรแกรมไม่ได้ ({exc}) — ติดตั้งโปรแกรมใหม่ด้วย pip install -e .")
    return run(db_path)


def _utf8_streams() -> None:
    # Windows consoles default to a legacy code page that cannot show Thai
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8")


def _fail(message: str) -> NoReturn:
    sys.stderr.write(_one_line(message) + "\n")
    sys.stderr.flush()
    sys.exit(EXIT_ERROR)


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_streams()
    args = build_parser().parse_args(argv)
    db_path: Path
    if args.db is not None:
        db_path = args.db
    else:
        from storage.paths import default_db_path

        db_path = default_db_path()
    if args.command is None:
        return _run_window(db_path)
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

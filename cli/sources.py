"""The report a command reads: a draft by its id, or an interchange `.json` file read
directly (the database untouched), and the argument that names it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from cli import CliError, one_line, read_input

if TYPE_CHECKING:
    from forms.report import Report


def draft_id(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f'หมายเลขร่าง "{text}" ไม่ใช่ตัวเลข — ใช้หมายเลขจากคำสั่ง list'
        ) from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"หมายเลขร่าง {value} ใช้ไม่ได้ — ใช้หมายเลขจากคำสั่ง list")
    return value


def draft_or_file(text: str) -> int | Path:
    """ASCII digits alone are always a draft id, even where a file of that name exists (a
    stray `2>1` makes one); anything else is an interchange file, given as `./1` for a
    file named with digits only."""
    if text.isascii() and text.isdigit():
        return draft_id(text)
    path = Path(text)
    from forms.filetypes import is_interchange

    if is_interchange(text) or path.is_file():
        return path
    raise argparse.ArgumentTypeError(
        f'"{text}" ไม่ใช่หมายเลขร่างหรือไฟล์ .json ที่มีอยู่ — ใช้หมายเลขจากคำสั่ง list หรือชื่อไฟล์รายงาน .json'
    )


def add_source_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "source",
        metavar="ID|FILE.json",
        type=draft_or_file,
        help="หมายเลขร่าง (จากคำสั่ง list) หรือไฟล์รายงาน .json (อ่านจากไฟล์ตรง ๆ ไม่สร้างร่าง)"
        " ตัวเลขล้วนเป็นหมายเลขร่างเสมอ ไฟล์ที่ชื่อเป็นตัวเลขล้วนให้เขียนเป็น ./1",
    )


def load_report(source: int | Path, db_path: Path) -> Report:
    """The draft with this id, or the report in an interchange file (the database untouched)."""
    if isinstance(source, Path):
        return read_interchange(source)
    from storage.drafts import DraftStore

    if not db_path.exists():  # reading must not create a database where none was
        raise CliError(f'ไม่พบร่างหมายเลข {source}: ยังไม่มีฐานข้อมูล "{db_path}" — ตรวจที่อยู่ที่ให้ใน --db')
    with DraftStore.open_read_only(db_path) as store:
        return store.load(source)


def read_interchange(path: Path) -> Report:
    """The report in an interchange file, read as the window's import reads it (warnings,
    e.g. of Thai Windows' code page, on stderr); any other file as JSON, with a hint."""
    from forms.errors import FormError
    from forms.filetypes import is_interchange
    from forms.interchange import loads

    if is_interchange(path):
        from forms.printout.files import read_interchange_file

        try:
            result = read_interchange_file(path)
        except FormError as exc:
            raise CliError(f"{path}: {exc}") from None
        for warning in result.warnings:
            sys.stderr.write(f"คำเตือน: {one_line(warning)}\n")
        return result.report
    data = read_input(path)
    try:
        return loads(data)
    except FormError as exc:
        hint = ""
        if path.suffix.lower() in (".txt", ".pdf"):
            hint = " — ไฟล์แบบพิมพ์ (.txt/.pdf) ให้นำเข้าเป็นร่างก่อนด้วยคำสั่ง import"
        raise CliError(f"{path}: {exc}{hint}") from None


def no_arguments(parser: argparse.ArgumentParser) -> None:
    pass

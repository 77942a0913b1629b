"""The command line's subcommands, one module each, registered in `main.py`'s `COMMANDS`:
`listing` (list), `importing` (import), `export`, `check`, `backup` (backup, restore),
`district` (collect, summary); `sources` reads the report a command is given.

Here: what they share. Qt is never imported (an import-linter contract says so), the heavy
modules only by the command that uses them, and a failure the user can fix is one Thai
line on stderr with exit code 2 (`CliError`; `reported` or `main.py` writes it).
"""

from __future__ import annotations

import argparse
import functools
import os
import shlex
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

EXIT_OK = 0
EXIT_ERROR = 2

Runner = Callable[[argparse.Namespace, Path], int]


class CliError(Exception):
    """A failure the user can fix; the message is one Thai line saying how."""


def one_line(text: str) -> str:
    return " ".join(str(text).split())


def reported(run: Runner) -> Runner:
    """`run`, with a `CliError` written as one Thai line on stderr and exit code 2."""

    @functools.wraps(run)
    def wrapper(args: argparse.Namespace, db_path: Path) -> int:
        try:
            return run(args, db_path)
        except CliError as exc:
            sys.stdout.flush()
            sys.stderr.write(one_line(str(exc)) + "\n")
            sys.stderr.flush()
            return EXIT_ERROR

    return wrapper


def read_input(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise CliError(f"ไม่พบไฟล์ {path} — ตรวจชื่อและตำแหน่งไฟล์อีกครั้ง") from None
    except IsADirectoryError:
        raise CliError(f"{path} เป็นโฟลเดอร์ ไม่ใช่ไฟล์ — ระบุไฟล์รายงาน .json") from None
    except OSError as exc:
        raise CliError(f"อ่านไฟล์ {path} ไม่ได้ ({exc.strerror}) — ตรวจสิทธิ์การอ่านไฟล์") from None


_CMD_SPECIAL = frozenset(" \t&|<>^()%!,;=")


def shell_word(text: str) -> str:
    """`text` as one word of the clerk's shell: POSIX quoting (`shlex.quote`) or, on Windows,
    cmd.exe's double quotes (a Windows file name cannot hold a `"`)."""
    if os.name != "nt":
        return shlex.quote(text)
    return f'"{text}"' if not text or any(ch in _CMD_SPECIAL for ch in text) else text


def command_name() -> str:
    """How the user runs this program: `python main.py` in a source checkout; the Windows
    build's `bmareport.cmd` by its full path (its folder is not on PATH); `bmareport` (the
    pip entry point) otherwise."""
    if Path(__file__).resolve().parent.with_name("pyproject.toml").exists():
        return "python main.py"
    launcher = Path(sys.executable).with_name("bmareport.cmd")
    if sys.platform == "win32" and launcher.exists():
        return f'"{launcher}"'
    return "bmareport"


def write_files(outputs: Sequence[tuple[Path, bytes]]) -> None:
    # the window's writer (temp files + os.replace, its Thai messages) for every export: one
    # wording for the same failure in the window and here; every file is staged before any
    # is moved into place, so a failing output leaves the others unwritten too
    from forms.pdf import PdfWriteError
    from forms.pdf.writer import write_all_atomically

    try:
        write_all_atomically(outputs)
    except PdfWriteError as exc:
        raise CliError(str(exc)) from None

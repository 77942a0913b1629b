"""Command-line subcommands that live outside `main.py`, which registers each in its
`COMMANDS` table: `cli.district` (`collect`, `summary`) for a district's collection.

The same conventions as `main.py`'s own commands: Qt is never imported (an import-linter
contract says so), the heavy modules only by the command that uses them, and a failure
the user can fix is one Thai line on stderr with exit code 2 (`CliError`, turned into
that line by `reported`; storage's named errors reach `main.py`, which does the same).
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable
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

"""Running `main.py` as a clerk would, for the CLI tests: a whole process, UTF-8 output."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def run_cli(db: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    """`python main.py --db DB ARGS...`, stdout and stderr captured as text."""
    return subprocess.run(
        [sys.executable, "main.py", "--db", str(db), *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )

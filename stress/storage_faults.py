"""Damaged, locked and unwritable databases given to every command, in one run.

    .venv/bin/python stress/storage_faults.py [--case NAME]

Each case puts a `drafts.db` (two drafts) into one fault state: damaged bytes, another
program's file, a newer version, a WAL or shared-memory file of garbage, a read-only file
or folder (chattr +i when run as root), another process holding the write lock or the
whole file, the window's lock held. Then `main.py --db` runs `list`, `export 1 --pdf`,
`import sample.json` and `backup OUT`, each in its own process. A command passes when it
succeeds, or refuses with exit 2 and one Thai line on stderr (no traceback, no "unexpected
error"), within 15 s. A case passes when every command passed and:

- a damaged database is left byte for byte as it was (nothing "repaired" away);
- a healthy database in a hostile place passes `PRAGMA integrity_check` afterwards and
  still holds both drafts (with a third when the import succeeded).

Prints one line per case and the totals; exits 1 on any failure. The cases themselves (how
each fault is put in place) are in `stress/fault_cases.py`; this script runs the commands
against them and judges the outcome.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from stress.fault_cases import CASES, HEALTHY, SAMPLE, Case  # noqa: E402

TIME_LIMIT_S = 15
UNEXPECTED = "เกิดข้อผิดพลาดที่ไม่คาดคิด"
COMMANDS = {
    "list": ["list"],
    "export": ["export", "1", "--pdf", "{out}/r.pdf"],
    "import": ["import", str(SAMPLE)],
    "backup": ["backup", "{out}/all.bmabackup"],
}


def _sha256(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


def _run(db: Path, out: Path, name: str) -> tuple[bool, str, float]:
    """(passed, what it said, seconds) for one command."""
    words = [word.format(out=out) for word in COMMANDS[name]]
    started = time.perf_counter()
    try:
        run = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "--db", str(db), *words],
            capture_output=True,
            text=True,
            timeout=TIME_LIMIT_S,
        )
    except subprocess.TimeoutExpired:
        return False, f"over {TIME_LIMIT_S} s", float(TIME_LIMIT_S)
    took = time.perf_counter() - started
    if run.returncode == 0:
        return True, "ok", took
    lines = run.stderr.splitlines()
    said = lines[0] if lines else ""
    clean = (
        run.returncode == 2
        and len(lines) == 1
        and any("\u0e01" <= ch <= "\u0e5b" for ch in said)
        and UNEXPECTED not in said
        and "Traceback" not in run.stderr
    )
    return clean, f"exit {run.returncode}: {said}", took


def _drafts(db: Path) -> tuple[bool, int]:
    """(integrity ok, drafts) of a database after a case."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        ok = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return ok, conn.execute("SELECT count(*) FROM drafts").fetchone()[0]
    finally:
        conn.close()


def one_case(case: Case, folder: Path) -> tuple[bool, list[str]]:
    db, out = folder / "data" / "drafts.db", folder / "out"
    db.parent.mkdir()
    out.mkdir()
    context = case.make(db)
    before = _sha256(db)
    notes: list[str] = []
    passed = True
    imported = False
    with context if context is not None else _nothing():
        for name in COMMANDS:
            ok, said, took = _run(db, out, name)
            passed &= ok
            imported |= name == "import" and said == "ok"
            notes.append(f"  {name:7} {'pass' if ok else 'FAIL'} {took:4.1f} s  {said[:150]}")
    if case.damaged and _sha256(db) != before:
        passed = False
        notes.append("  the damaged database's bytes changed")
    if not case.damaged and case.make in HEALTHY:
        ok, count = _drafts(db)
        wanted = 3 if imported else 2
        if not ok or count != wanted:
            passed = False
            notes.append(f"  afterwards: integrity {'ok' if ok else 'DAMAGED'}, {count} drafts")
    return passed, notes


@contextmanager
def _nothing() -> Iterator[None]:
    yield


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--case", choices=[c.name for c in CASES])
    args = parser.parse_args()
    cases = [c for c in CASES if args.case in (None, c.name)]
    failed = 0
    started = time.perf_counter()
    for case in cases:
        with tempfile.TemporaryDirectory(prefix="faults-") as folder:
            passed, notes = one_case(case, Path(folder))
            shutil.rmtree(Path(folder) / "out", ignore_errors=True)
        failed += not passed
        print(f"{'pass' if passed else 'FAIL'}  {case.name}: {case.what}")
        if not passed or args.case:
            print("\n".join(notes))
    print(
        f"{len(cases)} cases, {len(cases) * len(COMMANDS)} commands:"
        f" {len(cases) - failed} passed, {failed} failed ({time.perf_counter() - started:.0f} s)"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

"""The fault states `stress/storage_faults.py` gives to every command: each `Case` puts a
`drafts.db` into one of them (damaged bytes, another program's file, a newer version, a
WAL, shared-memory or journal file of garbage, a read-only file or folder, another process
holding the write lock or the whole file, the window's lock held), and `HEALTHY` names the
cases whose database is sound and must still hold its drafts afterwards.
"""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "data" / "sample_report.json"


@dataclass(frozen=True)
class Case:
    name: str
    what: str  # Thai-free English: the harness's own report
    damaged: bool  # the bytes must stay as they are
    make: Callable[[Path], object]  # puts the fault in place; a context manager or None


def healthy(db: Path) -> None:
    from forms.interchange import loads
    from forms.report import Report
    from storage.drafts import DraftStore

    with DraftStore.open(db) as store:
        store.create(loads(SAMPLE.read_text(encoding="utf-8")))
        store.create(Report(project_name="โครงการที่สอง"))


def _overwrite(db: Path, offset: int, data: bytes) -> None:
    with db.open("r+b") as handle:  # the harness breaks the file; no SQLite is open on it
        handle.seek(offset)
        handle.write(data)


def _rng() -> random.Random:
    return random.Random(7)


def garbage(db: Path) -> None:
    db.write_bytes(_rng().randbytes(65536))


def text_file(db: Path) -> None:
    db.write_bytes(SAMPLE.read_bytes())


def truncated(db: Path) -> None:
    healthy(db)
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2 + 100])


def zeroed_header(db: Path) -> None:
    healthy(db)
    _overwrite(db, 0, bytes(100))


def flipped_pages(db: Path) -> None:
    healthy(db)
    size = db.stat().st_size
    rng = _rng()
    for _ in range(64):
        _overwrite(db, rng.randrange(4096, size), bytes([rng.randrange(256)]))


def flipped_schema(db: Path) -> None:
    healthy(db)
    data = db.read_bytes()
    at = data.index(b"CREATE TABLE drafts")
    _overwrite(db, at + 7, b"\xff\xfe")


def bad_utf8_row(db: Path) -> None:
    healthy(db)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE drafts SET project_name = CAST(x'e0b8ff41' AS TEXT) WHERE id = 1")
    conn.close()


def other_program(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO customers (name) VALUES ('someone')")
    conn.close()


def empty_with_version(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA user_version = 7")
    conn.close()


def newer_version(db: Path) -> None:
    from storage.schema_migrations import MIGRATION_SET, MIGRATIONS_TABLE

    healthy(db)
    with sqlite3.connect(db) as conn:
        conn.execute(
            f"INSERT INTO {MIGRATIONS_TABLE} (migration_set, name, applied_at)"
            " VALUES (?, 'm999_from_a_later_version', '2030-01-01')",
            (MIGRATION_SET,),
        )
    conn.close()


def directory(db: Path) -> None:
    db.mkdir()


def symlink_to_nowhere(db: Path) -> None:
    db.symlink_to(db.parent / "gone" / "drafts.db")


def zero_bytes(db: Path) -> None:
    db.write_bytes(b"")


def wal_garbage(db: Path) -> None:
    healthy(db)
    db.with_name(db.name + "-wal").write_bytes(_rng().randbytes(40000))


def shm_garbage(db: Path) -> None:
    healthy(db)
    db.with_name(db.name + "-shm").write_bytes(_rng().randbytes(32768))


def journal_garbage(db: Path) -> None:
    healthy(db)
    db.with_name(db.name + "-journal").write_bytes(_rng().randbytes(8192))


def wal_of_a_killed_program(db: Path) -> None:
    """The files as a program killed mid-work leaves them: committed pages only in the WAL."""
    healthy(db)
    copy = db.with_name("running.db")
    child = (
        "import sys, sqlite3, shutil\n"
        "conn = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "conn.execute('PRAGMA wal_autocheckpoint = 0')\n"
        "conn.execute(\"UPDATE drafts SET project_name = 'แก้ก่อนถูกปิด' WHERE id = 2\")\n"
        "for suffix in ('', '-wal', '-shm'):\n"
        "    shutil.copyfile(sys.argv[1] + suffix, sys.argv[2] + suffix)\n"
        "import os; os._exit(0)\n"
    )
    db.rename(copy)
    subprocess.run([sys.executable, "-c", child, str(copy), str(db)], check=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)


@contextmanager
def immutable(paths: list[Path]) -> Iterator[None]:
    """Unwritable for root too (chattr +i); plain modes for anyone else."""
    if os.geteuid() == 0:
        for path in paths:
            subprocess.run(["chattr", "+i", str(path)], check=True)
        try:
            yield
        finally:
            for path in paths:
                subprocess.run(["chattr", "-i", str(path)], check=True)
    else:
        modes = {path: path.stat().st_mode for path in paths}
        for path in paths:
            path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield
        finally:
            for path, mode in modes.items():
                path.chmod(mode)


def read_only_file(db: Path) -> object:
    healthy(db)
    return immutable([db])


def read_only_folder(db: Path) -> object:
    healthy(db)
    return immutable([db.parent])


@contextmanager
def holder(db: Path, statement: str) -> Iterator[None]:
    """Another process that runs `statement` on the database and holds on until told."""
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, sqlite3\n"
            "conn = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
            f"for s in {statement!r}.split(';'):\n"
            "    conn.execute(s)\n"
            "print('held', flush=True)\n"
            "sys.stdin.read()\n",
            str(db),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "held"
    try:
        yield
    finally:
        child.communicate("", timeout=10)


def writer_holding(db: Path) -> object:
    healthy(db)
    return holder(db, "BEGIN EXCLUSIVE;UPDATE drafts SET project_code = '' WHERE id = 2")


def exclusive_locking_mode(db: Path) -> object:
    healthy(db)
    return holder(db, "PRAGMA locking_mode = EXCLUSIVE;BEGIN EXCLUSIVE;SELECT 1;COMMIT")


@contextmanager
def _window_lock(db: Path) -> Iterator[None]:
    from storage.lock import AppLock

    lock = AppLock(db)
    lock.acquire()
    try:
        yield
    finally:
        lock.release()


def window_open(db: Path) -> object:
    healthy(db)
    return _window_lock(db)


CASES = [
    Case("garbage", "64 KB of random bytes", True, garbage),
    Case("text_file", "the sample JSON saved as drafts.db", True, text_file),
    Case("truncated", "a database cut in half", True, truncated),
    Case("zeroed_header", "the 100-byte header zeroed", True, zeroed_header),
    Case("flipped_pages", "64 random bytes changed after page 1", True, flipped_pages),
    Case("flipped_schema", "two bytes of the schema text changed", True, flipped_schema),
    Case("bad_utf8_row", "a draft's name of invalid UTF-8 (read as U+FFFD)", False, bad_utf8_row),
    Case("other_program", "another program's SQLite database", True, other_program),
    Case(
        "empty_with_version", "an empty SQLite file with user_version 7", True, empty_with_version
    ),
    Case("newer_version", "a migration from a later version", True, newer_version),
    Case("directory", "a folder named drafts.db", False, directory),
    Case("symlink_to_nowhere", "a link to a missing folder", False, symlink_to_nowhere),
    Case("zero_bytes", "an empty file (a new database)", False, zero_bytes),
    Case("wal_garbage", "a -wal file of random bytes", False, wal_garbage),
    Case("shm_garbage", "a -shm file of random bytes", False, shm_garbage),
    Case("journal_garbage", "a hot -journal of random bytes", False, journal_garbage),
    Case("killed_wal", "the files a killed program left", False, wal_of_a_killed_program),
    Case("read_only_file", "the file immutable", False, read_only_file),
    Case("read_only_folder", "the folder immutable", False, read_only_folder),
    Case("writer_holding", "another process in a write transaction", False, writer_holding),
    Case("exclusive_mode", "another process holding the whole file", False, exclusive_locking_mode),
    Case("window_open", "the window's lock held", False, window_open),
]


# the cases whose database is healthy: integrity ok and every draft kept afterwards
HEALTHY = {
    bad_utf8_row,
    wal_garbage,
    shm_garbage,
    journal_garbage,
    wal_of_a_killed_program,
    read_only_file,
    read_only_folder,
    writer_holding,
    exclusive_locking_mode,
    window_open,
}

"""Known SQLite and OS failures become the named storage errors, with one Thai line each.

The errors translated here are real ones, raised by SQLite or the OS, not constructed.
"""

from __future__ import annotations

import errno
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from storage.errors import (
    DatabaseBusy,
    DatabaseDamaged,
    DatabaseLocked,
    DatabaseReadOnly,
    DiskFull,
    DraftNotFound,
    NewerDatabase,
    StorageError,
    translate,
)


def _raised(action) -> BaseException:
    try:
        action()
    except BaseException as exc:
        return exc
    raise AssertionError("nothing was raised")


def test_write_through_a_read_only_connection_is_read_only(tmp_path: Path):
    db_path = tmp_path / "x.db"
    with closing(sqlite3.connect(db_path)) as conn:
        conn.execute("CREATE TABLE t (x)")
    with closing(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)) as ro:
        exc = _raised(lambda: ro.execute("INSERT INTO t VALUES (1)"))
    assert isinstance(translate(exc, db_path), DatabaseReadOnly)


def test_locked_database_is_busy(tmp_path: Path):
    db_path = tmp_path / "x.db"
    with (
        closing(sqlite3.connect(db_path, isolation_level=None)) as a,
        closing(sqlite3.connect(db_path, timeout=0, isolation_level=None)) as b,
    ):
        a.execute("CREATE TABLE t (x)")
        a.execute("BEGIN EXCLUSIVE")
        exc = _raised(lambda: b.execute("INSERT INTO t VALUES (1)"))
        a.execute("ROLLBACK")
    assert "locked" in str(exc)
    assert isinstance(translate(exc, db_path), DatabaseBusy)


def test_not_a_database_is_damaged(tmp_path: Path):
    db_path = tmp_path / "x.db"
    db_path.write_bytes(b"\x00garbage" * 1000)
    with closing(sqlite3.connect(db_path)) as conn:
        exc = _raised(lambda: conn.execute("SELECT * FROM sqlite_master"))
    assert isinstance(translate(exc, db_path), DatabaseDamaged)


def test_full_database_is_disk_full(tmp_path: Path):
    with closing(sqlite3.connect(tmp_path / "x.db")) as conn:
        conn.execute("CREATE TABLE t (x)")
        conn.execute("PRAGMA max_page_count = 2")
        exc = _raised(lambda: conn.execute("INSERT INTO t VALUES (?)", ("x" * 100_000,)))
    assert isinstance(translate(exc, tmp_path / "x.db"), DiskFull)


def test_os_errors(tmp_path: Path):
    assert isinstance(translate(OSError(errno.ENOSPC, "No space"), tmp_path), DiskFull)
    assert isinstance(
        translate(PermissionError(errno.EACCES, "denied"), tmp_path), DatabaseReadOnly
    )
    assert isinstance(translate(OSError(errno.EROFS, "ro fs"), tmp_path), DatabaseReadOnly)
    other = translate(NotADirectoryError(errno.ENOTDIR, "Not a directory"), tmp_path)
    assert type(other) is StorageError and "Not a directory" in str(other)
    assert translate(ValueError("not ours"), tmp_path) is None
    assert translate(sqlite3.IntegrityError("UNIQUE constraint failed"), tmp_path) is None


@pytest.mark.parametrize(
    "error",
    [
        DatabaseLocked("/data/drafts.db"),
        DatabaseBusy("/data/drafts.db"),
        DatabaseReadOnly("/data/drafts.db", "attempt to write\na readonly database"),
        DatabaseDamaged("/data/drafts.db", "*** in database main ***\nPage 4: bad"),
        DiskFull("/data/drafts.db"),
        DraftNotFound(7, "/data/drafts.db"),
        NewerDatabase("/data/drafts.db", ["m002_new"]),
    ],
)
def test_every_message_is_one_thai_line_naming_the_file_and_what_to_do(error: StorageError):
    message = str(error)
    assert isinstance(error, StorageError)
    assert "/data/drafts.db" in message
    assert "\n" not in message
    assert "—" in message  # the part after the dash says what to do
    assert any("\u0e01" <= ch <= "\u0e5b" for ch in message)

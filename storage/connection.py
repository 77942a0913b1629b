"""Opening the drafts database safely: check, back up, migrate, configure.

The order matters and is the point of this module:
1. a file that exists but is not SQLite, or fails `PRAGMA quick_check`, is refused as
   damaged before anything could write to it (it is never overwritten or recreated). The
   check reads the whole file: 0.6 s for 5,000 drafts (50 MB) from a cold disk, more than
   the window's start may take. A file over `CHECK_AT_OPEN_BYTES` is therefore checked in a
   background thread (`DamageCheck`, once per file and process) while the window opens,
   and its connections (`CheckedConnection`) write nothing before the check has passed: a
   damaged file's first write raises `DatabaseDamaged`, and the file stays as it was. Its
   header and schema are still read at open, so a file that is not SQLite at all, or whose
   schema is damaged, is refused at once;
2. a file or folder the program may not write is refused as read-only (a file checked in
   the background is found read-only by its first write rather than by a write at open);
3. a database changed by a newer program (migration names this one does not know) is
   refused, untouched;
4. an existing database with pending migrations is first copied aside with SQLite's backup
   API (`drafts.db.bak-<UTC time>-before-<migration>`), then migrated in one transaction;
   a non-empty SQLite file that holds none of this program's migrations belongs to some
   other program and is refused like a damaged one;
5. WAL journal, foreign keys and a busy timeout are switched on for the connection.

This module keeps the order and the checks of the file's place; the rest moved out:
`storage.damage_check` (the quick check, lenient text, `DamageCheck` and
`CheckedConnection`), `storage.migration_state` (which migrations a file holds, why it is
not ours, the backup copy and the migrating) and `storage.translating` (`translating`).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from storage.damage_check import CheckedConnection, DamageCheck, lenient_text, quick_check
from storage.errors import DatabaseDamaged, DatabaseReadOnly
from storage.migration_state import apply_steps, backup_copy, migration_state, not_ours
from storage.schema_migrations import MIGRATION_SET, READABLE_WITHOUT, STEPS, Step
from storage.translating import translating

BUSY_TIMEOUT_S = 3.0
# checked whole before opening up to this size: some 400 drafts, 50 ms from a cold disk
CHECK_AT_OPEN_BYTES = 4 * 1024 * 1024


def open_connection(
    path: Path,
    *,
    steps: tuple[Step, ...] = STEPS,
    busy_timeout: float = BUSY_TIMEOUT_S,
    migration_set: str = MIGRATION_SET,
) -> sqlite3.Connection:
    """A configured, migrated connection to the drafts database at `path` (or to another
    kind of this program's database: a collection's `steps` under its `migration_set`).

    The connection is in autocommit mode (`isolation_level=None`): callers open their own
    `BEGIN IMMEDIATE` transactions. It may be used from another thread than the one that
    opened it, one thread at a time (`DraftStore` serialises with a lock).
    """
    with translating(path):
        existed = _check_existing_file(path)
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)  # drafts are the clerk's
        _check_writable(path)
        conn = sqlite3.connect(
            path,
            timeout=busy_timeout,
            isolation_level=None,
            check_same_thread=False,
            factory=CheckedConnection,
        )
        conn.text_factory = lenient_text
        if not existed:
            _owner_only(path)
    try:
        with translating(path):
            _prepare(conn, path, existed, steps, busy_timeout, migration_set)
    except BaseException:
        conn.close()
        raise
    return conn


def open_read_only_connection(
    path: Path,
    *,
    steps: tuple[Step, ...] = STEPS,
    busy_timeout: float = BUSY_TIMEOUT_S,
    migration_set: str = MIGRATION_SET,
) -> sqlite3.Connection:
    """A connection that never changes the database file: for commands that only read.

    `mode=ro` sees everything other programs have saved, their WAL included. Where SQLite
    cannot open the file that way (a read-only folder or medium, without the -shm file a
    WAL reader needs), `immutable=1` reads the file as it lies. A database that would need
    migrating cannot be read here: it is refused with the way to upgrade it.
    """
    with translating(path):
        if not _check_existing_file(path):
            raise DatabaseDamaged(path, "ไฟล์ว่างเปล่า ไม่มีร่างรายงาน")
        uri = path.as_uri()
        try:
            return _read_only(f"{uri}?mode=ro", path, steps, busy_timeout, migration_set)
        except sqlite3.OperationalError as exc:
            if getattr(exc, "sqlite_errorcode", None) is None or (
                exc.sqlite_errorcode & 0xFF not in _CANNOT_READ_IN_PLACE
            ):
                raise
        return _read_only(f"{uri}?mode=ro&immutable=1", path, steps, busy_timeout, migration_set)


# a WAL database in a place its -shm cannot be made
_CANNOT_READ_IN_PLACE = {sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY}


def _read_only(
    uri: str, path: Path, steps: tuple[Step, ...], busy_timeout: float, migration_set: str
) -> sqlite3.Connection:
    conn = sqlite3.connect(
        uri, uri=True, timeout=busy_timeout, isolation_level=None, check_same_thread=False
    )
    conn.text_factory = lenient_text
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
        conn.execute("PRAGMA query_only = ON")
        quick_check(conn, path)
        applied, pending = migration_state(conn, path, steps, migration_set)
        if not applied:
            raise DatabaseDamaged(path, not_ours(conn, migration_set))
        if any(name not in READABLE_WITHOUT for name in pending):
            raise DatabaseReadOnly(
                path,
                "ฐานข้อมูลนี้มาจากโปรแกรมรุ่นก่อนและต้องปรับรุ่นก่อนอ่าน"
                " — เปิดด้วยหน้าต่างโปรแกรมหนึ่งครั้ง (ต้องเขียนไฟล์ได้) แล้วลองอีกครั้ง",
            )
    except BaseException:
        conn.close()
        raise
    return conn


def _owner_only(path: Path) -> None:
    # A new database readable by its owner alone where the OS has modes (SQLite gives its
    # -wal and -shm files the database's mode); chmod needs no descriptor of the file.
    if os.name == "posix" and path.exists():
        os.chmod(path, 0o600)


def _check_existing_file(path: Path) -> bool:
    """True when `path` holds a non-empty file.

    Only `stat`, never `open`: on POSIX, closing any descriptor of the file drops every
    lock SQLite holds on it in this process, and another program would then take itself
    for the last user and delete the WAL the window is still writing into. Whether the
    file is SQLite at all is asked of SQLite itself (`storage.damage_check.quick_check`).
    """
    if path.is_dir():
        raise DatabaseReadOnly(path, "ชื่อนี้เป็นโฟลเดอร์ ไม่ใช่ไฟล์")
    return path.exists() and path.stat().st_size > 0  # empty: SQLite makes a new database


def _check_writable(path: Path) -> None:
    # os.access answers True for root whatever the mode bits say; then SQLite's own refusal
    # ("attempt to write a readonly database") is caught by the write probe in `_prepare`.
    folder = path.parent
    if not os.access(folder, os.W_OK | os.X_OK):
        raise DatabaseReadOnly(path, f"โฟลเดอร์ {folder} เขียนไม่ได้")
    if path.exists() and not os.access(path, os.W_OK):
        raise DatabaseReadOnly(path, "ไฟล์ตั้งค่าเป็นอ่านอย่างเดียว")


def _prepare(
    conn: CheckedConnection,
    path: Path,
    existed: bool,
    steps: tuple[Step, ...],
    busy_timeout: float,
    migration_set: str = MIGRATION_SET,
) -> None:
    conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
    # 16 MB of page cache (default 2 MB): the drafts list and search scan every draft's
    # first page on each keystroke, and thousands of drafts then stay in memory.
    conn.execute("PRAGMA cache_size = -16000")
    small = existed and path.stat().st_size <= CHECK_AT_OPEN_BYTES
    if small:
        quick_check(conn, path)
    applied, pending = migration_state(conn, path, steps, migration_set)  # header, schema
    deferred = existed and not small and not pending and _journal_mode(conn) == "wal"
    if existed and not small and not deferred:
        quick_check(conn, path)  # nothing is migrated, copied aside or switched to WAL unchecked
    if pending and existed and not applied and _user_version(conn) != 0:
        # an empty database another program has marked as its own
        raise DatabaseDamaged(path, not_ours(conn, migration_set))
    if pending and existed and _has_tables(conn):
        if not applied:
            # another program's database, given by mistake: never write into it
            raise DatabaseDamaged(path, not_ours(conn, migration_set))
        backup_copy(conn, path, pending[0])
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA foreign_keys = ON")
    if deferred:
        # even the write probe below would write the header: the first write, whichever
        # it is, waits for the check instead (`CheckedConnection`)
        conn.damage_check = DamageCheck.of(path, busy_timeout)
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        if pending:
            apply_steps(conn, path, steps, migration_set)
        else:
            # A write probe: a file opened read-only behind os.access's back (root, read-only
            # media, immutable files) refuses here, at open, rather than at the first autosave.
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            conn.execute(f"PRAGMA user_version = {int(version)}")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _journal_mode(conn: sqlite3.Connection) -> str:
    return str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower()


def _user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def _has_tables(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0

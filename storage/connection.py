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
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar

from storage.errors import (
    DatabaseDamaged,
    DatabaseReadOnly,
    NewerDatabase,
    StorageError,
    translate,
)
from storage.schema_migrations import (
    KIND_NAMES,
    MIGRATION_SET,
    MIGRATIONS_TABLE,
    READABLE_WITHOUT,
    STEPS,
    Step,
    build_migrations,
    step_names,
)

BUSY_TIMEOUT_S = 3.0
# checked whole before opening up to this size: some 400 drafts, 50 ms from a cold disk
CHECK_AT_OPEN_BYTES = 4 * 1024 * 1024
# a larger file's check waits this long, or until a write needs it: the window's start
# reads the drafts list from the same disk meanwhile
CHECK_DELAY_S = 2.0


@contextmanager
def translating(path: Path) -> Iterator[None]:
    """Re-raise known sqlite3/OS failures as the named `StorageError`s."""
    try:
        yield
    except (sqlite3.Error, OSError, UnicodeDecodeError) as exc:
        named = translate(exc, path)
        if named is None:
            raise
        raise named from exc


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
        _quick_check(conn, path)
        applied, pending = _migration_state(conn, path, steps, migration_set)
        if not applied:
            raise DatabaseDamaged(path, _not_ours(conn, migration_set))
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
    file is SQLite at all is asked of SQLite itself (`_quick_check`).
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
        _quick_check(conn, path)
    applied, pending = _migration_state(conn, path, steps, migration_set)  # header, schema
    deferred = existed and not small and not pending and _journal_mode(conn) == "wal"
    if existed and not small and not deferred:
        _quick_check(conn, path)  # nothing is migrated, copied aside or switched to WAL unchecked
    if pending and existed and not applied and _user_version(conn) != 0:
        # an empty database another program has marked as its own
        raise DatabaseDamaged(path, _not_ours(conn, migration_set))
    if pending and existed and _has_tables(conn):
        if not applied:
            # another program's database, given by mistake: never write into it
            raise DatabaseDamaged(path, _not_ours(conn, migration_set))
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
            _apply(conn, path, steps, migration_set)
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


def _migration_state(
    conn: sqlite3.Connection, path: Path, steps: tuple[Step, ...], migration_set: str
) -> tuple[list[str], list[str]]:
    """This program's migrations applied to the database, and those still to apply;
    `NewerDatabase` when it holds migrations this version does not know."""
    applied = applied_migrations(conn, migration_set)
    known = step_names(steps)
    unknown = [name for name in applied if name not in known]
    if unknown:
        raise NewerDatabase(path, unknown)
    return applied, [name for name in known if name not in applied]


def lenient_text(data: bytes) -> str:
    """Stored text as str, a damaged byte (a bit flip) read as U+FFFD: one bad byte in one
    draft must not lock the clerk out of every draft. The checks' `replacement_char` rule
    then names the text to retype; `PRAGMA quick_check` quotes a damaged schema this way."""
    return data.decode("utf-8", "replace")


def _quick_check(conn: sqlite3.Connection, path: Path) -> None:
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_NOTADB:
            raise DatabaseDamaged(path, "ส่วนหัวของไฟล์ไม่ใช่ฐานข้อมูล SQLite") from exc
        raise
    if rows != [("ok",)]:
        raise DatabaseDamaged(path, str(rows[0][0]) if rows else "quick_check")


class CheckedConnection(sqlite3.Connection):
    """A connection whose first write transaction (`BEGIN IMMEDIATE`, as every write of a
    `DraftStore` starts) waits for its file's `DamageCheck`: on a damaged file it raises
    `DatabaseDamaged` before anything is written."""

    damage_check: DamageCheck | None = None

    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:
        check = self.damage_check
        if check is not None and sql.startswith("BEGIN IMMEDIATE"):
            check.wait()
            self.damage_check = None  # passed; the file is not read again
        return super().execute(sql, parameters)


class DamageCheck:
    """`PRAGMA quick_check` of one database file, in a thread of its own, over a read-only
    connection of its own; one per file and process (the window's store and its autosave
    worker's share it)."""

    _running: ClassVar[dict[Path, tuple[tuple[int, ...], DamageCheck]]] = {}
    _lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, path: Path, busy_timeout: float) -> None:
        self.path, self._busy_timeout = path, busy_timeout
        self._needed = threading.Event()  # a write waits for the check: no more delay
        self._done = threading.Event()
        self._error: Exception | None = None
        threading.Thread(target=self._run, name="damage-check", daemon=True).start()

    @classmethod
    def of(cls, path: Path, busy_timeout: float = BUSY_TIMEOUT_S) -> DamageCheck:
        """The check of the file at `path` as it is now (a file changed since its check
        was started, or replaced, is checked again)."""
        info = path.stat()
        identity = (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)
        with cls._lock:
            known = cls._running.get(path)
            if known is not None and known[0] == identity:
                return known[1]
            check = cls(path, busy_timeout)
            cls._running[path] = (identity, check)
            return check

    def _run(self) -> None:
        self._needed.wait(CHECK_DELAY_S)
        try:
            self._error = self._check()
        except Exception as error:  # not known to be sound: `wait` checks again
            self._error = error
        finally:
            self._done.set()

    def _check(self) -> StorageError | None:
        try:
            with translating(self.path):
                conn = sqlite3.connect(
                    f"{self.path.as_uri()}?mode=ro", uri=True, timeout=self._busy_timeout
                )
                try:
                    conn.text_factory = lenient_text
                    _quick_check(conn, self.path)
                finally:
                    conn.close()
        except StorageError as error:
            return error
        return None

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def wait(self) -> None:
        """Return once the file has passed the check; raise `DatabaseDamaged` when it has
        not. A check that could not run (the file busy, a disk error) is run again here."""
        self._needed.set()
        self._done.wait()
        if self._error is not None and not isinstance(self._error, DatabaseDamaged):
            self._error = self._check()
        if self._error is not None:
            raise self._error.with_traceback(None)  # raised again at every write


def _journal_mode(conn: sqlite3.Connection) -> str:
    return str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower()


def _user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def _has_tables(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0


def applied_migrations(conn: sqlite3.Connection, migration_set: str = MIGRATION_SET) -> list[str]:
    """Names of this program's migrations recorded as applied, in the order applied."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (MIGRATIONS_TABLE,)
    ).fetchone()
    if not exists:
        return []
    rows = conn.execute(
        f"SELECT name FROM [{MIGRATIONS_TABLE}] WHERE migration_set = ? ORDER BY rowid",
        (migration_set,),
    )
    return [name for (name,) in rows]


def _not_ours(conn: sqlite3.Connection, migration_set: str) -> str:
    """Why a database holds nothing of `migration_set`: it is this program's other kind
    (a collection given as drafts, or drafts as a collection), or none of this program's."""
    for other, name in KIND_NAMES.items():
        if other != migration_set and applied_migrations(conn, other):
            return f"เป็น{name}"
    if migration_set == MIGRATION_SET:
        return "ไม่มีตารางร่างรายงานของโปรแกรมนี้"
    return f"ไม่มีตารางของ{KIND_NAMES.get(migration_set, migration_set)}"


def _apply(
    conn: sqlite3.Connection, path: Path, steps: tuple[Step, ...], migration_set: str
) -> None:
    from sqlite_utils import Database

    # Inside our BEGIN IMMEDIATE, each step's own transaction becomes a savepoint, so two
    # copies of the program opening a new file at once cannot both migrate it.
    db = Database(conn, execute_plugins=False)
    try:
        build_migrations(steps, migration_set).apply(db)
    except sqlite3.OperationalError as exc:
        # a step that cannot run on tables that are there (a damaged record of the steps
        # applied, as stress/storage_faults.py found): rolled back, nothing written
        raise DatabaseDamaged(path, f"ปรับรุ่นฐานข้อมูลไม่ได้: {exc}") from exc


def backup_copy(conn: sqlite3.Connection, path: Path, before: str) -> Path:
    """Copy the database aside with SQLite's backup API (consistent, WAL content included)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.bak-{stamp}-before-{before}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.bak-{stamp}-{n}-before-{before}")
    part = target.with_name(target.name + ".part")
    try:
        dest = sqlite3.connect(part)
        try:
            conn.backup(dest)
        finally:
            dest.close()
        os.replace(part, target)
    finally:
        part.unlink(missing_ok=True)
    return target

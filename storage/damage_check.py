"""Finding a damaged database file: `PRAGMA quick_check` (`quick_check`), stored text
read with a damaged byte as U+FFFD (`lenient_text`), and the check of a large file run in
a background thread (`DamageCheck`, once per file and process) while the window opens,
whose connections (`CheckedConnection`) write nothing before the check has passed.
`storage.connection` decides which file is checked at open and which in the background.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any, ClassVar

from storage.errors import DatabaseDamaged, StorageError
from storage.translating import translating

# a file over `storage.connection.CHECK_AT_OPEN_BYTES` is checked after this long, or as
# soon as a write needs it: the window's start reads the drafts list from the same disk
CHECK_DELAY_S = 2.0


def lenient_text(data: bytes) -> str:
    """Stored text as str, a damaged byte (a bit flip) read as U+FFFD: one bad byte in one
    draft must not lock the clerk out of every draft. The checks' `replacement_char` rule
    then names the text to retype; `PRAGMA quick_check` quotes a damaged schema this way."""
    return data.decode("utf-8", "replace")


def quick_check(conn: sqlite3.Connection, path: Path) -> None:
    """`DatabaseDamaged` unless the file at `path` passes `PRAGMA quick_check`."""
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
    def of(cls, path: Path, busy_timeout: float) -> DamageCheck:
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
                    quick_check(conn, self.path)
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

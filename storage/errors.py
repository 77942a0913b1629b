"""Named storage failures, each with a Thai message naming the file and what to do.

`translate` turns the sqlite3/OS errors the drafts database can raise into these, so the
window and the command line show one clear sentence instead of a traceback.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path


class StorageError(Exception):
    """Base of every error about the drafts database; `str(exc)` is one Thai sentence."""

    def __init__(self, path: Path | str | None, message: str) -> None:
        self.path = Path(path) if path is not None else None
        super().__init__(message)


class DatabaseLocked(StorageError):
    """Another running copy of the program holds the database (its `.lock` file)."""

    def __init__(self, path: Path | str) -> None:
        super().__init__(
            path,
            f"ฐานข้อมูลร่างรายงาน {path} เปิดอยู่ในโปรแกรมอีกหน้าต่างหนึ่ง"
            " — ใช้หน้าต่างที่เปิดอยู่ หรือปิดหน้าต่างนั้นก่อนแล้วเปิดใหม่",
        )


class DatabaseBusy(StorageError):
    """SQLite stayed busy (another connection writing) for longer than the busy timeout."""

    def __init__(self, path: Path | str) -> None:
        super().__init__(
            path,
            f"ฐานข้อมูล {path} กำลังถูกโปรแกรมอื่นใช้งานอยู่ จึงบันทึกไม่ได้ในขณะนี้"
            " — ข้อมูลเดิมยังอยู่ครบ รอสักครู่แล้วลองอีกครั้ง",
        )


class DatabaseReadOnly(StorageError):
    """The file or its folder cannot be written."""

    def __init__(self, path: Path | str, detail: str = "") -> None:
        self.detail = detail
        why = _why(detail)
        super().__init__(
            path,
            f"เขียนไฟล์ฐานข้อมูล {path} ไม่ได้ เพราะไฟล์หรือโฟลเดอร์เป็นแบบอ่านอย่างเดียว{why}"
            " — ให้สิทธิ์เขียนไฟล์และโฟลเดอร์นี้ หรือเลือกไฟล์อื่นด้วย --db",
        )


class DatabaseDamaged(StorageError):
    """Not an SQLite database, or a damaged one; the program never overwrites it."""

    def __init__(self, path: Path | str, detail: str = "") -> None:
        self.detail = detail
        why = _why(detail)
        super().__init__(
            path,
            f"ไฟล์ {path} ไม่ใช่ฐานข้อมูลร่างรายงาน หรือไฟล์เสียหาย{why}"
            " — โปรแกรมไม่ได้แก้ไขไฟล์นี้ ให้เก็บสำเนาไว้ แล้วเปิดไฟล์สำรอง (.bak) หรือเลือกไฟล์ใหม่ด้วย --db",
        )


class DiskFull(StorageError):
    """The disk is full, or reading/writing it failed."""

    def __init__(self, path: Path | str, detail: str = "") -> None:
        why = _why(detail)
        super().__init__(
            path,
            f"บันทึกลงไฟล์ {path} ไม่ได้ เพราะดิสก์เต็มหรืออ่านเขียนดิสก์ไม่ได้{why}"
            " — ข้อมูลที่บันทึกไว้ก่อนหน้ายังอยู่ ลบไฟล์ที่ไม่ใช้เพื่อเพิ่มที่ว่างแล้วบันทึกอีกครั้ง",
        )


class DraftNotFound(StorageError):
    """No draft with this id (or none in the bin, for `where="bin"`)."""

    def __init__(self, draft_id: int, path: Path | str | None = None, where: str = "") -> None:
        self.draft_id = draft_id
        place = "ในถังขยะ" if where == "bin" else ""
        in_file = f" ในไฟล์ {path}" if path is not None else ""
        super().__init__(
            path,
            f"ไม่พบร่างรายงานหมายเลข {draft_id}{place}{in_file}"
            " — ตรวจหมายเลขอีกครั้ง (คำสั่ง main.py list แสดงหมายเลขทั้งหมด)",
        )


class NewerDatabase(StorageError):
    """The database was changed by a newer version of the program."""

    def __init__(self, path: Path | str, unknown: list[str]) -> None:
        self.unknown = list(unknown)
        super().__init__(
            path,
            f"ฐานข้อมูล {path} ถูกปรับโครงสร้างโดยโปรแกรมรุ่นที่ใหม่กว่า ({', '.join(unknown)})"
            " — ติดตั้งโปรแกรมรุ่นล่าสุดเพื่อเปิดไฟล์นี้ โปรแกรมรุ่นนี้ไม่ได้แก้ไขไฟล์",
        )


# SQLite's own words for the failures a clerk meets, in Thai; other details (a quick_check
# report) are technical and stay as SQLite gives them, for support
_SQLITE_WORDS = {
    "database or disk is full": "ดิสก์เต็ม",
    "disk i/o error": "อ่านหรือเขียนดิสก์ผิดพลาด",
    "attempt to write a readonly database": "ฐานข้อมูลเปิดได้แบบอ่านอย่างเดียว",
    "unable to open database file": "เปิดไฟล์ฐานข้อมูลไม่ได้",
    "database disk image is malformed": "โครงสร้างในไฟล์เสียหาย",
    "file is not a database": "ไม่ใช่ไฟล์ฐานข้อมูล SQLite",
    "database is locked": "ฐานข้อมูลถูกล็อกอยู่",
}


def _why(detail: str) -> str:
    """A technical detail on one short line (SQLite's quick_check report spans many)."""
    text = " ".join(detail.split())
    text = _SQLITE_WORDS.get(text.lower(), text)
    if len(text) > 120:
        text = text[:119] + "…"
    return f" ({text})" if text else ""


_BUSY_CODES = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
_DAMAGED_CODES = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}


def translate(exc: BaseException, path: Path | str) -> StorageError | None:
    """The named error for a known sqlite3 failure or any OS failure on `path`; None for
    anything else (other sqlite3 errors are bugs, and show as such).

    The primary SQLite result code decides where Python gives one; the message text is the
    fallback (the brief's list of messages, which older builds report without a code).
    """
    if isinstance(exc, StorageError):
        return exc
    if isinstance(exc, UnicodeDecodeError):
        # SQLite's own message quoting a damaged schema text, which Python decodes strictly
        return DatabaseDamaged(path, "ข้อความในไฟล์อ่านไม่ได้")
    if isinstance(exc, sqlite3.Error):
        return _translate_sqlite(exc, path)
    if isinstance(exc, OSError):
        return _translate_os(exc, path)
    return None


def _translate_sqlite(exc: sqlite3.Error, path: Path | str) -> StorageError | None:
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(exc).lower()
    if primary in _BUSY_CODES or "database is locked" in text or "busy" in text:
        return DatabaseBusy(path)
    if primary == sqlite3.SQLITE_FULL or "database or disk is full" in text:
        return DiskFull(path, str(exc))
    if primary == sqlite3.SQLITE_IOERR or "disk i/o" in text:
        return DiskFull(path, str(exc))
    if primary == sqlite3.SQLITE_READONLY or "readonly database" in text:
        return DatabaseReadOnly(path, str(exc))
    if primary == sqlite3.SQLITE_CANTOPEN or "unable to open database" in text:
        return DatabaseReadOnly(path, str(exc))
    if primary in _DAMAGED_CODES or "not a database" in text or "malformed" in text:
        return DatabaseDamaged(path, str(exc))
    if "could not decode to utf-8" in text:  # a bit flip in stored text
        return DatabaseDamaged(path, "ข้อความในไฟล์อ่านไม่ได้")
    return None


def _translate_os(exc: OSError, path: Path | str) -> StorageError | None:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return DiskFull(path, exc.strerror or str(exc))
    if exc.errno == errno.EIO:
        return DiskFull(path, exc.strerror or str(exc))
    if isinstance(exc, PermissionError) or exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return DatabaseReadOnly(path, exc.strerror or str(exc))
    # anything else the OS says about the file or its folder (a file where the folder should
    # be, a name too long, ...): still one clear line rather than a traceback
    return StorageError(
        path,
        f"เปิดไฟล์ฐานข้อมูล {path} ไม่ได้{_why(exc.strerror or str(exc))}"
        " — ตรวจชื่อโฟลเดอร์และไฟล์ หรือเลือกไฟล์อื่นด้วย --db",
    )

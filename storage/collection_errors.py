"""The named errors of a district's collection (`storage.collection`): a file that is not
a collection (`NotACollection`), one that cannot be written (`CollectionReadOnly`), one
kept for another fiscal year (`OtherFiscalYear`), and `as_collection`, which rewords the
drafts' errors of `storage.connection` for a collection (which is not named by --db).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from storage.errors import DatabaseDamaged, DatabaseReadOnly, StorageError, _why


class NotACollection(DatabaseDamaged):
    """Not a collection of this program (a drafts database, another program's file, or a
    damaged one); it is never written."""

    def __init__(self, path: Path | str, detail: str = "") -> None:
        self.detail = detail
        StorageError.__init__(
            self,
            path,
            f"ไฟล์ {path} ไม่ใช่ชุดรวมรายงาน หรือไฟล์เสียหาย{_why(detail)}"
            " — โปรแกรมไม่ได้แก้ไขไฟล์นี้ ระบุไฟล์ชุดรวมรายงาน (เช่น district.db)"
            " หรือชื่อไฟล์ใหม่เพื่อเริ่มชุดใหม่",
        )


class CollectionReadOnly(DatabaseReadOnly):
    def __init__(self, path: Path | str, detail: str = "") -> None:
        self.detail = detail
        StorageError.__init__(
            self,
            path,
            f"เขียนชุดรวมรายงาน {path} ไม่ได้ เพราะไฟล์หรือโฟลเดอร์เป็นแบบอ่านอย่างเดียว{_why(detail)}"
            " — ให้สิทธิ์เขียนไฟล์และโฟลเดอร์นี้ หรือระบุไฟล์อื่นด้วย --into",
        )


class OtherFiscalYear(StorageError):
    """The collection is kept for one fiscal year, and another was asked for."""

    def __init__(self, path: Path | str, kept: int | str, wanted: int) -> None:
        super().__init__(
            path,
            f"ชุดรวมรายงาน {path} เก็บรายงานปีงบประมาณ {kept} จึงใช้กับปีงบประมาณ {wanted} ไม่ได้"
            f" — ใช้ไฟล์ชุดรวมรายงานอื่นสำหรับปี {wanted} (เช่น --into district-{wanted}.db)",
        )


@contextmanager
def as_collection(path: Path) -> Iterator[None]:
    """The drafts' named errors reworded for a collection (which is not named by --db)."""
    try:
        yield
    except DatabaseDamaged as exc:
        raise NotACollection(path, getattr(exc, "detail", "")) from exc.__cause__
    except DatabaseReadOnly as exc:
        raise CollectionReadOnly(path, getattr(exc, "detail", "")) from exc.__cause__

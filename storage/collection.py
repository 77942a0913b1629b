"""A district's collection of reports: one SQLite file (e.g. `district.db`), apart from
any clerk's drafts.

`Collection` keeps the current copy of each report, one per (project code, fiscal year),
and every other copy in its history; `storage.collection_migrations` describes the
tables. The file is opened, checked, migrated and refused (damaged, read-only, a newer
program's, or a drafts database) exactly as the drafts are (`storage.connection`), with
messages that speak of a collection.

Which copy is current: the one whose latest progress report is later
(`forms.district.summary.recency`: its date, its number, then how many reports it holds).
An identical copy changes nothing (SAME). On a tie the copy collected last is taken as a
correction (UPDATED), except that a printout's text, read with doubts, never replaces a
copy read exactly (an app PDF or JSON). The copy that loses goes to the history. Every
add is one transaction, and merging another collection's file is one too.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

from forms.district.summary import SOURCE_PRINTOUT, Collected
from forms.report import Report
from storage.collection_migrations import COLLECTION_STEPS
from storage.collection_reports import StoredTexts, stored_log, stored_report
from storage.collection_rows import (
    COLUMN_LIST,
    EXACT_SOURCES,
    INSERT,
    INSERT_HISTORY,
    ITEMS_SQL,
    ROW_COLUMNS,
    SELECT_ROWS,
    TO_HISTORY,
    UPDATE,
    copy_row,
    now,
    progress_words,
    project_words,
    recency_of,
    summary_from_columns,
    unkeyed,
)
from storage.connection import (
    BUSY_TIMEOUT_S,
    open_connection,
    open_read_only_connection,
    translating,
)
from storage.errors import DatabaseDamaged, DatabaseReadOnly, StorageError, _why
from storage.schema_migrations import COLLECTION_MIGRATION_SET

T = TypeVar("T")


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
def _as_collection(path: Path) -> Iterator[None]:
    """The drafts' named errors reworded for a collection (which is not named by --db)."""
    try:
        yield
    except DatabaseDamaged as exc:
        raise NotACollection(path, getattr(exc, "detail", "")) from exc.__cause__
    except DatabaseReadOnly as exc:
        raise CollectionReadOnly(path, getattr(exc, "detail", "")) from exc.__cause__


class OutcomeKind(StrEnum):
    ADDED = "added"
    UPDATED = "updated"  # replaced the current copy, which went to the history
    SAME = "same"  # identical to a copy already kept: nothing changed
    OLDER = "older"  # older than the current copy: kept in the history
    REFUSED = "refused"

    @property
    def word(self) -> str:
        """The Thai word a line about it starts with."""
        return _WORDS[self]


_WORDS = {
    OutcomeKind.ADDED: "เพิ่ม",
    OutcomeKind.UPDATED: "ปรับปรุง",
    OutcomeKind.SAME: "ซ้ำ",
    OutcomeKind.OLDER: "เก็บเป็นประวัติ",
    OutcomeKind.REFUSED: "ไม่รับ",
}


@dataclass(frozen=True)
class Outcome:
    """What adding one report did, with one Thai sentence saying so."""

    kind: OutcomeKind
    message: str
    project_code: str = ""
    fiscal_year: int | None = None


@dataclass(frozen=True)
class FileOutcome:
    """What collecting one file did: one outcome for a report file (REFUSED for a file
    that gives none), one per current report for a merged collection."""

    path: Path
    outcomes: tuple[Outcome, ...]
    source_kind: str = ""
    notes: tuple[str, ...] = ()  # the reader's own warnings about the file
    merged: bool = False  # the file was another collection


@dataclass(frozen=True)
class HistoryEntry:
    copy: Collected
    replaced_at: str  # ISO timestamp of the add that put it here
    why: str  # "replaced" (was current, a later copy came) | "older" (came in older)


class Collection:
    """A collection file; `Collection.open(path)` (created when missing), close when done."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self._conn: sqlite3.Connection | None = conn
        self._lock = threading.RLock()

    @classmethod
    def open(
        cls,
        path: Path | str,
        fiscal_year: int | None = None,
        *,
        busy_timeout: float = BUSY_TIMEOUT_S,
    ) -> Collection:
        """Open or create the collection at `path`. With `fiscal_year`, it is kept for that
        year (a new one, or one that holds no other year), and `OtherFiscalYear` is raised
        when it is kept for another."""
        path = Path(path).expanduser().absolute()
        with _as_collection(path):
            conn = open_connection(
                path,
                steps=COLLECTION_STEPS,
                busy_timeout=busy_timeout,
                migration_set=COLLECTION_MIGRATION_SET,
            )
        collection = cls(path, conn)
        try:
            if fiscal_year is not None:
                collection._keep_year(fiscal_year)
        except BaseException:
            collection.close()
            raise
        return collection

    @classmethod
    def open_read_only(
        cls, path: Path | str, *, busy_timeout: float = BUSY_TIMEOUT_S
    ) -> Collection:
        """An existing collection, only read: its bytes never change."""
        path = Path(path).expanduser().absolute()
        with _as_collection(path):
            conn = open_read_only_connection(
                path,
                steps=COLLECTION_STEPS,
                busy_timeout=busy_timeout,
                migration_set=COLLECTION_MIGRATION_SET,
            )
        return cls(path, conn)

    def __enter__(self) -> Collection:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    @contextmanager
    def _transaction(self, *, write: bool = True) -> Iterator[sqlite3.Connection]:
        with self._lock, _as_collection(self.path), translating(self.path):
            if self._conn is None:
                raise RuntimeError("Collection is closed")
            conn = self._conn
            conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    # -- the fiscal year -------------------------------------------------------------------

    @property
    def fiscal_year(self) -> int | None:
        """The one fiscal year this collection keeps, or None (any year)."""
        with self._transaction(write=False) as conn:
            return _kept_year(conn)

    def _keep_year(self, year: int) -> None:
        with self._transaction() as conn:
            kept = _kept_year(conn)
            if kept == year:
                return
            if kept is not None:
                raise OtherFiscalYear(self.path, kept, year)
            other = conn.execute(
                "SELECT fiscal_year FROM reports WHERE fiscal_year != ? LIMIT 1", (year,)
            ).fetchone()
            if other is not None:
                raise OtherFiscalYear(self.path, f"{other[0]} อยู่แล้ว", year)
            conn.execute("INSERT INTO meta (key, value) VALUES ('fiscal_year', ?)", (str(year),))

    # -- adding ----------------------------------------------------------------------------

    def add(
        self,
        report: Report,
        source: str,
        source_kind: str,
        *,
        errors: int | None = None,
        warnings: int | None = None,
        notes: Sequence[str] = (),
    ) -> Outcome:
        """Add one copy of a report (one transaction). `errors`/`warnings` are its checks'
        counts; when not given, the checks run here."""
        if errors is None or warnings is None:
            from forms.checks import check_report

            problems = check_report(report)
            errors = sum(1 for p in problems if p.is_error)
            warnings = len(problems) - errors
        refusal = unkeyed(report)
        if refusal:
            return Outcome(OutcomeKind.REFUSED, refusal, report.project_code, report.fiscal_year)
        row = copy_row(
            report,
            errors=errors,
            warnings=warnings,
            source=source,
            source_kind=source_kind,
            notes=notes,
        )
        with self._transaction() as conn:
            return self._add_row(conn, row)

    def _add_row(self, conn: sqlite3.Connection, new: dict[str, Any]) -> Outcome:
        code, year = new["project_code"], new["fiscal_year"]
        kept = _kept_year(conn)
        if kept is not None and year != kept:
            return Outcome(
                OutcomeKind.REFUSED,
                f"{project_words(new)}: เป็นรายงานปีงบประมาณ {year} แต่ชุดรวมรายงานนี้เก็บเฉพาะ"
                f"ปีงบประมาณ {kept} — รวมไว้ในชุดของปี {year} แทน (เช่น --into district-{year}.db)",
                code,
                year,
            )
        cursor = conn.cursor()
        cursor.row_factory = sqlite3.Row
        current = cursor.execute(
            f"SELECT id, {COLUMN_LIST} FROM reports WHERE project_code = ? AND fiscal_year = ?",
            (code, year),
        ).fetchone()
        if current is None:
            conn.execute(INSERT, new)
            return Outcome(
                OutcomeKind.ADDED,
                f"{project_words(new)} ({new['project_name']}) {progress_words(new)}",
                code,
                year,
            )
        old = dict(current)
        said = f"{project_words(new)}:"
        if new["digest"] == old["digest"]:
            return Outcome(
                OutcomeKind.SAME,
                f"{said} เหมือนฉบับที่มีอยู่แล้วทุกช่อง (จาก {old['source']}) — ไม่เปลี่ยนแปลง",
                code,
                year,
            )
        if _in_history(conn, code, year, new["digest"]):
            return Outcome(
                OutcomeKind.SAME,
                f"{said} เหมือนฉบับเก่าที่เก็บเป็นประวัติไว้แล้ว — ไม่เปลี่ยนแปลง",
                code,
                year,
            )
        stamp = now()
        newer, older = recency_of(new), recency_of(old)
        tie_to_old = newer == older and new["source_kind"] == SOURCE_PRINTOUT
        tie_to_old = tie_to_old and old["source_kind"] in EXACT_SOURCES
        if newer < older or tie_to_old:
            conn.execute(INSERT_HISTORY, {**new, "replaced_at": stamp, "why": "older"})
            if tie_to_old:
                why = (
                    f"ความก้าวหน้าเท่ากับฉบับที่มีอยู่จาก {old['source']} ซึ่งอ่านได้ตรงทุกช่อง"
                    " ส่วนฉบับนี้อ่านจากข้อความแบบพิมพ์"
                )
            else:
                why = (
                    f"ฉบับนี้เก่ากว่า ({progress_words(new)}) ฉบับที่มีอยู่จาก {old['source']}"
                    f" ({progress_words(old)})"
                )
            return Outcome(OutcomeKind.OLDER, f"{said} {why} จึงเก็บฉบับนี้เป็นประวัติ", code, year)
        conn.execute(TO_HISTORY, (stamp, "replaced", old["id"]))
        conn.execute(UPDATE, {**new, "id": old["id"]})
        if newer == older:
            why = f"ความก้าวหน้าเท่าเดิม ({progress_words(new)}) แต่ข้อมูลต่างจากฉบับที่มีอยู่"
        else:
            why = f"ฉบับนี้ใหม่กว่า ({progress_words(new)})"
        return Outcome(
            OutcomeKind.UPDATED,
            f"{said} {why} จึงแทนฉบับจาก {old['source']} ({progress_words(old)}) ซึ่งเก็บเป็นประวัติ",
            code,
            year,
        )

    def merge_from(self, other: Path | str) -> list[Outcome]:
        """Every report of another collection file, added as if collected here (one
        transaction for the whole file); its history copies join this history. The other
        file is only read."""
        other_path = Path(other).expanduser().absolute()
        if other_path.exists() and other_path.resolve() == self.path.resolve():
            raise StorageError(
                other_path,
                f"{other_path} คือชุดรวมรายงานที่กำลังรวมเข้าอยู่แล้ว — ระบุไฟล์ชุดอื่น",
            )
        with Collection.open_read_only(other_path) as source:
            history = source._copies("history")
            current = source._copies("reports")
        with self._transaction() as conn:
            kept = _kept_year(conn)
            for row in history:
                year_ok = kept is None or row["fiscal_year"] == kept
                code, year, digest = row["project_code"], row["fiscal_year"], row["digest"]
                if year_ok and not _known(conn, code, year, digest):
                    conn.execute(INSERT_HISTORY, row)
            return [self._add_row(conn, row) for row in current]

    def _copies(self, table: str) -> list[dict[str, Any]]:
        extra = ", replaced_at, why" if table == "history" else ""
        with self._transaction(write=False) as conn:
            cursor = conn.cursor()
            cursor.row_factory = sqlite3.Row
            rows = cursor.execute(f"SELECT {COLUMN_LIST}{extra} FROM {table} ORDER BY id")
            return [dict(row) for row in rows]

    def collect(
        self, paths: Sequence[Path], *, workers: int | None = None
    ) -> Iterator[FileOutcome]:
        """Read every report file found in `paths` (`forms.district.collect`) and add each;
        a collection file is merged. One `FileOutcome` per file, in the order found."""
        from forms.district.collect import find_inputs, read_inputs

        for read in read_inputs(find_inputs(paths), workers):
            if read.is_collection:
                yield self._merge_file(read.path)
            elif read.report is None:
                refused = Outcome(OutcomeKind.REFUSED, read.refusal)
                yield FileOutcome(read.path, (refused,), notes=read.notes)
            else:
                outcome = self.add(
                    read.report,
                    str(read.path),
                    read.source_kind,
                    errors=read.errors,
                    warnings=read.warnings,
                    notes=read.notes,
                )
                yield FileOutcome(read.path, (outcome,), read.source_kind, read.notes)

    def _merge_file(self, path: Path) -> FileOutcome:
        try:
            outcomes = tuple(self.merge_from(path))
        except StorageError as exc:
            if exc.path is not None and exc.path == self.path:
                raise  # this collection's own failure (busy, disk full) stops the run
            return FileOutcome(path, (Outcome(OutcomeKind.REFUSED, str(exc)),), merged=True)
        if not outcomes:
            empty = Outcome(OutcomeKind.REFUSED, f"ชุดรวมรายงาน {path} ไม่มีรายงาน จึงไม่มีอะไรให้รวม")
            return FileOutcome(path, (empty,), merged=True)
        return FileOutcome(path, outcomes, merged=True)

    # -- reading ---------------------------------------------------------------------------

    def items(self) -> list[Collected]:
        """Every current report, by agency then project code; each row from the stored
        columns, each report read from its JSON only when asked for (with the ones after
        it, `storage.collection_reports`, as an export reads them all in turn)."""
        with self._transaction(write=False) as conn:
            rows = conn.execute(ITEMS_SQL).fetchall()
        texts = StoredTexts(self._stored_texts, "reports", [r[0] for r in rows])
        return [
            Collected(
                None,
                summary_from_columns(r[1:17]),
                r[17],
                r[18],
                r[19],
                load=self._loader(texts, r[0], stored_report),
                log=self._loader(texts, r[0], stored_log),
            )
            for r in rows
        ]

    def __len__(self) -> int:
        with self._transaction(write=False) as conn:
            return int(conn.execute("SELECT count(*) FROM reports").fetchone()[0])

    def get(self, project_code: str, fiscal_year: int) -> Collected | None:
        """The current copy of one report, or None."""
        with self._transaction(write=False) as conn:
            row = conn.execute(
                f"{SELECT_ROWS} WHERE project_code = ? AND fiscal_year = ?",
                (project_code.strip(), fiscal_year),
            ).fetchone()
        if row is None:
            return None
        return Collected(
            None,
            summary_from_columns(row[1:17]),
            row[17],
            row[18],
            row[19],
            load=self._loader(
                StoredTexts(self._stored_texts, "reports", [row[0]]), row[0], stored_report
            ),
        )

    def history(self, project_code: str, fiscal_year: int) -> list[HistoryEntry]:
        """Every other copy of one report, the latest put there first."""
        columns = ", ".join(ROW_COLUMNS)
        with self._transaction(write=False) as conn:
            rows = conn.execute(
                f"SELECT {columns}, replaced_at, why FROM history"
                " WHERE project_code = ? AND fiscal_year = ? ORDER BY id DESC",
                (project_code.strip(), fiscal_year),
            ).fetchall()
        texts = StoredTexts(self._stored_texts, "history", [r[0] for r in rows])
        return [
            HistoryEntry(
                Collected(
                    None,
                    summary_from_columns(r[1:17]),
                    r[17],
                    r[18],
                    r[19],
                    load=self._loader(texts, r[0], stored_report),
                ),
                r[20],
                r[21],
            )
            for r in rows
        ]

    def notes(self, project_code: str, fiscal_year: int) -> list[str]:
        """The reader's warnings about the current copy's file (a printout's doubts)."""
        with self._transaction(write=False) as conn:
            row = conn.execute(
                "SELECT read_notes FROM reports WHERE project_code = ? AND fiscal_year = ?",
                (project_code.strip(), fiscal_year),
            ).fetchone()
        return [] if row is None else list(json.loads(row[0]))

    def _loader(self, texts: StoredTexts, row_id: int, read: Callable[[str, str], T]) -> Any:
        """What reads the stored text of `row_id` with `read` when called."""

        def load() -> T:
            found = texts.take(row_id)
            if found is None:
                raise StorageError(
                    self.path,
                    f"รายงานนี้ไม่อยู่ในชุดรวมรายงาน {self.path} แล้ว (มีการรวมรายงานเพิ่มระหว่างนั้น)"
                    " — เปิดชุดรวมรายงานใหม่อีกครั้ง",
                )
            return read(*found)

        return load

    def _stored_texts(self, table: str, ids: Sequence[int]) -> dict[int, tuple[str, str]]:
        marks = ", ".join("?" * len(ids))
        with self._transaction(write=False) as conn:
            rows = conn.execute(
                f"SELECT id, report_json, digest FROM {table} WHERE id IN ({marks})", list(ids)
            ).fetchall()
        return {row_id: (text, digest) for row_id, text, digest in rows}


def _kept_year(conn: sqlite3.Connection) -> int | None:
    row = conn.execute("SELECT value FROM meta WHERE key = 'fiscal_year'").fetchone()
    return None if row is None or row[0] is None else int(row[0])


def _in_history(conn: sqlite3.Connection, code: str, year: int, digest: str) -> bool:
    return (
        conn.execute(
            "SELECT 1 FROM history WHERE project_code = ? AND fiscal_year = ? AND digest = ?",
            (code, year, digest),
        ).fetchone()
        is not None
    )


def _known(conn: sqlite3.Connection, code: str, year: int, digest: str) -> bool:
    current = conn.execute(
        "SELECT 1 FROM reports WHERE project_code = ? AND fiscal_year = ? AND digest = ?",
        (code, year, digest),
    ).fetchone()
    return current is not None or _in_history(conn, code, year, digest)

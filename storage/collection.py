"""A district's collection of reports: one SQLite file (e.g. `district.db`), apart from
any clerk's drafts.

`Collection` keeps the current copy of each report, one per (project code, fiscal year),
and every other copy in its history; `storage.collection_migrations` describes the
tables. The file is opened, checked, migrated and refused (damaged, read-only, a newer
program's, or a drafts database) exactly as the drafts are (`storage.connection`), with
messages that speak of a collection.

This module opens a collection (for one fiscal year, or read only), adds a report, merges
another collection's file and collects the files found in folders; every add is one
transaction, and merging another collection's file is one too. Moved out of it:
- which copy is current, and the adding inside a transaction: `storage.collection_adding`;
- what an add or a collected file did (`Outcome`, `OutcomeKind`, `FileOutcome`):
  `storage.collection_outcomes`;
- the open file, its transactions and the reading of its copies, history and notes
  (`CollectionReader`, which `Collection` extends; `HistoryEntry`): `storage.collection_reading`;
- the collection's errors (`NotACollection`, `CollectionReadOnly`, `OtherFiscalYear`):
  `storage.collection_errors`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from forms.report import Report
from storage.collection_adding import add_history, add_row, kept_year
from storage.collection_errors import OtherFiscalYear, as_collection
from storage.collection_migrations import COLLECTION_STEPS
from storage.collection_outcomes import FileOutcome, Outcome, OutcomeKind
from storage.collection_reading import CollectionReader
from storage.collection_rows import COLUMN_LIST, copy_row, unkeyed
from storage.connection import BUSY_TIMEOUT_S, open_connection, open_read_only_connection
from storage.errors import StorageError
from storage.schema_migrations import COLLECTION_MIGRATION_SET


class Collection(CollectionReader):
    """A collection file; `Collection.open(path)` (created when missing), close when done."""

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
        with as_collection(path):
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
        with as_collection(path):
            conn = open_read_only_connection(
                path,
                steps=COLLECTION_STEPS,
                busy_timeout=busy_timeout,
                migration_set=COLLECTION_MIGRATION_SET,
            )
        return cls(path, conn)

    # -- the fiscal year -------------------------------------------------------------------

    @property
    def fiscal_year(self) -> int | None:
        """The one fiscal year this collection keeps, or None (any year)."""
        with self._transaction(write=False) as conn:
            return kept_year(conn)

    def _keep_year(self, year: int) -> None:
        with self._transaction() as conn:
            kept = kept_year(conn)
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
            return add_row(conn, row)

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
            add_history(conn, history)
            return [add_row(conn, row) for row in current]

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

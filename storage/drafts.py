"""The drafts store: every report a clerk keeps, in one SQLite file.

`DraftStore` is the only way the window and the command line touch the database. Each
write is one `BEGIN IMMEDIATE` transaction, so a save is all or nothing and a busy
database is noticed before anything is written. A store may be opened on the same file in
several threads or processes at once (the window saves from a worker thread through its
own store); one store object serialises its own calls with a lock.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from forms.report import Report
from storage.connection import BUSY_TIMEOUT_S, open_connection, open_read_only_connection
from storage.errors import DraftNotFound
from storage.owned_connection import OwnedConnection
from storage.rows import DRAFT_COLUMNS, PROGRESS_COLUMNS, draft_row, progress_rows, report_from_rows
from storage.summaries import DraftSummary, SummaryCache
from storage.translating import translating


@dataclass(frozen=True)
class DraftVersion:
    id: int
    created_at: str
    updated_at: str
    deleted_at: str | None
    project_name: str


def _quoted(columns: tuple[str, ...]) -> str:
    return ", ".join(f'"{c}"' for c in columns)


_INSERT_DRAFT = (
    f"INSERT INTO drafts (created_at, updated_at, {_quoted(DRAFT_COLUMNS)}) "
    f"VALUES (:created_at, :updated_at, {', '.join(':' + c for c in DRAFT_COLUMNS)})"
)
_UPDATE_DRAFT = (
    "UPDATE drafts SET updated_at = :updated_at, "
    + ", ".join(f'"{c}" = :{c}' for c in DRAFT_COLUMNS)
    + " WHERE id = :id"
)
_PROGRESS_KEYS = ("draft_id", "position", *PROGRESS_COLUMNS)
_INSERT_PROGRESS = (
    f"INSERT INTO progress_reports ({_quoted(_PROGRESS_KEYS)}) "
    f"VALUES ({', '.join(':' + c for c in _PROGRESS_KEYS)})"
)


def _now() -> datetime:
    return datetime.now(UTC)


class DraftStore(OwnedConnection):
    """Drafts in one SQLite file; open with `DraftStore.open(path)`, close when done."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        super().__init__(path, conn)
        self._summaries = SummaryCache()

    @classmethod
    def open(cls, path: Path | str, *, busy_timeout: float = BUSY_TIMEOUT_S) -> DraftStore:
        """Open (creating it and its folder when missing) the database at `path`.

        Raises `DatabaseDamaged`, `DatabaseReadOnly`, `NewerDatabase`, `DatabaseBusy` or
        `DiskFull`; a damaged or newer file is left exactly as it was.
        """
        path = Path(path).expanduser().absolute()
        return cls(path, open_connection(path, busy_timeout=busy_timeout))

    @classmethod
    def open_read_only(
        cls, path: Path | str, *, busy_timeout: float = BUSY_TIMEOUT_S
    ) -> DraftStore:
        """Open an existing database only to read it: its bytes never change, and it can
        lie on read-only media (a backup on a USB stick, a read-only share). Writing
        through this store raises `DatabaseReadOnly`."""
        path = Path(path).expanduser().absolute()
        return cls(path, open_read_only_connection(path, busy_timeout=busy_timeout))

    def _written(self) -> None:
        self._summaries.invalidate()

    def _change_stamp(self, conn: sqlite3.Connection) -> str:
        # Strictly after every earlier change: Windows clocks tick in ~15 ms steps, and two
        # saves in one tick must still list in the order they happened.
        now = _now()
        latest = conn.execute("SELECT max(updated_at) FROM drafts").fetchone()[0]
        if latest is not None:
            previous = datetime.fromisoformat(latest)
            if now <= previous:
                now = previous + timedelta(microseconds=1)
        return now.isoformat(timespec="microseconds")

    def _write_progress(self, conn: sqlite3.Connection, draft_id: int, report: Report) -> None:
        conn.execute("DELETE FROM progress_reports WHERE draft_id = ?", (draft_id,))
        conn.executemany(_INSERT_PROGRESS, progress_rows(draft_id, report))

    # -- drafts ----------------------------------------------------------------------------

    def create(self, report: Report) -> int:
        """Store a new draft; returns its id."""
        with self._transaction() as conn:
            stamp = self._change_stamp(conn)
            cursor = conn.execute(
                _INSERT_DRAFT, {"created_at": stamp, "updated_at": stamp, **draft_row(report)}
            )
            draft_id = int(cursor.lastrowid or 0)
            self._write_progress(conn, draft_id, report)
        return draft_id

    def save(self, draft_id: int, report: Report) -> None:
        """Replace the stored draft `draft_id` with `report`, in one transaction."""
        with self._transaction() as conn:
            stamp = self._change_stamp(conn)
            cursor = conn.execute(
                _UPDATE_DRAFT, {"id": draft_id, "updated_at": stamp, **draft_row(report)}
            )
            if cursor.rowcount == 0:
                raise DraftNotFound(draft_id, self.path)
            self._write_progress(conn, draft_id, report)

    def load(self, draft_id: int) -> Report:
        """The stored report (also for a draft in the bin)."""
        with self._transaction(write=False) as conn:
            cursor = conn.cursor()
            cursor.row_factory = sqlite3.Row
            draft = cursor.execute("SELECT * FROM drafts WHERE id = ?", (draft_id,)).fetchone()
            if draft is None:
                raise DraftNotFound(draft_id, self.path)
            progress = cursor.execute(
                "SELECT * FROM progress_reports WHERE draft_id = ? ORDER BY position", (draft_id,)
            ).fetchall()
        return report_from_rows(dict(draft), [dict(row) for row in progress])

    def list(self) -> list[DraftSummary]:
        """Drafts not in the bin, the most recently changed first."""
        with self._lock, translating(self.path):
            return self._summaries.listed(self._connection())

    def search(self, text: str) -> list[DraftSummary]:
        """Drafts not in the bin whose name, code, fiscal year or agency contains every
        word of `text` (Thai digits match Arabic ones); empty text lists all."""
        with self._lock, translating(self.path):
            return self._summaries.search(self._connection(), text)

    def versions(self) -> list[DraftVersion]:
        """Every draft, the bin included, with the stamps that tell one version of a draft
        from another (a backup's copy of a draft is the same version when both match)."""
        with self._transaction(write=False) as conn:
            rows = conn.execute(
                "SELECT id, created_at, updated_at, deleted_at, project_name FROM drafts"
                " ORDER BY updated_at DESC"
            ).fetchall()
        return [DraftVersion(*row) for row in rows]

    def insert_copy(self, report: Report, version: DraftVersion) -> int:
        """Store `report` as a new draft keeping `version`'s stamps and bin state (restoring
        from a backup or moving drafts to another database); returns its id."""
        with self._transaction() as conn:
            row = {"created_at": version.created_at, "updated_at": version.updated_at}
            cursor = conn.execute(_INSERT_DRAFT, {**row, **draft_row(report)})
            draft_id = int(cursor.lastrowid or 0)
            if version.deleted_at is not None:
                conn.execute(
                    "UPDATE drafts SET deleted_at = ? WHERE id = ?", (version.deleted_at, draft_id)
                )
            self._write_progress(conn, draft_id, report)
        return draft_id

    def copy_to(self, target: Path) -> None:
        """The whole database (drafts and bin) into the file `target`, consistent even while
        another program writes (SQLite's online backup API); written aside, then moved into
        place, so `target` is never half a database."""
        part = target.with_name(target.name + ".part")
        with self._lock, translating(target):
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                dest = sqlite3.connect(part)
                if os.name == "posix":
                    os.chmod(part, 0o600)  # a copy of the clerk's drafts, hers alone
                try:
                    self._connection().backup(dest)
                finally:
                    dest.close()
                os.replace(part, target)
            except BaseException:
                part.unlink(missing_ok=True)
                raise

    def duplicate_next_year(self, draft_id: int) -> int:
        """A new draft for the next fiscal year made from `draft_id` (which is unchanged)."""
        # imported here: forms.document pulls in Babel, which the command line's `list`
        # should not pay for
        from forms.document import next_fiscal_year

        return self.create(next_fiscal_year(self.load(draft_id)))

    # -- the bin ---------------------------------------------------------------------------

    def delete(self, draft_id: int) -> None:
        """Move a draft to the bin (a no-op for one already there)."""
        with self._transaction() as conn:
            self._require(conn, draft_id)
            conn.execute(
                "UPDATE drafts SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
                (_now().isoformat(timespec="microseconds"), draft_id),
            )

    def restore(self, draft_id: int) -> None:
        """Bring a draft back from the bin (a no-op for one not there)."""
        with self._transaction() as conn:
            self._require(conn, draft_id)
            conn.execute("UPDATE drafts SET deleted_at = NULL WHERE id = ?", (draft_id,))

    def list_bin(self, text: str = "") -> list[DraftSummary]:
        """Drafts in the bin, the most recently deleted first; with `text`, only those
        `search` would find by it were they not in the bin."""
        with self._lock, translating(self.path):
            return self._summaries.binned(self._connection(), text)

    def purge(self, draft_id: int) -> None:
        """Delete a draft in the bin for good (its progress rows go with it)."""
        with self._transaction() as conn:
            cursor = conn.execute(
                "DELETE FROM drafts WHERE id = ? AND deleted_at IS NOT NULL", (draft_id,)
            )
            if cursor.rowcount == 0:
                raise DraftNotFound(draft_id, self.path, where="bin")

    def _require(self, conn: sqlite3.Connection, draft_id: int) -> None:
        if conn.execute("SELECT 1 FROM drafts WHERE id = ?", (draft_id,)).fetchone() is None:
            raise DraftNotFound(draft_id, self.path)

"""An open collection file (`storage.collection`) and what reads it: `CollectionReader`
holds the connection and runs each use in one transaction, and answers the current copies
(`items`, `get`, `len`), one report's history (`HistoryEntry`) and its reader's notes.
Each row is made from the stored columns; each report is read from its JSON only when
asked for (`storage.collection_reports`). `Collection` adds opening, adding and merging.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

from forms.district.summary import Collected
from storage.collection_errors import as_collection
from storage.collection_reports import StoredTexts, stored_log, stored_report
from storage.collection_rows import ITEMS_SQL, ROW_COLUMNS, SELECT_ROWS, summary_from_columns
from storage.errors import StorageError
from storage.owned_connection import OwnedConnection
from storage.translating import translating

T = TypeVar("T")


@dataclass(frozen=True)
class HistoryEntry:
    copy: Collected
    replaced_at: str  # ISO timestamp of the add that put it here
    why: str  # "replaced" (was current, a later copy came) | "older" (came in older)


class CollectionReader(OwnedConnection):
    """An open collection file, read; close when done (`Collection` opens one)."""

    @contextmanager
    def _errors(self) -> Iterator[None]:
        with as_collection(self.path), translating(self.path):
            yield

    def _collected(self, row: Any, texts: StoredTexts, with_log: bool = False) -> Collected:
        """A stored row (`ROW_COLUMNS`, id first) as a `Collected`, its report read when
        asked for."""
        report_id = row[0]
        return Collected(
            None,
            summary_from_columns(row[1:17]),
            row[17],
            row[18],
            row[19],
            load=self._loader(texts, report_id, stored_report),
            log=self._loader(texts, report_id, stored_log) if with_log else None,
        )

    # -- reading ---------------------------------------------------------------------------

    def items(self) -> list[Collected]:
        """Every current report, by agency then project code; each row from the stored
        columns, each report read from its JSON only when asked for (with the ones after
        it, `storage.collection_reports`, as an export reads them all in turn)."""
        with self._transaction(write=False) as conn:
            rows = conn.execute(ITEMS_SQL).fetchall()
        texts = StoredTexts(self._stored_texts, "reports", [r[0] for r in rows])
        return [self._collected(r, texts, with_log=True) for r in rows]

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
        return self._collected(row, StoredTexts(self._stored_texts, "reports", [row[0]]))

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
                self._collected(r, texts),
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

"""The drafts list: one `DraftSummary` per draft, kept in memory, and search over it.

The drafts panel lists and filters on every keystroke, over thousands of drafts. Reading
the summaries from SQLite and building the objects costs tens of milliseconds for 5,000
drafts, so a store keeps them in memory and rereads them only when the database changed:
after its own writes, or when `PRAGMA data_version` says another connection committed.
Filtering the cached list is then a plain substring test per draft.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_SEPARATOR = "\x1f"  # keeps a word from matching across two fields

SUMMARY_SQL = (
    "SELECT id, project_name, project_code, fiscal_year, agency_office, updated_at,"
    " deleted_at, agency_division, agency_section FROM drafts"
    " ORDER BY updated_at DESC, id DESC"
)


@dataclass(frozen=True)
class DraftSummary:
    """One line of the drafts list."""

    id: int
    project_name: str
    project_code: str
    fiscal_year: int | None
    agency_office: str
    updated_at: datetime  # aware, UTC
    deleted_at: datetime | None  # aware, UTC; None unless in the bin


def _summary(row: tuple[Any, ...]) -> DraftSummary:
    id_, name, code, year, office, updated, deleted = row[:7]
    return DraftSummary(
        id=id_,
        project_name=name,
        project_code=code,
        fiscal_year=year,
        agency_office=office,
        updated_at=datetime.fromisoformat(updated),
        deleted_at=datetime.fromisoformat(deleted) if deleted else None,
    )


def _haystack(row: tuple[Any, ...]) -> str:
    """What search looks in: name, code, fiscal year and agency, case-folded."""
    _, name, code, year, office, _, _, division, section = row
    fields = (name, code, "" if year is None else str(year), office, division, section)
    return _SEPARATOR.join(fields).lower()


def search_words(text: str) -> list[tuple[str, ...]]:
    """Each word typed, with its Arabic-digit spelling when it holds Thai digits."""
    words = text.lower().split()
    return [tuple(dict.fromkeys((w, w.translate(_THAI_DIGITS)))) for w in words]


def _matches(haystack: str, words: Iterable[tuple[str, ...]]) -> bool:
    return all(any(variant in haystack for variant in word) for word in words)


class SummaryCache:
    """The summaries of every draft (bin included), newest change first."""

    def __init__(self) -> None:
        self._rows: list[tuple[Any, ...]] | None = None
        self._summaries: list[DraftSummary] = []
        self._haystacks: list[str] | None = None  # built on the first search only
        self._version: int | None = None

    def invalidate(self) -> None:
        self._rows = None

    def _refresh(self, conn: sqlite3.Connection) -> None:
        # data_version changes only for commits by *other* connections; our own writes
        # call invalidate()
        version = conn.execute("PRAGMA data_version").fetchone()[0]
        if self._rows is None or version != self._version:
            self._rows = conn.execute(SUMMARY_SQL).fetchall()
            self._summaries = [_summary(row) for row in self._rows]
            self._haystacks = None
            self._version = version

    def listed(self, conn: sqlite3.Connection) -> list[DraftSummary]:
        self._refresh(conn)
        return [s for s in self._summaries if s.deleted_at is None]

    def search(self, conn: sqlite3.Connection, text: str) -> list[DraftSummary]:
        self._refresh(conn)
        if self._haystacks is None:
            self._haystacks = [_haystack(row) for row in self._rows or ()]
        words = search_words(text)
        return [
            s
            for s, haystack in zip(self._summaries, self._haystacks, strict=True)
            if s.deleted_at is None and _matches(haystack, words)
        ]

    def binned(self, conn: sqlite3.Connection) -> list[DraftSummary]:
        self._refresh(conn)
        in_bin = [s for s in self._summaries if s.deleted_at is not None]
        return sorted(in_bin, key=lambda s: (s.deleted_at, s.id), reverse=True)

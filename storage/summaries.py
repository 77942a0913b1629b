"""The drafts list: one `DraftSummary` per draft, kept in memory, and search over it.

The drafts panel lists and filters on every keystroke, over thousands of drafts. Reading
the summaries from SQLite and building the objects costs tens of milliseconds for 5,000
drafts, so a store keeps them in memory. After its own writes it reads them all again.
When `PRAGMA data_version` says another connection committed (the window's autosave saves
through a store of its own, every two seconds of typing), it reads again only the drafts
that changed: those whose `updated_at` is newer than the newest it has (every writer of
this program stamps a draft it creates or saves later than any other), and those that went
into or out of the bin. When the number of drafts then differs from the database's (a
draft added with an old stamp, as restoring a backup does, or one removed), it reads them
all. A change that keeps a draft's stamps (an outside tool editing a name) shows after the
store's next write. Filtering the cached list is then a plain substring test per draft.
"""

from __future__ import annotations

import sqlite3
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any, NamedTuple

from forms.report import Report
from forms.thaidate import THAI_DIGITS

_SEPARATOR = "\x1f"  # keeps a word from matching across two fields

# in rowid order, which is the order of the file: read from a cold disk, the pages come in
# sequence (the `updated_at` index would visit them at random, three times slower)
SUMMARY_SQL = (
    "SELECT id, project_name, project_code, fiscal_year, agency_office, updated_at,"
    " deleted_at, agency_division, agency_section FROM drafts"
)
# what shows another connection's changes: the drafts saved since the newest we have (the
# `updated_at` index), the bin (one pass over the table), the number of drafts (the index)
NEWER_SQL = f"{SUMMARY_SQL} WHERE updated_at > ?"
BIN_SQL = "SELECT id, deleted_at FROM drafts WHERE deleted_at IS NOT NULL"
COUNT_SQL = "SELECT count(*), sum(id) FROM drafts"
_ID, _UPDATED, _DELETED = 0, 5, 6  # places in a summary row
# more changed drafts than this are read with the whole list again
_FEW = 200

Row = tuple[Any, ...]


class DraftSummary(NamedTuple):
    """One line of the drafts list (a named tuple: thousands are made at the window's
    start, three times faster than a frozen dataclass)."""

    id: int
    project_name: str
    project_code: str
    fiscal_year: int | None
    agency_office: str
    updated_at: datetime  # aware, UTC
    deleted_at: datetime | None  # aware, UTC; None unless in the bin


def saved_summary(draft_id: int, report: Report, when: datetime) -> DraftSummary:
    """The drafts list's row of draft `draft_id` just saved with `report` at `when`, as
    listing would read it back (the window shows it without reading the list again)."""
    return DraftSummary(
        draft_id,
        report.project_name,
        report.project_code,
        report.fiscal_year,
        report.agency_office,
        when.astimezone(UTC),
        None,
    )


def _summary(row: Row) -> DraftSummary:
    id_, name, code, year, office, updated, deleted, _, _ = row
    when = datetime.fromisoformat
    return DraftSummary(
        id_, name, code, year, office, when(updated), when(deleted) if deleted else None
    )


def _haystack(row: Row) -> str:
    """What search looks in: name, code, fiscal year and agency, case-folded."""
    _, name, code, year, office, _, _, division, section = row
    fields = (name, code, "" if year is None else str(year), office, division, section)
    return _SEPARATOR.join(fields).lower()


def search_words(text: str) -> list[tuple[str, ...]]:
    """Each word typed, with its Arabic-digit spelling when it holds Thai digits."""
    words = text.lower().split()
    return [tuple(dict.fromkeys((w, w.translate(THAI_DIGITS)))) for w in words]


def _matching(
    candidates: list[tuple[DraftSummary, str]], words: Iterable[tuple[str, ...]]
) -> list[tuple[DraftSummary, str]]:
    for variants in words:
        if len(variants) == 1:
            word = variants[0]
            candidates = [c for c in candidates if word in c[1]]
        else:
            candidates = [c for c in candidates if any(v in c[1] for v in variants)]
    return candidates


def _fetch(conn: sqlite3.Connection, sql: str, params: Sequence[Any] = ()) -> list[Row]:
    """The rows of `sql`, texts decoded by sqlite3's own (fast) decoder; only when a stored
    text is not valid UTF-8 (a damaged byte) again with the connection's lenient one."""
    lenient = conn.text_factory
    conn.text_factory = str  # safe: a store's connection is used by one caller at a time
    try:
        return conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        if "decode" not in str(exc).lower():
            raise
    finally:
        conn.text_factory = lenient
    return conn.execute(sql, params).fetchall()


def _key(row: Row) -> tuple[str, int]:
    """Where a draft lists: by its last change, then by id (the newest is listed first)."""
    return row[_UPDATED], row[_ID]


class SummaryCache:
    """The summaries of every draft (bin included), newest change first."""

    def __init__(self) -> None:
        self._rows: dict[int, Row] | None = None  # by id; None: read them all again
        self._binned: dict[int, str] = {}  # deleted_at of the drafts in the bin, by id
        self._keys: list[tuple[str, int]] = []  # `_key` of every draft, oldest first
        self._order: list[DraftSummary] = []  # in the order of `_keys`
        self._haystacks: dict[int, str] = {}  # made on the first search only
        self._listed: list[tuple[DraftSummary, str]] | None = None  # (summary, haystack)
        self._version: int | None = None

    def invalidate(self) -> None:
        self._rows = None

    def _refresh(self, conn: sqlite3.Connection) -> None:
        # data_version changes only for commits by *other* connections; our own writes
        # call invalidate(). It is read first: a commit after it is seen next time.
        version = conn.execute("PRAGMA data_version").fetchone()[0]
        if self._rows is None:
            self._load(conn)
        elif version != self._version:
            self._update(conn, self._rows)
        self._version = version

    def _load(self, conn: sqlite3.Connection) -> None:
        rows = sorted(_fetch(conn, SUMMARY_SQL), key=_key)
        self._rows = {row[_ID]: row for row in rows}
        self._binned = {row[_ID]: row[_DELETED] for row in rows if row[_DELETED] is not None}
        self._keys = [_key(row) for row in rows]
        self._order = [_summary(row) for row in rows]
        self._haystacks = {}
        self._listed = None

    def _update(self, conn: sqlite3.Connection, rows: dict[int, Row]) -> None:
        """Read again only the drafts another connection added, saved, put in or took out
        of the bin; everything when the number of drafts says something else happened."""
        newest = self._keys[-1][0] if self._keys else ""
        fresh = {row[_ID]: row for row in _fetch(conn, NEWER_SQL, (newest,))}
        binned = dict(conn.execute(BIN_SQL).fetchall())
        moved = {
            id_
            for id_ in binned.keys() | self._binned.keys()
            if binned.get(id_) != self._binned.get(id_) and id_ not in fresh
        }
        if len(fresh) + len(moved) > _FEW:
            self._load(conn)
            return
        if moved:
            marks = ", ".join("?" * len(moved))
            fresh.update(
                (row[_ID], row)
                for row in _fetch(conn, f"{SUMMARY_SQL} WHERE id IN ({marks})", list(moved))
            )
        for id_ in moved | fresh.keys():
            self._replace(rows, id_, fresh.get(id_))
        count, total = conn.execute(COUNT_SQL).fetchone()
        if (count, total or 0) != (len(rows), sum(rows)):
            self._load(conn)  # a draft added with an old stamp, or removed: read them all

    def _replace(self, rows: dict[int, Row], id_: int, row: Row | None) -> None:
        """Put `row` in the place of the draft `id_` (None: the draft is gone)."""
        old = rows.pop(id_, None)
        if old is not None:
            at = bisect_left(self._keys, _key(old))
            del self._keys[at], self._order[at]
            self._binned.pop(id_, None)
        self._haystacks.pop(id_, None)
        self._listed = None
        if row is None:
            return
        rows[id_] = row
        at = bisect_left(self._keys, _key(row))
        self._keys.insert(at, _key(row))
        self._order.insert(at, _summary(row))
        if row[_DELETED] is not None:
            self._binned[id_] = row[_DELETED]

    def listed(self, conn: sqlite3.Connection) -> list[DraftSummary]:
        self._refresh(conn)
        return [s for s in reversed(self._order) if s.deleted_at is None]

    def search(self, conn: sqlite3.Connection, text: str) -> list[DraftSummary]:
        self._refresh(conn)
        return [summary for summary, _ in _matching(self._searchable(), search_words(text))]

    def _searchable(self) -> list[tuple[DraftSummary, str]]:
        """Every draft not in the bin with its haystack, newest change first."""
        if self._listed is None:
            rows, haystacks = self._rows or {}, self._haystacks
            for id_ in rows.keys() - haystacks.keys():
                haystacks[id_] = _haystack(rows[id_])
            listed = reversed(self._order)
            self._listed = [(s, haystacks[s.id]) for s in listed if s.deleted_at is None]
        return self._listed

    def binned(self, conn: sqlite3.Connection, text: str = "") -> list[DraftSummary]:
        """The drafts in the bin, the last deleted first; with `text`, those it finds as
        the list's search finds drafts (same fields, Thai digits too)."""
        self._refresh(conn)
        in_bin = [s for s in self._order if s.deleted_at is not None]
        if text.strip():
            rows = self._rows or {}
            found = _matching([(s, _haystack(rows[s.id])) for s in in_bin], search_words(text))
            in_bin = [s for s, _ in found]
        return sorted(in_bin, key=lambda s: (s.deleted_at, s.id), reverse=True)

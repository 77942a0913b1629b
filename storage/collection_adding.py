"""Adding a copy of a report to a district's collection, inside the caller's transaction
(`storage.collection` opens it: every add is one transaction, and merging another
collection's file is one too).

Which copy is current: the one whose latest progress report is later
(`forms.district.summary.recency`: its date, its number, then how many reports it holds).
An identical copy changes nothing (SAME). On a tie the copy collected last is taken as a
correction (UPDATED), except that a printout's text, read with doubts, never replaces a
copy read exactly (an app PDF or JSON). The copy that loses goes to the history.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from forms.district.summary import SOURCE_PRINTOUT
from storage.collection_outcomes import Outcome, OutcomeKind
from storage.collection_rows import (
    COLUMN_LIST,
    EXACT_SOURCES,
    INSERT,
    INSERT_HISTORY,
    TO_HISTORY,
    UPDATE,
    now,
    progress_words,
    project_words,
    recency_of,
)


def add_row(conn: sqlite3.Connection, new: dict[str, Any]) -> Outcome:
    """Add one copy (a row made by `storage.collection_rows.copy_row`) in `conn`'s
    transaction, and say what that did."""
    code, year = new["project_code"], new["fiscal_year"]
    kept = kept_year(conn)
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


def add_history(conn: sqlite3.Connection, rows: Sequence[dict[str, Any]]) -> None:
    """Another collection's history copies, joining this history: those of the year kept
    (when one is) that neither this history nor a current copy holds already."""
    kept = kept_year(conn)
    for row in rows:
        year_ok = kept is None or row["fiscal_year"] == kept
        code, year, digest = row["project_code"], row["fiscal_year"], row["digest"]
        if year_ok and not _known(conn, code, year, digest):
            conn.execute(INSERT_HISTORY, row)


def kept_year(conn: sqlite3.Connection) -> int | None:
    """The one fiscal year the collection keeps, or None (any year)."""
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

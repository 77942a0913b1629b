"""Which of this program's migrations a database file holds (`migration_state`,
`applied_migrations`), why a file that holds none is not this program's kind
(`not_ours`), the copy set aside before migrating (`backup_copy`) and the migrating itself
(`apply_steps`). `storage.connection` calls these in its order while opening a file.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from storage.errors import DatabaseDamaged, NewerDatabase
from storage.schema_migrations import (
    KIND_NAMES,
    MIGRATION_SET,
    MIGRATIONS_TABLE,
    Step,
    build_migrations,
    step_names,
)


def migration_state(
    conn: sqlite3.Connection, path: Path, steps: tuple[Step, ...], migration_set: str
) -> tuple[list[str], list[str]]:
    """This program's migrations applied to the database, and those still to apply;
    `NewerDatabase` when it holds migrations this version does not know."""
    applied = applied_migrations(conn, migration_set)
    known = step_names(steps)
    unknown = [name for name in applied if name not in known]
    if unknown:
        raise NewerDatabase(path, unknown)
    return applied, [name for name in known if name not in applied]


def applied_migrations(conn: sqlite3.Connection, migration_set: str = MIGRATION_SET) -> list[str]:
    """Names of this program's migrations recorded as applied, in the order applied."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (MIGRATIONS_TABLE,)
    ).fetchone()
    if not exists:
        return []
    rows = conn.execute(
        f"SELECT name FROM [{MIGRATIONS_TABLE}] WHERE migration_set = ? ORDER BY rowid",
        (migration_set,),
    )
    return [name for (name,) in rows]


def not_ours(conn: sqlite3.Connection, migration_set: str) -> str:
    """Why a database holds nothing of `migration_set`: it is this program's other kind
    (a collection given as drafts, or drafts as a collection), or none of this program's."""
    for other, name in KIND_NAMES.items():
        if other != migration_set and applied_migrations(conn, other):
            return f"เป็น{name}"
    if migration_set == MIGRATION_SET:
        return "ไม่มีตารางร่างรายงานของโปรแกรมนี้"
    return f"ไม่มีตารางของ{KIND_NAMES.get(migration_set, migration_set)}"


def apply_steps(
    conn: sqlite3.Connection, path: Path, steps: tuple[Step, ...], migration_set: str
) -> None:
    from sqlite_utils import Database

    # Inside our BEGIN IMMEDIATE, each step's own transaction becomes a savepoint, so two
    # copies of the program opening a new file at once cannot both migrate it.
    db = Database(conn, execute_plugins=False)
    try:
        build_migrations(steps, migration_set).apply(db)
    except sqlite3.OperationalError as exc:
        # a step that cannot run on tables that are there (a damaged record of the steps
        # applied, as stress/storage_faults.py found): rolled back, nothing written
        raise DatabaseDamaged(path, f"ปรับรุ่นฐานข้อมูลไม่ได้: {exc}") from exc


def backup_copy(conn: sqlite3.Connection, path: Path, before: str) -> Path:
    """Copy the database aside with SQLite's backup API (consistent, WAL content included)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.bak-{stamp}-before-{before}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.bak-{stamp}-{n}-before-{before}")
    part = target.with_name(target.name + ".part")
    try:
        dest = sqlite3.connect(part)
        try:
            conn.backup(dest)
        finally:
            dest.close()
        os.replace(part, target)
    finally:
        part.unlink(missing_ok=True)
    return target

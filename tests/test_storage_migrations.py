"""Schema migrations: every field has a storage place, steps are frozen, applied once, the
file is copied aside before migrating, WAL is on, and a newer database is left alone."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from forms.report import Report
from forms.schema import FIELDS, PROGRESS_FIELDS
from storage.connection import open_connection
from storage.drafts import DraftStore
from storage.errors import DatabaseDamaged, NewerDatabase
from storage.migration_state import applied_migrations
from storage.rows import draft_row, progress_rows
from storage.schema_migrations import (
    MIGRATION_SET,
    MIGRATIONS_TABLE,
    STEPS,
    build_migrations,
    step_names,
)


def _columns(db: Database, table: str) -> set[str]:
    return set(db.table(table).columns_dict)


def test_every_input_field_has_a_storage_place():
    db = Database(memory=True)
    build_migrations().apply(db)
    drafts = _columns(db, "drafts")
    for field in FIELDS:
        if field.computed:
            assert field.key not in drafts, f"{field.key} is computed and must not be stored"
        elif field.key != "progress_reports":
            assert field.key in drafts, f"no column for {field.key}: add a migration step"
    assert {f.key for f in PROGRESS_FIELDS} <= _columns(db, "progress_reports")
    assert "budget_spent" not in drafts


def test_first_step_is_frozen():
    # Released migration steps never change: this snapshot is the released m001. A new
    # field gets a new step; it must not edit this one.
    db = Database(memory=True)
    build_migrations(STEPS[:1]).apply(db)
    assert list(db.table("drafts").columns_dict.items()) == [
        ("id", int),
        ("created_at", str),
        ("updated_at", str),
        ("deleted_at", str),
        *((key, str) for key in ("project_name", "project_code")),
        ("fiscal_year", int),
        *(
            (key, str)
            for key in (
                "start_date",
                "end_date",
                "budget_received",
                "agency_office",
                "agency_division",
                "agency_section",
                "responsible_person",
                "coordinator_name",
                "coordinator_phone",
                "rationale",
                "objectives",
                "targets_quantity",
                "targets_quality",
                "strategic_issue",
                "strategic_sub_issue",
                "strategic_goal",
                "indicator",
                "signer_name",
                "signer_position",
            )
        ),
    ]
    assert list(db.table("progress_reports").columns_dict) == [
        "id",
        "draft_id",
        "position",
        "no",
        "date",
        "narrative",
        "progress_percent",
        "budget_used",
        "plan_status",
        "target_status",
    ]
    [fk] = db.table("progress_reports").foreign_keys
    assert (fk.column, fk.other_table, fk.other_column) == ("draft_id", "drafts", "id")


def test_money_columns_are_never_real():
    db = Database(memory=True)
    build_migrations().apply(db)
    for table in ("drafts", "progress_reports"):
        for column in db.table(table).columns:
            assert column.type.upper() != "REAL", (table, column.name)


def test_migration_bookkeeping_is_sqlite_utils():
    assert Migrations.migrations_table == MIGRATIONS_TABLE
    db = Database(memory=True)
    migrations = build_migrations()
    migrations.apply(db)
    assert applied_migrations(db.conn) == [m.name for m in migrations.applied(db)]
    assert applied_migrations(db.conn) == list(step_names())


def test_migrations_are_applied_once(tmp_path: Path):
    db_path = tmp_path / "drafts.db"
    for _ in range(3):
        DraftStore.open(db_path).close()
    with closing(sqlite3.connect(db_path)) as conn:
        rows = conn.execute(
            f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ?", (MIGRATION_SET,)
        ).fetchall()
    assert [name for (name,) in rows] == list(step_names())
    assert not list(tmp_path.glob("*.bak-*")), "a new database needs no backup"


def test_wal_and_foreign_keys_are_on(tmp_path: Path):
    db_path = tmp_path / "drafts.db"
    conn = open_connection(db_path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert conn.execute("PRAGMA foreign_keys").fetchone() == (1,)
        assert conn.execute("PRAGMA busy_timeout").fetchone() == (3000,)
    finally:
        conn.close()


def _m002_add_note(db: Database) -> None:
    db.execute("ALTER TABLE drafts ADD COLUMN test_note TEXT NOT NULL DEFAULT ''")


def test_existing_database_is_copied_aside_before_a_pending_migration(
    tmp_path: Path, sample_report: Report
):
    db_path = tmp_path / "drafts.db"
    with DraftStore.open(db_path) as store:  # a database made by the released program
        draft_id = store.create(sample_report)
    newer_steps = (*STEPS, ("m002_test_note", _m002_add_note))

    open_connection(db_path, steps=newer_steps).close()

    [backup] = tmp_path.glob("drafts.db.bak-*")
    assert backup.name.startswith("drafts.db.bak-")
    assert backup.name.endswith("-before-m002_test_note")
    with closing(sqlite3.connect(backup)) as old:
        assert "test_note" not in {row[1] for row in old.execute("PRAGMA table_info(drafts)")}
        assert old.execute(
            "SELECT project_name FROM drafts WHERE id = ?", (draft_id,)
        ).fetchone() == (sample_report.project_name,)
    with closing(sqlite3.connect(db_path)) as new:
        assert "test_note" in {row[1] for row in new.execute("PRAGMA table_info(drafts)")}
    # applied once: opening again neither migrates nor copies again
    open_connection(db_path, steps=newer_steps).close()
    assert len(list(tmp_path.glob("drafts.db.bak-*"))) == 1
    assert not list(tmp_path.glob("*.part"))
    with closing(sqlite3.connect(db_path)) as conn:
        assert applied_migrations(conn) == [*step_names(), "m002_test_note"]


def test_another_programs_sqlite_file_is_refused_untouched(tmp_path: Path):
    db_path = tmp_path / "drafts.db"
    with closing(sqlite3.connect(db_path)) as conn:
        conn.execute("CREATE TABLE notes (text TEXT)")
        conn.execute("INSERT INTO notes VALUES ('ของเดิม')")
        conn.commit()
    before = db_path.read_bytes()
    with pytest.raises(DatabaseDamaged):
        DraftStore.open(db_path)
    assert db_path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["drafts.db"]


def test_an_empty_sqlite_database_is_taken_as_new(tmp_path: Path):
    db_path = tmp_path / "drafts.db"
    with closing(sqlite3.connect(db_path)) as conn:
        conn.execute("PRAGMA user_version = 0")
        conn.execute("VACUUM")  # writes page 1: a valid database with no tables
    assert db_path.stat().st_size > 0
    with DraftStore.open(db_path) as store:
        assert store.list() == []
    assert not list(tmp_path.glob("*.bak-*"))


def test_failed_migration_leaves_the_database_as_it_was(tmp_path: Path, sample_report: Report):
    db_path = tmp_path / "drafts.db"
    with DraftStore.open(db_path) as store:
        draft_id = store.create(sample_report)

    def m002_broken(db: Database) -> None:
        db.execute("ALTER TABLE drafts ADD COLUMN half_done TEXT")
        raise RuntimeError("step fails half way")

    with pytest.raises(RuntimeError):
        open_connection(db_path, steps=(*STEPS, ("m002_broken", m002_broken)))
    with DraftStore.open(db_path) as store:
        assert store.load(draft_id) == sample_report
    with closing(sqlite3.connect(db_path)) as conn:
        assert "half_done" not in {row[1] for row in conn.execute("PRAGMA table_info(drafts)")}
        assert applied_migrations(conn) == list(step_names())


def test_newer_database_is_refused_and_untouched(tmp_path: Path, sample_report: Report):
    db_path = tmp_path / "drafts.db"
    newer_steps = (*STEPS, ("m999_from_the_future", _m002_add_note))
    with DraftStore.open(db_path) as store:
        store.create(sample_report)
    open_connection(db_path, steps=newer_steps).close()
    before = db_path.read_bytes()
    with pytest.raises(NewerDatabase) as info:
        DraftStore.open(db_path)
    assert "m999_from_the_future" in str(info.value)
    assert str(db_path) in str(info.value)
    assert db_path.read_bytes() == before


def test_second_step_is_frozen():
    db = Database(memory=True)
    build_migrations(STEPS[:2]).apply(db)
    for table in ("drafts", "progress_reports"):
        [typed] = [c for c in db.table(table).columns if c.name == "typed"]
        assert (typed.type, typed.notnull, typed.default_value) == ("TEXT", 1, "'{}'")


def _released_database(path: Path, report: Report) -> int:
    """A database as the program before `m002_typed_texts` made it, holding `report`."""
    conn = open_connection(path, steps=STEPS[:1])

    def columns_of(table: str) -> set[str]:  # the released columns: later fields are not there
        return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}

    try:
        released = columns_of("drafts")
        draft = {k: v for k, v in draft_row(report).items() if k in released}
        columns = ", ".join(f'"{k}"' for k in draft)
        cursor = conn.execute(
            f"INSERT INTO drafts (created_at, updated_at, {columns}) "
            f"VALUES ('2026-01-05T08:00:00+00:00', '2026-01-05T08:00:00+00:00', "
            f"{', '.join('?' * len(draft))})",
            tuple(draft.values()),
        )
        draft_id = int(cursor.lastrowid or 0)
        released = columns_of("progress_reports")
        for full_row in progress_rows(draft_id, report):
            row = {k: v for k, v in full_row.items() if k in released}
            names = ", ".join(f'"{k}"' for k in row)
            conn.execute(
                f"INSERT INTO progress_reports ({names}) VALUES ({', '.join('?' * len(row))})",
                tuple(row.values()),
            )
    finally:
        conn.close()
    return draft_id


def test_a_released_database_gains_typed_texts_and_keeps_its_drafts(
    tmp_path: Path, sample_report: Report
):
    db_path = tmp_path / "drafts.db"
    draft_id = _released_database(db_path, sample_report)

    with DraftStore.open(db_path) as store:
        loaded = store.load(draft_id)
        assert loaded == sample_report and loaded.typed == {}
        loaded.end_date = None
        loaded.typed = {"end_date": "31/09/2566"}
        loaded.progress_reports[0].typed = {"date": "30/01/66"}
        store.save(draft_id, loaded)
    with DraftStore.open(db_path) as store:
        assert store.load(draft_id) == loaded
    [backup] = tmp_path.glob("drafts.db.bak-*")
    assert backup.name.endswith("-before-m002_typed_texts")
    with closing(sqlite3.connect(db_path)) as conn:
        assert applied_migrations(conn) == list(step_names())

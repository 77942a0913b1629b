"""A database or backup made by the program before its newest schema step is still read as
it is: the read-only commands list and export it, and its drafts restore from a backup,
without the file being changed."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from forms.report import Report
from storage.backups import restore
from storage.connection import open_read_only_connection
from storage.drafts import DraftStore
from storage.errors import DatabaseReadOnly
from storage.schema_migrations import MIGRATIONS_TABLE, READABLE_WITHOUT, STEPS
from tests.cli import run_cli


@pytest.fixture
def old_db(tmp_path: Path) -> Path:
    """A database as version 0.1.0 left it: no `typed` columns, no record of that step."""
    path = tmp_path / "เก่า" / "drafts.db"
    with DraftStore.open(path) as store:
        store.create(Report(project_name="โครงการเก่า"))
    conn = sqlite3.connect(path)
    for table in ("drafts", "progress_reports"):
        conn.execute(f"ALTER TABLE {table} DROP COLUMN typed")
    conn.execute(f"DELETE FROM {MIGRATIONS_TABLE} WHERE name = 'm002_typed_texts'")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_typed_texts_step_may_be_missing_when_reading():
    assert "m002_typed_texts" in READABLE_WITHOUT


def test_list_and_export_read_an_older_database_without_changing_it(old_db, tmp_path):
    before = _sha(old_db)
    listing = run_cli(old_db, "list")
    assert listing.returncode == 0, listing.stderr
    assert "โครงการเก่า" in listing.stdout
    export = run_cli(old_db, "export", "1", "--json", tmp_path / "r.json")
    assert export.returncode == 0, export.stderr
    assert _sha(old_db) == before


def test_drafts_restore_from_a_backup_made_before_the_step(old_db, tmp_path):
    target = tmp_path / "ใหม่.db"
    with DraftStore.open(target) as store:
        restore(store, old_db)
        assert [d.project_name for d in store.list()] == ["โครงการเก่า"]


def test_a_step_that_changes_what_is_there_still_needs_the_window(old_db):
    later = (*STEPS, ("m999_renames_a_column", lambda _db: None))
    with pytest.raises(DatabaseReadOnly, match="เปิดด้วยหน้าต่างโปรแกรม"):
        open_read_only_connection(old_db, steps=later)

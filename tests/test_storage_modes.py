"""Files the clerk's drafts live in are hers alone where the OS has modes, and a database
that another program has marked as its own is never migrated into."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import date
from pathlib import Path

import pytest

from forms.report import Report
from storage.backups import daily_backup
from storage.drafts import DraftStore
from storage.errors import DatabaseDamaged

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX's")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_database_and_its_folder_are_the_owners_alone(tmp_path):
    db = tmp_path / "ข้อมูล" / "drafts.db"
    with DraftStore.open(db) as store:
        store.create(Report(project_name="ก"))
        assert _mode(db.parent) == 0o700 and _mode(db) == 0o600
        assert _mode(db.with_name("drafts.db-wal")) == 0o600
        backup = daily_backup(store, date(2026, 1, 1))
    assert backup is not None and _mode(backup) == 0o600 and _mode(backup.parent) == 0o700


def test_an_existing_databases_mode_is_left_as_it_is(tmp_path):
    db = tmp_path / "drafts.db"
    with DraftStore.open(db):
        pass
    db.chmod(0o640)
    with DraftStore.open(db) as store:
        store.create(Report())
    assert _mode(db) == 0o640


def test_an_empty_database_of_another_program_is_refused_untouched(tmp_path):
    db = tmp_path / "other.db"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 7")
    conn.close()
    before = db.read_bytes()
    with pytest.raises(DatabaseDamaged, match="ไม่มีตารางร่างรายงาน"):
        DraftStore.open(db)
    assert db.read_bytes() == before

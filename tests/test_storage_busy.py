"""A database held by another writer, or a full disk, fails the save cleanly: a named
error, the stored draft unchanged, and the same save succeeding once the cause is gone."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from forms.report import Report
from storage.drafts import DraftStore
from storage.errors import DatabaseBusy, DiskFull


def test_save_while_another_connection_holds_begin_exclusive(tmp_path: Path, sample_report: Report):
    db_path = tmp_path / "drafts.db"
    with DraftStore.open(db_path, busy_timeout=0.05) as store:
        draft_id = store.create(sample_report)
        edited = sample_report.copy()
        edited.project_name = "ชื่อใหม่ระหว่างที่ไฟล์ถูกล็อก"
        with closing(sqlite3.connect(db_path, isolation_level=None)) as other:
            other.execute("BEGIN EXCLUSIVE")
            with pytest.raises(DatabaseBusy) as info:
                store.save(draft_id, edited)
            assert str(db_path) in str(info.value)
            with pytest.raises(DatabaseBusy):
                store.create(edited)
            assert store.load(draft_id) == sample_report  # readers are not blocked in WAL
            other.execute("ROLLBACK")
        assert store.load(draft_id) == sample_report
        assert [s.id for s in store.list()] == [draft_id]
        store.save(draft_id, edited)
        assert store.load(draft_id) == edited


def test_open_while_another_connection_holds_begin_exclusive(tmp_path: Path):
    db_path = tmp_path / "drafts.db"
    DraftStore.open(db_path).close()
    with closing(sqlite3.connect(db_path, isolation_level=None)) as other:
        other.execute("BEGIN EXCLUSIVE")
        with pytest.raises(DatabaseBusy):
            DraftStore.open(db_path, busy_timeout=0.05)
        other.execute("ROLLBACK")
    DraftStore.open(db_path).close()


def test_full_disk_fails_the_save_and_keeps_the_last_saved_draft(
    tmp_path: Path, sample_report: Report
):
    db_path = tmp_path / "drafts.db"
    with DraftStore.open(db_path) as store:
        draft_id = store.create(sample_report)
        # A real SQLITE_FULL: cap the database at its current size, then grow it.
        conn = store._connection()
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")
        huge = sample_report.copy()
        huge.rationale = ["ย่อหน้ายาวมาก " * 2000] * 20
        with pytest.raises(DiskFull) as info:
            store.save(draft_id, huge)
        assert "ดิสก์เต็ม" in str(info.value)
        assert store.load(draft_id) == sample_report
        conn.execute("PRAGMA max_page_count = 1073741823")
        store.save(draft_id, huge)
        assert store.load(draft_id) == huge

"""A file that is not a drafts database, or a damaged one, is refused and never changed."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from forms.report import Report
from storage import DatabaseDamaged, DraftStore


def _assert_refused_untouched(db_path: Path) -> None:
    before = db_path.read_bytes()
    others = sorted(p.name for p in db_path.parent.iterdir())
    with pytest.raises(DatabaseDamaged) as info:
        DraftStore.open(db_path)
    message = str(info.value)
    assert str(db_path) in message
    assert "เสียหาย" in message and "\n" not in message
    assert db_path.read_bytes() == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == others


def test_garbage_bytes_are_refused_and_left_byte_identical(tmp_path: Path):
    db_path = tmp_path / "drafts.db"
    db_path.write_bytes(os.urandom(64 * 1024))
    _assert_refused_untouched(db_path)


def test_a_text_file_is_refused(tmp_path: Path, sample_json_text: str):
    db_path = tmp_path / "drafts.db"
    db_path.write_text(sample_json_text, encoding="utf-8")
    _assert_refused_untouched(db_path)


def _database_with_drafts(db_path: Path, sample_report: Report, count: int = 40) -> None:
    with DraftStore.open(db_path) as store:
        for _ in range(count):
            store.create(sample_report)
    with sqlite3.connect(db_path) as conn:  # leave no WAL behind
        assert conn.execute("PRAGMA journal_mode = DELETE").fetchone() == ("delete",)
    conn.close()


def test_damaged_pages_are_refused(tmp_path: Path, sample_report: Report):
    db_path = tmp_path / "drafts.db"
    _database_with_drafts(db_path, sample_report)
    data = bytearray(db_path.read_bytes())
    page = 4096
    assert len(data) > 8 * page
    data[3 * page : 6 * page] = os.urandom(3 * page)
    db_path.write_bytes(bytes(data))
    _assert_refused_untouched(db_path)


def test_damaged_schema_page_is_refused(tmp_path: Path, sample_report: Report):
    db_path = tmp_path / "drafts.db"
    _database_with_drafts(db_path, sample_report)
    data = bytearray(db_path.read_bytes())
    data[100:4096] = os.urandom(4096 - 100)
    db_path.write_bytes(bytes(data))
    _assert_refused_untouched(db_path)


def test_truncated_database_is_refused(tmp_path: Path, sample_report: Report):
    db_path = tmp_path / "drafts.db"
    _database_with_drafts(db_path, sample_report)
    data = db_path.read_bytes()
    db_path.write_bytes(data[: len(data) // 2])
    _assert_refused_untouched(db_path)


def test_an_empty_file_is_a_new_database(tmp_path: Path):
    db_path = tmp_path / "drafts.db"
    db_path.touch()
    with DraftStore.open(db_path) as store:
        assert store.list() == []
        store.create(Report(project_name="ใหม่"))


def test_text_that_is_not_utf8_is_named_damaged_in_thai(tmp_path):
    import sqlite3 as sqlite

    from forms.report import Report
    from storage import DatabaseDamaged, DraftStore

    db = tmp_path / "drafts.db"
    with DraftStore.open(db) as store:
        store.create(Report(project_name="ก"))
    conn = sqlite.connect(db)
    conn.execute("UPDATE drafts SET project_name = CAST(x'e0ff41' AS TEXT)")  # a bit flip
    conn.commit()
    conn.close()
    with DraftStore.open(db) as store, pytest.raises(DatabaseDamaged, match="ข้อความในไฟล์อ่านไม่ได้"):
        store.load(1)


def test_sqlites_own_words_are_said_in_thai():
    from storage.errors import DiskFull

    message = str(DiskFull("drafts.db", "database or disk is full"))
    assert "database or disk is full" not in message and "(ดิสก์เต็ม)" in message

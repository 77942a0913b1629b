"""A file that is not a drafts database, or a damaged one, is refused and never changed."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from forms.report import Report
from storage.drafts import DraftStore
from storage.errors import DatabaseDamaged


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


def test_a_damaged_byte_in_one_text_is_read_as_u_fffd_and_flagged(tmp_path):
    import sqlite3 as sqlite

    from forms.checks import check_report
    from forms.report import Report
    from storage.drafts import DraftStore

    db = tmp_path / "drafts.db"
    with DraftStore.open(db) as store:
        store.create(Report(project_name="ก"))
        store.create(Report(project_name="โครงการที่สอง"))
    conn = sqlite.connect(db)
    conn.execute("UPDATE drafts SET project_name = CAST(x'e0b8ff41' AS TEXT) WHERE id = 1")
    conn.commit()  # a bit flip in the middle of ก (e0 b8 81)
    conn.close()
    with DraftStore.open(db) as store:  # the other drafts stay in reach
        assert [d.project_name for d in store.list()] == ["โครงการที่สอง", "\ufffd\ufffdA"]
        report = store.load(1)
    assert report.project_name == "\ufffd\ufffdA"
    assert any(
        p.rule == "replacement_char" and p.path == "project_name" for p in check_report(report)
    )
    with DraftStore.open_read_only(db) as store:
        assert store.load(1).project_name == "\ufffd\ufffdA"


def test_a_damaged_schema_text_is_named_damaged_in_thai(tmp_path, sample_report):
    from storage.drafts import DraftStore
    from storage.errors import DatabaseDamaged

    db = tmp_path / "drafts.db"
    with DraftStore.open(db) as store:
        store.create(sample_report)
    data = bytearray(db.read_bytes())
    at = data.index(b"CREATE TABLE drafts")
    data[at + 7 : at + 9] = b"\xff\xfe"  # was a UnicodeDecodeError in PRAGMA quick_check
    db.write_bytes(bytes(data))
    for opener in (DraftStore.open, DraftStore.open_read_only):
        with pytest.raises(DatabaseDamaged, match="เสียหาย"):
            opener(db)
    assert bytes(data) == db.read_bytes()


def test_sqlites_own_words_are_said_in_thai():
    from storage.errors import DiskFull

    message = str(DiskFull("drafts.db", "database or disk is full"))
    assert "database or disk is full" not in message and "(ดิสก์เต็ม)" in message

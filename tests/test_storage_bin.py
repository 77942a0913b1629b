"""Delete moves a draft to the bin; restore brings it back; purge deletes it for good."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from forms.report import Report
from storage.drafts import DraftStore
from storage.errors import DraftNotFound


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "drafts.db"


def test_delete_moves_to_the_bin_and_restore_brings_back(db: Path, sample_report: Report):
    with DraftStore.open(db) as store:
        keep = store.create(Report(project_name="อีกโครงการ"))
        draft_id = store.create(sample_report)
        store.delete(draft_id)
        assert [s.id for s in store.list()] == [keep]
        [binned] = store.list_bin()
        assert binned.id == draft_id and binned.deleted_at is not None
        assert store.load(draft_id) == sample_report  # still readable from the bin
        store.restore(draft_id)
        assert store.list_bin() == []
        assert {s.id for s in store.list()} == {keep, draft_id}
        assert store.load(draft_id) == sample_report


def test_bin_is_newest_deletion_first(db: Path):
    with DraftStore.open(db) as store:
        ids = [store.create(Report(project_name=f"โครงการ {i}")) for i in range(3)]
        for draft_id in ids:
            store.delete(draft_id)
        assert [s.id for s in store.list_bin()] == ids[::-1]


def test_purge_deletes_for_good_with_its_progress_log(db: Path, sample_report: Report):
    with DraftStore.open(db) as store:
        draft_id = store.create(sample_report)
        store.delete(draft_id)
        store.purge(draft_id)
        assert store.list_bin() == [] and store.list() == []
        with pytest.raises(DraftNotFound):
            store.load(draft_id)
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("SELECT count(*) FROM progress_reports").fetchone() == (0,)


def test_purge_only_takes_drafts_from_the_bin(db: Path, sample_report: Report):
    with DraftStore.open(db) as store:
        draft_id = store.create(sample_report)
        with pytest.raises(DraftNotFound, match="ถังขยะ"):
            store.purge(draft_id)
        assert store.load(draft_id) == sample_report


@pytest.mark.parametrize("operation", ["load", "delete", "restore", "purge", "duplicate_next_year"])
def test_unknown_id_is_draft_not_found(db: Path, operation: str):
    with DraftStore.open(db) as store:
        with pytest.raises(DraftNotFound) as info:
            getattr(store, operation)(404)
        assert info.value.draft_id == 404
        assert "404" in str(info.value)
        assert store.list() == [] and store.list_bin() == []


def test_save_to_unknown_id_creates_nothing(db: Path, sample_report: Report):
    with DraftStore.open(db) as store:
        with pytest.raises(DraftNotFound):
            store.save(404, sample_report)
        assert store.list() == []
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("SELECT count(*) FROM progress_reports").fetchone() == (0,)


def test_the_bin_is_searched_as_the_list_is(db: Path, sample_report: Report):
    # the bin's search used to look at fewer fields and no Thai digits than the list's
    with DraftStore.open(db) as store:
        kept = store.create(sample_report)
        other = store.create(Report(project_name="อื่น", fiscal_year=2567))
        store.delete(kept)
        store.delete(other)
        assert [d.id for d in store.list_bin("๒๕๖๖")] == [kept]  # Thai digits, the year
        assert [d.id for d in store.list_bin(sample_report.agency_division)] == [kept]
        assert [d.id for d in store.list_bin("50280000 ๒๕๖๖")] == [kept]  # every word
        assert [d.id for d in store.list_bin("")] == [other, kept]
        assert store.list_bin("ไม่มีคำนี้") == []

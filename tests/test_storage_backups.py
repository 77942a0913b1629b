"""Daily backups, and every draft moved to another database through one file: nothing lost,
nothing duplicated."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from forms.report import ProgressReport, Report
from storage.backups import KEEP, daily_backup, drafts_in, list_backups, restore
from storage.drafts import DraftStore
from storage.errors import DraftNotFound
from tests.cli import run_cli


@pytest.fixture
def store(tmp_path: Path, sample_report: Report):
    with DraftStore.open(tmp_path / "drafts.db") as opened:
        opened.create(sample_report)
        opened.create(Report(project_name="ฉบับที่สอง", progress_reports=[ProgressReport(no=1)]))
        binned = opened.create(Report(project_name="อยู่ในถังขยะ"))
        opened.delete(binned)
        yield opened


def _contents(store: DraftStore) -> list[tuple[str, str, str | None, Report]]:
    return sorted(
        ((v.created_at, v.updated_at, v.deleted_at, store.load(v.id)) for v in store.versions()),
        key=lambda row: row[0],
    )


def test_one_backup_a_day_and_the_newest_kept(store):
    first = daily_backup(store, date(2026, 1, 1))
    assert first == store.path.parent / "backups" / "drafts-2026-01-01.db"
    assert daily_backup(store, date(2026, 1, 1)) is None  # the day's backup exists
    for n in range(1, KEEP + 5):
        daily_backup(store, date(2026, 1, 1) + timedelta(days=n))
    kept = list_backups(store.path)
    assert (
        len(kept) == KEEP
        and kept[0].name == f"drafts-{date(2026, 1, 1) + timedelta(days=KEEP + 4)}.db"
    )
    assert [v.project_name for v in drafts_in(kept[0])] == [
        v.project_name for v in store.versions()
    ]


def test_moving_every_draft_to_a_fresh_database_loses_nothing(store, tmp_path):
    carried = tmp_path / "ฉบับร่างทั้งหมด.db"
    store.copy_to(carried)
    with DraftStore.open(tmp_path / "เครื่องใหม่" / "drafts.db") as fresh:
        result = restore(fresh, carried)
        assert len(result.ids) == 3 and result.skipped == []
        assert _contents(fresh) == _contents(store)  # stamps, bin and every field
        again = restore(fresh, carried)
        assert again.ids == [] and len(again.skipped) == 3  # no duplicates
        assert len(fresh.versions()) == 3


def test_a_deleted_draft_comes_back_from_the_days_backup(store):
    backup = daily_backup(store, date(2026, 1, 1))
    assert backup is not None
    lost = next(v for v in store.versions() if v.project_name == "ฉบับที่สอง")
    store.delete(lost.id)
    store.purge(lost.id)
    in_backup = next(v for v in drafts_in(backup) if v.project_name == "ฉบับที่สอง")
    result = restore(store, backup, [in_backup.id])
    assert len(result.ids) == 1
    back = store.load(result.ids[0])
    assert back.project_name == "ฉบับที่สอง" and back.progress_reports == [ProgressReport(no=1)]
    with pytest.raises(DraftNotFound):
        restore(store, backup, [999])


def test_backup_and_restore_on_the_command_line(store, tmp_path):
    out = tmp_path / "สำรอง.db"
    made = run_cli(store.path, "backup", out)
    assert made.returncode == 0 and "3 ฉบับ" in made.stderr, made.stderr
    target = tmp_path / "อีกเครื่อง.db"
    first = run_cli(target, "restore", out)
    assert first.returncode == 0 and first.stdout.split() == ["1", "2", "3"], first.stderr
    second = run_cli(target, "restore", out, "--draft", "1")
    assert second.returncode == 0 and second.stdout == "" and "ข้าม 1 ฉบับ" in second.stderr
    missing = run_cli(target, "restore", tmp_path / "ไม่มี.db")
    assert missing.returncode == 2 and "ไม่พบไฟล์สำรอง" in missing.stderr

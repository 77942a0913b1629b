"""Commands that only read (list, export, check) open the database read-only: the file's
bytes never change, and a database that cannot be written (a backup on read-only media)
still lists and exports."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from forms.report import Report
from storage.connection import open_read_only_connection
from storage.drafts import DraftStore
from storage.errors import DatabaseReadOnly
from storage.schema_migrations import STEPS
from tests.cli import run_cli


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def db(tmp_path: Path, sample_report: Report) -> Path:
    path = tmp_path / "ข้อมูล" / "drafts.db"
    with DraftStore.open(path) as store:
        store.create(sample_report)
        store.create(Report(project_name="โครงการที่สอง"))
    return path


READING = [
    ["list"],
    ["export", "1", "--pdf", "{out}/r.pdf"],
    ["export", "2", "--json", "{out}/r.json"],
    ["check", "1"],
]


@pytest.mark.parametrize("command", READING, ids=lambda c: c[0])
def test_reading_commands_leave_the_database_bytes_unchanged(db, tmp_path, command):
    before = _sha256(db)
    run = run_cli(db, *[word.format(out=tmp_path) for word in command])
    assert run.returncode in (0, 1), run.stderr  # check: 1 when the report has errors
    assert _sha256(db) == before


def test_the_read_only_store_refuses_to_write(db):
    with DraftStore.open_read_only(db) as store:
        assert [d.project_name for d in store.list()][-1] == "พัฒนาคูณภาพเครือข่ายโรงเรียน"
        with pytest.raises(DatabaseReadOnly):
            store.create(Report(project_name="ใหม่"))


@pytest.fixture
def immutable_folder(db: Path) -> Iterator[Path]:
    """`db`'s folder made unwritable for root too (chattr +i), with no -wal/-shm beside it."""
    chattr = shutil.which("chattr")
    folder = db.parent
    assert not (folder / "drafts.db-wal").exists()
    if os.geteuid() != 0:
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)
        return
    if chattr is None or subprocess.run([chattr, "+i", folder]).returncode != 0:
        pytest.skip("running as root without chattr +i: cannot make a folder read-only")
    try:
        yield folder
    finally:
        subprocess.run([chattr, "-i", folder], check=True)


def test_export_works_from_a_folder_that_cannot_be_written(db, immutable_folder, tmp_path):
    before = _sha256(db)
    assert not os.access(immutable_folder, os.W_OK) or os.geteuid() == 0
    listing = run_cli(db, "list")
    assert listing.returncode == 0, listing.stderr
    assert "โครงการที่สอง" in listing.stdout
    export = run_cli(db, "export", "1", "--pdf", tmp_path / "out.pdf")
    assert export.returncode == 0, export.stderr
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF-")
    assert _sha256(db) == before
    assert [p.name for p in immutable_folder.iterdir()] == ["drafts.db"]  # nothing added


def test_a_database_that_needs_migrating_is_refused_read_only_with_the_way_out(db):
    later = (*STEPS, ("m999_a_later_version", lambda _db: None))
    before = _sha256(db)
    with pytest.raises(DatabaseReadOnly, match="เปิดด้วยหน้าต่างโปรแกรม"):
        open_read_only_connection(db, steps=later)
    assert _sha256(db) == before

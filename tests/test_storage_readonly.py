"""A read-only database file or folder is refused with a clear message and left unchanged.

Tests may run as root, for whom mode bits do not stop writes: there the file (or folder) is
made immutable with `chattr +i`, which the kernel enforces for root too. As a normal user
plain `chmod` is used. Both really fail writes; nothing is faked.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import storage.connection
from forms.report import Report
from storage.drafts import DraftStore
from storage.errors import DatabaseReadOnly

MakeReadOnly = Callable[[Path], None]


@pytest.fixture
def make_read_only() -> Iterator[MakeReadOnly]:
    undo: list[Callable[[], None]] = []

    def make(path: Path) -> None:
        if os.geteuid() == 0:
            chattr = shutil.which("chattr")
            run = subprocess.run([chattr or "chattr", "+i", str(path)], capture_output=True)
            if chattr is None or run.returncode != 0:
                pytest.skip("running as root without chattr +i: cannot make a file read-only")
            undo.append(lambda: subprocess.run([chattr, "-i", str(path)], check=True))
        else:
            mode = path.stat().st_mode
            path.chmod(0o555 if path.is_dir() else 0o444)
            undo.append(lambda: path.chmod(stat.S_IMODE(mode)))
        assert not os.access(path, os.W_OK)

    yield make
    for step in reversed(undo):
        step()


def _existing_db(tmp_path: Path, sample_report: Report) -> Path:
    db_path = tmp_path / "drafts.db"
    with DraftStore.open(db_path) as store:
        store.create(sample_report)
    return db_path


def test_read_only_file_is_refused_and_unchanged(
    tmp_path: Path, sample_report: Report, make_read_only: MakeReadOnly
):
    db_path = _existing_db(tmp_path, sample_report)
    before = db_path.read_bytes()
    make_read_only(db_path)
    with pytest.raises(DatabaseReadOnly) as info:
        DraftStore.open(db_path)
    assert str(db_path) in str(info.value) and "อ่านอย่างเดียว" in str(info.value)
    assert db_path.read_bytes() == before


def test_new_database_in_a_read_only_folder_is_refused(
    tmp_path: Path, make_read_only: MakeReadOnly
):
    folder = tmp_path / "locked"
    folder.mkdir()
    make_read_only(folder)
    with pytest.raises(DatabaseReadOnly) as info:
        DraftStore.open(folder / "drafts.db")
    assert str(folder) in str(info.value)
    assert list(folder.iterdir()) == []


def test_existing_database_in_a_read_only_folder_is_refused(
    tmp_path: Path, sample_report: Report, make_read_only: MakeReadOnly
):
    db_path = _existing_db(tmp_path, sample_report)
    before = db_path.read_bytes()
    make_read_only(tmp_path)
    with pytest.raises(DatabaseReadOnly):
        DraftStore.open(db_path)
    assert db_path.read_bytes() == before


def test_sqlite_refusal_is_caught_when_the_permission_check_is_fooled(
    tmp_path: Path,
    sample_report: Report,
    make_read_only: MakeReadOnly,
    monkeypatch: pytest.MonkeyPatch,
):
    # os.access can say "writable" when SQLite still cannot write (root on read-only media,
    # network shares): then SQLite's own refusal must become the same clear error, at open.
    db_path = _existing_db(tmp_path, sample_report)
    before = db_path.read_bytes()
    make_read_only(db_path)
    monkeypatch.setattr(storage.connection, "_check_writable", lambda path: None)
    with pytest.raises(DatabaseReadOnly) as info:
        DraftStore.open(db_path)
    assert "(ฐานข้อมูลเปิดได้แบบอ่านอย่างเดียว)" in str(info.value)  # SQLite's words, in Thai
    assert db_path.read_bytes() == before

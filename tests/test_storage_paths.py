"""Without --db, drafts live in the user's data folder (conftest points it into tmp)."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage.drafts import DraftStore
from storage.errors import StorageError
from storage.paths import default_db_path


def test_default_path_is_in_the_user_data_folder(user_folders: Path):
    path = default_db_path()
    assert path.name == "drafts.db"
    assert path.parent.name == "BMAProjectReport"
    assert user_folders in path.parents  # redirected by conftest, never the real home


def test_opening_the_default_path_creates_its_folder():
    path = default_db_path()
    assert not path.parent.exists()
    with DraftStore.open(path) as store:
        assert store.list() == []
    assert path.is_file()


def test_open_creates_missing_parent_folders(tmp_path: Path):
    path = tmp_path / "a" / "b" / "drafts.db"
    DraftStore.open(str(path)).close()
    assert path.is_file()


def test_a_file_where_the_folder_should_be_is_one_clear_error(tmp_path: Path):
    (tmp_path / "a").write_text("ไม่ใช่โฟลเดอร์", encoding="utf-8")
    with pytest.raises(StorageError) as info:
        DraftStore.open(tmp_path / "a" / "drafts.db")
    assert str(tmp_path / "a") in str(info.value) and "\n" not in str(info.value)

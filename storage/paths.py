"""Where the drafts database lives when no `--db PATH` is given: the user's data folder."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "BMAProjectReport"
DB_FILE_NAME = "drafts.db"


def default_db_path() -> Path:
    """`%LOCALAPPDATA%\\BMAProjectReport\\drafts.db` on Windows, the XDG data folder on Linux.

    The folder is not created here; `DraftStore.open` creates it when it opens the file.
    """
    return Path(user_data_dir(APP_NAME, appauthor=False)) / DB_FILE_NAME

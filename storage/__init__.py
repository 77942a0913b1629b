"""Keeping drafts: one SQLite database through sqlite-utils, its migrations, backups and lock.

Public API: `DraftStore`, `DraftSummary`, `default_db_path`, `AppLock` and the
`StorageError` family in `storage.errors`. Nothing here imports Qt.
"""

from storage.drafts import DraftStore, DraftSummary
from storage.errors import (
    DatabaseBusy,
    DatabaseDamaged,
    DatabaseLocked,
    DatabaseReadOnly,
    DiskFull,
    DraftNotFound,
    NewerDatabase,
    StorageError,
)
from storage.lock import AppLock
from storage.paths import default_db_path

__all__ = [
    "AppLock",
    "DatabaseBusy",
    "DatabaseDamaged",
    "DatabaseLocked",
    "DatabaseReadOnly",
    "DiskFull",
    "DraftNotFound",
    "DraftStore",
    "DraftSummary",
    "NewerDatabase",
    "StorageError",
    "default_db_path",
]

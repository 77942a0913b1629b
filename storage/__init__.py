"""Keeping drafts: one SQLite database through sqlite-utils, its migrations, backups and lock.

Public API: `DraftStore`, `DraftSummary`, `default_db_path`, `AppLock` and the
`StorageError` family in `storage.errors`. Nothing here imports Qt.

The names load on first use (PEP 562), so `import storage.errors` from a CLI command that
never touches the database does not pay for the drafts store.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from forms.lazy import lazy_getattr

_HOMES = {
    "DraftStore": "storage.drafts",
    "DraftSummary": "storage.drafts",
    "AppLock": "storage.lock",
    "default_db_path": "storage.paths",
    **{
        name: "storage.errors"
        for name in (
            "DatabaseBusy",
            "DatabaseDamaged",
            "DatabaseLocked",
            "DatabaseReadOnly",
            "DiskFull",
            "DraftNotFound",
            "NewerDatabase",
            "StorageError",
        )
    },
}

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

if TYPE_CHECKING:
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


__getattr__ = lazy_getattr("storage", _HOMES)

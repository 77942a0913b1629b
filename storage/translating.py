"""`translating`: the context every use of a database file runs in, so that the failures
of sqlite3 and of the OS (busy, read-only, disk full, damaged, missing) come out as the
named `StorageError`s of `storage.errors`, each with its Thai message.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from storage.errors import translate


@contextmanager
def translating(path: Path) -> Iterator[None]:
    """Re-raise known sqlite3/OS failures as the named `StorageError`s."""
    try:
        yield
    except (sqlite3.Error, OSError, UnicodeDecodeError) as exc:
        named = translate(exc, path)
        if named is None:
            raise
        raise named from exc

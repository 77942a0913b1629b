"""One SQLite connection owned by one object (the drafts' store, a district's collection):
shared by that object's threads behind one lock, closed once, and the one way to a
transaction, all of which is written or none of it."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from types import TracebackType
from typing import Self

from storage.translating import translating


class OwnedConnection:
    """The base of a store: `with store:` closes it; `_transaction()` runs one."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self._conn: sqlite3.Connection | None = conn
        self._lock = threading.RLock()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise RuntimeError(f"{type(self).__name__} is closed")
        return self._conn

    @contextmanager
    def _transaction(self, *, write: bool = True) -> Iterator[sqlite3.Connection]:
        """One transaction: all of it is written, or none of it. A read transaction
        (`write=False`) gives one consistent snapshot, e.g. a draft with its progress log."""
        with self._lock, self._errors():
            conn = self._connection()
            conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            finally:
                if write:
                    self._written()

    def _errors(self) -> AbstractContextManager[None]:
        """What turns SQLite's and the OS's errors into this store's named ones."""
        return translating(self.path)

    def _written(self) -> None:
        """Called after each write transaction, whether it was committed or not."""

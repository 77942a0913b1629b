"""One window per database: an OS lock on a sidecar `<db>.lock` file.

The lock is taken with `fcntl.flock` on POSIX and `msvcrt.locking` on Windows, so the OS
drops it when the process ends, however it ends; a stale lock file left behind by a crash
therefore never blocks the next start. Written by hand because it is a dozen lines over
the standard library, where a lock library would add a dependency for the same calls.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from types import TracebackType
from typing import IO

from storage.errors import DatabaseLocked, translate


class AppLock:
    """`acquire()` raises `DatabaseLocked` while another running copy holds the database."""

    def __init__(self, db_path: Path | str) -> None:
        self.db_path = Path(db_path)
        self.lock_path = self.db_path.with_name(self.db_path.name + ".lock")
        self._file: IO[bytes] | None = None

    @property
    def held(self) -> bool:
        return self._file is not None

    def acquire(self) -> None:
        if self._file is not None:
            return
        try:
            self.lock_path.parent.mkdir(parents=True, exist_ok=True)
            # "a+b": never truncates a file another process may hold
            file = open(self.lock_path, "a+b", buffering=0)  # noqa: SIM115 - held until release()
        except OSError as exc:
            raise (translate(exc, self.db_path) or exc) from exc
        try:
            _lock(file)
        except OSError:
            file.close()
            raise DatabaseLocked(self.db_path) from None
        self._file = file
        # the process id, for a person looking at the file; the lock is held without it, so
        # a full disk (the write fails) does not keep the window from opening
        with contextlib.suppress(OSError):
            file.seek(0)
            file.truncate()
            file.write(f"{os.getpid()}\n".encode())
            file.flush()

    def release(self) -> None:
        if self._file is None:
            return
        try:
            _unlock(self._file)
        finally:
            self._file.close()
            self._file = None

    def __enter__(self) -> AppLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


# The Windows branch runs in CI under Wine: `packaging/windows/smoke.sh` starts a second copy
# while the window is open, which must find this lock held and hand over to the window.
if sys.platform == "win32":
    import msvcrt

    def _lock(file: IO[bytes]) -> None:
        file.seek(0)
        msvcrt.locking(file.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(file: IO[bytes]) -> None:
        file.seek(0)
        msvcrt.locking(file.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(file: IO[bytes]) -> None:
        fcntl.flock(file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(file: IO[bytes]) -> None:
        fcntl.flock(file.fileno(), fcntl.LOCK_UN)

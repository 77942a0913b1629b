"""One worker thread for the window's slow jobs: rendering a PDF, reading a file to import.

`run(job, done)` runs `job()` in the worker and calls `done(future)` later in the GUI thread,
where `future.result()` gives the value or raises the job's exception (the caller catches
the known ones and shows their Thai message; anything else is a bug and reaches the crash
dialog). One thread is enough: the clerk does one of these at a time, and jobs then finish
in the order they were asked for. `shutdown` waits for a running job and drops the answers
still queued, so nothing pops up after the window has closed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

THREAD_PREFIX = "ui-work"


class Background(QObject):
    busy_changed = Signal(bool)
    _finished = Signal(object)  # a Future, from the worker; delivered in the GUI thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=THREAD_PREFIX)
        self._waiting: dict[Future[Any], Callable[[Future[Any]], None]] = {}
        self._closed = False
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        return bool(self._waiting)

    def run(self, job: Callable[[], Any], done: Callable[[Future[Any]], None]) -> Future[Any]:
        """Start `job` in the worker; `done(future)` is called in the GUI thread after it."""
        if self._closed:
            raise RuntimeError("the worker has been shut down")
        future = self._executor.submit(job)
        self._waiting[future] = done
        future.add_done_callback(self._finished.emit)
        if len(self._waiting) == 1:
            self.busy_changed.emit(True)
        return future

    def _deliver(self, future: Future[Any]) -> None:
        done = self._waiting.pop(future, None)
        if not self._waiting:
            self.busy_changed.emit(False)
        if done is not None and not self._closed:
            done(future)

    def shutdown(self) -> None:
        """Wait for the running job, forget the queued answers and end the thread."""
        self._closed = True
        self._executor.shutdown(wait=True, cancel_futures=True)
        self._waiting.clear()


def worker_thread_names() -> list[str]:
    """Names of live worker threads (tests check that closing the window leaves none)."""
    return [t.name for t in threading.enumerate() if t.name.startswith(THREAD_PREFIX)]

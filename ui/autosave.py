"""Autosave: every edit reaches the database within 2 s, off the typing path.

An edit restarts a short debounce timer (or, while the clerk keeps typing, the timer is
left to run out at most `max_wait_ms` after the first unsaved edit). When it fires, a
snapshot of the report (`document.snapshot()`) is saved in a worker thread through the
worker's own `DraftStore` connection, and the document is marked saved at the snapshot's
revision, so edits made during the save stay dirty and are saved next.

A `concurrent.futures` executor with one thread is used rather than QThreadPool because
`flush` needs to wait for a running save and get its result or its exception, which a
`Future` gives directly; the single thread keeps its SQLite connection to itself.
`flush()` is synchronous and is what closing the window or switching drafts calls.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QObject, Qt, QTimer, Signal

from forms.document import ReportDocument
from forms.report import Report
from storage.drafts import DraftStore
from storage.errors import StorageError

DEBOUNCE_MS = 1000
MAX_WAIT_MS = 1800  # keeps "within 2 s" true while the clerk types without a pause
RETRY_MS = 5000


@dataclass
class _Job:
    document: ReportDocument
    draft_id: int
    revision: int
    report: Report
    error: StorageError | None = None
    finished_at: datetime | None = None
    recorded: bool = False


class Autosaver(QObject):
    saved = Signal(object)  # datetime (local) of a successful save
    failed = Signal(str)  # the Thai message of a failed save; it will be retried
    _job_done = Signal(object)  # from the worker thread, delivered in the window's thread

    def __init__(
        self,
        db_path: Path,
        open_store: Callable[[Path], DraftStore] = DraftStore.open,
        parent: QObject | None = None,
        debounce_ms: int = DEBOUNCE_MS,
        retry_ms: int = RETRY_MS,
        after_save: Callable[[DraftStore], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.db_path, self._open_store = db_path, open_store
        # run in the worker after each successful save: the daily backup (storage.backups)
        self._after_save = after_save
        self.after_save_error: Exception | None = None
        self.document: ReportDocument | None = None
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")
        self._worker_store: DraftStore | None = None  # touched only in the worker thread
        self._running: Future[_Job] | None = None
        self._again = False  # a save was asked for while one was running
        self._timer = QTimer(self, singleShot=True, interval=debounce_ms)
        self._timer.timeout.connect(self.save_now)
        self._retry = QTimer(self, singleShot=True, interval=retry_ms)
        self._retry.timeout.connect(self.save_now)
        self._dirty_since = QElapsedTimer()
        self._job_done.connect(self._finish, Qt.ConnectionType.QueuedConnection)
        self.last_error: StorageError | None = None

    # which document
    def watch(self, document: ReportDocument | None) -> None:
        """Autosave `document` from now on (call `flush` for the previous one first)."""
        if self.document is not None:
            self.document.changed.disconnect(self._edited)
        self.document = document
        self._timer.stop()
        self._retry.stop()
        if document is not None:
            document.changed.connect(self._edited)
            if document.dirty:
                self._edited("")

    def _edited(self, _key: str) -> None:
        if not self._dirty_since.isValid():
            self._dirty_since.start()
        left = MAX_WAIT_MS - self._dirty_since.elapsed()
        if not self._timer.isActive() or left > self._timer.interval():
            self._timer.start()
        # else let the running timer fire: saving must not wait for the clerk to pause

    # saving
    def save_now(self) -> None:
        """Start saving the watched document in the worker, unless a save is running
        (then it is saved again as soon as that one ends)."""
        self._timer.stop()
        document = self.document
        if document is None or not document.dirty or document.draft_id is None:
            return
        if self._running is not None:
            self._again = True  # `_finish` starts the next save
            return
        self._running = self._submit(document)

    def _submit(self, document: ReportDocument) -> Future[_Job]:
        assert document.draft_id is not None
        revision, report = document.snapshot()
        job = _Job(document, document.draft_id, revision, report)
        future = self._executor.submit(self._save_in_worker, job)
        future.add_done_callback(lambda done: self._job_done.emit(done))
        return future

    def _save_in_worker(self, job: _Job) -> _Job:
        try:
            if self._worker_store is None:
                self._worker_store = self._open_store(self.db_path)
            self._worker_store.save(job.draft_id, job.report)
        except StorageError as error:
            job.error = error
        else:
            self._run_after_save(self._worker_store)
        job.finished_at = datetime.now().astimezone()
        return job

    def _run_after_save(self, store: DraftStore) -> None:
        if self._after_save is None:
            return
        try:
            self._after_save(store)
            self.after_save_error = None
        except (StorageError, OSError) as error:
            # the save itself succeeded; a backup that cannot be written (disk full) is
            # tried again after the next save, and the next day's save makes a new one
            self.after_save_error = error

    def _finish(self, future: Future[_Job]) -> None:
        """In the window's thread: record the result of a save (once, however it is reached)."""
        if future is self._running:
            self._running = None
        job = future.result()  # a bug in saving raises here, to the crash dialog
        if job.recorded:
            return
        job.recorded = True
        if job.error is not None:
            self.last_error = job.error
            self.failed.emit(str(job.error))
            self._retry.start()
            return
        if job.revision > job.document.saved_revision:
            job.document.mark_saved(job.revision)
        self.last_error = None
        self.saved.emit(job.finished_at)
        if job.document is not self.document or self.document is None:
            return
        if not self.document.dirty:
            self._dirty_since.invalidate()
            return
        self._dirty_since.start()  # edits made while saving: their own 2 s start about now
        if self._again:
            self._again = False
            self.save_now()

    def flush(self) -> None:
        """Save the watched document now and wait: for a running save, then once more if
        there are newer edits. Raises the `StorageError` if the last save failed."""
        self._timer.stop()
        self._retry.stop()
        self._again = False
        if self._running is not None:
            running, self._running = self._running, None
            running.exception()  # waits; errors are recorded by _finish
            self._finish(running)
            self._retry.stop()
        document = self.document
        if document is None or not document.dirty or document.draft_id is None:
            return
        future = self._submit(document)
        future.exception()
        self._finish(future)
        self._retry.stop()
        if self.last_error is not None:
            self._retry.start()
            raise self.last_error

    def shutdown(self) -> None:
        """Close the worker's connection and stop its thread (after `flush`)."""
        self._timer.stop()
        self._retry.stop()
        if self.document is not None:
            self.document.changed.disconnect(self._edited)
            self.document = None
        self._executor.submit(self._close_in_worker).result()
        self._executor.shutdown(wait=True)

    def _close_in_worker(self) -> None:
        if self._worker_store is not None:
            self._worker_store.close()
            self._worker_store = None


def worker_thread_names() -> list[str]:
    """Names of live autosave threads (tests check that shutdown leaves none)."""
    return [t.name for t in threading.enumerate() if t.name.startswith("autosave")]

"""What the "รวมรายงาน" window does in the worker thread (`ui.background`): collecting files
into its collection (`Collector`) and exporting the summary (`SummaryExporter`).

Collecting opens a connection of its own to the collection file in the worker, so the
window's table can still be read, sorted and filtered while files are read; each file's
outcome is sent to the window as it is done (`Collector.outcome`, a queued signal), and a
collect can be stopped between two files (the window closing). Exporting renders the rows
the table shows, in its order, with the registry's renderer (`forms.export`) and writes
them as the PDF export does (a temporary file moved into place: `forms.pdf.writer`).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from concurrent.futures import Future
from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCore import QMimeData, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from forms.district.summary import Collected
from forms.export import SUMMARY_FORMATS, ExportFormat, render_summary
from forms.filetypes import IMPORTABLE_SUFFIXES
from storage.collection import Collection
from storage.connection import BUSY_TIMEOUT_S
from storage.errors import StorageError
from ui import dialogs, settings
from ui.background import Background
from ui.district_model import DistrictModel

REPORT_FILTER = "ไฟล์รายงาน ({});;ทุกไฟล์ (*)".format(" ".join(f"*{s}" for s in IMPORTABLE_SUFFIXES))


def dropped_paths(mime: QMimeData) -> list[Path]:
    """The local files and folders a drag carries ([] for anything else)."""
    if not mime.hasUrls():
        return []
    urls = mime.urls()
    if not urls or not all(url.isLocalFile() for url in urls):
        return []
    return [Path(url.toLocalFile()) for url in urls]


class Collector(QObject):
    """Collects files and folders into the collection at `path`, one run at a time."""

    outcome = Signal(object)  # a storage.collection_outcomes.FileOutcome, as each file is done
    finished = Signal(int, str)  # files read; the Thai reason the run stopped, or ''
    running_changed = Signal(bool)

    def __init__(self, path: Path, background: Background, parent: QMainWindow) -> None:
        super().__init__(parent)
        self.path, self.background, self.window = path, background, parent
        self._cancel = threading.Event()
        self.running = False
        self.busy_timeout = BUSY_TIMEOUT_S  # how long another program's write is waited for

    def choose_files(self) -> Future[int] | None:
        files = dialogs.open_files(
            self.window, "เลือกไฟล์รายงานที่จะรวม", settings.last_folder("district_add"), REPORT_FILTER
        )
        if not files:
            return None
        settings.remember_folder("district_add", files[0].parent)
        return self.collect(files)

    def choose_folder(self) -> Future[int] | None:
        folder = dialogs.choose_folder(
            self.window, "เลือกโฟลเดอร์รายงานที่จะรวม", settings.last_folder("district_add")
        )
        if folder is None:
            return None
        settings.remember_folder("district_add", folder)
        return self.collect([folder])

    def collect(self, paths: Sequence[Path]) -> Future[int] | None:
        """Read and add every report file in `paths` in the worker; None when a run is
        still going (said in the status bar) or there is nothing to read."""
        if not paths:
            return None
        if self.running:
            self.window.statusBar().showMessage(
                "กำลังรวมรายงานชุดก่อนอยู่ — รอให้เสร็จแล้วค่อยเพิ่มอีกครั้ง", 8000
            )
            return None
        self.running = True
        self._cancel.clear()
        self.running_changed.emit(True)
        job = partial(
            _collect, self.path, list(paths), self.outcome, self._cancel, self.busy_timeout
        )
        return self.background.run(job, self._done)

    def stop(self) -> None:
        """Stop a run after the file being read (the window is closing)."""
        self._cancel.set()

    def _done(self, future: Future[int]) -> None:
        self.running = False
        self.running_changed.emit(False)
        try:
            files = future.result()
        except StorageError as error:  # the collection itself: busy, damaged, disk full
            self.finished.emit(-1, str(error))
            return
        self.finished.emit(files, "")


def _collect(
    path: Path, paths: list[Path], outcome: Signal, cancel: threading.Event, busy_timeout: float
) -> int:
    """In the worker: add every file found, on a connection of its own; how many files."""
    files = 0
    with Collection.open(path, busy_timeout=busy_timeout) as collection:
        outcomes = collection.collect(paths)
        try:
            for done in outcomes:
                files += 1
                outcome.emit(done)
                if cancel.is_set():
                    break
        finally:
            outcomes.close()  # ends the PDF readers' worker processes
    return files


class SummaryExporter(QObject):
    """The ส่งออก menu: every summary format of the registry, for the rows shown."""

    def __init__(
        self, window: QMainWindow, model: DistrictModel, background: Background, stem: str
    ) -> None:
        super().__init__(window)
        self.window, self.model, self.background, self.stem = window, model, background, stem
        self.menu = QMenu(window)
        self.menu.setObjectName("district_export_menu")
        self.scope = self.menu.addAction("")
        self.scope.setEnabled(False)
        self.actions: dict[str, QAction] = {}
        for fmt in SUMMARY_FORMATS:
            action = self.menu.addAction(f"{fmt.label}…")
            action.triggered.connect(partial(self.export, fmt))
            self.actions[fmt.key] = action
        self.menu.aboutToShow.connect(self.update_menu)
        self.update_menu()

    def update_menu(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        which = "ทุกโครงการ" if shown == total else f"เฉพาะที่แสดง {shown:,} จาก {total:,} โครงการ"
        self.scope.setText(f"ส่งออก{which} ตามลำดับในตาราง:")

    def export(self, fmt: ExportFormat) -> Future[None] | None:
        """Write the rows the table shows (after the search and filters, in its order)
        as `fmt`, rendered and written in the worker."""
        items = self.model.shown_items()
        if not items:
            dialogs.inform(
                self.window, "ส่งออกไม่ได้", "ไม่มีโครงการที่แสดงอยู่ในตาราง — ล้างคำค้นหาหรือตัวกรองก่อน"
            )
            return None
        proposed = settings.last_folder("district_export") / f"สรุป-{self.stem}{fmt.suffix}"
        target = dialogs.save_file(
            self.window, f"ส่งออก{fmt.label}", proposed, f"{fmt.label} (*{fmt.suffix})"
        )
        if target is None:
            return None
        if target.suffix.lower() != fmt.suffix:
            target = target.with_name(target.name + fmt.suffix)
        settings.remember_folder("district_export", target.parent)
        self.window.statusBar().showMessage(f"กำลังส่งออก {len(items):,} โครงการ…")
        job = partial(_export, fmt, items, self.model.today, target)
        return self.background.run(job, partial(self._exported, fmt, target, len(items)))

    def _exported(self, fmt: ExportFormat, target: Path, count: int, future: Future[None]) -> None:
        from forms.pdf import PdfWriteError

        status = self.window.statusBar()
        try:
            future.result()
        except (PdfWriteError, StorageError) as error:  # the file, or a report gone meanwhile
            status.clearMessage()
            dialogs.inform(self.window, "ส่งออกไม่ได้", str(error), error=True)
            return
        except ImportError:  # a renderer this build does not ship
            status.clearMessage()
            dialogs.inform(self.window, "ส่งออกไม่ได้", f"โปรแกรมรุ่นนี้ยังเขียน{fmt.label}ไม่ได้ — ใช้แบบอื่น")
            return
        status.showMessage(f"ส่งออก {count:,} โครงการเป็น {target} แล้ว", 15000)


def _export(fmt: ExportFormat, items: list[Collected], today: date, target: Path) -> None:
    from forms.pdf.writer import write_bytes_atomically

    write_bytes_atomically(render_summary(fmt, items, today), target)

"""Import in the window: แฟ้ม › นำเข้า…, a file dropped on the window, and pasted printout text.

Every path reads in the worker (`ui.background`; a PDF's text is extracted in a bounded
subprocess by `forms.printout`), then shows the summary of what was recognised
(`dialogs.confirm_import`) before anything is created: accepted, the report becomes a new
draft through the store and opens; cancelled, nothing is created. A file that cannot be
read gives its Thai message and creates nothing.

Drops are caught by an event filter on the application, because the text boxes under the
mouse would otherwise take a dropped file and paste its path as text. Only a drag of one
local `.json`, `.txt` or `.pdf` file is taken; every other drag goes on to the widgets.
"""

from __future__ import annotations

from concurrent.futures import Future
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QObject, Signal
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from forms.errors import FormError
from forms.filetypes import is_importable
from forms.report import Report
from storage.errors import StorageError
from storage.summaries import DraftSummary
from ui import dialogs, settings
from ui.background import Background
from ui.draft_list import local_time_text

if TYPE_CHECKING:
    from forms.printout import ImportResult
    from ui.host import DraftsWindow

IMPORT_FILTER = "แบบรายงาน (*.pdf *.txt *.json *.bmareport);;ทุกไฟล์ (*)"
PASTED = "ข้อความที่วาง"
_DRAG_EVENTS = frozenset({QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop})


def dropped_file(mime: QMimeData) -> Path | None:
    """The one importable local file a drag carries (None for anything else)."""
    if not mime.hasUrls():
        return None
    urls = mime.urls()
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if is_importable(path) else None


def _read_file(path: Path) -> ImportResult:
    from forms.printout import import_file  # loaded when first used, not at start

    return import_file(path)


def _read_text(text: str) -> ImportResult:
    from forms.printout import parse_printout_text

    return parse_printout_text(text)


class Importer(QObject):
    imported = Signal(int)  # the new draft's id
    failed = Signal(str)  # the Thai message shown
    cancelled = Signal()  # the clerk closed the summary: nothing was created

    def __init__(self, window: DraftsWindow, background: Background) -> None:
        super().__init__(window)
        self.window, self.background = window, background
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def stop(self) -> None:
        """Stop taking drops (the window is closing)."""
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    # the three ways in
    def choose_file(self) -> None:
        path = dialogs.open_file(
            self.window, "นำเข้าแบบรายงาน", settings.last_folder("import"), IMPORT_FILTER
        )
        if path is not None:
            self.import_path(path)

    def import_path(self, path: Path) -> None:
        self.window.statusBar().showMessage(f"กำลังอ่าน “{path.name}”…")
        self.background.run(partial(_read_file, path), partial(self._read, path))

    def fill_recent_menu(self, menu: QMenu) -> None:
        """แฟ้ม › นำเข้าไฟล์ล่าสุด: the files imported last, by number (Alt+F, R, 1)."""
        menu.clear()
        recent = settings.recent_imports()
        for number, path in enumerate(recent, start=1):
            action = menu.addAction(f"&{number} {path.name}")
            action.setToolTip(str(path))
            action.triggered.connect(partial(self.import_path, path))
        if not recent:
            menu.addAction("ยังไม่เคยนำเข้าไฟล์").setEnabled(False)

    def paste_text(self) -> None:
        text = dialogs.paste_printout(self.window)
        if text is None or not text.strip():
            return
        self.window.statusBar().showMessage("กำลังอ่านข้อความที่วาง…")
        self.background.run(partial(_read_text, text), partial(self._read, None))

    # after reading
    def _read(self, path: Path | None, future: Future[ImportResult]) -> None:
        self.window.statusBar().clearMessage()
        try:
            result = future.result()
        except FormError as error:  # PrintoutError, or a .json the interchange refuses
            message = str(error)
            if path is not None and path.name not in message:
                message = f"ไฟล์ “{path.name}”: {message}"
            dialogs.inform(self.window, "นำเข้าไม่ได้", message, error=True)
            self.failed.emit(message)
            return
        source = f" “{path.name}” " if path is not None else PASTED
        if not dialogs.confirm_import(self.window, source, result):
            self.cancelled.emit()
            return
        same = self._same_draft(result.report)
        if same is not None and not dialogs.ask(
            self.window,
            "มีฉบับร่างนี้อยู่แล้ว",
            f"มีฉบับร่าง “{same.project_name or 'ไม่มีชื่อ'}” ปีงบประมาณ {same.fiscal_year or '-'}"
            f" รหัส {same.project_code or '-'} อยู่แล้ว (แก้ไขล่าสุด {local_time_text(same.updated_at)})"
            "\nนำเข้าเป็นฉบับร่างใหม่อีกฉบับ หรือเปิดฉบับที่มีอยู่?",
            yes="นำเข้าเป็นฉบับใหม่",
            no="เปิดฉบับที่มีอยู่",
        ):
            self.window.open_draft(same.id)
            self.cancelled.emit()
            return
        draft_id = self.window.add_draft(result.report)
        if draft_id is None:
            return
        if path is not None:
            settings.remember_folder("import", path.parent)
            settings.remember_import(path)
        what = f"“{path.name}”" if path is not None else PASTED
        self.window.statusBar().showMessage(f"นำเข้า{what}เป็นฉบับร่างใหม่แล้ว", 10000)
        self.imported.emit(draft_id)

    def _same_draft(self, report: Report) -> DraftSummary | None:
        """A draft (not in the bin) of the same project, year and name: importing the same
        printout twice would otherwise make a second draft without a word."""
        key = (report.project_code.strip(), report.fiscal_year, report.project_name.strip())
        if not any(key[::2]):
            return None  # nothing names the project: no draft is "the same"
        try:
            drafts = self.window.store.list()
        except StorageError:
            return None  # the import goes on; creating the draft will say what is wrong
        return next(
            (
                d
                for d in drafts
                if (d.project_code.strip(), d.fiscal_year, d.project_name.strip()) == key
            ),
            None,
        )

    # drops
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in _DRAG_EVENTS or not isinstance(watched, QWidget):
            return False
        if watched.window() is not self.window or not isinstance(event, QDropEvent):
            return False
        path = dropped_file(event.mimeData())
        if path is None:
            return False
        event.acceptProposedAction()
        if event.type() == QEvent.Type.Drop:
            self.import_path(path)
        return True

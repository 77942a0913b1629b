"""The main window: the drafts panel on the left, the open draft as tabs on the right.

It owns the open `ReportDocument` and its `ReportForm`, the `Autosaver`, the title with the
unsaved mark, and the saved indicator in the status bar. Leaving a draft (opening another,
deleting it, closing the window) always flushes its edits first; if they cannot be saved
the clerk is asked before anything is thrown away.

Hidden developer options (environment variables, for screenshots; the clerk never sets them):
- `BMA_REPORT_START_TAB=N` opens the draft on tab N (0-based);
- `BMA_REPORT_START_PREVIEW=1` opens the PDF preview of the first draft at start;
- `BMA_REPORT_START_IMPORT=FILE` imports FILE at start (its summary is shown first);
- `BMA_REPORT_START_PROBLEM=N` selects problem N (0-based) of the panel and goes to its field.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from forms.document import ReportDocument
from forms.report import Report
from storage.backups import Restored, backup_folder, daily_backup
from storage.drafts import DraftStore, DraftSummary
from storage.errors import StorageError
from ui import dialogs, plain
from ui.autosave import Autosaver
from ui.background import Background
from ui.backup_actions import BackupActions, restored_message
from ui.drafts_panel import DraftsPanel, local_time_text
from ui.icons import icon
from ui.importing import Importer
from ui.pdf_export import PdfActions
from ui.problems_dock import DOCK_HEIGHT, ProblemsDock
from ui.report_form import ReportForm

START_TAB_ENV = "BMA_REPORT_START_TAB"  # developer options (screenshots), see the docstring
START_PREVIEW_ENV = "BMA_REPORT_START_PREVIEW"
START_IMPORT_ENV = "BMA_REPORT_START_IMPORT"
START_PROBLEM_ENV = "BMA_REPORT_START_PROBLEM"
NEW_DRAFT_TITLE = "ฉบับร่างใหม่"
DOCUMENT_ACTIONS = ("ส่งออก PDF…", "ดูตัวอย่างก่อนพิมพ์", "พิมพ์…")  # need an open draft


class MainWindow(QMainWindow):
    def __init__(
        self,
        store: DraftStore,
        db_path: Path,
        open_worker_store: Callable[[Path], DraftStore] = DraftStore.open,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.store, self.db_path = store, db_path
        self.document: ReportDocument | None = None
        self.form: ReportForm | None = None
        self._finished = False
        self._tab = int(os.environ.get(START_TAB_ENV, "0") or 0)
        self.autosaver = Autosaver(db_path, open_worker_store, parent=self, after_save=daily_backup)
        self.autosaver.saved.connect(self._saved)
        self.autosaver.failed.connect(self._save_failed)

        self.panel = DraftsPanel(store)
        self.stack = QStackedWidget()
        self.placeholder = self._make_placeholder()
        self.stack.addWidget(self.placeholder)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.panel)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([440, 1000])
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)
        self.save_state = QLabel()
        self.save_state.setObjectName("save_state")
        self.problems_dock = ProblemsDock(self)
        self.problems, self.checker = self.problems_dock.panel, self.problems_dock.checker
        self.problem_count = self.problems_dock.count
        self.statusBar().addPermanentWidget(self.problem_count)
        self.statusBar().addPermanentWidget(self.save_state)
        self.background = Background(self)
        self.pdf = PdfActions(self, self.background)
        self.importer = Importer(self, self.background)
        self.backups = BackupActions(self)
        self.setAcceptDrops(True)  # files dropped anywhere on the window are imported
        self._make_actions()

        self.panel.open_requested.connect(self.open_draft)
        self.panel.new_requested.connect(self.new_draft)
        self.panel.duplicate_requested.connect(self.duplicate_draft)
        self.panel.delete_requested.connect(self.delete_draft)
        self.panel.restore_requested.connect(self.restore_draft)
        self._fit_to_screen()
        self.resizeDocks([self.problems_dock], [DOCK_HEIGHT], Qt.Orientation.Vertical)
        self._update_title()
        if self.panel.model.drafts:
            self.open_draft(self.panel.model.drafts[0].id)
        if os.environ.get(START_PREVIEW_ENV) and self.document is not None:
            QTimer.singleShot(0, self, self.pdf.preview)
        if os.environ.get(START_PROBLEM_ENV):
            row = int(os.environ[START_PROBLEM_ENV])
            QTimer.singleShot(0, self, lambda: self.problems_dock.go_to_problem(row))
        if os.environ.get(START_IMPORT_ENV):
            start_file = Path(os.environ[START_IMPORT_ENV])
            QTimer.singleShot(0, self, lambda: self.importer.import_path(start_file))

    # opening and leaving drafts
    def open_draft(self, draft_id: int) -> bool:
        """Show draft `draft_id`, after saving the one open now."""
        if self.document is not None and self.document.draft_id == draft_id:
            return True
        if not self._leave_current():
            return False
        try:
            report = self.store.load(draft_id)
        except StorageError as error:
            dialogs.inform(self, "เปิดฉบับร่างไม่ได้", str(error), error=True)
            return False
        self._show_document(ReportDocument(report, draft_id))
        self.panel.select(draft_id, announce=False)
        summary = next((d for d in self.panel.model.drafts if d.id == draft_id), None)
        if summary is not None:
            self.save_state.setText(f"บันทึกล่าสุด {local_time_text(summary.updated_at)}")
        return True

    def _leave_current(self) -> bool:
        """Save the open draft's edits now; False if they could not be saved and the clerk
        chose to stay with them."""
        if self.document is None:
            return True
        try:
            self.autosaver.flush()
        except StorageError as error:
            return dialogs.ask(
                self,
                "บันทึกไม่ได้",
                f"{error}\n\nถ้าดำเนินการต่อ การแก้ไขล่าสุดของ “{self._name()}” จะหายไป"
                " ต้องการทิ้งการแก้ไขนี้หรือไม่?",
                yes="ทิ้งการแก้ไข",
                no="กลับไปแก้ไข",
            )
        return True

    def _show_document(self, document: ReportDocument | None) -> None:
        if self.form is not None:
            self._tab = self.form.currentIndex()
            self.form.unbind()
            self.stack.removeWidget(self.form)
            self.form.deleteLater()
            self.form = None
        if self.document is not None:
            self.document.changed.disconnect(self._document_changed)
        self.document = document
        self.autosaver.watch(document)
        if document is not None:
            self.form = ReportForm(document, start_tab=self._tab)
            self.stack.addWidget(self.form)
            self.stack.setCurrentWidget(self.form)
            document.changed.connect(self._document_changed)
            self.save_state.setText("")
        else:
            self.stack.setCurrentWidget(self.placeholder)
        self.problems_dock.watch(document, self.form)
        for text in DOCUMENT_ACTIONS:
            self.actions_by_text[text].setEnabled(document is not None)
        self._update_title()

    # the panel's buttons
    def new_draft(self) -> None:
        if not self._leave_current():
            return
        try:
            draft_id = self.store.create(Report())
        except StorageError as error:
            dialogs.inform(self, "สร้างฉบับร่างไม่ได้", str(error), error=True)
            return
        self.panel.show_bin(False)
        self.panel.search.clear()
        self.panel.refresh(select_id=draft_id)
        self._show_document(ReportDocument(Report(), draft_id))
        if self.form is not None:
            self.form.setCurrentIndex(0)
            self.form.editors["project_name"].setFocus()

    def add_draft(self, report: Report) -> int | None:
        """Keep `report` as a new draft and open it (an import); its id, or None when it was
        not created (the open draft's edits could not be saved, or the store refused)."""
        if not self._leave_current():
            return None
        try:
            draft_id = self.store.create(report)
        except StorageError as error:
            dialogs.inform(self, "สร้างฉบับร่างไม่ได้", str(error), error=True)
            return None
        self.panel.show_bin(False)
        self.panel.search.clear()
        self.panel.refresh(select_id=draft_id)
        self.open_draft(draft_id)
        return draft_id

    def duplicate_draft(self, draft_id: int) -> None:
        if not self._leave_current():
            return
        try:
            new_id = self.store.duplicate_next_year(draft_id)
        except StorageError as error:
            dialogs.inform(self, "คัดลอกฉบับร่างไม่ได้", str(error), error=True)
            return
        self.panel.search.clear()
        self.panel.refresh(select_id=new_id)
        self.open_draft(new_id)
        year = self.document.report.fiscal_year if self.document else None
        self.statusBar().showMessage(f"คัดลอกเป็นฉบับร่างปีงบประมาณ {year or '-'} แล้ว", 8000)

    def delete_draft(self, draft_id: int) -> None:
        name = next((d.project_name for d in self.panel.model.drafts if d.id == draft_id), "")
        if not dialogs.ask(
            self,
            "ย้ายไปถังขยะ",
            f"ย้ายฉบับร่าง “{name or NEW_DRAFT_TITLE}” ไปถังขยะใช่หรือไม่?\nกู้คืนได้ภายหลังจากแท็บ “ถังขยะ”",
            yes="ย้ายไปถังขยะ",
        ):
            return
        is_open = self.document is not None and self.document.draft_id == draft_id
        if is_open and not self._leave_current():
            return
        try:
            self.store.delete(draft_id)
        except StorageError as error:
            dialogs.inform(self, "ลบฉบับร่างไม่ได้", str(error), error=True)
            return
        if is_open:
            self._show_document(None)
        self.panel.refresh()
        self.statusBar().showMessage(f"ย้าย “{name or NEW_DRAFT_TITLE}” ไปถังขยะแล้ว", 8000)
        if self.document is None and self.panel.model.drafts:
            self.open_draft(self.panel.model.drafts[0].id)

    def restore_draft(self, draft_id: int) -> None:
        try:
            self.store.restore(draft_id)
        except StorageError as error:
            dialogs.inform(self, "กู้คืนฉบับร่างไม่ได้", str(error), error=True)
            return
        self.panel.show_bin(False)
        self.panel.search.clear()
        self.panel.refresh(select_id=draft_id)
        self.open_draft(draft_id)
        self.statusBar().showMessage("กู้คืนฉบับร่างจากถังขยะแล้ว", 8000)

    # saving
    def show_restored(self, result: Restored) -> None:
        """Drafts restored from a backup: listed, the first of them opened, and said."""
        self.panel.show_bin(False)
        self.panel.search.clear()
        first = next(iter(result.ids), None)
        self.panel.refresh(select_id=first)
        if first is not None:
            self.open_draft(first)
        self.statusBar().showMessage(restored_message(result), 10000)

    def save_now(self) -> bool:
        """Ctrl+S: save the open draft now and wait for it."""
        try:
            self.autosaver.flush()
        except StorageError as error:
            dialogs.inform(
                self,
                "บันทึกไม่ได้",
                f"{error}\n\nการแก้ไขยังอยู่ในหน้าต่างนี้ โปรแกรมจะลองบันทึกอีกครั้งโดยอัตโนมัติ",
                error=True,
            )
            return False
        if self.document is not None:
            self._saved(datetime.now().astimezone())
        return True

    def _saved(self, when: datetime) -> None:
        document = self.document
        if document is None:
            return
        self.save_state.setStyleSheet("")
        self.save_state.setToolTip("")
        self.save_state.setText(
            f"บันทึกแล้ว {when:%H:%M}" if not document.dirty else "มีการแก้ไขที่ยังไม่บันทึก…"
        )
        self.setWindowModified(document.dirty)
        backup_error = self.autosaver.after_save_error
        if backup_error is not None:
            why = (
                str(backup_error)
                if isinstance(backup_error, StorageError)
                else f"เขียนโฟลเดอร์ {backup_folder(self.db_path)} ไม่ได้"
            )
            self.statusBar().showMessage(
                f"บันทึกงานแล้ว แต่ทำสำเนาสำรองประจำวันไม่ได้ ({why}) — โปรแกรมจะลองอีกครั้งเมื่อบันทึกครั้งถัดไป",
                15000,
            )
        if document.draft_id is not None:
            report = document.report
            self.panel.update_summary(
                DraftSummary(
                    document.draft_id,
                    report.project_name,
                    report.project_code,
                    report.fiscal_year,
                    report.agency_office,
                    when.astimezone(UTC),
                    None,
                )
            )

    def _save_failed(self, message: str) -> None:
        self.save_state.setText("บันทึกไม่ได้ — จะลองใหม่อัตโนมัติ")
        self.save_state.setStyleSheet("color: #c0392b; font-weight: bold;")
        self.save_state.setToolTip(plain.tooltip(message))
        self.statusBar().showMessage(message)

    def _document_changed(self, key: str) -> None:
        assert self.document is not None
        self.setWindowModified(self.document.dirty)
        if self.document.dirty and self.autosaver.last_error is None:
            self.save_state.setText("มีการแก้ไขที่ยังไม่บันทึก…")
        if key == "project_name":
            self._update_title()

    # closing
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.finish():
            event.accept()
        else:
            event.ignore()

    def finish(self) -> bool:
        """Save everything and stop the autosaver; False if the clerk chose to stay."""
        if self._finished:
            return True
        if not self._leave_current():
            return False
        self._finished = True
        self.autosaver.shutdown()
        self.importer.stop()
        self.background.shutdown()
        if self.pdf.preview_dialog is not None:
            self.pdf.preview_dialog.close()
        return True

    # building
    def _name(self) -> str:
        return (self.document.report.project_name if self.document else "") or NEW_DRAFT_TITLE

    def _update_title(self) -> None:
        app_title = dialogs.APP_TITLE
        if self.document is None:
            self.setWindowTitle(app_title)
            self.setWindowModified(False)
            return
        self.setWindowTitle(f"{self._name()}[*] — {app_title}")
        self.setWindowModified(self.document.dirty)

    def _make_placeholder(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        text = QLabel("เลือกฉบับร่างทางซ้ายเพื่อแก้ไข\nหรือกด “ใหม่” เพื่อเริ่มกรอกแบบรายงานฉบับใหม่")
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setStyleSheet("color: #566573;")
        button = QPushButton(icon("new"), "เริ่มฉบับร่างใหม่")
        button.setObjectName("placeholder_new")
        button.clicked.connect(self.new_draft)
        layout.addWidget(text)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(2)
        return page

    def _fit_to_screen(self) -> None:
        """Wide enough for the tabs with their badges and the drafts list, where the
        screen allows."""
        screen = QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else None
        width, height = 1440, 880
        if room is not None:
            width, height = min(width, room.width()), min(height, room.height())
        self.resize(width, height)

    def _make_actions(self) -> None:
        file_menu = self.menuBar().addMenu("แฟ้ม")
        edit_menu = self.menuBar().addMenu("แก้ไข")
        view_menu = self.menuBar().addMenu("มุมมอง")
        view_menu.addAction(self.problems_dock.toggleViewAction())
        specs = (
            (file_menu, "new", "ฉบับร่างใหม่", QKeySequence.StandardKey.New, self.new_draft),
            (file_menu, None, "นำเข้า…", QKeySequence("Ctrl+I"), self.importer.choose_file),
            (file_menu, None, "วางข้อความจากแบบพิมพ์…", None, self.importer.paste_text),
            (file_menu, "save", "บันทึกทันที", QKeySequence.StandardKey.Save, self.save_now),
            (file_menu, None, "-", None, None),
            (file_menu, None, "ส่งออก PDF…", QKeySequence("Ctrl+E"), self.pdf.export),
            (file_menu, None, "ดูตัวอย่างก่อนพิมพ์", QKeySequence("Ctrl+Shift+P"), self.pdf.preview),
            (file_menu, None, "พิมพ์…", QKeySequence.StandardKey.Print, self.pdf.print_report),
            (file_menu, None, "-", None, None),
            (file_menu, None, "กู้คืนจากสำเนาสำรอง…", None, self.backups.restore_from_backup),
            (file_menu, None, "ส่งออกฉบับร่างทั้งหมด…", None, self.backups.export_all),
            (file_menu, None, "นำเข้าฉบับร่างจากไฟล์สำรอง…", None, self.backups.import_all),
            (file_menu, None, "-", None, None),
            (file_menu, None, "ปิดโปรแกรม", QKeySequence.StandardKey.Quit, self.close),
            (edit_menu, None, "เลิกทำ", None, lambda: self._edit_focused("undo")),
            (edit_menu, None, "ทำซ้ำ", None, lambda: self._edit_focused("redo")),
        )
        self.actions_by_text: dict[str, QAction] = {}
        for menu, icon_name, text, shortcut, slot in specs:
            if text == "-":
                menu.addSeparator()
                continue
            action = QAction(icon(icon_name) if icon_name else QIcon(), text, self)
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(slot)
            menu.addAction(action)
            self.actions_by_text[text] = action
        quit_action = self.actions_by_text["ปิดโปรแกรม"]
        file_menu.insertActions(quit_action, list(self.pdf.choice_actions.values()))  # kept
        file_menu.insertSeparator(quit_action)
        self.addAction(self.actions_by_text["บันทึกทันที"])
        for text in DOCUMENT_ACTIONS:
            self.actions_by_text[text].setEnabled(False)

    def _edit_focused(self, what: str) -> None:
        # the text widgets keep their own undo history (Ctrl+Z / Ctrl+Y work in them directly)
        widget = QApplication.focusWidget()
        if widget is not None and hasattr(widget, what):
            getattr(widget, what)()

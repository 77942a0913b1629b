"""The main window: the drafts panel on the left, the open draft as tabs on the right.

It owns the open `ReportDocument` and its `ReportForm`, the `Autosaver`, the title with the
unsaved mark, and the saved indicator in the status bar. Leaving a draft (opening another,
deleting it, closing the window) always flushes its edits first; if they cannot be saved
the clerk is asked before anything is thrown away.

Moved out of this module: what the panel's buttons and the draft commands of the menus do
(new, duplicate, bin, restore: the `DraftCommands` mixin, `ui.draft_commands`), the splitter,
the window's size on the screen and the page shown without a draft (`ui.window_layout`),
and the saved indicator with the messages of a save (`ui.save_state`).

Hidden developer options (environment variables, for screenshots; the clerk never sets them):
- `BMA_REPORT_START_TAB=N` opens the draft on tab N (0-based);
- `BMA_REPORT_START_PREVIEW=1` opens the PDF preview of the first draft at start;
- `BMA_REPORT_START_IMPORT=FILE` imports FILE at start (its summary is shown first);
- `BMA_REPORT_START_PROBLEM=N` selects problem N (0-based) of the panel and goes to its field.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QStackedWidget, QWidget

from forms.document import ReportDocument
from forms.schema import FIELDS, SECTIONS
from storage.backups import daily_backup
from storage.drafts import DraftStore
from storage.errors import StorageError
from storage.summaries import saved_summary
from ui import dialogs, help_dialogs, menus, settings
from ui.autosave import Autosaver
from ui.background import Background
from ui.backup_actions import BackupActions
from ui.draft_commands import NEW_DRAFT_TITLE, DraftCommands
from ui.drafts_panel import DraftsPanel
from ui.export_formats import ExportActions
from ui.importing import Importer
from ui.pdf_export import PdfActions
from ui.problems_dock import DOCK_HEIGHT, ProblemsDock
from ui.report_form import ReportForm
from ui.save_state import SaveState, backup_warning
from ui.window_layout import fit_to_screen, make_splitter, placeholder_page

START_TAB_ENV = "BMA_REPORT_START_TAB"  # developer options (screenshots), see the docstring
START_PREVIEW_ENV = "BMA_REPORT_START_PREVIEW"
START_IMPORT_ENV = "BMA_REPORT_START_IMPORT"
START_PROBLEM_ENV = "BMA_REPORT_START_PROBLEM"


class MainWindow(DraftCommands, QMainWindow):
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
        self.placeholder = placeholder_page(self.new_draft)
        self.stack.addWidget(self.placeholder)
        self.splitter = make_splitter(self.panel, self.stack)
        self.setCentralWidget(self.splitter)
        self.save_state = SaveState()
        self.problems_dock = ProblemsDock(self)
        self.problems, self.checker = self.problems_dock.panel, self.problems_dock.checker
        self.problem_count = self.problems_dock.count
        self.statusBar().addPermanentWidget(self.problem_count)
        self.statusBar().addPermanentWidget(self.save_state)
        self.background = Background(self)
        self.pdf = PdfActions(self, self.background)
        self.exports = ExportActions(self, self.background, self.pdf)
        self.importer = Importer(self, self.background)
        self.backups = BackupActions(self)
        self.setAcceptDrops(True)  # files dropped anywhere on the window are imported
        self._make_actions()

        self.panel.open_requested.connect(self.open_draft)
        self.panel.new_requested.connect(self.new_draft)
        self.panel.duplicate_requested.connect(self.duplicate_draft)
        self.panel.delete_requested.connect(self.delete_draft)
        self.panel.restore_requested.connect(self.restore_draft)
        fit_to_screen(self, self.splitter)
        self._dock_full: bool | None = None
        self.checker.checked.connect(self._size_problems_dock)
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
        if not self.leave_current():
            return False
        try:
            report = self.store.load(draft_id)
        except StorageError as error:
            dialogs.inform(self, "เปิดฉบับร่างไม่ได้", str(error), error=True)
            return False
        self.show_document(ReportDocument(report, draft_id))
        self.panel.select(draft_id, announce=False)
        summary = next((d for d in self.panel.model.drafts if d.id == draft_id), None)
        if summary is not None:
            self.save_state.show_last_saved(summary.updated_at)
        return True

    def leave_current(self) -> bool:
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

    def show_document(self, document: ReportDocument | None) -> None:
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
        for action in self._draft_actions:
            action.setEnabled(document is not None)
        self._update_title()

    def _size_problems_dock(self, problems: list) -> None:
        """The problems panel takes room only when it lists something: at its least while
        the draft has no problem, at most 30 % of the window's height when it has; sized
        again only when that changes, so a height the clerk dragged stays."""
        full = bool(problems)
        if full == self._dock_full:
            return
        self._dock_full = full
        height = (
            min(DOCK_HEIGHT, int(self.height() * 0.3))
            if full
            else self.problems_dock.minimumSizeHint().height()
        )
        self.resizeDocks([self.problems_dock], [height], Qt.Orientation.Vertical)

    # commands of the menus (ui.menus)
    def focus_search(self) -> None:
        self.splitter.widget(0).show()
        self.panel.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.panel.search.selectAll()

    def toggle_drafts_panel(self) -> None:
        panel = self.splitter.widget(0)
        panel.setVisible(not panel.isVisible())

    def go_to_tab(self, index: int) -> None:
        """Ctrl+1…Ctrl+7: that tab, with the focus in its first field."""
        if self.form is None or not 0 <= index < self.form.count():
            return
        self.form.setCurrentIndex(index)
        section = SECTIONS[index].key
        first = next((f.key for f in FIELDS if f.section == section and not f.computed), None)
        editor = self.form.editors.get(first) if first else None
        if editor is not None:
            editor.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def step_tab(self, delta: int) -> None:
        if self.form is not None:
            self.go_to_tab((self.form.currentIndex() + delta) % self.form.count())

    def show_guide(self) -> None:
        dialogs.show_help(self, "วิธีใช้", help_dialogs.guide_html())

    def show_about(self) -> None:
        dialogs.show_help(self, "เกี่ยวกับโปรแกรม", help_dialogs.about_html(self.db_path))

    # saving
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
        self.save_state.show_saved(when, document.dirty)
        self.setWindowModified(document.dirty)
        backup_error = self.autosaver.after_save_error
        if backup_error is not None:
            self.statusBar().showMessage(backup_warning(backup_error, self.db_path), 15000)
        if document.draft_id is not None:
            self.panel.update_summary(saved_summary(document.draft_id, document.report, when))

    def _save_failed(self, message: str) -> None:
        self.save_state.show_failed(message)
        self.statusBar().showMessage(message)

    def _document_changed(self, key: str) -> None:
        assert self.document is not None
        self.setWindowModified(self.document.dirty)
        if self.document.dirty and self.autosaver.last_error is None:
            self.save_state.show_unsaved()
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
        if not self.leave_current():
            return False
        self._finished = True
        settings.remember_window(self, self.splitter)
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

    def _make_actions(self) -> None:
        self.actions_by_text = menus.build(self)
        quit_action = self.actions_by_text["ปิดโปรแกรม"]
        file_menu = self.menuBar().actions()[0].menu()
        edit_menu = self.menuBar().actions()[1].menu()
        edit_menu.insertAction(self.actions_by_text["ค้นหาฉบับร่าง"], self.problems_dock.undo_action)
        recent = QMenu("นำเข้าไฟล์ล่าสุด (&R)", file_menu)
        recent.setObjectName("recent_imports")
        recent.aboutToShow.connect(lambda: self.importer.fill_recent_menu(recent))
        file_menu.insertMenu(self.actions_by_text["วางข้อความจากแบบพิมพ์…"], recent)
        print_action = self.actions_by_text["พิมพ์…"]
        # ส่งออกเป็น ▸ every format of the registry, under ส่งออก PDF…
        file_menu.insertMenu(self.actions_by_text["ดูตัวอย่างก่อนพิมพ์"], self.exports.menu)
        file_menu.insertAction(print_action, self.pdf.last_export_action)
        self.addAction(self.pdf.last_export_action)
        file_menu.insertActions(quit_action, list(self.pdf.choice_actions.values()))  # kept
        file_menu.insertSeparator(quit_action)
        self._draft_actions = [
            self.actions_by_text[c.text] for _t, cs in menus.MENUS for c in cs if c.needs_draft
        ]
        self._draft_actions.append(self.exports.menu.menuAction())
        for action in self._draft_actions:
            action.setEnabled(False)

    def edit_focused(self, what: str) -> None:
        # the text widgets keep their own undo history (Ctrl+Z / Ctrl+Y work in them directly)
        widget = QApplication.focusWidget()
        if widget is not None and hasattr(widget, what):
            getattr(widget, what)()

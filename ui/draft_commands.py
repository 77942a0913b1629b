"""What the drafts panel's buttons and the draft commands of the menus do to the drafts.

`DraftCommands` is mixed into `ui.main_window.MainWindow`: new, import (`add_draft`),
duplicate for the next fiscal year, move to the bin, restore from the bin, empty the bin,
and show the drafts restored from a backup. Each leaves the open draft first through the
window's `leave_current` (its edits saved, or the clerk asked) and shows the result in the
panel, the tabs (`show_document`, `open_draft`) and the status bar; a store that refuses
(`StorageError`) is said in a message box and changes nothing (emptying the bin keeps
what it deleted before the refusal, and says how many).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from forms.document import ReportDocument
from forms.report import Report
from storage.backups import Restored
from storage.errors import StorageError
from ui import dialogs
from ui.backup_actions import restored_message

if TYPE_CHECKING:
    from storage.drafts import DraftStore
    from ui.drafts_panel import DraftsPanel
    from ui.report_form import ReportForm

NEW_DRAFT_TITLE = "ฉบับร่างใหม่"


class DraftCommands:
    """The draft commands of the main window, a mixin: the window provides the attributes
    below and the methods `statusBar`, `leave_current`, `show_document` and `open_draft`."""

    store: DraftStore
    panel: DraftsPanel
    document: ReportDocument | None
    form: ReportForm | None

    def new_draft(self) -> None:
        if not self.leave_current():
            return
        try:
            draft_id = self.store.create(Report())
        except StorageError as error:
            dialogs.inform(self, "สร้างฉบับร่างไม่ได้", str(error), error=True)
            return
        self.panel.show_bin(False)
        self.panel.search.clear()
        self.panel.refresh(select_id=draft_id)
        self.show_document(ReportDocument(Report(), draft_id))
        if self.form is not None:
            self.form.setCurrentIndex(0)
            self.form.editors["project_name"].setFocus()

    def add_draft(self, report: Report) -> int | None:
        """Keep `report` as a new draft and open it (an import); its id, or None when it was
        not created (the open draft's edits could not be saved, or the store refused)."""
        if not self.leave_current():
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
        if not self.leave_current():
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
        summary = next((d for d in self.panel.model.drafts if d.id == draft_id), None)
        name = summary.project_name if summary is not None else ""
        which = ""
        if summary is not None and (summary.fiscal_year or summary.project_code):
            which = f" (ปีงบประมาณ {summary.fiscal_year or '-'} รหัส {summary.project_code or '-'})"
        if not dialogs.ask(
            self,
            "ย้ายไปถังขยะ",
            f"ย้ายฉบับร่าง “{name or NEW_DRAFT_TITLE}”{which} ไปถังขยะใช่หรือไม่?"
            "\nกู้คืนได้ภายหลังจากแท็บ “ถังขยะ”",
            yes="ย้ายไปถังขยะ",
        ):
            return
        is_open = self.document is not None and self.document.draft_id == draft_id
        if is_open and not self.leave_current():
            return
        try:
            self.store.delete(draft_id)
        except StorageError as error:
            dialogs.inform(self, "ลบฉบับร่างไม่ได้", str(error), error=True)
            return
        if is_open:
            self.show_document(None)
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

    def duplicate_selected(self) -> None:
        if self.document is not None and self.document.draft_id is not None:
            self.duplicate_draft(self.document.draft_id)

    def delete_selected(self) -> None:
        if self.document is not None and self.document.draft_id is not None:
            self.delete_draft(self.document.draft_id)

    def empty_bin(self) -> None:
        try:
            binned = self.store.list_bin()
        except StorageError as error:
            dialogs.inform(self, "ล้างถังขยะไม่ได้", str(error), error=True)
            return
        if not binned:
            dialogs.inform(self, "ล้างถังขยะ", "ถังขยะว่างอยู่แล้ว")
            return
        if not dialogs.ask(
            self,
            "ล้างถังขยะ",
            f"ลบฉบับร่าง {len(binned):,} ฉบับในถังขยะอย่างถาวรใช่หรือไม่?"
            "\nกู้คืนจากถังขยะไม่ได้อีก (ยังกู้ได้จากสำเนาสำรองประจำวันที่ทำไว้ก่อนหน้า)",
            yes="ลบถาวร",
        ):
            return
        purged = 0
        try:
            for summary in binned:
                self.store.purge(summary.id)
                purged += 1
        except StorageError as error:
            dialogs.inform(self, "ล้างถังขยะไม่ได้", str(error), error=True)
        self.panel.refresh()
        if purged:  # those deleted before a refusal are gone: say how many
            self.statusBar().showMessage(f"ลบฉบับร่าง {purged:,} ฉบับออกจากถังขยะแล้ว", 8000)

    def show_restored(self, result: Restored) -> None:
        """Drafts restored from a backup: listed, the first of them opened, and said."""
        self.panel.show_bin(False)
        self.panel.search.clear()
        first = next(iter(result.ids), None)
        self.panel.refresh(select_id=first)
        if first is not None:
            self.open_draft(first)
        self.statusBar().showMessage(restored_message(result), 10000)

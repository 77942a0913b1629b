"""แฟ้ม › กู้คืนจากสำเนาสำรอง…, ส่งออกฉบับร่างทั้งหมด…, นำเข้าฉบับร่างจากไฟล์สำรอง…

The daily backups themselves are made by the autosave worker (`storage.backups.daily_backup`
after a save); this module brings drafts back from them, and carries every draft (with the
bin) to another PC in one file and back, merged without duplicates (`storage.backups`).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from storage.backups import Restored, backup_folder, list_backups, restore
from storage.errors import StorageError
from ui import dialogs, settings

if TYPE_CHECKING:
    from ui.host import DraftsWindow

BACKUP_FILTER = "ไฟล์สำรองฉบับร่าง (*.bmabackup *.db);;ทุกไฟล์ (*)"


class BackupActions(QObject):
    def __init__(self, window: DraftsWindow) -> None:
        super().__init__(window)
        self.window = window

    def restore_from_backup(self) -> None:
        backups = list_backups(self.window.db_path)
        if not backups:
            dialogs.inform(
                self.window,
                "ยังไม่มีสำเนาสำรอง",
                "โปรแกรมสำรองฐานข้อมูลให้วันละครั้งหลังการบันทึกครั้งแรกของวัน"
                " — ยังไม่มีสำเนาใน " + str(backup_folder(self.window.db_path)),
            )
            return
        chosen = dialogs.choose_backup_drafts(self.window, backups)
        if chosen is not None:
            self._restore(*chosen)

    def export_all(self) -> None:
        proposed = settings.last_folder("backup") / f"ฉบับร่างทั้งหมด-{date.today()}.bmabackup"
        target = dialogs.save_file(self.window, "ส่งออกฉบับร่างทั้งหมด", proposed, BACKUP_FILTER)
        if target is None:
            return
        if target.resolve() == self.window.db_path.resolve():
            dialogs.inform(self.window, "ส่งออกไม่ได้", "ไฟล์นี้คือฐานข้อมูลที่เปิดอยู่ — ตั้งชื่อไฟล์อื่น", error=True)
            return
        if not self.window.save_now():
            return
        try:
            self.window.store.copy_to(target)
        except StorageError as error:
            dialogs.inform(self.window, "ส่งออกไม่ได้", str(error), error=True)
            return
        settings.remember_folder("backup", target.parent)
        self.window.statusBar().showMessage(
            f"ส่งออกฉบับร่างทั้งหมดเป็น “{target.name}” แล้ว — นำไฟล์นี้ไปนำเข้าที่เครื่องใหม่", 10000
        )

    def import_all(self) -> None:
        source = dialogs.open_file(
            self.window, "นำเข้าฉบับร่างจากไฟล์สำรอง", settings.last_folder("backup"), BACKUP_FILTER
        )
        if source is not None:
            self._restore(source, None)

    def _restore(self, source: Path, draft_ids: list[int] | None) -> None:
        if not self.window.save_now():
            return
        try:
            result = restore(self.window.store, source, draft_ids)
        except StorageError as error:
            dialogs.inform(self.window, "กู้คืนไม่ได้", str(error), error=True)
            return
        self.window.show_restored(result)


def restored_message(result: Restored) -> str:
    skipped = f" (ข้าม {len(result.skipped):,} ฉบับที่มีอยู่แล้ว)" if result.skipped else ""
    return f"กู้คืนฉบับร่าง {len(result.ids):,} ฉบับแล้ว{skipped}"

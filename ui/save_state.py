"""What the window shows of saving: the indicator in the status bar and what a save changes.

`SaveState` is the status bar's word on the open draft (when it was last saved, that it has
edits not saved yet, or that saving failed and will be tried again); `backup_warning` says
why a save's daily backup could not be made. The window (`ui.main_window`) calls them when
the autosaver reports (and shows the saved draft's row, `storage.summaries.saved_summary`).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QLabel, QWidget

from storage.backups import backup_folder
from storage.errors import StorageError
from ui import plain
from ui.draft_list import local_time_text

UNSAVED = "มีการแก้ไขที่ยังไม่บันทึก…"


class SaveState(QLabel):
    """The saved indicator of the status bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("save_state")

    def show_last_saved(self, when: datetime) -> None:
        """A draft just opened: when it was last saved."""
        self.setText(f"บันทึกล่าสุด {local_time_text(when)}")

    def show_saved(self, when: datetime, dirty: bool) -> None:
        """A save finished at `when`; `dirty` if the clerk typed more meanwhile."""
        self.setStyleSheet("")
        self.setToolTip("")
        self.setText(f"บันทึกแล้ว {when:%H:%M}" if not dirty else UNSAVED)

    def show_unsaved(self) -> None:
        self.setText(UNSAVED)

    def show_failed(self, message: str) -> None:
        """Saving failed (`message` says why, in the tooltip); the autosaver tries again."""
        self.setText("บันทึกไม่ได้ — จะลองใหม่อัตโนมัติ")
        self.setStyleSheet("color: #c0392b; font-weight: bold;")
        self.setToolTip(plain.tooltip(message))


def backup_warning(error: Exception, db_path: Path) -> str:
    """The status bar's message when the work was saved but its daily backup failed."""
    why = (
        str(error)
        if isinstance(error, StorageError)
        else f"เขียนโฟลเดอร์ {backup_folder(db_path)} ไม่ได้"
    )
    return f"บันทึกงานแล้ว แต่ทำสำเนาสำรองประจำวันไม่ได้ ({why}) — โปรแกรมจะลองอีกครั้งเมื่อบันทึกครั้งถัดไป"

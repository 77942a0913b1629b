"""The dialog of แฟ้ม › กู้คืนจากสำเนาสำรอง…: pick one of the daily backups, see its drafts,
tick the ones to bring back (all are ticked when it opens)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from forms.thaidate import format_thai_long_date
from storage.backups import drafts_in
from storage.drafts import DraftVersion
from storage.errors import StorageError
from ui import screen
from ui.draft_list import local_time_text

NO_NAME = "(ยังไม่ตั้งชื่อ)"


def backup_label(path: Path) -> str:
    """`drafts-2026-12-03.db` as `3 ธันวาคม 2569`."""
    try:
        return format_thai_long_date(date.fromisoformat(path.stem[-10:]))
    except ValueError:
        return path.name


def _draft_label(version: DraftVersion) -> str:
    changed = local_time_text(datetime.fromisoformat(version.updated_at))
    where = " — อยู่ในถังขยะ" if version.deleted_at else ""
    return f"{version.project_name or NO_NAME}  (แก้ไข {changed}){where}"


class RestoreDialog(QDialog):
    """Accepted: `chosen()` is the backup file and the ids (in it) of the ticked drafts."""

    def __init__(self, backups: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restore_dialog")
        self.setWindowTitle("กู้คืนจากสำเนาสำรอง")
        screen.fit(self, 860, 480)
        self.backups = backups
        self.versions: list[DraftVersion] = []
        intro = QLabel(
            "โปรแกรมสำรองฐานข้อมูลให้วันละครั้ง เลือกวันที่ แล้วเลือกฉบับร่างที่จะกู้คืน"
            " ร่างที่กู้คืนจะเพิ่มเป็นฉบับร่าง ไม่ทับฉบับที่มีอยู่ และร่างที่มีอยู่แล้วรุ่นเดียวกันจะข้ามไป"
        )
        intro.setWordWrap(True)
        self.days = QListWidget()
        self.days.setObjectName("backup_days")
        for path in backups:
            self.days.addItem(backup_label(path))
        self.drafts = QListWidget()
        self.drafts.setObjectName("backup_drafts")
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        lists = QHBoxLayout()
        lists.addWidget(self.days, 1)
        lists.addWidget(self.drafts, 3)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton("กู้คืนที่เลือก", QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restore_chosen")
        all_button = QPushButton("เลือกทั้งหมด")
        all_button.clicked.connect(lambda: self._tick_all(True))
        buttons.addButton(all_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton("ยกเลิก", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(lists, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.days.currentRowChanged.connect(self._show_day)
        self.drafts.itemChanged.connect(lambda _item: self._update_button())
        if backups:
            self.days.setCurrentRow(0)
        self._update_button()

    def _show_day(self, row: int) -> None:
        self.drafts.clear()
        self.versions = []
        if not 0 <= row < len(self.backups):
            return
        try:
            self.versions = drafts_in(self.backups[row])
        except StorageError as error:
            self.status.setText(str(error))
            return
        self.status.setText(f"ฉบับร่างในสำเนานี้ {len(self.versions):,} ฉบับ")
        for version in self.versions:
            item = QListWidgetItem(_draft_label(version))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.drafts.addItem(item)
        self._update_button()

    def _tick_all(self, ticked: bool) -> None:
        state = Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        for index in range(self.drafts.count()):
            self.drafts.item(index).setCheckState(state)

    def _ticked(self) -> list[int]:
        return [
            version.id
            for index, version in enumerate(self.versions)
            if self.drafts.item(index).checkState() == Qt.CheckState.Checked
        ]

    def _update_button(self) -> None:
        self.restore_button.setEnabled(bool(self._ticked()))

    def chosen(self) -> tuple[Path, list[int]] | None:
        row = self.days.currentRow()
        if not 0 <= row < len(self.backups) or not self._ticked():
            return None
        return self.backups[row], self._ticked()

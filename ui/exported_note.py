"""After an export: the file's name in the status bar with links to open the PDF or the
folder it went to (the clerk's next step is nearly always one of the two)."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QStatusBar

SHOWN_MS = 60000


def open_in_system(path: Path) -> bool:
    """Open `path` (a file or a folder) as the desktop does; tests replace this."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class ExportedNote(QLabel):
    """`ส่งออก PDF เป็น “รายงาน.pdf” แล้ว — เปิดไฟล์ · เปิดโฟลเดอร์`, for a minute after each
    export (of any format: `kind` names it)."""

    def __init__(self, status_bar: QStatusBar) -> None:
        super().__init__()
        self.setObjectName("exported_note")
        self.setTextFormat(Qt.TextFormat.RichText)  # the file name is escaped below
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.linkActivated.connect(self._open)
        self.target: Path | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        status_bar.addWidget(self, 1)
        self.hide()

    def show_file(self, target: Path, kind: str = "PDF") -> None:
        self.target = target
        name = html.escape(target.name)
        self.setText(
            f"ส่งออก {html.escape(kind)} เป็น “{name}” แล้ว — <a href='file'>เปิดไฟล์</a>"
            " · <a href='folder'>เปิดโฟลเดอร์</a>"
        )
        self.setToolTip(html.escape(str(target)))
        self.show()
        self._timer.start(SHOWN_MS)

    def open_file(self) -> None:
        if self.target is not None:
            open_in_system(self.target)

    def open_folder(self) -> None:
        if self.target is not None:
            open_in_system(self.target.parent)

    def _open(self, which: str) -> None:
        self.open_file() if which == "file" else self.open_folder()

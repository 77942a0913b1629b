"""ช่วยเหลือ: the short Thai guide (F1) and เกี่ยวกับโปรแกรม (version, where the drafts and
backups are kept, the licences of what the program is built on)."""

from __future__ import annotations

import html
import sys
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QUrl, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from resources import app_version, folder
from storage.backups import backup_folder
from ui import screen

# What the program ships, with the licence each is used under (the About box lists them).
LICENCES = (
    ("ฟอนต์ Sarabun", "SIL Open Font License 1.1 (แนบมากับโปรแกรม)"),
    (f"Qt {qVersion()} และ PySide6 {pyside_version}", "GNU LGPL 3"),
    ("Python", "Python Software Foundation License"),
    ("ReportLab", "BSD"),
    ("HarfBuzz (uharfbuzz)", "MIT / Apache 2.0"),
    ("sqlite-utils", "Apache 2.0"),
    ("Babel", "BSD"),
    ("PyThaiNLP", "Apache 2.0"),
    ("platformdirs", "MIT"),
)


def guide_html() -> str:
    return (folder("help") / "guide.html").read_text(encoding="utf-8")


def about_html(db_path: Path) -> str:
    version = app_version()
    rows = "".join(
        f"<tr><td>{html.escape(name)}</td><td>{html.escape(licence)}</td></tr>"
        for name, licence in LICENCES
    )
    data, backups = db_path.resolve().parent, backup_folder(db_path)
    return (
        f"<h2>แบบรายงานโครงการ</h2><p>รุ่น {html.escape(version)}"
        f" · Python {sys.version_info.major}.{sys.version_info.minor}</p>"
        "<p>โปรแกรมกรอกแบบแสดงรายงานความก้าวหน้าและข้อมูลเกี่ยวกับโครงการ"
        " ของกรุงเทพมหานคร ใช้ได้โดยไม่ต้องต่ออินเทอร์เน็ต</p>"
        f'<p><b>ฉบับร่างเก็บที่</b><br><a href="{QUrl.fromLocalFile(str(data)).toString()}">'
        f"{html.escape(str(db_path))}</a></p>"
        f'<p><b>สำเนาสำรองประจำวัน</b><br><a href="{QUrl.fromLocalFile(str(backups)).toString()}">'
        f"{html.escape(str(backups))}</a></p>"
        f"<p><b>สร้างด้วย</b></p><table cellpadding='2'>{rows}</table>"
    )


class HelpDialog(QDialog):
    """Rich text of the app's own (never user data) in a scrolling box with one close button;
    links to folders open in the file manager."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(QDesktopServices.openUrl)
        self.browser.setHtml(text)
        buttons = QDialogButtonBox()
        buttons.addButton("ปิด", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        screen.fit(self, 760, 640)

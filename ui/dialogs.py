"""Every dialog the window shows goes through this module, so tests can replace it.

`ask`, `inform` and `show_help` are the only ways the app talks to the user in a modal box, and
`save_file`, `open_file`, `open_files`, `choose_folder`, `open_or_create_file`,
`choose_printer`, `paste_printout` and `confirm_import` the only
ways it asks for a file, a printer, pasted text or the go-ahead after an import;
tests monkeypatch them (`monkeypatch.setattr(dialogs, "ask", ...)`), so callers must use
`dialogs.ask(...)`, never `from ui.dialogs import ask`. Known failures get their own Thai
message through `inform`; only bugs reach `show_crash`, through the `sys.excepthook` that
`install_excepthook` sets.
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import screen

if TYPE_CHECKING:
    from forms.printout import ImportResult

APP_TITLE = "แบบรายงานโครงการ"


def ask(
    parent: QWidget | None, title: str, text: str, yes: str = "ตกลง", no: str = "ยกเลิก"
) -> bool:
    """A yes/no question with Thai buttons; True when the user chose `yes`."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # the text names user data (ui.plain)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no_button)
    box.exec()
    return box.clickedButton() is yes_button


def inform(parent: QWidget | None, title: str, text: str, error: bool = False) -> None:
    """A message with one Thai OK button (a warning icon when `error`)."""
    icon = QMessageBox.Icon.Warning if error else QMessageBox.Icon.Information
    box = QMessageBox(icon, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.addButton("ตกลง", QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def save_file(parent: QWidget | None, title: str, proposed: Path, filter_: str) -> Path | None:
    """Where to save a file (`proposed` is the folder and name offered); None if cancelled."""
    name, _ = QFileDialog.getSaveFileName(parent, title, str(proposed), filter_)
    return Path(name) if name else None


def open_file(parent: QWidget | None, title: str, folder: Path, filter_: str) -> Path | None:
    """Which file to open; None if cancelled."""
    name, _ = QFileDialog.getOpenFileName(parent, title, str(folder), filter_)
    return Path(name) if name else None


def open_files(parent: QWidget | None, title: str, folder: Path, filter_: str) -> list[Path]:
    """Which files to open (several may be chosen); [] if cancelled."""
    names, _ = QFileDialog.getOpenFileNames(parent, title, str(folder), filter_)
    return [Path(name) for name in names]


def choose_folder(parent: QWidget | None, title: str, folder: Path) -> Path | None:
    """Which folder; None if cancelled."""
    name = QFileDialog.getExistingDirectory(parent, title, str(folder))
    return Path(name) if name else None


def open_or_create_file(
    parent: QWidget | None, title: str, proposed: Path, filter_: str, suffix: str
) -> Path | None:
    """A file to open, or the name of a new one to create (a district's collection); no
    question about replacing a file chosen that exists. None if cancelled."""
    dialog = QFileDialog(parent, title, str(proposed.parent), filter_)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, True)
    dialog.setDefaultSuffix(suffix.lstrip("."))
    dialog.setLabelText(QFileDialog.DialogLabel.Accept, "เปิด")
    dialog.selectFile(proposed.name)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])


def choose_printer(parent: QWidget | None, printer: QPrinter, pages: int) -> bool:
    """The print dialog for a document of `pages` pages; False if cancelled."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("พิมพ์แบบรายงาน")
    dialog.setMinMax(1, pages)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    return dialog.exec() == QDialog.DialogCode.Accepted


def paste_printout(parent: QWidget | None) -> str | None:
    """Text pasted from a printout; None if cancelled."""
    from ui.import_dialogs import PasteDialog  # the printout reader loads only when used

    dialog = PasteDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.text.toPlainText()


def choose_backup_drafts(
    parent: QWidget | None, backups: list[Path]
) -> tuple[Path, list[int]] | None:
    """A daily backup and the ids (in it) of the drafts to restore; None if cancelled."""
    from ui.backup_dialogs import RestoreDialog

    dialog = RestoreDialog(backups, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.chosen()


def confirm_import(parent: QWidget | None, source: str, result: ImportResult) -> bool:
    """The summary of an import; True when the clerk chose to create the draft."""
    from ui.import_dialogs import ImportSummaryDialog

    return ImportSummaryDialog(source, result, parent).exec() == QDialog.DialogCode.Accepted


class CrashDialog(QDialog):
    """A program error: the traceback in a copyable box, for the clerk to send to support."""

    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{APP_TITLE} — โปรแกรมขัดข้อง")
        screen.fit(self, 720, 480)
        layout = QVBoxLayout(self)
        intro = QLabel(
            "เกิดข้อผิดพลาดในโปรแกรม ข้อมูลที่พิมพ์ไว้ยังอยู่และจะถูกบันทึกตามปกติ\n"
            "กรุณากด “คัดลอก” แล้วส่งข้อความด้านล่างให้ผู้ดูแลโปรแกรม"
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox()
        copy = QPushButton("คัดลอก")
        copy.clicked.connect(self.copy_details)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton("ปิด", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())


def show_help(parent: QWidget | None, title: str, html: str) -> None:
    """The guide or the About box (the app's own rich text, never user data)."""
    from ui.help_dialogs import HelpDialog

    HelpDialog(title, html, parent).exec()


def show_crash(details: str) -> None:
    CrashDialog(details).exec()


def _excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    details = "".join(traceback.format_exception(kind, value, tb))
    if sys.__stderr__ is not None:
        sys.__stderr__.write(details)
    show_crash(details)


def install_excepthook() -> None:
    """Show unexpected exceptions (bugs) in a dialog instead of losing them on a console."""
    sys.excepthook = _excepthook

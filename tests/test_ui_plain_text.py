"""User data is shown as text, never rendered as HTML: message boxes, the import summary,
tooltips (a project named `<b>…</b>` or `<img src=…>` shows its characters)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from forms.printout import ImportResult
from forms.report import Report
from ui import dialogs, plain
from ui.import_dialogs import ImportSummaryDialog

HOSTILE = '<img src="file:///etc/passwd"><b>โครงการ</b> & co'


def _close_box_reading(seen: list[tuple[Qt.TextFormat, str]]) -> None:
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    seen.append((box.textFormat(), box.text()))
    box.reject() if box.escapeButton() is None else box.escapeButton().click()


@pytest.mark.real_dialogs
def test_message_boxes_show_user_data_as_plain_text(qapp):
    seen: list[tuple[Qt.TextFormat, str]] = []
    QTimer.singleShot(0, lambda: _close_box_reading(seen))
    dialogs.inform(None, "ทดสอบ", f"ไฟล์ {HOSTILE}")
    QTimer.singleShot(0, lambda: _close_box_reading(seen))
    dialogs.ask(None, "ทดสอบ", f"ลบ {HOSTILE}?")
    assert seen == [
        (Qt.TextFormat.PlainText, f"ไฟล์ {HOSTILE}"),
        (Qt.TextFormat.PlainText, f"ลบ {HOSTILE}?"),
    ]


def test_the_import_summary_names_the_file_as_plain_text(qtbot):
    result = ImportResult(Report(project_name=HOSTILE), recognised=[("project_name", HOSTILE)])
    dialog = ImportSummaryDialog(f" “{HOSTILE}.txt” ", result)
    qtbot.addWidget(dialog)
    labels = [w for w in dialog.findChildren(QLabel) if HOSTILE in w.text()]
    assert labels and all(w.textFormat() == Qt.TextFormat.PlainText for w in labels)
    cell = dialog.fields.item(0, 1)
    assert cell.text() == HOSTILE and "&lt;img" in cell.toolTip()


def test_a_tooltip_with_markup_characters_is_escaped_and_others_stay(qapp):
    assert plain.tooltip("งบประมาณ 180,000 บาท\nบรรทัดสอง") == "งบประมาณ 180,000 บาท\nบรรทัดสอง"
    shown = plain.tooltip("ชื่อ <b>x</b> & y\nสอง")
    assert "<b>" not in shown and "&lt;b&gt;x&lt;/b&gt; &amp; y<br>สอง" in shown
    label = QLabel(shown)  # rendered as Qt renders a tooltip: the text itself shows
    assert label.textFormat() == Qt.TextFormat.AutoText
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(shown)
    assert document.toPlainText() == "ชื่อ <b>x</b> & y\nสอง"

"""The dialogs of importing: the text box for a pasted printout, and the summary of what
an import recognised, shown before any draft is created.

The summary lists every recognised field by the name the clerk sees in the window (with the
value as read), every warning (copies that disagree, values that could not be read) and
every line of the source that was not used, so nothing is dropped silently. `ui.dialogs`
opens them (`paste_printout`, `confirm_import`), where tests replace them.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from forms.checks import Severity
from forms.printed import PAGE_HEADER
from forms.printout.result import is_structure, recognised_label
from forms.printout.warned import warned_paths
from ui import plain, screen
from ui.marks import severity_icon

if TYPE_CHECKING:
    from forms.printout import ImportResult

VALUE_LIMIT = 200  # characters of a value shown in a cell; the tooltip has all of it


field_label = recognised_label  # the name tests and callers use in the window


def summary_lines(source: str, result: ImportResult) -> tuple[str, str]:
    """The heading: what was read, then what to look at."""
    fields = sum(1 for path, _ in result.recognised if not is_structure(path))
    first = f"อ่าน{source}ได้ {fields} ช่อง"
    if result.copies_found > 1:
        first += f" — พบแบบรายงาน {result.copies_found} ฉบับ นำเข้าฉบับแรกที่ครบ ฉบับอื่นใช้เทียบ"
    second = (
        f"คำเตือน {len(result.warnings)} รายการ · "
        f"บรรทัดที่ไม่ได้ใช้ {len(result.unused_lines)} บรรทัด — ตรวจก่อน แล้วกด “สร้างฉบับร่าง”;"
        " ค่าที่มีคำเตือนควรตรวจในฉบับร่างอีกครั้งก่อนส่ง"
    )
    return first, second


class ImportSummaryDialog(QDialog):
    """What an import read; Accept creates the draft, Cancel creates nothing."""

    def __init__(self, source: str, result: ImportResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_summary")
        self.setWindowTitle("สรุปการนำเข้าแบบรายงาน")
        screen.fit(self, 980, 680)
        first, second = summary_lines(source, result)
        heading = QLabel(first)
        heading.setTextFormat(Qt.TextFormat.PlainText)  # it names the file (ui.plain)
        heading.setObjectName("import_heading")
        heading.setWordWrap(True)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        hint = QLabel(second)
        hint.setTextFormat(Qt.TextFormat.PlainText)
        hint.setObjectName("import_hint")
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #566573;")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("import_tabs")
        self.fields = self._fields_table(result)
        self.warnings = _text_box(
            "\n\n".join(f"{n}. {w}" for n, w in enumerate(result.warnings, start=1)) or "ไม่มีคำเตือน"
        )
        self.warnings.setObjectName("import_warnings")
        self.unused = _text_box(
            "\n".join(f"บรรทัด {no}: {text}" for no, text in result.unused_lines) or "ใช้ทุกบรรทัดแล้ว"
        )
        self.unused.setObjectName("import_unused")
        fields = sum(1 for path, _ in result.recognised if not is_structure(path))
        self.tabs.addTab(self._fields_page(result), f"ข้อมูลที่อ่านได้ ({fields})")
        self.tabs.addTab(self.warnings, f"คำเตือน ({len(result.warnings)})")
        if result.warnings:
            self.tabs.setTabIcon(1, severity_icon(Severity.WARNING))
        self.tabs.addTab(self.unused, f"บรรทัดที่ไม่ได้ใช้ ({len(result.unused_lines)})")
        buttons = QDialogButtonBox()
        self.accept_button = buttons.addButton("สร้างฉบับร่าง", QDialogButtonBox.ButtonRole.AcceptRole)
        self.accept_button.setObjectName("import_accept")
        buttons.addButton("ยกเลิก", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.accept_button.setDefault(True)

    def _fields_page(self, result: ImportResult) -> QWidget:
        """The fields read, with a switch to show only those a warning is about."""
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        warned = len(self.warned_rows)
        self.only_warned = QCheckBox(f"แสดงเฉพาะช่องที่มีคำเตือน ({warned} ช่อง มีเครื่องหมาย ⚠)")
        self.only_warned.setObjectName("import_only_warned")
        self.only_warned.setEnabled(warned > 0)
        self.only_warned.toggled.connect(self._show_only_warned)
        layout.addWidget(self.only_warned)
        layout.addWidget(self.fields, 1)
        return page

    def _show_only_warned(self, only: bool) -> None:
        for row in range(self.fields.rowCount()):
            self.fields.setRowHidden(row, only and row not in self.warned_rows)

    def _fields_table(self, result: ImportResult) -> QTableWidget:
        table = QTableWidget(len(result.recognised), 2)
        table.setObjectName("import_fields")
        table.setHorizontalHeaderLabels(["ช่อง", "ค่าที่อ่านได้"])
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        warned = warned_paths(result)
        self.warned_rows: set[int] = set()
        for row, (path, value) in enumerate(result.recognised):
            name = QTableWidgetItem(field_label(path))
            name.setToolTip(plain.tooltip(path))
            if path in warned:
                # the doubt beside the value it doubts (the warnings tab lists them all)
                self.warned_rows.add(row)
                name.setIcon(severity_icon(Severity.WARNING))
                doubts = "\n\n".join(result.warnings[i] for i in warned[path])
                # rich text, so Qt wraps a long warning; escaped, so it shows exactly
                name.setToolTip(
                    f"<qt>{html.escape(doubts, quote=False).replace(chr(10), '<br>')}</qt>"
                )
            one_line = " ".join(value.split())
            shown = one_line if len(one_line) <= VALUE_LIMIT else one_line[:VALUE_LIMIT] + "…"
            cell = QTableWidgetItem(shown)
            cell.setToolTip(plain.tooltip(value))
            if is_structure(path):
                for item in (name, cell):
                    item.setForeground(Qt.GlobalColor.darkGray)
            table.setItem(row, 0, name)
            table.setItem(row, 1, cell)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        return table


def _text_box(text: str) -> QPlainTextEdit:
    box = QPlainTextEdit(text)
    box.setReadOnly(True)
    return box


class PasteDialog(QDialog):
    """A box to paste the text copied from a printout into."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paste_printout")
        self.setWindowTitle("วางข้อความจากแบบพิมพ์")
        screen.fit(self, 820, 620)
        intro = QLabel(
            "คัดลอกข้อความทั้งหมดจากแบบรายงานที่พิมพ์จากระบบ (เช่น เปิด PDF แล้วกด Ctrl+A, Ctrl+C)"
            " แล้ววางในช่องด้านล่างด้วย Ctrl+V"
        )
        intro.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setObjectName("paste_text")
        self.text.setPlaceholderText(f"{PAGE_HEADER} …")
        buttons = QDialogButtonBox()
        self.read_button = buttons.addButton("อ่านข้อความ", QDialogButtonBox.ButtonRole.AcceptRole)
        self.read_button.setObjectName("paste_read")
        buttons.addButton("ยกเลิก", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.text.textChanged.connect(
            lambda: self.read_button.setEnabled(bool(self.text.toPlainText().strip()))
        )
        self.read_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)

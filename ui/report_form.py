"""The open draft as tabs, generated from the schema and bound to a `ReportDocument`.

One tab per `forms.schema.SECTIONS` entry, in order; on each, one editor per field of that
section (`ui.editors.make_editor`, the progress log's `ProgressTab`). Editors write with
`document.set_value` and are refreshed from `document.changed`, so rules that act on edits
(the fiscal year filling empty dates) show up in the widgets by themselves.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from forms.document import ReportDocument
from forms.schema import FIELDS_BY_KEY, ROUTINE_WORK, SECTIONS, Field, Kind, Section, fields_of
from ui.editors import make_editor
from ui.progress_tab import ProgressTab

# the printed headings of each tab (FORM.md, "The printed layout")
HEADINGS = {
    "project": "1. ชื่อโครงการและหน่วยงานที่รับผิดชอบโครงการ",
    "rationale": "1.3 หลักการและเหตุผล",
    "objectives": "1.4 วัตถุประสงค์ของโครงการ",
    "targets": "1.5 เป้าหมายของโครงการ",
    "strategy": "1.6 สนับสนุนแผนพัฒนา กทม. ระยะ 20 ปี (ยุทธศาสตร์-ประเด็นยุทธศาสตร์-กลยุทธ์ตามแผนฯ /ตัวชี้วัด)",
    "progress": "2. รายงานความก้าวหน้าของโครงการและการใช้จ่ายงบประมาณ",
    "signer": "ผู้รับรองข้อมูล",
}
# where a group of fields starts inside a tab, and its printed title
GROUPS = {
    "project_name": "1.1 รหัสโครงการและชื่อโครงการ",
    "agency_office": "1.2 หน่วยงานที่รับผิดชอบ",
    "targets_quantity": "3.1 ด้านปริมาณ",
    "targets_quality": "3.2 ด้านคุณภาพ",
}
NARROW_KINDS = (Kind.YEAR_BE, Kind.DATE, Kind.MONEY)
NARROW_KEYS = ("project_code", "coordinator_phone")
CERTIFICATION = "ขอรับรองว่า ข้อมูลที่ปรากฏในเอกสารฉบับนี้ หน่วยงานได้จัดพิมพ์จากระบบงานจริง เพื่อเป็นหลักฐานไว้ตรวจสอบ"


class ReportForm(QTabWidget):
    """Every field of one draft, in tabs; `editors` maps each field key to its widget."""

    def __init__(
        self, document: ReportDocument, parent: QWidget | None = None, start_tab: int = 0
    ) -> None:
        super().__init__(parent)
        self.setObjectName("report_form")
        self.setDocumentMode(True)
        self.document = document
        self.editors: dict[str, Any] = {}
        self.progress: ProgressTab | None = None
        # Pages are built when first shown, and the others right after the window has been
        # painted (one per turn of the event loop): the window opens sooner that way.
        self._built: set[int] = set()
        for section in SECTIONS:
            holder = QWidget()
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self.addTab(holder, section.title)
        self.setCurrentIndex(min(max(start_tab, 0), self.count() - 1))
        self.currentChanged.connect(self._build_page)
        self._build_page(self.currentIndex())
        document.changed.connect(self._on_changed)
        QTimer.singleShot(0, self, self._build_next)

    @property
    def complete(self) -> bool:
        """Every page has been built."""
        return len(self._built) == self.count()

    def build_all(self) -> None:
        for index in range(self.count()):
            self._build_page(index)

    def _build_next(self) -> None:
        missing = [i for i in range(self.count()) if i not in self._built]
        if missing:
            self._build_page(missing[0])
            QTimer.singleShot(0, self, self._build_next)

    def _build_page(self, index: int) -> None:
        if index in self._built or not 0 <= index < self.count():
            return
        self._built.add(index)
        before = set(self.editors)
        self.widget(index).layout().addWidget(self._make_page(SECTIONS[index]))
        for key in set(self.editors) - before:
            editor = self.editors[key]
            editor.show_value(self.document.value(key))
            if not FIELDS_BY_KEY[key].computed:
                editor.edited.connect(partial(self._edited, key))
        self._show_totals()

    def unbind(self) -> None:
        """Stop following the document (before this form is thrown away)."""
        self.document.changed.disconnect(self._on_changed)

    def _edited(self, key: str, value: Any) -> None:
        self.document.set_value(key, value)

    def _on_changed(self, key: str) -> None:
        editor = self.editors.get(key)
        if editor is not None:
            editor.show_value(self.document.value(key))
        if key in ("budget_spent", "budget_received"):
            self._show_totals()

    def _show_totals(self) -> None:
        if self.progress is None:
            return
        report = self.document.report
        self.progress.show_totals(report.budget_spent, report.budget_remaining)

    # building the pages
    def _make_page(self, section: Section) -> QWidget:
        if section.key == "progress":
            return self._progress_page(section)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.setSpacing(12)
        layout.addWidget(_heading(HEADINGS[section.key]))
        form: QFormLayout | None = None
        labels: list[QLabel] = []
        for field in fields_of(section.key):
            if field.key in GROUPS or form is None:
                box = QGroupBox(GROUPS.get(field.key, ""))
                layout.addWidget(box)
                form = _form_layout(box)
            editor = self._editor(field)
            if field.kind == Kind.TEXT_LIST:
                form.addRow(editor)
            else:
                labels.append(_label(field))
                form.addRow(labels[-1], _narrow(editor, field))
        width = max((label.sizeHint().width() for label in labels), default=0)
        for label in labels:  # one label column across the tab's groups
            label.setMinimumWidth(width)
        if section.key == "strategy":
            layout.addWidget(self._routine_button(), 0, Qt.AlignmentFlag.AlignLeft)
        if section.key == "signer":
            note = QLabel(f"ข้อความรับรองที่พิมพ์เหนือลายมือชื่อ: “{CERTIFICATION}”")
            note.setWordWrap(True)
            note.setStyleSheet("color: #566573;")
            layout.addWidget(note)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        return scroll

    def _progress_page(self, section: Section) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(_heading(HEADINGS[section.key]))
        self.progress = ProgressTab()
        self.editors["progress_reports"] = self.progress
        layout.addWidget(self.progress, 1)
        return page

    def _editor(self, field: Field) -> QWidget:
        editor = make_editor(field)
        self.editors[field.key] = editor
        return editor

    def _routine_button(self) -> QPushButton:
        button = QPushButton("กรอกช่องที่ว่างด้วย “การปฏิบัติงานประจำของหน่วยงาน”")
        button.setObjectName("fill_routine")
        button.setToolTip("สำหรับโครงการที่เป็นงานประจำ ไม่อยู่ในประเด็นยุทธศาสตร์ของแผน")
        button.clicked.connect(self.fill_routine_work)
        return button

    def fill_routine_work(self) -> None:
        for key in ("strategic_issue", "strategic_sub_issue", "strategic_goal"):
            if not self.document.value(key):
                self.document.set_value(key, ROUTINE_WORK)


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("heading")
    label.setWordWrap(True)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.15)
    label.setFont(font)
    return label


def _label(field: Field) -> QLabel:
    text = field.title + (" *" if field.required else "")
    label = QLabel(text)
    if field.label != field.title:
        label.setToolTip(f"ในแบบพิมพ์: {field.label}")
    if field.computed:
        label.setToolTip("คำนวณจากผลรวมงบประมาณที่เบิกใช้ในรายงานความก้าวหน้า")
    return label


def _form_layout(box: QGroupBox) -> QFormLayout:
    form = QFormLayout(box)
    form.setContentsMargins(12, 12, 12, 12)
    form.setHorizontalSpacing(16)
    form.setVerticalSpacing(10)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    return form


def _narrow(editor: QWidget, field: Field) -> QWidget:
    """Short values (years, dates, money, codes) get a short box, left-aligned."""
    if field.kind not in NARROW_KINDS and field.key not in NARROW_KEYS:
        return editor
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    editor.setMinimumWidth(editor.fontMetrics().horizontalAdvance("0" * 22))
    row.addWidget(editor)
    row.addStretch(1)
    return holder

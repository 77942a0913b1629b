"""How the editor's pages are laid out, and the printed titles they show.

The printed heading of each tab (`HEADINGS`, also shown by the district's read-only report
view), where a group of fields starts and its printed title (`GROUPS`), the certification
printed above the signature, and the pieces of a page: the heading label, a field's label,
a group's form layout and the short box of a short value. `ui.report_form` builds the
pages from them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QWidget

from forms.schema import Field, Kind

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


def heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("heading")
    label.setWordWrap(True)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.15)
    label.setFont(font)
    return label


def field_label(field: Field) -> QLabel:
    text = field.title + (" *" if field.required else "")
    label = QLabel(text)
    if field.label != field.title:
        label.setToolTip(f"ในแบบพิมพ์: {field.label}")
    if field.computed:
        label.setToolTip("คำนวณจากผลรวมงบประมาณที่เบิกใช้ในรายงานความก้าวหน้า")
    return label


def form_layout(box: QGroupBox) -> QFormLayout:
    form = QFormLayout(box)
    form.setContentsMargins(12, 12, 12, 12)
    form.setHorizontalSpacing(16)
    form.setVerticalSpacing(10)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    return form


def narrow(editor: QWidget, field: Field) -> QWidget:
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

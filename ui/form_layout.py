"""How the editor's pages are laid out: the heading label, a field's label, a group's
form layout and the short box of a short value. `ui.report_form` builds the pages from
them, with the printed titles of `forms.printed` (`TAB_HEADINGS`, `GROUP_HEADINGS`, the
certification printed above the signature).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QWidget

from forms.kinds import TYPES
from forms.schema import Field

NARROW_KEYS = ("project_code", "coordinator_phone")  # texts of a few characters


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
    if not TYPES[field.kind].short and field.key not in NARROW_KEYS:
        return editor
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    editor.setMinimumWidth(editor.fontMetrics().horizontalAdvance("0" * 22))
    row.addWidget(editor)
    row.addStretch(1)
    return holder

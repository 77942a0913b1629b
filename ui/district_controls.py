"""The controls around the "รวมรายงาน" window's table, built for `ui.district_window`: the
row of filters that choose which projects the table shows (`FilterRow`, read as a
`forms.district.filters.SummaryFilter`) and the window's push buttons (`push_button`).

What the window does with them (the model filtered, the buttons enabled) stays in
`ui.district_window`.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget

from forms.district.filters import SummaryFilter
from ui.icons import icon

DEFAULT_SILENT_DAYS = 90  # a quarter: the district reports to สยป. each quarter


class FilterRow(QWidget):
    """ "เฉพาะที่:" and a check box for each filter (and the days for "no report for more
    than"); `changed` when one is ticked or the days change, `current()` what they say."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.behind_plan = _check(
            "ไม่ตามแผน (&P)", "behind_plan", "รายงานความก้าวหน้าล่าสุดไม่เป็นไปตามแผน"
        )
        self.off_target = _check(
            "ไม่ตามเป้าหมาย (&T)", "off_target", "รายงานความก้าวหน้าล่าสุดไม่เป็นไปตามเป้าหมาย"
        )
        self.overspent = _check("ใช้งบเกิน (&B)", "overspent", "ใช้งบประมาณไปมากกว่าที่ได้รับ")
        self.silent = _check(
            "ไม่มีรายงานเกิน (&N)",
            "silent",
            "ไม่มีรายงานความก้าวหน้าภายในจำนวนวันที่กำหนด (นับถึงวันนี้) หรือยังไม่มีรายงานที่ลงวันที่เลย",
        )
        self.silent_days = QSpinBox()
        self.silent_days.setObjectName("silent_days")
        self.silent_days.setRange(1, 3650)
        self.silent_days.setValue(DEFAULT_SILENT_DAYS)
        self.silent_days.setSuffix(" วัน")
        self.silent_days.setAcceptDrops(False)
        self.silent_days.setToolTip("จำนวนวันนับจากรายงานความก้าวหน้าล่าสุดถึงวันนี้")
        self.has_errors = _check(
            "มีข้อผิดพลาด (&E)", "has_errors", "การตรวจรายงานพบข้อผิดพลาดอย่างน้อยหนึ่งข้อ"
        )

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("เฉพาะที่:"))
        for widget in (self.behind_plan, self.off_target, self.overspent, self.silent):
            layout.addWidget(widget)
        layout.addWidget(self.silent_days)
        layout.addWidget(self.has_errors)
        layout.addStretch(1)

        for box in (
            self.behind_plan,
            self.off_target,
            self.overspent,
            self.silent,
            self.has_errors,
        ):
            box.toggled.connect(self.changed)
        self.silent_days.valueChanged.connect(self.changed)

    def current(self) -> SummaryFilter:
        return SummaryFilter(
            behind_plan=self.behind_plan.isChecked(),
            off_target=self.off_target.isChecked(),
            overspent=self.overspent.isChecked(),
            silent_days=self.silent_days.value() if self.silent.isChecked() else None,
            has_errors=self.has_errors.isChecked(),
        )


def _check(text: str, name: str, tip: str) -> QCheckBox:
    box = QCheckBox(text)
    box.setObjectName(f"filter_{name}")
    box.setToolTip(tip)
    return box


def push_button(name: str, icon_name: str, text: str, tip: str) -> QPushButton:
    """A push button named `name` (its object name), with the icon `icon_name` if any."""
    made = QPushButton(icon(icon_name), text) if icon_name else QPushButton(text)
    made.setObjectName(name)
    made.setToolTip(tip)
    return made

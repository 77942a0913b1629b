"""Tab 2, the progress log: the table, its row buttons, the selected report's details, totals.

The table (`ProgressModel`) gives the overview; the form under it edits the selected report
with the same per-kind editors as the rest of the window (BE date, validated percent and
money, Thai status choices, the narrative over several lines). The running total of budget
used and the remaining budget are shown live under the buttons.

The table view itself and the sizing of its columns (`ProgressTable`, `cell_width`) moved
to `ui.progress_table`.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QItemSelectionModel, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from forms.checks import PathParts, Problem
from forms.report import ProgressReport, entry, with_entry
from forms.schema import FIELDS_BY_KEY, PROGRESS_FIELDS_BY_KEY
from forms.thaidate import format_be_date
from forms.thainum import format_money
from ui import dialogs
from ui.editors import make_editor
from ui.icons import icon
from ui.marks import mark
from ui.progress_model import COLUMN_OF, ProgressModel
from ui.progress_table import ProgressTable

REPORTS_FIELD = FIELDS_BY_KEY["progress_reports"]

DETAIL_KEYS = ("date", "progress_percent", "budget_used", "plan_status", "target_status")


class ProgressTab(QWidget):
    """The editor of the `progress_reports` field (same protocol as `ui.editors`)."""

    edited = Signal(object)  # list[ProgressReport]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progress_reports")
        self.model = ProgressModel(parent=self)
        self.model.edited.connect(self.edited)
        self.table = ProgressTable(self.model)
        self.buttons = self._make_buttons()
        self.totals = QLabel()
        self.totals.setObjectName("budget_totals")
        self.totals.setTextFormat(Qt.TextFormat.RichText)
        self.detail, self.editors = self._make_detail()
        self._table_problems: list[Problem] = []  # about the log as a whole

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(self.buttons)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(self.totals)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        # Tab from the narrative, the last box, goes back to the table of reports (not on to
        # the drafts panel): the clerk's next step is the next report
        QWidget.setTabOrder(self.editors["narrative"], self.table)

        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        self.table.follow_model()
        self.model.modelReset.connect(self._show_detail)
        self.model.dataChanged.connect(lambda *_: self._show_detail())
        self.model.rowsMoved.connect(lambda *_: self._show_detail())
        self.model.rowsRemoved.connect(lambda *_: self._show_detail())
        self.model.rowsInserted.connect(lambda *_: self._show_detail())
        self._show_detail()
        self.show_totals(Decimal(0), None)
        self.table.fit_columns()

    # the editor protocol
    def value(self) -> list[ProgressReport]:
        return self.model.value()

    def show_value(self, reports: list[ProgressReport]) -> None:
        had_rows = self.model.rowCount() > 0
        self.model.show_value(reports)
        if not had_rows and reports:
            self.select_row(0)

    def show_totals(self, spent: Decimal, remaining: Decimal | None) -> None:
        """The running total of budget used and what is left of the budget received."""
        text = f"งบประมาณที่เบิกใช้รวม <b>{format_money(spent)}</b> บาท"
        if remaining is None:
            text += " · คงเหลือ: ยังไม่ได้กรอกงบประมาณที่ได้รับ"
        elif remaining < 0:
            text += (
                f" · คงเหลือ <b style='color:#c0392b'>{format_money(remaining)}</b> บาท"
                f" <span style='color:#c0392b'>(ใช้เกินงบประมาณ {format_money(-remaining)} บาท)</span>"
            )
        else:
            text += f" · คงเหลือ <b>{format_money(remaining)}</b> บาท"
        self.totals.setText(text)

    # problems
    def show_problems(self, found: list[tuple[PathParts, Problem]]) -> None:
        """Mark the cells, and the selected report's editors, that have problems."""
        by_cell: dict[tuple[int, str], list[Problem]] = {}
        self._table_problems = []
        for parts, problem in found:
            if parts.number is None or parts.sub_key is None:
                self._table_problems.append(problem)
            else:
                by_cell.setdefault((parts.number, parts.sub_key), []).append(problem)
        self.model.set_problems(by_cell)
        mark(self.table, self._table_problems)
        self._mark_detail()

    def _mark_detail(self) -> None:
        row = self.current_row()
        no = self.model.reports[row].no if 0 <= row < self.model.rowCount() else None
        for key, editor in self.editors.items():
            mark(editor, self.model.problems.get((no, key), []) if no is not None else [])

    def go_to(self, no: int | None, key: str | None) -> QWidget:
        """Select report `no` with the cell of `key` current; the widget to type in."""
        row = next((i for i, r in enumerate(self.model.reports) if r.no == no), -1)
        if row < 0:
            return self.table
        self.select_row(row)
        if key is None:
            return self.table
        index = self.model.index(row, COLUMN_OF[key])
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return self.editors.get(key, self.table)

    # rows
    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._show_detail()

    def add_row(self) -> None:
        self._insert_at(self.model.rowCount())

    def insert_row(self) -> None:
        row = self.current_row()
        self._insert_at(row if row >= 0 else 0)

    def _insert_at(self, row: int) -> None:
        if self._full():
            return  # the buttons are disabled at the limit
        self.model.insertRows(row, 1)
        self.select_row(row)
        self.editors["date"].setFocus()

    def remove_row(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        report = self.model.reports[row]
        when = format_be_date(report.date) or "ไม่ระบุวันที่"
        if not dialogs.ask(
            self, "ลบรายงาน", f"ลบรายงานครั้งที่ {report.no} ({when}) ใช่หรือไม่?", yes="ลบ"
        ):
            return
        self.model.removeRows(row, 1)
        self.select_row(min(row, self.model.rowCount() - 1))

    def move_row(self, delta: int) -> None:
        row = self.current_row()
        if row >= 0 and self.model.move_row(row, delta):
            self.select_row(row + delta)

    # building
    def _make_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        specs = (
            ("add_report", "add", "เพิ่มรายงาน", "เพิ่มรายงานครั้งใหม่ต่อท้าย", self.add_row),
            ("insert_report", "insert", "แทรก", "แทรกรายงานก่อนครั้งที่เลือก", self.insert_row),
            ("remove_report", "remove", "ลบ", "ลบรายงานครั้งที่เลือก", self.remove_row),
            ("move_up", "up", "เลื่อนขึ้น", "เลื่อนรายงานที่เลือกขึ้น", lambda: self.move_row(-1)),
            ("move_down", "down", "เลื่อนลง", "เลื่อนรายงานที่เลือกลง", lambda: self.move_row(1)),
        )
        self.row_buttons: dict[str, QPushButton] = {}
        for name, icon_name, text, tip, slot in specs:
            button = QPushButton(icon(icon_name), text)
            button.setIconSize(QSize(16, 16))
            button.setObjectName(name)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            row.addWidget(button)
            self.row_buttons[name] = button
        self.add_tips = {name: tip for name, _icon, _text, tip, _slot in specs}
        row.addStretch(1)
        self._add_table_keys()
        return row

    def _add_table_keys(self) -> None:
        """The row buttons from the keyboard, while the table has the focus (in a text box
        the same keys edit the text): Ctrl+Enter adds, Insert inserts, Delete removes (asked
        first), Alt+Up/Down move, Enter goes to the selected report's date."""
        keys = (
            (("Ctrl+Return", "Ctrl+Enter"), self.add_row, "add_report"),
            (("Insert",), self.insert_row, "insert_report"),
            (("Delete",), self.remove_row, "remove_report"),
            (("Alt+Up",), lambda: self.move_row(-1), "move_up"),
            (("Alt+Down",), lambda: self.move_row(1), "move_down"),
            (("Return", "Enter"), self._edit_selected, None),
        )
        for shortcuts, slot, button in keys:
            action = QAction(self.table)
            action.setShortcuts([QKeySequence(k) for k in shortcuts])
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            self.table.addAction(action)
            if button is not None:
                target = self.row_buttons[button]
                target.setToolTip(f"{target.toolTip()} ({shortcuts[0]} ในตาราง)")
        self.add_tips = {name: b.toolTip() for name, b in self.row_buttons.items()}

    def _edit_selected(self) -> None:
        if self.current_row() >= 0:
            self.editors["date"].setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _make_detail(self) -> tuple[QGroupBox, dict[str, QWidget]]:
        box = QGroupBox()
        box.setObjectName("progress_detail")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        editors: dict[str, QWidget] = {}
        self.number_label = QLabel()
        self.number_label.setObjectName("no")
        form.addRow(PROGRESS_FIELDS_BY_KEY["no"].label, self.number_label)
        for key in DETAIL_KEYS:
            field = PROGRESS_FIELDS_BY_KEY[key]
            editor = make_editor(field)
            editor.edited.connect(lambda value, key=key: self._detail_edited(key, value))
            form.addRow(field.title, editor)
            editors[key] = editor
        narrative_field = PROGRESS_FIELDS_BY_KEY["narrative"]
        narrative = make_editor(narrative_field)
        narrative.setPlaceholderText("ผลการดำเนินงานในครั้งนี้ พิมพ์ได้หลายบรรทัด")
        narrative.edited.connect(lambda value: self._detail_edited("narrative", value))
        editors["narrative"] = narrative
        for editor in editors.values():
            editor.setMinimumWidth(160)
        columns = QHBoxLayout(box)
        columns.addLayout(form, 2)
        narrative_column = QVBoxLayout()
        narrative_column.addWidget(QLabel(narrative_field.title))
        narrative_column.addWidget(narrative, 1)
        columns.addLayout(narrative_column, 3)
        return box, editors

    def _detail_edited(self, key: str, value: object) -> None:
        """Write an editor's value, or the `Unreadable` text typed there, to the selected
        report as `ProgressModel.setData` writes a value (which leaves `typed` alone)."""
        row = self.current_row()
        if row < 0:
            return
        changed = with_entry(self.model.reports[row], key, value)
        if changed == self.model.reports[row]:
            return
        self.model.reports[row] = changed
        cell = self.model.index(row, COLUMN_OF[key])
        self.model.dataChanged.emit(cell, cell)
        self.edited.emit(self.model.value())

    def _full(self) -> bool:
        limit = REPORTS_FIELD.max_items
        return limit is not None and self.model.rowCount() >= limit

    def _show_detail(self) -> None:
        full = self._full()
        for name in ("add_report", "insert_report"):
            self.row_buttons[name].setEnabled(not full)
            self.row_buttons[name].setToolTip(
                f"มีรายงานครบ {REPORTS_FIELD.max_items:,} ครั้งซึ่งเป็นจำนวนที่รับได้แล้ว"
                if full
                else self.add_tips[name]
            )
        row = self.current_row()
        has_row = 0 <= row < self.model.rowCount()
        self.detail.setEnabled(has_row)
        for name in ("remove_report", "move_up", "move_down"):
            self.row_buttons[name].setEnabled(has_row)
        if has_row:
            self.row_buttons["move_up"].setEnabled(row > 0)
            self.row_buttons["move_down"].setEnabled(row < self.model.rowCount() - 1)
        if not has_row:
            self.detail.setTitle("เลือกรายงานในตารางเพื่อแก้ไขรายละเอียด")
            self.number_label.setText("")
            for editor in self.editors.values():
                editor.show_value(None if editor.objectName() != "narrative" else "")
            self._mark_detail()
            return
        report = self.model.reports[row]
        self.detail.setTitle(f"รายละเอียดรายงานครั้งที่ {report.no}")
        self.number_label.setText(str(report.no))
        for key, editor in self.editors.items():
            editor.show_value(entry(report, key))
        self._mark_detail()

"""The drafts panel: every kept draft (or the bin), a search box, New/Duplicate/Delete/Restore.

The panel lists and filters through the store (`DraftStore.search`, the same matching as
everywhere else); what the buttons do to the open draft is the main window's business, so
they are announced as signals carrying the selected draft's id.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QFont, QFontMetrics, QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from forms.thaidate import format_be_date
from storage.drafts import DraftStore, DraftSummary
from ui import plain
from ui.icons import icon

Index = QModelIndex | QPersistentModelIndex
NO_NAME = "(ยังไม่มีชื่อโครงการ)"
ID_ROLE = Qt.ItemDataRole.UserRole
DETAILS_ROLE = Qt.ItemDataRole.UserRole + 1  # "code · fiscal year"
CHANGED_ROLE = Qt.ItemDataRole.UserRole + 2  # "แก้ไข <local time>" or "ลบเมื่อ <local time>"


def local_time_text(moment: datetime | None) -> str:
    """An aware time as the clerk's local `dd/mm/yyyy HH:MM` with a BE year."""
    if moment is None:
        return ""
    local = moment.astimezone()
    return f"{format_be_date(local.date())} {local:%H:%M}"


def color_group(option: QStyleOptionViewItem) -> QPalette.ColorGroup:
    """The palette group for a row in this state, chosen as Qt's own item delegate does."""
    if not option.state & QStyle.StateFlag.State_Enabled:
        return QPalette.ColorGroup.Disabled
    if not option.state & QStyle.StateFlag.State_Active:
        return QPalette.ColorGroup.Inactive
    return QPalette.ColorGroup.Active


def row_colors(option: QStyleOptionViewItem) -> tuple[QColor, QColor]:
    """The pens for a row's two lines (the name; code · year and the last change).

    Taken from the group `option.state` asks for, not the palette's current group: the
    style fills the selection with that group's Highlight, and Windows (and Wine) give an
    inactive window a light grey Highlight on which the active HighlightedText (white)
    cannot be read.
    """
    group = color_group(option)
    palette = option.palette
    if option.state & QStyle.StateFlag.State_Selected:
        text = palette.color(group, QPalette.ColorRole.HighlightedText)
        return text, text
    return (
        palette.color(group, QPalette.ColorRole.Text),
        palette.color(group, QPalette.ColorRole.PlaceholderText),
    )


class DraftListModel(QAbstractListModel):
    """One row per draft: the name, and under it the code, fiscal year and last change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.drafts: list[DraftSummary] = []
        self.in_bin = False

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.drafts)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        draft = self.drafts[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return draft.project_name or NO_NAME
        if role == DETAILS_ROLE:
            parts = [draft.project_code or "ยังไม่มีรหัส"]
            parts.append(f"ปีงบประมาณ {draft.fiscal_year}" if draft.fiscal_year else "ยังไม่ระบุปี")
            return " · ".join(parts)
        if role == CHANGED_ROLE:
            if self.in_bin:
                return f"ลบเมื่อ {local_time_text(draft.deleted_at)}"
            return f"แก้ไข {local_time_text(draft.updated_at)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [
                draft.project_name or NO_NAME,
                draft.agency_office,
                self.data(index, CHANGED_ROLE),
            ]
            return plain.tooltip("\n".join(line for line in lines if line))
        if role == ID_ROLE:
            return draft.id
        return None

    def set_drafts(self, drafts: list[DraftSummary], in_bin: bool) -> None:
        self.beginResetModel()
        self.drafts, self.in_bin = drafts, in_bin
        self.endResetModel()

    def row_of(self, draft_id: int) -> int:
        return next((i for i, d in enumerate(self.drafts) if d.id == draft_id), -1)

    def replace(self, summary: DraftSummary) -> None:
        row = self.row_of(summary.id)
        if row >= 0:
            self.drafts[row] = summary
            self.dataChanged.emit(self.index(row), self.index(row))


class DraftDelegate(QStyledItemDelegate):
    """Paints a draft as two lines: the name in bold, then code · year and the last change."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        line = option.fontMetrics.lineSpacing()
        return QSize(200, 2 * line + 14)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else QApplication.style()
        option_text, option.text = option.text, ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        name_color, details_color = row_colors(option)
        rect = option.rect.adjusted(8, 6, -8, -6)
        line = option.fontMetrics.lineSpacing()
        painter.save()
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(name_color)
        top = rect.adjusted(0, 0, 0, -(rect.height() - line))
        name = QFontMetrics(bold).elidedText(option_text, Qt.TextElideMode.ElideRight, top.width())
        painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
        painter.setFont(option.font)
        painter.setPen(details_color)
        bottom = rect.adjusted(0, line, 0, 0)
        changed = str(index.data(CHANGED_ROLE) or "")
        changed_width = option.fontMetrics.horizontalAdvance(changed)
        painter.drawText(
            bottom, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, changed
        )
        details = option.fontMetrics.elidedText(
            str(index.data(DETAILS_ROLE) or ""),
            Qt.TextElideMode.ElideRight,
            max(bottom.width() - changed_width - 12, 0),
        )
        painter.drawText(
            bottom, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, details
        )
        painter.restore()


class DraftsPanel(QWidget):
    open_requested = Signal(int)
    new_requested = Signal()
    duplicate_requested = Signal(int)
    delete_requested = Signal(int)
    restore_requested = Signal(int)

    def __init__(self, store: DraftStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drafts_panel")
        self.store = store
        self.model = DraftListModel(self)
        self.views = QTabBar()
        self.views.setObjectName("drafts_views")
        self.views.addTab("ฉบับร่าง")
        self.views.addTab("ถังขยะ")
        self.views.setExpanding(False)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText("ค้นหา ชื่อ รหัส ปี หรือหน่วยงาน")
        self.search.setClearButtonEnabled(True)
        self.view = self._make_view()
        self.empty = QLabel()
        self.empty.setObjectName("drafts_empty")
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #7f8c8d;")
        self.buttons = self._make_buttons()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.views)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addLayout(self.buttons)

        self.search.textChanged.connect(lambda _: self.refresh())
        self.views.currentChanged.connect(lambda _: self.refresh())
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self._add_list_keys()
        self.refresh()

    @property
    def in_bin(self) -> bool:
        return self.views.currentIndex() == 1

    def show_bin(self, in_bin: bool) -> None:
        self.views.setCurrentIndex(1 if in_bin else 0)

    def refresh(self, select_id: int | None = None) -> None:
        """Read the list again (filtered by the search text) and keep or set the selection."""
        keep = select_id if select_id is not None else self.selected_id()
        text = self.search.text()
        if self.in_bin:
            drafts = self.store.list_bin(text)  # found as the list's search finds
        else:
            drafts = self.store.search(text) if text.strip() else self.store.list()
        self.view.selectionModel().blockSignals(True)
        self.model.set_drafts(drafts, self.in_bin)
        self.view.selectionModel().blockSignals(False)
        if keep is not None:
            self.select(keep, announce=False)
        self._update_state()

    def select(self, draft_id: int, announce: bool = True) -> None:
        row = self.model.row_of(draft_id)
        if row < 0:
            return
        selection = self.view.selectionModel()
        if not announce:
            selection.blockSignals(True)
        selection.setCurrentIndex(
            self.model.index(row),
            QItemSelectionModel.SelectionFlag.ClearAndSelect,
        )
        selection.blockSignals(False)
        self._update_state()

    def selected_id(self) -> int | None:
        index = self.view.currentIndex()
        return self.model.drafts[index.row()].id if index.isValid() else None

    def update_summary(self, summary: DraftSummary) -> None:
        """Show new values of one draft (the open one, after a save) without re-reading."""
        self.model.replace(summary)

    # building
    def _make_view(self) -> QTableView:
        # a one-column table rather than a QListView: a list view lays out every row after
        # each filter (thousands of calls into the Python model per keystroke), a table
        # with fixed row heights only asks for the rows it shows
        view = QTableView()
        view.setObjectName("drafts_list")
        view.setModel(self.model)
        view.setItemDelegate(DraftDelegate(view))
        view.horizontalHeader().hide()
        view.horizontalHeader().setStretchLastSection(True)
        rows = view.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(2 * view.fontMetrics().lineSpacing() + 14)
        view.setShowGrid(False)
        view.setWordWrap(False)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return view

    def _make_buttons(self) -> QGridLayout:
        grid = QGridLayout()
        self.new_button = _button("new", "ใหม่", "เริ่มกรอกแบบรายงานฉบับใหม่")
        self.delete_button = _button("trash", "ลบ", "ย้ายฉบับร่างที่เลือกไปถังขยะ (กู้คืนได้)")
        self.duplicate_button = _button(
            "copy", "คัดลอกเป็นปีงบประมาณถัดไป", "สร้างฉบับใหม่สำหรับปีงบประมาณถัดไปจากฉบับที่เลือก"
        )
        self.restore_button = _button("restore", "กู้คืน", "นำฉบับร่างที่เลือกกลับจากถังขยะ")
        for name, button in (
            ("new_draft", self.new_button),
            ("delete_draft", self.delete_button),
            ("duplicate_draft", self.duplicate_button),
            ("restore_draft", self.restore_button),
        ):
            button.setObjectName(name)
        grid.addWidget(self.new_button, 0, 0)
        grid.addWidget(self.delete_button, 0, 1)
        grid.addWidget(self.duplicate_button, 1, 0, 1, 2)
        grid.addWidget(self.restore_button, 2, 0, 1, 2)
        self.new_button.clicked.connect(self.new_requested)
        self.delete_button.clicked.connect(lambda: self._request(self.delete_requested))
        self.duplicate_button.clicked.connect(lambda: self._request(self.duplicate_requested))
        self.restore_button.clicked.connect(lambda: self._request(self.restore_requested))
        return grid

    def _add_list_keys(self) -> None:
        """Delete on the list moves the selected draft to the bin (asked first); only there,
        so Delete in a field or the progress table never reaches a draft."""
        delete = QAction("ย้ายไปถังขยะ", self.view)
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(
            lambda: None if self.in_bin else self._request(self.delete_requested)
        )
        self.view.addAction(delete)

    def _request(self, signal: Signal) -> None:
        draft_id = self.selected_id()
        if draft_id is not None:
            signal.emit(draft_id)

    def _current_changed(self) -> None:
        self._update_state()
        draft_id = self.selected_id()
        if draft_id is not None and not self.in_bin:
            self.open_requested.emit(draft_id)

    def _update_state(self) -> None:
        has = self.selected_id() is not None
        in_bin = self.in_bin
        for button in (self.new_button, self.delete_button, self.duplicate_button):
            button.setVisible(not in_bin)
        self.restore_button.setVisible(in_bin)
        self.delete_button.setEnabled(has)
        self.duplicate_button.setEnabled(has)
        self.restore_button.setEnabled(has)
        if self.model.rowCount():
            self.empty.hide()
            return
        if self.search.text().strip():
            self.empty.setText(f"ไม่พบฉบับร่างที่ตรงกับ “{self.search.text().strip()}”")
        elif in_bin:
            self.empty.setText("ถังขยะว่าง")
        else:
            self.empty.setText("ยังไม่มีฉบับร่าง — กด “ใหม่” เพื่อเริ่มกรอกแบบรายงาน")
        self.empty.show()


def _button(icon_name: str, text: str, tip: str) -> QPushButton:
    button = QPushButton(icon(icon_name), text)
    button.setIconSize(QSize(16, 16))
    button.setToolTip(tip)
    return button

"""The drafts panel: every kept draft (or the bin), a search box, New/Duplicate/Delete/Restore.

The panel lists and filters through the store (`DraftStore.search`, the same matching as
everywhere else); what the buttons do to the open draft is the main window's business, so
they are announced as signals carrying the selected draft's id. The list's rows (the model,
their painting and `local_time_text`) moved to `ui.draft_list`.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from storage.drafts import DraftStore
from storage.summaries import DraftSummary
from ui.draft_list import DraftDelegate, DraftListModel
from ui.icons import icon


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

"""The district's summary table as a view: its columns' widths, which columns show, and
Enter or a double-click to open a row. The rows themselves are `ui.district_model`.

Widths are worked out rather than measured from the rows (5,000 rows would all be laid
out): each number, date and status column fits the widest value it can hold and its
title, and the agency, name and source columns share what is left of the window, so a
1366-pixel screen at 100 % shows every column without scrolling sideways; on a narrower
window (the same screen at 125 or 150 %) the least needed columns fold away (`FOLD_ORDER`)
until the rest fit, and come back when the window widens. Once the clerk drags a
column's edge, the widths are theirs; once they choose columns from the header's menu,
so are the columns. No room is kept for a sort arrow on every
column: the arrow shows, with its room, on the column the clerk sorts by.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QMenu,
    QStyle,
    QTableView,
    QWidget,
)

from forms.thainum import format_money
from ui.district_columns import COLUMN
from ui.district_model import DistrictModel
from ui.progress_table import cell_width

# what a fixed-width column must hold on one line
WIDEST = {
    "code": "50280000-06851",
    "year": "2568",
    "received": "999,999.99",
    "spent": "999,999.99",
    "percent_spent": "100.00 เกินงบ",
    "latest_no": "99",
    "latest_date": "30/09/2568",
    "progress": "100.00",
    "plan": "ไม่ตามแผน",
    "target": "ไม่ตามเป้าหมาย",
    "errors": "99",
    "warnings": "99",
}
ICON_COLUMNS = ("plan", "target", "errors")  # an icon before the text when something is wrong
TEXT_SHARES = {"agency": 0.38, "name": 0.42, "source": 0.2}
TEXT_MINIMUM = {"agency": 120, "name": 180, "source": 80}
# hidden in this order, while the columns do not fit the window (1366 pixels at 150 %
# leave 910): the rest say which projects are behind or overspend; the clerk can show
# them again from the header's menu, and a hidden one comes back when there is room
FOLD_ORDER = ("source", "warnings", "latest_no", "spent", "received", "code")


class SummaryView(QTableView):
    """The table; Enter on a row opens it, as a double-click does (`open_requested`)."""

    open_requested = Signal(int)  # row

    def __init__(self, model: DistrictModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("district_table")
        self.setModel(model)
        self.district = model
        self._fitting = False
        self.user_sized = False
        self.hidden_by_clerk: list[int] | None = None  # None: the clerk chose none
        self.folded: list[str] = []  # FOLD_ORDER's columns hidden for want of room
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # 5,000 rows never measured
        rows.setDefaultSectionSize(self.fontMetrics().lineSpacing() + 10)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the collection's order
        self.setSortingEnabled(True)
        header.setSortIndicatorShown(False)
        header.setStretchLastSection(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.setToolTip("คลิกขวาที่หัวตารางเพื่อเลือกคอลัมน์ที่แสดง")
        header.sortIndicatorChanged.connect(self._sorted)
        header.sectionResized.connect(self._section_resized)
        header.customContextMenuRequested.connect(self._header_menu)
        self.doubleClicked.connect(self._double_clicked)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(index.row())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()  # before the first paint: it shows the widths it keeps

    # which columns
    def show_columns(self) -> None:
        """Every column, but the fiscal year's when the whole collection is of one year
        (the window says which beside the count); the clerk may hide others from the
        header's menu (a right click)."""
        years = {item.row.fiscal_year for item in self.district.items}
        self.setColumnHidden(COLUMN["year"], len(years) <= 1 and self.hidden_by_clerk is None)
        for column in self.hidden_by_clerk or ():
            self.setColumnHidden(column, True)

    def _header_menu(self, position: QPoint) -> None:
        header = self.horizontalHeader()
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addSection("แสดงคอลัมน์")
        for column in range(self.district.columnCount()):
            title = str(self.district.headerData(column, Qt.Orientation.Horizontal))
            action = menu.addAction(title.replace("\n", " "))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(partial(self.set_column_shown, column))
        menu.popup(header.mapToGlobal(position))

    def set_column_shown(self, column: int, shown: bool) -> None:
        self.folded = []  # from now on the clerk's choice, whatever the room
        self.setColumnHidden(column, not shown)
        header = self.horizontalHeader()
        count = self.district.columnCount()
        self.hidden_by_clerk = [c for c in range(count) if header.isSectionHidden(c)]
        self.fit_columns()

    # widths
    def fit_columns(self) -> None:
        if self.user_sized:
            return
        header = self.horizontalHeader()
        self._fitting = True
        try:
            widths = self._fixed_widths()
            self._fold(widths)
            used = 0
            for key, width in widths.items():
                column = COLUMN[key]
                if not header.isSectionHidden(column):
                    header.resizeSection(column, width)
                    used += width
            room = max(self.viewport().width() - used, 0)
            for key, share in TEXT_SHARES.items():
                column = COLUMN[key]
                width = max(int(room * share), TEXT_MINIMUM[key], self._title_width(column))
                header.resizeSection(column, width)
        finally:
            self._fitting = False

    def _fixed_widths(self) -> dict[str, int]:
        """Each number, date and status column's width: its widest value or its title."""
        return {
            key: max(
                cell_width(self, text, icon=key in ICON_COLUMNS), self._title_width(COLUMN[key])
            )
            for key, text in self._widest().items()
        }

    def _fold(self, widths: dict[str, int]) -> None:
        """Hide FOLD_ORDER's columns, in turn, while the shown ones need more room than
        the table has; show them again when it has it. Not once the clerk has chosen."""
        if self.hidden_by_clerk is not None:
            return
        header = self.horizontalHeader()
        for key in self.folded:
            self.setColumnHidden(COLUMN[key], False)
        self.folded = []
        need = sum(w for k, w in widths.items() if not header.isSectionHidden(COLUMN[k]))
        need += sum(
            max(TEXT_MINIMUM[key], self._title_width(COLUMN[key]))
            for key in TEXT_SHARES
            if not header.isSectionHidden(COLUMN[key])
        )
        room = self.viewport().width()
        for key in FOLD_ORDER:
            if need <= room:
                break
            column = COLUMN[key]
            if header.isSectionHidden(column):
                continue
            self.setColumnHidden(column, True)
            self.folded.append(key)
            need -= widths.get(key) or max(TEXT_MINIMUM[key], self._title_width(column))

    def _widest(self) -> dict[str, str]:
        """WIDEST, with the sums of money as wide as the largest in the collection."""
        rows = [item.row for item in self.district.items]
        received = max((r.budget_received for r in rows if r.budget_received), default=None)
        spent = max((r.budget_spent for r in rows), default=None)
        widest = dict(WIDEST)
        for key, value in (("received", received), ("spent", spent)):
            if value is not None and len(format_money(value)) > len(widest[key]):
                widest[key] = format_money(value)
        return widest

    def _title_width(self, column: int) -> int:
        """The width a column's title needs (its longest line), and the sort arrow's on the
        column the table is sorted by."""
        header = self.horizontalHeader()
        title = str(self.district.headerData(column, Qt.Orientation.Horizontal) or "")
        style = header.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        metrics = header.fontMetrics()
        width = max(metrics.horizontalAdvance(line) for line in title.split("\n")) + 2 * margin + 4
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == column:
            width += margin + style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
        return width

    def _sorted(self) -> None:
        self.horizontalHeader().setSortIndicatorShown(True)
        self.fit_columns()

    def _section_resized(self, *_args: object) -> None:
        # a column resized while a mouse button is held is being dragged by the clerk
        if not self._fitting and QApplication.mouseButtons() != Qt.MouseButton.NoButton:
            self.user_sized = True

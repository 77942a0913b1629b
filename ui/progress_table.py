"""The progress log's table view and the widths of its columns.

`ProgressTable` shows a `ProgressModel` one report a row and sizes its own columns, not by
Qt's ResizeToContents, which measures every row on every change (a keystroke cost 114 ms
with 300 reports): the narrative stretches, every other column is as wide as its header or
its widest text (`widest_texts`), measured when the rows are replaced, added or removed and
when the font changes. An edit only widens the column of the cell it changed, when the new
text needs more room.

`cell_width` measures one cell as Qt's item delegate does; the problems panel and the
district table size their columns with it too.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyleOptionViewItem,
    QTableView,
)

from ui.progress_model import COLUMN_OF, COLUMNS, ProgressModel, cell_text, widest_texts

STRETCHED = COLUMN_OF["narrative"]


def cell_width(
    view: QAbstractItemView, text: str, icon: bool = True, font: QFont | None = None
) -> int:
    """The width a cell of `view` needs for `text` (with a problem's icon before it, in
    `font` when the model gives one), as Qt's item delegate measures a cell
    (`QStyledItemDelegate.sizeHint`), grid line included."""
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.widget = view
    option.font = font or view.font()
    option.fontMetrics = QFontMetrics(option.font)
    option.text = text
    option.features = QStyleOptionViewItem.ViewItemFeature.HasDisplay
    style = view.style()
    if icon:
        option.features |= QStyleOptionViewItem.ViewItemFeature.HasDecoration
        extent = style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, view)
        icon_size = view.iconSize()
        option.decorationSize = icon_size if icon_size.isValid() else QSize(extent, extent)
        option.decorationPosition = QStyleOptionViewItem.Position.Left
    size = style.sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, option, QSize(), view)
    grid = isinstance(view, QTableView) and view.showGrid()
    return size.width() + (1 if grid else 0)


class ProgressTable(QTableView):
    """The log's table, one report a row, which keeps its columns as wide as their texts."""

    font_changed = Signal()

    def __init__(self, model: ProgressModel) -> None:
        super().__init__()
        self.progress = model
        self.setObjectName("progress_table")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().setVisible(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(STRETCHED, QHeaderView.ResizeMode.Stretch)

    def follow_model(self) -> None:
        """Size the columns again whenever the texts may have changed size (connected after
        the tab is built, before its own slots, so the widths are right when they run)."""
        self.font_changed.connect(self.fit_columns)
        self.progress.modelReset.connect(self.fit_columns)
        self.progress.rowsInserted.connect(lambda *_: self.fit_columns())
        self.progress.rowsRemoved.connect(lambda *_: self.fit_columns())
        self.progress.dataChanged.connect(self._data_changed)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.font_changed.emit()

    def fit_columns(self) -> None:
        """Size every column but the narrative to its header or its widest text."""
        header = self.horizontalHeader()
        for column, field in enumerate(COLUMNS):
            if column == STRETCHED:
                continue
            icon = field.key != "no"  # no check marks the number, which follows the order
            texts = widest_texts(self.progress.reports, field.key)
            widths = [cell_width(self, text, icon) for text in texts]
            width = max([header.sectionSizeHint(column), *widths])
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)

    def _data_changed(
        self, top_left: QModelIndex, bottom_right: QModelIndex, roles: Sequence[int] = ()
    ) -> None:
        if roles and Qt.ItemDataRole.DisplayRole not in roles:
            return  # the problems' tints and icons: the texts are as they were
        if top_left != bottom_right:
            self.fit_columns()  # another log of as many reports
            return
        column = top_left.column()
        if column == STRETCHED:
            return
        report = self.progress.reports[top_left.row()]
        text = cell_text(COLUMNS[column].key, getattr(report, COLUMNS[column].key))
        width = cell_width(self, text, COLUMNS[column].key != "no")
        header = self.horizontalHeader()
        if width > header.sectionSize(column):  # never narrower while typing
            header.resizeSection(column, width)

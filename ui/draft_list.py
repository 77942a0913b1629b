"""The drafts list's rows: the model (`DraftListModel`) and how a row is painted (`DraftDelegate`).

A row shows a draft's name and, under it, its code, fiscal year and last change (or, in the
bin, when it was deleted); `local_time_text` is how those times read everywhere in the
window. The panel around the list (search, tabs, buttons) is `ui.drafts_panel`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from forms.thaidate import format_be_date
from storage.summaries import DraftSummary
from ui import plain

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

"""The progress log as a Qt table model over a list of `ProgressReport`.

The model owns a copy of the log; every change a view makes (a field set, rows inserted,
removed or moved) renumbers the log (`forms.report.renumber`) and is announced whole through
`edited`, which the form writes to the document. `show_value` takes the document's log back
in without disturbing the views when nothing changed.

An edit announces only the cell it changed, and the problems only the roles they touch, so
a view repaints what changed and nothing more: the cost of a keystroke does not grow with
the number of reports. `widest_texts` gives a view the few texts that decide a column's
width without formatting every row.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from forms.checks import Problem
from forms.document import new_progress_report
from forms.kinds import TYPES
from forms.report import ProgressReport, renumber
from forms.schema import PROGRESS_FIELDS, Kind
from ui.marks import severity_icon, severity_of

COLUMNS = PROGRESS_FIELDS
COLUMN_OF = {f.key: i for i, f in enumerate(COLUMNS)}
VALUE_ROLE = Qt.ItemDataRole.UserRole  # the typed value (date, Decimal, str, None)
Index = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_TINTS = {"error": QColor("#fadbd8"), "warning": QColor("#fdebd0")}


def display_text(key: str, value: Any) -> str:
    """How a progress report's value reads in the table."""
    field = COLUMNS[COLUMN_OF[key]]
    kind = TYPES[field.kind]
    if kind.multiline:  # its first line
        first = value.strip().splitlines()[0] if value.strip() else ""
        return first if len(first) <= 80 else first[:80] + "…"
    if value is None and field.kind is Kind.DATE:
        return "ไม่ระบุวันที่"
    return kind.show(field, value, unit=field.kind is not Kind.MONEY)  # titled (บาท)


def widest_texts(reports: list[ProgressReport], key: str) -> list[str]:
    """The texts of column `key` one of which is the widest: every choice present, else the
    largest value and the text of a missing one. Digits are of equal width in the window's
    fonts (Sarabun, and Windows' UI fonts), so the largest number is the longest text."""
    values = {getattr(r, key) for r in reports}
    chosen = [v for v in values if v is not None]
    if chosen and COLUMNS[COLUMN_OF[key]].kind != Kind.CHOICE:
        chosen = [max(chosen)]
    if None in values:
        chosen.append(None)
    return [cell_text(key, v) for v in chosen]


def cell_text(key: str, value: Any) -> str:
    """The text of a cell: the report number as `ครั้งที่ N`, else `display_text`."""
    return f"ครั้งที่ {value}" if key == "no" else display_text(key, value)


_PROBLEM_ROLES = (
    Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.ToolTipRole,
)
_PROBLEM_ROLE_LIST = [int(role) for role in _PROBLEM_ROLES]


class ProgressModel(QAbstractTableModel):
    edited = Signal(object)  # list[ProgressReport], after any change made through the model

    def __init__(
        self, reports: list[ProgressReport] | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.reports: list[ProgressReport] = renumber(list(reports or []))
        # problems found by the checks, by (report no, field key); shown as tinted cells
        self.problems: dict[tuple[int, str], list[Problem]] = {}

    # read
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.reports)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        field = COLUMNS[index.column()]
        value = getattr(self.reports[index.row()], field.key)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return cell_text(field.key, value)
        if role == VALUE_ROLE:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            numeric = TYPES[field.kind].numeric
            return int(_RIGHT if numeric else _LEFT)
        if role in _PROBLEM_ROLES:
            found = self.problems.get((self.reports[index.row()].no, field.key))
            if found:
                return self._problem_data(
                    role, found, value if TYPES[field.kind].multiline else None
                )
        if role == Qt.ItemDataRole.ToolTipRole and TYPES[field.kind].multiline:
            return value or None
        return None

    @staticmethod
    def _problem_data(role: int, problems: list[Problem], text: str | None) -> Any:
        severity = severity_of(problems)
        assert severity is not None
        if role == Qt.ItemDataRole.BackgroundRole:
            return _TINTS[severity.value]
        if role == Qt.ItemDataRole.DecorationRole:
            return severity_icon(severity)
        tips = [" ".join(p.message.split()) for p in problems]
        return "\n".join([*tips, text] if text else tips)

    def set_problems(self, problems: dict[tuple[int, str], list[Problem]]) -> None:
        """Show the checks' problems on their cells (keyed by report no and field key)."""
        if problems == self.problems:
            return
        self.problems = problems
        if self.reports:
            # the texts are unchanged: a view need not measure them again
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self.reports) - 1, len(COLUMNS) - 1),
                _PROBLEM_ROLE_LIST,
            )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(COLUMNS):
                return None
            # the unit on a line of its own: the columns stay as narrow as their numbers,
            # leaving the narrative room on a small screen
            return COLUMNS[section].title.replace(" (", "\n(")
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # write (typed values through VALUE_ROLE; the cells are edited in the detail form)
    def setData(self, index: Index, value: Any, role: int = VALUE_ROLE) -> bool:
        if not index.isValid() or role != VALUE_ROLE:
            return False
        key = COLUMNS[index.column()].key
        if key == "no":
            return False  # the number follows the order
        row = self.reports[index.row()]
        if getattr(row, key) == value:
            return True
        self.reports[index.row()] = replace(row, **{key: value})
        self.dataChanged.emit(index, index)
        self._emit()
        return True

    def set_field(self, row: int, key: str, value: Any) -> bool:
        return self.setData(self.index(row, COLUMN_OF[key]), value, VALUE_ROLE)

    def insertRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or not 0 <= row <= len(self.reports) or count < 1:
            return False
        self.beginInsertRows(QModelIndex(), row, row + count - 1)
        for offset in range(count):
            before = self.reports[: row + offset]
            self.reports.insert(row + offset, new_progress_report(before))
        self.endInsertRows()
        self._renumber(row)
        self._emit()
        return True

    def removeRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or row < 0 or count < 1 or row + count > len(self.reports):
            return False
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        del self.reports[row : row + count]
        self.endRemoveRows()
        self._renumber(row)
        self._emit()
        return True

    def moveRows(
        self,
        source_parent: Index,
        source_row: int,
        count: int,
        destination_parent: Index,
        destination_child: int,
    ) -> bool:
        n = len(self.reports)
        if source_parent.isValid() or destination_parent.isValid() or count < 1:
            return False
        if source_row < 0 or source_row + count > n or not 0 <= destination_child <= n:
            return False
        if source_row <= destination_child <= source_row + count:
            return False  # Qt's rule: a move onto itself is no move
        if not self.beginMoveRows(
            QModelIndex(), source_row, source_row + count - 1, QModelIndex(), destination_child
        ):
            return False
        moving = self.reports[source_row : source_row + count]
        rest = self.reports[:source_row] + self.reports[source_row + count :]
        at = destination_child if destination_child < source_row else destination_child - count
        self.reports = rest[:at] + moving + rest[at:]
        self.endMoveRows()
        self._renumber(min(source_row, at))
        self._emit()
        return True

    def move_row(self, row: int, delta: int) -> bool:
        """Move one row up (delta -1) or down (+1)."""
        target = row + delta
        if not 0 <= row < len(self.reports) or not 0 <= target < len(self.reports):
            return False
        destination = target if delta < 0 else target + 1
        return self.moveRows(QModelIndex(), row, 1, QModelIndex(), destination)

    def show_value(self, reports: list[ProgressReport]) -> None:
        """Take the document's log (it may be another draft's) without echoing it back."""
        if reports == self.reports:
            return
        if len(reports) == len(self.reports):
            self.reports = list(reports)
            self.dataChanged.emit(self.index(0, 0), self.index(len(reports) - 1, len(COLUMNS) - 1))
            return
        self.beginResetModel()
        self.reports = list(reports)
        self.endResetModel()

    def value(self) -> list[ProgressReport]:
        return list(self.reports)

    def _renumber(self, from_row: int) -> None:
        """Number the log 1, 2, ... again after rows came, went or moved (Qt's model rules
        want the rows' data unchanged until the structural change has been announced)."""
        self.reports = renumber(self.reports)
        if from_row < len(self.reports):
            column = COLUMN_OF["no"]
            last = len(self.reports) - 1
            self.dataChanged.emit(self.index(from_row, column), self.index(last, column))

    def _emit(self) -> None:
        self.edited.emit(list(self.reports))

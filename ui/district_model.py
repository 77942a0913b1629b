"""The district's summary table as a Qt model: one row per collected report, filtered and
sorted here rather than by a QSortFilterProxyModel.

Why not a proxy: with 5,000 reports a proxy calls back into Python for every comparison
(about 60,000 `lessThan` calls per sort) and every row it filters; here a sort is one
`sorted` over keys made once per column, and a filter one pass over the rows
(`forms.district.filters.SummaryFilter` and the search words). Cell texts are made when a
row is first shown, so opening a big collection costs only the rows read
(`Collection.items()`, which reads no report's JSON).

What a row shows comes from its `SummaryRow`; what is wrong with it (overspent, behind plan
or off target, errors, read from a printout's text) is said in words in the cell as well
as by its colour and icon, so it does not rest on colour alone. The columns themselves
(titles, cell texts, sort keys, `thai_key`), which cells show a problem and a row's
tooltip are in `ui.district_columns`, without Qt; this module owns the Qt roles, colours,
icons, filtering and sorting.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QIcon

from forms.checks import Severity
from forms.district.filters import SummaryFilter
from forms.district.summary import SOURCE_PRINTOUT, Collected
from ui import plain
from ui.district_columns import COLUMNS, PRINTOUT_MARK, problem_of, row_tooltip
from ui.marks import COLORS, severity_icon

Index = QModelIndex | QPersistentModelIndex
ITEM_ROLE = Qt.ItemDataRole.UserRole  # the row's `Collected`
SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # the key the column sorts by
PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 2  # "error" / "warning" / "" (what the colour says)
ERROR_BACKGROUND = QColor("#fdf0ef")
WARNING_BACKGROUND = QColor("#fff8ec")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_ROLES = frozenset(
    int(r)
    for r in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.ToolTipRole,
        ITEM_ROLE,
        SORT_ROLE,
        PROBLEM_ROLE,
    )
)


def matches_words(haystack: str, words: Sequence[str]) -> bool:
    return all(word in haystack for word in words)


class DistrictModel(QAbstractTableModel):
    """The collection's rows; `set_items`, `set_filter`, `set_search` and `sort` change
    which are shown and in what order (`shown_items`)."""

    def __init__(self, parent: QObject | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.today = today or date.today()
        self.items: list[Collected] = []
        self.filter = SummaryFilter()
        self.words: tuple[str, ...] = ()
        self._order: list[int] = []  # every item's index, in the sorted order
        self._shown: list[int] = []  # the indexes shown, in that order
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None
        self._keys: dict[int, list[Any]] = {}  # sort keys, by column
        self._texts: dict[int, list[str]] = {}  # cell texts, by item index
        self._haystacks: list[str] | None = None  # search texts, made at the first search

    # Qt's model interface
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # the delegate asks for about ten roles per cell on every paint: the ones this model
        # never answers are turned away before any work
        if role not in _ROLES or not index.isValid():
            return None
        at = self._shown[index.row()]
        item = self.items[at]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            texts = self._texts.get(at)
            if texts is None:
                texts = self._texts[at] = [c.text(item) for c in COLUMNS]
            return texts[column]
        key = COLUMNS[column].key
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if COLUMNS[column].numeric else _LEFT
        if role == Qt.ItemDataRole.ForegroundRole:
            problem = problem_of(item, key)
            return COLORS[problem] if problem and key != "source" else None
        if role == Qt.ItemDataRole.BackgroundRole:
            problem = problem_of(item, key)
            if problem == "error":
                return ERROR_BACKGROUND
            return WARNING_BACKGROUND if problem else None
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(item, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "source":
                mark = f"{PRINTOUT_MARK}\n" if item.source_kind == SOURCE_PRINTOUT else ""
                return plain.tooltip(f"{mark}{item.source}")
            return row_tooltip(item, self.today)
        if role == ITEM_ROLE:
            return item
        if role == SORT_ROLE:
            return COLUMNS[column].sort(item)
        if role == PROBLEM_ROLE:
            return problem_of(item, key)
        return None

    def _icon(self, item: Collected, key: str) -> QIcon | None:
        row = item.row
        if key == "errors" and row.errors:
            return severity_icon(Severity.ERROR)
        if (key == "plan" and row.behind_plan) or (key == "target" and row.off_target):
            return severity_icon(Severity.WARNING)
        if key == "source" and item.source_kind == SOURCE_PRINTOUT:
            return severity_icon(Severity.WARNING)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section].title
        if role == Qt.ItemDataRole.ToolTipRole:
            column = COLUMNS[section]
            return (
                f"{column.tip or column.title}\nคลิกเพื่อเรียงตามคอลัมน์นี้ (คลิกอีกครั้ง: เรียงกลับ)"
                " · คลิกขวา: เลือกคอลัมน์ที่แสดง"
            )
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _FLAGS

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        kept = self.persistentIndexList()  # the selection and the current row stay on theirs
        items = [self._shown[i.row()] if i.isValid() else None for i in kept]
        self._sorted_by = (column, order)
        self._order = self._sorted_order()
        self._shown = self._filtered(self._order)
        rows = {at: row for row, at in enumerate(self._shown)}
        for index, at in zip(kept, items, strict=True):
            row = rows.get(at) if at is not None else None
            moved = self.index(row, index.column()) if row is not None else QModelIndex()
            self.changePersistentIndex(index, moved)
        self.layoutChanged.emit()

    # what the window sets
    def set_items(self, items: list[Collected]) -> None:
        """A new list (the collection read again); filter, search and sort are kept."""
        self.beginResetModel()
        self.items = items
        self._keys, self._texts, self._haystacks = {}, {}, None
        self._order = self._sorted_order()
        self._shown = self._filtered(self._order)
        self.endResetModel()

    def set_filter(self, flt: SummaryFilter) -> None:
        if flt != self.filter:
            self.filter = flt
            self._refilter()

    def set_search(self, text: str) -> None:
        words = tuple(text.casefold().split())
        if words != self.words:
            self.words = words
            self._refilter()

    def set_today(self, today: date) -> None:
        self.today = today
        self._refilter()

    # reading
    @property
    def total(self) -> int:
        return len(self.items)

    def shown_items(self) -> list[Collected]:
        """The rows shown, in the order shown."""
        return [self.items[i] for i in self._shown]

    def item_at(self, row: int) -> Collected | None:
        return self.items[self._shown[row]] if 0 <= row < len(self._shown) else None

    def row_of(self, project_code: str, fiscal_year: int | None) -> int:
        for row, at in enumerate(self._shown):
            found = self.items[at].row
            if (found.project_code, found.fiscal_year) == (project_code, fiscal_year):
                return row
        return -1

    def count_text(self) -> str:
        return f"แสดง {len(self._shown):,} จาก {len(self.items):,} โครงการ"

    # inside
    def _refilter(self) -> None:
        self.beginResetModel()
        self._shown = self._filtered(self._order)
        self.endResetModel()

    def _filtered(self, order: list[int]) -> list[int]:
        flt, words = self.filter, self.words
        active = flt.active
        if not active and not words:
            return list(order)
        haystacks = self._search_texts() if words else None
        today = self.today
        shown = []
        for i in order:
            if active and not flt.matches(self.items[i].row, today):
                continue
            if haystacks is not None and not matches_words(haystacks[i], words):
                continue
            shown.append(i)
        return shown

    def _search_texts(self) -> list[str]:
        if self._haystacks is None:
            self._haystacks = [
                " ".join(
                    (
                        c.row.project_name,
                        c.row.project_code,
                        c.row.agency_office,
                        c.row.agency_division,
                        c.row.agency_section,
                    )
                ).casefold()
                for c in self.items
            ]
        return self._haystacks

    def _sorted_order(self) -> list[int]:
        everything = list(range(len(self.items)))
        if self._sorted_by is None:
            return everything  # the collection's own order: by agency, then code
        column, order = self._sorted_by
        keys = self._keys.get(column)
        if keys is None:
            sort = COLUMNS[column].sort
            keys = self._keys[column] = [sort(item) for item in self.items]
        return sorted(
            everything,
            key=keys.__getitem__,
            reverse=order == Qt.SortOrder.DescendingOrder,
        )

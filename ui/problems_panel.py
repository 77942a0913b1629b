"""The problems panel: every problem `forms.checks.check_report` finds in the open draft.

One row per problem: its severity (icon and word), the tab it is on, the Thai message, and
for misspellings and damaged quotes the proposed fix as a one-click link ("แก้เป็น …").
Double-click or Enter on a row asks the window to go to the field (`go_to_requested`);
a click on the fix link, or the fix button above the list, asks it to apply the fix
(`fix_requested`). The panel itself never touches the report.

A pause in typing may bring hundreds of problems, so the list costs the window only the
rows it shows: a row's texts are made when it is first shown, and the columns are sized
from the few texts that can be widest (the severity words, every tab title, the fixes
present) rather than by Qt's ResizeToContents, which measured every row (246 problems froze
the window for up to 240 ms).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from forms.checks import RULES_BY_ID, Problem, Severity, parse_path
from forms.schema import FIELDS_BY_KEY, SECTIONS, SECTIONS_BY_KEY
from ui.marks import severity_icon
from ui.progress_table import cell_width

Index = QModelIndex | QPersistentModelIndex
SEVERITY_WORDS = {Severity.ERROR: "ข้อผิดพลาด", Severity.WARNING: "คำเตือน"}
COLUMNS = ("ระดับ", "แท็บ", "ปัญหา", "แก้ด่วน")
SEVERITY_COLUMN, TAB_COLUMN, MESSAGE_COLUMN, FIX_COLUMN = range(4)
PROBLEM_ROLE = Qt.ItemDataRole.UserRole
LINK_COLOR = QColor("#1f5fa8")
QUOTES = "“”\"'"


def tab_title(path: str) -> str:
    """The title of the tab holding the field a path names ('' for an unknown path)."""
    parts = parse_path(path)
    if parts is None:
        return ""
    return SECTIONS_BY_KEY[FIELDS_BY_KEY[parts.key].section].title


def quoted(text: str) -> str:
    """`text` in Thai quotes, unless it already starts or ends with a quote of its own."""
    return text if text[:1] in QUOTES or text[-1:] in QUOTES else f"“{text}”"


def fix_text(problem: Problem) -> str:
    return f"แก้เป็น {quoted(problem.fix.new_text)}" if problem.fix is not None else ""


def count_text(problems: list[Problem]) -> str:
    errors = sum(p.is_error for p in problems)
    return f"ข้อผิดพลาด {errors} · คำเตือน {len(problems) - errors}"


def row_texts(problem: Problem) -> tuple[str, str, str, str]:
    """A problem's four cells: severity, tab, message on one line, fix link."""
    return (
        SEVERITY_WORDS[problem.severity],
        tab_title(problem.path),
        " ".join(problem.message.split()),
        fix_text(problem),
    )


class ProblemsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.problems: list[Problem] = []
        self._texts: dict[int, tuple[str, str, str, str]] = {}  # by row, once shown
        self._link_font = self.link_font(QFont())

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.problems)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        problem = self.problems[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            texts = self._texts.get(index.row())
            if texts is None:
                texts = self._texts[index.row()] = row_texts(problem)
            return texts[column]
        if role == Qt.ItemDataRole.DecorationRole and column == SEVERITY_COLUMN:
            return severity_icon(problem.severity)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == FIX_COLUMN and problem.fix is not None:
                fix = problem.fix
                return f"คลิกเพื่อแก้ {quoted(fix.old_text)} เป็น {quoted(fix.new_text)}"
            rule = RULES_BY_ID.get(problem.rule)
            about = f"\nการตรวจ: {rule.about}" if rule is not None else ""
            return (
                f"{problem.message}\n\nช่อง: {problem.path}{about}\nดับเบิลคลิกหรือกด Enter เพื่อไปที่ช่องนี้"
            )
        if role == Qt.ItemDataRole.ForegroundRole and column == FIX_COLUMN:
            return LINK_COLOR
        if role == Qt.ItemDataRole.FontRole and column == FIX_COLUMN:
            return self._link_font
        if role == PROBLEM_ROLE:
            return problem
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section] if 0 <= section < len(COLUMNS) else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    @staticmethod
    def link_font(font: QFont) -> QFont:
        """`font` underlined, as the fix links are shown."""
        link = QFont(font)
        link.setUnderline(True)
        return link

    def set_problems(self, problems: list[Problem]) -> None:
        self.beginResetModel()
        self.problems = list(problems)
        self._texts = {}
        self.endResetModel()


class ProblemsView(QTableView):
    """The list; Enter on a row is the same as a double-click (`QAbstractItemView.activated`
    fires on a single click under some styles, so both are handled here instead)."""

    go_to = Signal(int)  # row
    font_changed = Signal()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.font_changed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.go_to.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)


class ProblemsPanel(QWidget):
    go_to_requested = Signal(str)  # the problem's field path
    fix_requested = Signal(object)  # the Problem whose fix the clerk clicked
    fix_all_requested = Signal(object)  # every Problem listed that has a fix

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problems_panel")
        self.model = ProblemsModel(self)
        self.summary = QLabel()
        self.summary.setObjectName("problems_summary")
        self.go_button = QPushButton("ไปที่ช่อง")
        self.go_button.setObjectName("problem_go")
        self.go_button.setToolTip("ไปที่ช่องของปัญหาที่เลือก (หรือดับเบิลคลิกที่ปัญหา)")
        self.fix_button = QPushButton("แก้ตามที่เสนอ")
        self.fix_button.setObjectName("problem_fix")
        self.fix_button.setToolTip("แก้ข้อความตามที่เสนอ เฉพาะปัญหาที่เลือก")
        self.fix_all_button = QPushButton("แก้ทุกข้อที่เสนอ")
        self.fix_all_button.setObjectName("problem_fix_all")
        self.fix_all_button.setToolTip("แก้ข้อความทุกข้อที่มีคำแก้เสนอไว้ในครั้งเดียว (เลิกทำได้)")
        self.view = self._make_view()
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.go_button)
        top.addWidget(self.fix_button)
        top.addWidget(self.fix_all_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)

        self.go_button.clicked.connect(lambda: self._go(self.view.currentIndex().row()))
        self.fix_button.clicked.connect(lambda: self._fix(self.view.currentIndex().row()))
        self.fix_all_button.clicked.connect(
            lambda: self.fix_all_requested.emit([p for p in self.model.problems if p.fix])
        )
        self.view.go_to.connect(self._go)
        self.view.doubleClicked.connect(lambda index: self._go(index.row()))
        self.view.clicked.connect(self._clicked)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.view.font_changed.connect(self.fit_columns)
        self.show_problems([])
        self.fit_columns()

    def show_problems(self, problems: list[Problem]) -> None:
        """Show a new list, keeping the selected problem selected when it is still there."""
        current = self.current_problem()
        self.model.set_problems(problems)
        self._fit_fixes()
        if current is not None and current in problems:
            self.select(problems.index(current))
        if problems:
            self.summary.setText(f"พบ {len(problems)} รายการ — {count_text(problems)}")
        else:
            self.summary.setText("ไม่พบปัญหา ✓")
        self._update_buttons()

    def select(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.view.selectRow(row)
            self.view.setCurrentIndex(self.model.index(row, MESSAGE_COLUMN))

    def current_problem(self) -> Problem | None:
        row = self.view.currentIndex().row()
        return self.model.problems[row] if 0 <= row < len(self.model.problems) else None

    def _go(self, row: int) -> None:
        if 0 <= row < len(self.model.problems):
            self.go_to_requested.emit(self.model.problems[row].path)

    def _fix(self, row: int) -> None:
        if 0 <= row < len(self.model.problems) and self.model.problems[row].fix is not None:
            self.fix_requested.emit(self.model.problems[row])

    def _clicked(self, index: QModelIndex) -> None:
        if index.column() == FIX_COLUMN:
            self._fix(index.row())

    def _update_buttons(self) -> None:
        problem = self.current_problem()
        self.go_button.setEnabled(problem is not None)
        has_fix = problem is not None and problem.fix is not None
        self.fix_button.setEnabled(has_fix)
        self.fix_button.setText(fix_text(problem) if has_fix else "แก้ตามที่เสนอ")
        fixes = sum(1 for p in self.model.problems if p.fix is not None)
        self.fix_all_button.setVisible(fixes > 1)
        self.fix_all_button.setText(f"แก้ทุกข้อที่เสนอ ({fixes})")

    # column widths
    def fit_columns(self) -> None:
        """Size the severity and tab columns to the widest word and tab title there is (the
        same for every list), and the fix column to the fixes listed."""
        widths = {
            SEVERITY_COLUMN: [cell_width(self.view, word) for word in SEVERITY_WORDS.values()],
            TAB_COLUMN: [cell_width(self.view, s.title, icon=False) for s in SECTIONS],
        }
        for column, texts in widths.items():
            self._resize(column, max(texts))
        self._fit_fixes()

    def _fit_fixes(self) -> None:
        fixes = {fix_text(p) for p in self.model.problems if p.fix is not None}
        font = self.model.link_font(self.view.font())
        widths = [cell_width(self.view, fix, icon=False, font=font) for fix in fixes]
        self._resize(FIX_COLUMN, max([0, *widths]))

    def _resize(self, column: int, width: int) -> None:
        header = self.view.horizontalHeader()
        width = max(width, header.sectionSizeHint(column))
        if header.sectionSize(column) != width:
            header.resizeSection(column, width)

    def _make_view(self) -> ProblemsView:
        view = ProblemsView()
        view.setObjectName("problems_list")
        view.setModel(self.model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        view.setShowGrid(False)
        view.setWordWrap(False)
        view.setAlternatingRowColors(True)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(MESSAGE_COLUMN, QHeaderView.ResizeMode.Stretch)
        return view

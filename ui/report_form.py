"""The open draft as tabs, generated from the schema and bound to a `ReportDocument`.

One tab per `forms.schema.SECTIONS` entry, in order; on each, one editor per field of that
section (`ui.editors.make_editor`, the progress log's `ProgressTab`). Editors write with
`document.set_value` and are refreshed from `document.changed` with `document.entry` (a
value, or the `Unreadable` text typed in its place), so rules that act on edits (the fiscal
year filling empty dates) show up in the widgets by themselves. The pages' layout pieces are
`ui.form_layout`; the printed titles they show are `forms.printed`'s.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QIcon, QPaintEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from forms.checks import PathParts, Problem, parse_path
from forms.document import ReportDocument
from forms.printed import CERTIFICATION, GROUP_HEADINGS, TAB_HEADINGS
from forms.schema import FIELDS_BY_KEY, ROUTINE_WORK, SECTIONS, Field, Kind, Section, fields_of
from forms.thaidate import fiscal_year_bounds, is_be_year
from ui.editors import make_editor
from ui.form_layout import (
    field_label,
    form_layout,
    heading,
    narrow,
)
from ui.list_editor import TextListEditor
from ui.marks import MARK_STYLE, badge_icon, mark, markable, severity_of
from ui.progress_tab import ProgressTab


class ReportForm(QTabWidget):
    """Every field of one draft, in tabs; `editors` maps each field key to its widget."""

    def __init__(
        self, document: ReportDocument, parent: QWidget | None = None, start_tab: int = 0
    ) -> None:
        super().__init__(parent)
        self.setObjectName("report_form")
        self.setDocumentMode(True)
        # badges widen the tabs: on a narrow window long titles are shortened rather than
        # the last tabs hidden behind scroll arrows
        self.setUsesScrollButtons(False)
        self.setElideMode(Qt.TextElideMode.ElideRight)
        self.document = document
        self.editors: dict[str, Any] = {}
        self.progress: ProgressTab | None = None
        self.scrolls: dict[str, QScrollArea] = {}
        self.problems: list[Problem] = []
        self._marked: list[QWidget] = []
        self.setStyleSheet(MARK_STYLE)
        # Pages are built when first shown, and the others right after the window has been
        # painted (one per turn of the event loop): the window opens sooner that way.
        self._built: set[int] = set()
        for section in SECTIONS:
            holder = QWidget()
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self.addTab(holder, section.title)
        self.setCurrentIndex(min(max(start_tab, 0), self.count() - 1))
        self.currentChanged.connect(self._build_page)
        self._build_page(self.currentIndex())
        document.changed.connect(self._on_changed)
        self._building_started = False
        QTimer.singleShot(0, self, self._build_unless_shown)

    def _build_unless_shown(self) -> None:
        # a shown form waits for its first paint (`paintEvent`); one never shown builds now
        if not self.isVisible():
            self._start_building()

    def _start_building(self) -> None:
        if not self._building_started:
            self._building_started = True
            QTimer.singleShot(0, self, self._build_next)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self._start_building()

    @property
    def complete(self) -> bool:
        """Every page has been built."""
        return len(self._built) == self.count()

    def build_all(self) -> None:
        for index in range(self.count()):
            self._build_page(index)

    def _build_next(self) -> None:
        missing = [i for i in range(self.count()) if i not in self._built]
        if missing:
            self._build_page(missing[0])
            QTimer.singleShot(0, self, self._build_next)

    def _build_page(self, index: int) -> None:
        if index in self._built or not 0 <= index < self.count():
            return
        self._built.add(index)
        before = set(self.editors)
        self.widget(index).layout().addWidget(self._make_page(SECTIONS[index]))
        for key in set(self.editors) - before:
            editor = self.editors[key]
            editor.show_value(self.document.entry(key))
            if not FIELDS_BY_KEY[key].computed:
                editor.edited.connect(partial(self._edited, key))
            if key in ("start_date", "end_date"):
                editor.near = partial(self._near_date, key)
        self._show_totals()
        if self.problems:
            self._mark_fields()

    def unbind(self) -> None:
        """Stop following the document (before this form is thrown away)."""
        self.document.changed.disconnect(self._on_changed)

    def _edited(self, key: str, value: Any) -> None:
        self.document.set_value(key, value)

    def _on_changed(self, key: str) -> None:
        editor = self.editors.get(key)
        if editor is not None:
            editor.show_value(self.document.entry(key))
        if key in ("budget_spent", "budget_received"):
            self._show_totals()

    def _show_totals(self) -> None:
        if self.progress is None:
            return
        report = self.document.report
        self.progress.show_totals(report.budget_spent, report.budget_remaining)

    # problems
    def show_problems(self, problems: list[Problem]) -> None:
        """Badge the tabs (count and icon) and mark the fields that have problems."""
        self.problems = list(problems)
        by_section: dict[str, list[Problem]] = {}
        for problem in problems:
            parts = parse_path(problem.path)
            if parts is not None:
                by_section.setdefault(FIELDS_BY_KEY[parts.key].section, []).append(problem)
        for index, section in enumerate(SECTIONS):
            found = by_section.get(section.key, [])
            severity = severity_of(found)
            self.setTabIcon(index, badge_icon(severity, len(found)) if severity else QIcon())
            self.setTabToolTip(index, _count_tip(section.title, found))
        self._mark_fields()

    def _mark_fields(self) -> None:
        by_widget: dict[QWidget, list[Problem]] = {}
        progress: list[tuple[PathParts, Problem]] = []
        for problem in self.problems:
            parts = parse_path(problem.path)
            if parts is None:
                continue
            if parts.key == "progress_reports":
                progress.append((parts, problem))
                continue
            widget = self.widget_for(parts)
            if widget is not None:
                by_widget.setdefault(widget, []).append(problem)
        for widget in self._marked:
            if widget not in by_widget:
                mark(widget, [])
        for widget, found in by_widget.items():
            mark(widget, found)
        self._marked = list(by_widget)
        if self.progress is not None:
            self.progress.show_problems(progress)

    def widget_for(self, parts: PathParts) -> QWidget | None:
        """The built editor (or list item's text box) of a field path's parts."""
        editor = self.editors.get(parts.key)
        if editor is None or parts.number is None or parts.key == "progress_reports":
            return editor
        if isinstance(editor, TextListEditor) and 1 <= parts.number <= len(editor.rows):
            return editor.rows[parts.number - 1].text
        return editor

    def go_to(self, path: str, text: str = "") -> QWidget | None:
        """Show the tab of a field path and focus its field, list item or progress cell,
        with `text` selected in it when found; the focused widget (None for a bad path)."""
        parts = parse_path(path)
        if parts is None:
            return None
        section = FIELDS_BY_KEY[parts.key].section
        index = next(i for i, s in enumerate(SECTIONS) if s.key == section)
        self.setCurrentIndex(index)
        self._build_page(index)
        if parts.key == "progress_reports":
            assert self.progress is not None
            widget = self.progress.go_to(parts.number, parts.sub_key)
        else:
            widget = self.widget_for(parts)
        if widget is None:
            return None
        widget = markable(widget)
        scroll = self.scrolls.get(section)
        if scroll is not None:
            scroll.ensureWidgetVisible(widget, 16, 48)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if text:
            _select(widget, text)
        return widget

    # building the pages
    def _make_page(self, section: Section) -> QWidget:
        if section.key == "progress":
            return self._progress_page(section)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.setSpacing(12)
        layout.addWidget(heading(TAB_HEADINGS[section.key]))
        form: QFormLayout | None = None
        labels: list[QLabel] = []
        for field in fields_of(section.key):
            if field.key in GROUP_HEADINGS or form is None:
                box = QGroupBox(GROUP_HEADINGS.get(field.key, ""))
                layout.addWidget(box)
                form = form_layout(box)
            editor = self._editor(field)
            if field.kind == Kind.TEXT_LIST:
                form.addRow(editor)
            else:
                labels.append(field_label(field))
                form.addRow(labels[-1], narrow(editor, field))
        width = max((label.sizeHint().width() for label in labels), default=0)
        for label in labels:  # one label column across the tab's groups
            label.setMinimumWidth(width)
        if section.key == "strategy":
            layout.addWidget(self._routine_button(), 0, Qt.AlignmentFlag.AlignLeft)
        if section.key == "signer":
            layout.addWidget(self._signer_button(), 0, Qt.AlignmentFlag.AlignLeft)
            note = QLabel(f"ข้อความรับรองที่พิมพ์เหนือลายมือชื่อ: “{CERTIFICATION}”")
            note.setWordWrap(True)
            note.setStyleSheet("color: #566573;")
            layout.addWidget(note)
        layout.addStretch(1)
        return self._scrolled(section, content)

    def _progress_page(self, section: Section) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(heading(TAB_HEADINGS[section.key]))
        self.progress = ProgressTab()
        self.editors["progress_reports"] = self.progress
        layout.addWidget(self.progress, 1)
        # scrolls as a whole on a screen too short for the table and the selected report
        # (1366×768 at 150 %), rather than pushing the window's bottom off the screen
        return self._scrolled(section, page)

    def _scrolled(self, section: Section, page: QWidget) -> QScrollArea:
        """The tab's page in a frameless scroll area (kept in `scrolls`)."""
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(page)
        self.scrolls[section.key] = scroll
        return scroll

    def _editor(self, field: Field) -> QWidget:
        editor = make_editor(field)
        self.editors[field.key] = editor
        return editor

    def _near_date(self, key: str) -> date | None:
        """Where an empty project date's calendar opens: the fiscal year's first day (start)
        or last day (end), not today; the end date opens at the start without a year."""
        report = self.document.report
        year = report.fiscal_year
        if year is not None and is_be_year(year):
            start, end = fiscal_year_bounds(year)
            return start if key == "start_date" else end
        start_date = report.start_date
        return start_date if key == "end_date" and isinstance(start_date, date) else None

    def _signer_button(self) -> QPushButton:
        button = QPushButton("ใช้ชื่อผู้รับผิดชอบโครงการ")
        button.setObjectName("signer_is_responsible")
        button.setToolTip("กรอกชื่อผู้รายงานด้วยชื่อผู้รับผิดชอบโครงการในแท็บข้อมูลโครงการ")
        button.clicked.connect(self.signer_is_responsible)
        return button

    def signer_is_responsible(self) -> None:
        name = self.document.value("responsible_person").strip()
        if name:
            self.document.set_value("signer_name", name)

    def _routine_button(self) -> QPushButton:
        button = QPushButton("กรอกช่องที่ว่างด้วย “การปฏิบัติงานประจำของหน่วยงาน”")
        button.setObjectName("fill_routine")
        button.setToolTip("สำหรับโครงการที่เป็นงานประจำ ไม่อยู่ในประเด็นยุทธศาสตร์ของแผน")
        button.clicked.connect(self.fill_routine_work)
        return button

    def fill_routine_work(self) -> None:
        for key in ("strategic_issue", "strategic_sub_issue", "strategic_goal"):
            if not self.document.value(key):
                self.document.set_value(key, ROUTINE_WORK)


def _count_tip(title: str, problems: list[Problem]) -> str:
    if not problems:
        return title
    errors = sum(p.is_error for p in problems)
    return f"{title}: ข้อผิดพลาด {errors} · คำเตือน {len(problems) - errors} — ดูรายการในแผงปัญหาที่พบ"


def _select(widget: QWidget, text: str) -> None:
    """Select the first `text` in a text box (to show the clerk the word a problem names)."""
    if isinstance(widget, QLineEdit):
        start = widget.text().find(text)
        if start >= 0:
            widget.setSelection(start, len(text))
    elif isinstance(widget, QPlainTextEdit):
        cursor = widget.document().find(text)
        if not cursor.isNull():
            widget.setTextCursor(cursor)

"""The problems of the open draft in the window: the docked panel, the checker behind it,
the count in the status bar, and the two things a problem leads to (its field, its fix).

The window tells the dock which document and form are open (`watch`); the dock checks after
each pause in typing (`ui.checker`), lists the problems (`ui.problems_panel`) and has the
form badge its tabs and mark its fields. A fix is applied only when the clerk clicks it,
through `document.set_value`, so it is saved and shown like any edit.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QPushButton

from forms.checks import FixNotApplicableError, Problem, Severity, apply_fix, parse_path
from forms.checks.paths import path_label
from forms.document import ReportDocument
from ui import dialogs
from ui.checker import ProblemChecker
from ui.marks import severity_icon
from ui.problems_panel import ProblemsPanel, count_text, quoted
from ui.report_form import ReportForm

DOCK_HEIGHT = 230


class ProblemsDock(QDockWidget):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__("ปัญหาที่พบ", window)
        self.setObjectName("problems_dock")
        self.window_ = window
        self.document: ReportDocument | None = None
        self.form: ReportForm | None = None
        self.panel = ProblemsPanel()
        self.setWidget(self.panel)
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.count = QPushButton()
        self.count.setObjectName("problem_count")
        self.count.setFlat(True)
        self.count.setToolTip("แสดงแผงปัญหาที่พบ")
        self.count.hide()
        self.checker = ProblemChecker(self)
        self.checker.checked.connect(self._show)
        self.count.clicked.connect(self.show_panel)
        self.panel.go_to_requested.connect(self.go_to_field)
        self.panel.fix_requested.connect(self.apply_fix)
        self.panel.fix_all_requested.connect(self.apply_fixes)
        self.undo_fix: dict[str, object] = {}
        self.undo_action = QAction("เลิกทำการแก้ตามที่เสนอ", self)
        self.undo_action.setEnabled(False)
        self.undo_action.triggered.connect(self.undo_last_fix)
        toggle = self.toggleViewAction()
        toggle.setText("แผงปัญหาที่พบ")
        toggle.setShortcut(QKeySequence("F8"))
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self)

    def watch(self, document: ReportDocument | None, form: ReportForm | None) -> None:
        """Check `document` (shown in `form`) from now on."""
        self.document, self.form = document, form
        self.undo_fix = {}
        self.undo_action.setEnabled(False)
        self.checker.watch(document)

    def _show(self, problems: list[Problem]) -> None:
        self.panel.show_problems(problems)
        if self.form is not None:
            self.form.show_problems(problems)
        self.count.setVisible(self.document is not None)
        self.count.setText(count_text(problems))
        errors = any(p.is_error for p in problems)
        worst = Severity.ERROR if errors else Severity.WARNING
        self.count.setIcon(severity_icon(worst) if problems else QIcon())

    def show_panel(self) -> None:
        self.show()
        self.raise_()
        self.panel.view.setFocus()

    def go_to_field(self, path: str) -> None:
        """Open the tab of a problem's field and put the cursor in it (the misspelled word
        selected, when the problem has a fix)."""
        if self.form is None:
            return
        problem = self.panel.current_problem()
        text = problem.fix.old_text if problem and problem.fix and problem.path == path else ""
        self.form.go_to(path, text)

    def go_to_problem(self, row: int) -> None:
        self.panel.select(row)
        problem = self.panel.current_problem()
        if problem is not None:
            self.go_to_field(problem.path)

    def apply_fix(self, problem: Problem) -> None:
        """The clerk clicked a problem's fix."""
        self.apply_fixes([problem])

    def apply_fixes(self, problems: list[Problem]) -> None:
        """Apply the fixes of `problems` as one edit, which แก้ไข › เลิกทำการแก้ตามที่เสนอ
        takes back. A fix whose text has changed since the check is not guessed: alone it
        is said, among many it is left out and counted."""
        document = self.document
        fixes = [p.fix for p in problems if p.fix is not None]
        if document is None or not fixes:
            return
        report, skipped = document.report, 0
        for fix in fixes:
            try:
                report = apply_fix(report, fix)
            except FixNotApplicableError as error:
                if len(fixes) == 1:
                    dialogs.inform(self.window_, "แก้ไขไม่ได้", str(error), error=True)
                    self.checker.check_now()
                    return
                skipped += 1
        keys = list(dict.fromkeys(parse_path(f.path).key for f in fixes))  # type: ignore[union-attr]
        self.undo_fix = {key: document.value(key) for key in keys}
        for key in keys:
            document.set_value(key, getattr(report, key))
        self.undo_action.setEnabled(True)
        self.checker.check_now()
        first = fixes[0]
        if self.form is not None:
            self.form.go_to(first.path)
        if len(fixes) == 1:
            said = f"แก้ {quoted(first.old_text)} เป็น {quoted(first.new_text)} ที่{path_label(first.path)}แล้ว"
        else:
            said = f"แก้ตามที่เสนอ {len(fixes) - skipped} ข้อแล้ว"
            if skipped:
                said += f" ({skipped} ข้อข้อความเปลี่ยนไปแล้วจึงไม่ได้แก้)"
        self.window_.statusBar().showMessage(f"{said} — เลิกทำได้ที่ แก้ไข › เลิกทำการแก้ตามที่เสนอ", 10000)

    def undo_last_fix(self) -> None:
        """Put back the texts the last fix (or fix-all) changed."""
        document, before = self.document, self.undo_fix
        if document is None or not before:
            return
        for key, value in before.items():
            document.set_value(key, value)
        self.undo_fix = {}
        self.undo_action.setEnabled(False)
        self.checker.check_now()
        self.window_.statusBar().showMessage("เลิกทำการแก้ตามที่เสนอแล้ว", 8000)

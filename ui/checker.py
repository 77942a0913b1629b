"""Checking the open draft as the clerk types, without slowing the typing.

Every change of the document restarts a short timer; the report is checked
(`forms.checks.check_report`) only when the clerk pauses for `DEBOUNCE_MS`, so a burst of
keystrokes costs one check. Checking the sample report takes about 1.5 ms, a log of 300
progress reports (each with a misspelling) 15 ms, and the panel then shows the problems in
some 15 ms more (`ui.problems_panel` makes only the rows on screen), so it runs on the GUI
thread once the timer fires; a worker thread would cost more than it saves.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from forms.checks import Problem, check_report
from forms.document import ReportDocument

DEBOUNCE_MS = 300


class ProblemChecker(QObject):
    checked = Signal(object)  # list[Problem] of the watched document (empty for none)

    def __init__(self, parent: QObject | None = None, debounce_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self.document: ReportDocument | None = None
        self.problems: list[Problem] = []
        self._timer = QTimer(self, singleShot=True, interval=debounce_ms)
        self._timer.timeout.connect(self.check_now)

    def watch(self, document: ReportDocument | None) -> None:
        """Check `document` now and after every pause in its edits from now on."""
        if self.document is not None:
            self.document.changed.disconnect(self._edited)
        self.document = document
        if document is not None:
            document.changed.connect(self._edited)
        self.check_now()

    @property
    def pending(self) -> bool:
        """An edit has not been checked yet."""
        return self._timer.isActive()

    def _edited(self, _key: str) -> None:
        self._timer.start()

    def check_now(self) -> list[Problem]:
        self._timer.stop()
        document = self.document
        self.problems = check_report(document.report) if document is not None else []
        self.checked.emit(self.problems)
        return self.problems

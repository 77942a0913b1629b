"""What the window's helpers use of the main window, as a narrow interface.

Importing, exporting, backups, the menus and the district window act on the main window;
typing them against `DraftsWindow` rather than `ui.main_window.MainWindow` keeps the imports
one way (main_window imports them, never the reverse: an import-linter contract forbids
cycles), and says in one place how much of the window each may touch.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QStatusBar

    from forms.document import ReportDocument
    from forms.report import Report
    from storage.backups import Restored
    from storage.drafts import DraftStore
    from ui.problems_dock import ProblemsDock


class DraftsWindow(Protocol):
    """The main window (`ui.main_window.MainWindow`), as its helpers see it."""

    store: DraftStore
    db_path: Path
    document: ReportDocument | None
    problems_dock: ProblemsDock

    def statusBar(self) -> QStatusBar: ...

    def windowTitle(self) -> str: ...

    def isVisible(self) -> bool: ...

    def show(self) -> None: ...

    def raise_(self) -> None: ...

    def activateWindow(self) -> None: ...

    def removeEventFilter(self, watched: QObject) -> None: ...

    def open_draft(self, draft_id: int) -> bool: ...

    def add_draft(self, report: Report) -> int | None: ...

    def save_now(self) -> bool: ...

    def show_restored(self, result: Restored) -> None: ...

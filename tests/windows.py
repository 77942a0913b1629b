"""Main windows on a test database, and the clerk's gestures on them, for the window tests.

`opened_windows` backs each test module's `windows` fixture: it opens real windows on one
SQLite file (a report given is kept there as a draft first) and closes (and so saves) them
all at the end. The rest find a field's widget and type into it as a clerk does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from forms.report import Report
from storage.drafts import DraftStore
from tests.keyboard import type_text
from ui.main_window import MainWindow


@contextmanager
def opened_windows(qtbot, db_path: Path) -> Iterator[Callable[..., MainWindow]]:
    """`open_window(report=None, **kwargs)`: a shown `MainWindow` on `db_path`, with
    `report` kept as a new draft first; every window is closed when the block ends."""
    opened: list[tuple[MainWindow, DraftStore]] = []

    def open_window(report: Report | None = None, **kwargs) -> MainWindow:
        store = DraftStore.open(db_path)
        if report is not None:
            store.create(report)
        window = MainWindow(store, db_path, **kwargs)
        window.show()
        qtbot.waitExposed(window)
        opened.append((window, store))
        return window

    yield open_window
    for window, store in opened:
        window.close()
        store.close()


def stored(db_path: Path, draft_id: int) -> Report:
    with DraftStore.open(db_path) as store:
        return store.load(draft_id)


def editor(window: MainWindow, key: str) -> QWidget:
    if window.form is not None:
        window.form.build_all()  # what the window does by itself right after painting
    found = window.findChild(QWidget, key)
    assert found is not None, key
    return found


def click(qtbot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def show_tab_of(widget: QWidget) -> None:
    """Bring the tab holding `widget` to the front, as the clerk clicks it first."""
    window = widget.window()
    form = window.form
    for i in range(form.count()):
        if form.widget(i).isAncestorOf(widget):
            form.setCurrentIndex(i)


def type_into(qtbot, widget: QWidget, text: str) -> None:
    show_tab_of(widget)
    widget.setFocus()
    line = widget.line if hasattr(widget, "line") else widget  # the BE date editor's box
    line.selectAll()
    type_text(line, text)

"""The window and its dialogs on the clerk's screen: sized to what the screen has, the
window's size and place remembered, the problems panel small while it lists nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication

from forms.report import Report
from storage.drafts import DraftStore
from ui import window_layout
from ui.help_dialogs import HelpDialog
from ui.main_window import MainWindow
from ui.window_layout import panel_split


@pytest.fixture
def open_window(qtbot, tmp_path: Path):
    opened: list[tuple[MainWindow, DraftStore]] = []
    path = tmp_path / "drafts.db"

    def make(report: Report | None = None) -> MainWindow:
        store = DraftStore.open(path)
        if report is not None:
            store.create(report)
        window = MainWindow(store, path)
        window.show()
        with qtbot.waitActive(window):
            window.activateWindow()
        opened.append((window, store))
        return window

    yield make
    for window, store in opened:
        window.close()
        store.close()


def room():
    return QGuiApplication.primaryScreen().availableGeometry()


def test_on_a_screen_smaller_than_the_window_wants_it_opens_maximised(open_window):
    assert room().width() < 1440 or room().height() < 880  # the test screen is small
    window = open_window()
    assert window.windowState() & Qt.WindowState.WindowMaximized


def test_the_size_the_clerk_left_is_where_the_window_opens_again(qtbot, open_window):
    first = open_window()
    first.setWindowState(Qt.WindowState.WindowNoState)
    first.resize(700, 500)
    qtbot.waitUntil(lambda: first.size().width() == 700)
    first.splitter.setSizes([300, 400])
    first.close()
    second = open_window()
    assert not second.windowState() & Qt.WindowState.WindowMaximized
    assert (second.width(), second.height()) == (700, 500)
    assert second.splitter.sizes()[0] == first.splitter.sizes()[0]


def test_the_drafts_panel_leaves_the_tabs_room_on_a_small_screen():
    assert panel_split(911) == [218, 693]  # 1366 px at 150 %
    assert panel_split(1440) == [345, 1095]
    assert panel_split(2560)[0] == 440


def test_the_drafts_panel_can_be_hidden_and_shown(qtbot, open_window):
    window = open_window()
    panel = window.splitter.widget(0)
    assert panel.isVisible()
    qtbot.keyClick(
        window,
        Qt.Key.Key_D,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert not panel.isVisible()
    window.focus_search()  # Ctrl+F brings it back
    assert panel.isVisible()


def test_the_problems_panel_is_small_while_it_lists_nothing(qtbot, open_window, sample_report):
    window = open_window(Report(project_name="ก"))  # many problems: required fields
    qtbot.waitUntil(lambda: window._dock_full is True)
    full = window.problems_dock.height()
    assert full <= max(0.3 * window.height(), window.problems_dock.minimumSizeHint().height()) + 2
    window.checker.checked.emit([])  # what a check of a report with no problem gives
    qtbot.waitUntil(lambda: window.problems_dock.height() < full)
    assert window.problems_dock.height() <= window.problems_dock.minimumSizeHint().height() + 2


def test_a_dialog_never_asks_for_more_than_the_screen(qtbot):
    dialog = HelpDialog("วิธีใช้", "<p>ก</p>")
    qtbot.addWidget(dialog)
    free = room()
    assert dialog.width() <= free.width() and dialog.height() <= free.height()
    assert dialog.width() == min(760, int(free.width() * 0.92))


def test_on_a_narrow_screen_the_drafts_panel_starts_folded_and_says_how_to_show_it(
    qtbot, open_window, monkeypatch
):
    # 1366×768 at 150 %: the client area of a maximised window is 910 logical px wide
    monkeypatch.setattr(window_layout.screen, "fitted", lambda wanted, widget: QSize(910, 580))
    window = open_window()
    panel = window.splitter.widget(0)
    assert not panel.isVisible()
    assert "Ctrl+Shift+D" in window.statusBar().currentMessage()
    window.toggle_drafts_panel()
    assert panel.isVisible()


def test_on_a_school_pc_at_100_percent_the_drafts_panel_is_shown(open_window):
    assert room().width() == 1366  # tests/offscreen_screen.json
    assert open_window().splitter.widget(0).isVisible()

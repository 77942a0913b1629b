"""How the main window is laid out: the drafts panel beside the tabs, and its size.

The splitter between the drafts panel and the open draft's pages, the panel's share of the
window's width (`panel_split`), the window's first size and place on the screen
(`fit_to_screen`, the drafts panel folded on a narrow screen) and the page shown while no
draft is open (`placeholder_page`). What the window does with them is `ui.main_window`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QPushButton, QSplitter, QVBoxLayout, QWidget

from ui import screen, settings
from ui.icons import icon

# logical pixels: narrower than this (1366 px at 150 % is 910), the drafts panel starts folded
NARROW_WIDTH = 1000


def make_splitter(panel: QWidget, pages: QWidget) -> QSplitter:
    """The drafts panel on the left, the pages taking the rest of the room on the right."""
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.setObjectName("main_splitter")
    splitter.addWidget(panel)
    splitter.addWidget(pages)
    splitter.setStretchFactor(1, 1)
    splitter.setCollapsible(1, False)  # the panel may be hidden (มุมมอง › รายการฉบับร่าง)
    return splitter


def placeholder_page(new_draft: Callable[[], object]) -> QWidget:
    """What the right-hand side shows while no draft is open, with a button for a new one."""
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.addStretch(1)
    text = QLabel("เลือกฉบับร่างทางซ้ายเพื่อแก้ไข\nหรือกด “ใหม่” เพื่อเริ่มกรอกแบบรายงานฉบับใหม่")
    text.setAlignment(Qt.AlignmentFlag.AlignCenter)
    text.setStyleSheet("color: #566573;")
    button = QPushButton(icon("new"), "เริ่มฉบับร่างใหม่")
    button.setObjectName("placeholder_new")
    button.clicked.connect(new_draft)
    layout.addWidget(text)
    layout.addWidget(button, 0, Qt.AlignmentFlag.AlignCenter)
    layout.addStretch(2)
    return page


def fit_to_screen(window: QMainWindow, splitter: QSplitter) -> None:
    """The size and place the clerk left the window in; the first time, 1440×880 where
    the screen has room, maximised on a smaller screen (a school PC's 1366×768)."""
    if settings.restore_window(window, splitter):
        return
    wanted = QSize(1440, 880)
    size = screen.fitted(wanted, window)
    window.resize(size)
    splitter.setSizes(panel_split(size.width()))
    if size != wanted:
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
    if size.width() < NARROW_WIDTH:
        # 1366 px at 150 %: beside the drafts panel the tab titles are cut and the
        # progress table scrolls sideways; folded, both fit (the clerk's choice is
        # remembered from then on, with the window's size)
        splitter.widget(0).hide()
        window.statusBar().showMessage("ซ่อนรายการฉบับร่างไว้ (จอแคบ) — Ctrl+Shift+D แสดง", 20000)


def panel_split(width: int) -> list[int]:
    """The drafts panel's share of a window `width` wide: enough for a name and a date,
    and no more than 440 px, so the tabs keep their room on a small screen."""
    panel = max(210, min(440, int(width * 0.24)))
    return [panel, width - panel]

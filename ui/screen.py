"""Sizes that fit the clerk's screen: a 1366×768 school PC at 100–150 % leaves as little as
911×441 (device-independent) pixels under the taskbar and the title bar, so no window or
dialog may ask for more than the screen it opens on has."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# a dialog leaves some of the window behind it in sight, as Windows' own dialogs do
_DIALOG_SHARE = (0.92, 0.88)


def available(widget: QWidget | None = None) -> QRect | None:
    """The screen area free of taskbars where `widget` (or else the app) shows."""
    screen = None
    if widget is not None:
        parent = widget.parentWidget()
        screen = (parent or widget).screen()
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else None


def fitted(wanted: QSize, widget: QWidget | None = None, share=(1.0, 1.0)) -> QSize:
    """`wanted`, made smaller where the screen is smaller."""
    room = available(widget)
    if room is None:
        return wanted
    return QSize(
        min(wanted.width(), int(room.width() * share[0])),
        min(wanted.height(), int(room.height() * share[1])),
    )


def fit(dialog: QWidget, width: int, height: int) -> None:
    """Size `dialog` to `width`×`height`, or to most of a smaller screen."""
    dialog.resize(fitted(QSize(width, height), dialog, _DIALOG_SHARE))

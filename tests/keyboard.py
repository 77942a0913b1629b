"""Help for tests that drive the window as a user would (used by `tests/test_ui_*.py`).

`QTest.keyClicks` (and so `qtbot.keyClicks`) only knows ASCII and aborts on Thai letters,
so `type_text` sends one key event per character carrying its text, which is what a Thai
keyboard layout delivers to the focused widget.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget


def type_text(widget: QWidget, text: str) -> None:
    """Type `text` into `widget` key by key (any script; `\\n` presses Enter)."""
    for char in text:
        if char == "\n":
            QTest.keyClick(widget, Qt.Key.Key_Return)
        elif char.isascii():
            QTest.keyClick(widget, char)
        else:
            QTest.sendKeyEvent(
                QTest.KeyAction.Click,
                widget,
                Qt.Key.Key_unknown,
                char,
                Qt.KeyboardModifier.NoModifier,
            )

"""What a key may type into a number or date box.

A key that types a character no number (or BE date) has, a letter or `%`, is refused, so a
slip of the finger shows at once. Everything else is taken as it comes: text pasted or
dropped is never refused or cut, and a number out of range or with too many decimals is
kept. What cannot be read as the field's value stays in the box, marked, with its reason
(`forms.typed`). A `QValidator` cannot do this: Qt asks it about the whole new text, so
it would refuse a paste such as `180,000 บาท` as it refuses a letter.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent

DIGITS = "0123456789๐๑๒๓๔๕๖๗๘๙"
NUMBER_KEYS = DIGITS + ",. "  # thousands commas (or spaces), a decimal point
YEAR_KEYS = DIGITS
DATE_KEYS = DIGITS + "/ "
_SHORTCUT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.MetaModifier


def refuses(allowed: str, text: str) -> bool:
    """Whether a key typing `text` is refused in a box that takes the characters `allowed`
    (keys that type nothing printable, such as Ctrl+V, Backspace or Enter, never are)."""
    return text.isprintable() and bool(text) and not set(text) <= set(allowed)


class KeyFilter(QObject):
    """Installed on a line edit: refuses keys that type characters outside `allowed`."""

    def __init__(self, allowed: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.allowed = allowed

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.modifiers() & _SHORTCUT:
            return False  # Ctrl+V and other shortcuts (some platforms give them a letter)
        return refuses(self.allowed, event.text())


def filter_keys(line: QObject, allowed: str) -> KeyFilter:
    """Let `line` take only keys typing `allowed` characters (pastes are not keys)."""
    key_filter = KeyFilter(allowed, line)
    line.installEventFilter(key_filter)
    return key_filter

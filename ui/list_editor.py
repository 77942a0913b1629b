"""An editable list of texts: rationale paragraphs, objectives, both target lists.

Each item is a row: its printed number (`2.1`, `3.1.2`, or the paragraph number), a text box
that grows with its text, and buttons to move it up or down or remove it; a button under the
list adds an item. The whole list is the value (`edited` gives a new `list[str]`).

From the keyboard (the row buttons take no Tab stop, so Tab goes item to item and then to
the add button): Enter in an objective or target, or Ctrl+Enter in any item, starts a new
item after it; Alt+Up / Alt+Down move the item; Ctrl+Delete removes it.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui import dialogs
from ui.icons import icon

_ITEM_KEYS = {  # (key code, modifiers): the command; codes as ints (Thai keys are no Qt.Key)
    (Qt.Key.Key_Up.value, Qt.KeyboardModifier.AltModifier): "up",
    (Qt.Key.Key_Down.value, Qt.KeyboardModifier.AltModifier): "down",
    (Qt.Key.Key_Delete.value, Qt.KeyboardModifier.ControlModifier): "remove",
    (Qt.Key.Key_Return.value, Qt.KeyboardModifier.ControlModifier): "new",
    (Qt.Key.Key_Enter.value, Qt.KeyboardModifier.ControlModifier): "new",
}
_MODIFIERS = (
    Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.ShiftModifier
)


class GrowingTextEdit(QPlainTextEdit):
    """A wrapped text box whose height follows its text, between `min_lines` and `max_lines`."""

    command = Signal(str)  # "new", "up", "down", "remove": a key for the list, not the text

    def __init__(
        self, min_lines: int, max_lines: int, multiline: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.min_lines, self.max_lines, self.multiline = min_lines, max_lines, multiline
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        self._fit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        modifiers = event.modifiers() & _MODIFIERS
        command = _ITEM_KEYS.get((event.key(), modifiers))
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if command is None and enter and not self.multiline:
            # an objective or target is one numbered line on the printout: Enter ends it
            command = "new"
        if command is not None:
            event.accept()
            self.command.emit(command)
            return
        super().keyPressEvent(event)

    def _fit(self) -> None:
        text_lines = int(self.document().documentLayout().documentSize().height())
        lines = max(self.min_lines, min(self.max_lines, text_lines))
        needs_bar = text_lines > self.max_lines
        self.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAsNeeded
            if needs_bar
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )
        margins = self.contentsMargins()
        padding = 2 * self.document().documentMargin() + margins.top() + margins.bottom()
        self.setFixedHeight(int(lines * self._line_height() + padding + 2))

    def _line_height(self) -> float:
        # Thai marks above and below make a laid-out line taller than fontMetrics says, so
        # measure a line the layout has actually made when there is one
        block = self.document().firstBlock()
        layout = block.layout()
        if layout is not None and layout.lineCount() > 0:
            return self.blockBoundingRect(block).height() / layout.lineCount()
        return self.fontMetrics().lineSpacing() + 3

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()


class ItemRow(QWidget):
    """One list item with its number and its buttons."""

    def __init__(self, editor: TextListEditor) -> None:
        super().__init__()
        self.number = QLabel()
        self.number.setObjectName("item_number")
        self.number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.number.setMinimumWidth(editor.fontMetrics().horizontalAdvance("ย่อหน้า 00") + 8)
        self.text = GrowingTextEdit(2 if editor.multiline else 1, 12, editor.multiline)
        self.text.setObjectName("item_text")
        if editor.max_length:
            self.text.setToolTip(f"ไม่เกิน {editor.max_length:,} ตัวอักษร")
        self.up = _tool_button("up", "เลื่อนข้อนี้ขึ้น")
        self.down = _tool_button("down", "เลื่อนข้อนี้ลง")
        self.remove = _tool_button("remove", "ลบข้อนี้")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.number, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)
        for button in (self.up, self.down, self.remove):
            button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # keys: Alt+Up/Down, Ctrl+Delete
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)


def _tool_button(icon_name: str, tip: str) -> QToolButton:
    button = QToolButton()
    button.setIcon(icon(icon_name))
    button.setIconSize(QSize(18, 18))
    button.setToolTip(tip)
    button.setAccessibleName(tip)
    button.setObjectName(icon_name)
    return button


class TextListEditor(QWidget):
    edited = Signal(object)  # list[str]

    def __init__(
        self,
        numbering: str = "",
        multiline: bool = False,
        max_length: int | None = None,
        item_name: str = "ข้อ",
        max_items: int | None = None,
        item_unit: str = "ข้อ",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.numbering, self.multiline, self.max_length = numbering, multiline, max_length
        self.max_items, self.item_unit, self.item_name = max_items, item_unit, item_name
        self.items: list[str] = []
        self.rows: list[ItemRow] = []
        self.rows_layout = QVBoxLayout()
        self.rows_layout.setSpacing(6)
        self.add_button = QPushButton(icon("add"), "เพิ่มย่อหน้า" if multiline else "เพิ่มข้อ")
        self.add_button.setObjectName("add")
        self.add_tip = f"เพิ่ม{item_unit}ใหม่ต่อท้าย{item_name}"
        self.add_button.setToolTip(self.add_tip)
        self.add_button.clicked.connect(self.add_item)
        self.empty_label = QLabel("ยังไม่มีข้อมูล — กดปุ่มด้านล่างเพื่อเพิ่ม")
        self.empty_label.setObjectName("empty_hint")
        self.empty_label.setStyleSheet("color: #7f8c8d;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty_label)
        layout.addLayout(self.rows_layout)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._sync_rows()

    # the editor protocol (see ui.editors)
    def value(self) -> list[str]:
        return list(self.items)

    def show_value(self, items: list[str]) -> None:
        if items != self.items:
            self.items = list(items)
            self._sync_rows()

    def number_of(self, index: int) -> str:
        """The printed number of item `index` (0-based): `2.1`, `3.1.2`, or `ย่อหน้า 1`."""
        if self.numbering:
            return f"{self.numbering}{index + 1}"
        return f"ย่อหน้า {index + 1}"

    # user actions
    def add_item(self) -> None:
        self.insert_item(len(self.items))

    def insert_item(self, index: int) -> None:
        """A new empty item at `index`, with the focus in it."""
        if self.max_items is not None and len(self.items) >= self.max_items:
            return  # the button is disabled at the limit; a key may still call this
        self.items.insert(index, "")
        self._sync_rows()
        self.rows[index].text.setFocus()
        self._emit()

    def remove_item(self, index: int) -> None:
        text = self.items[index]
        if text.strip() and not dialogs.ask(
            self,
            "ลบข้อ",
            f"ลบข้อ {self.number_of(index)} “{_short(text)}” ใช่หรือไม่?",
            yes="ลบ",
        ):
            return
        del self.items[index]
        self._sync_rows()
        if self.rows:
            self.rows[min(index, len(self.rows) - 1)].text.setFocus()
        self._emit()

    def move_item(self, index: int, delta: int) -> None:
        target = index + delta
        if not 0 <= target < len(self.items):
            return
        self.items[index], self.items[target] = self.items[target], self.items[index]
        self._sync_rows()
        self.rows[target].text.setFocus()
        self._emit()

    # internals
    def _emit(self) -> None:
        self.edited.emit(list(self.items))

    def _typed(self, row: ItemRow) -> None:
        index = self.rows.index(row)
        text = row.text.toPlainText()  # kept whole over the limit: `too_long` marks it
        if self.items[index] != text:
            self.items[index] = text
            self._emit()

    def _sync_rows(self) -> None:
        """Make one row per item, each showing its item, number and enabled buttons."""
        while len(self.rows) < len(self.items):
            self._add_row()
        while len(self.rows) > len(self.items):
            row = self.rows.pop()
            self.rows_layout.removeWidget(row)
            row.deleteLater()
        last = len(self.items) - 1
        for index, (row, text) in enumerate(zip(self.rows, self.items, strict=True)):
            row.number.setText(self.number_of(index))
            if row.text.toPlainText() != text:
                row.text.blockSignals(True)
                row.text.setPlainText(text)
                row.text.blockSignals(False)
            row.up.setEnabled(index > 0)
            row.down.setEnabled(index < last)
        self.empty_label.setVisible(not self.items)
        full = self.max_items is not None and len(self.items) >= self.max_items
        self.add_button.setEnabled(not full)
        self.add_button.setToolTip(
            f"{self.item_name}มีครบ {self.max_items:,} {self.item_unit}ซึ่งเป็นจำนวนที่รับได้แล้ว"
            if full
            else self.add_tip
        )

    def _add_row(self) -> None:
        row = ItemRow(self)
        row.text.textChanged.connect(lambda: self._typed(row))
        row.up.clicked.connect(lambda: self.move_item(self.rows.index(row), -1))
        row.down.clicked.connect(lambda: self.move_item(self.rows.index(row), 1))
        row.remove.clicked.connect(lambda: self.remove_item(self.rows.index(row)))
        row.text.command.connect(lambda command: self._key_command(row, command))
        self.rows_layout.addWidget(row)
        if self.rows:
            QWidget.setTabOrder(self.rows[-1].text, row.text)
        QWidget.setTabOrder(row.text, self.add_button)  # items first, then "add"
        self.rows.append(row)

    def _key_command(self, row: ItemRow, command: str) -> None:
        index = self.rows.index(row)
        if command == "new":
            self.insert_item(index + 1)
        elif command == "remove":
            self.remove_item(index)
        else:
            self.move_item(index, -1 if command == "up" else 1)


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "…"

"""One editor widget per field kind, built from the schema (`forms.schema.Kind`).

Every editor speaks the same small protocol, whatever it edits: `value()`, `show_value(v)`
(set from the model, never echoed back) and an `edited(object)` signal (the clerk changed
it). A date or number box's value may be `Unreadable(text)`: what was typed there cannot be
read as the field's value, and it stays in the box as typed (the `unreadable` check marks
it). The form binds editors to a `ReportDocument`; the progress tab binds the same editors
to one row of the log. Editors carry the field key as their objectName.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QPlainTextEdit, QWidget

from forms.kinds import TYPES, entry_of, multiline
from forms.schema import Field, Kind
from forms.suggestions import suggestions_for
from forms.thainum import decimal_places
from forms.typed import Unreadable
from ui.date_edit import BeDateEdit
from ui.list_editor import TextListEditor
from ui.validators import NUMBER_KEYS, YEAR_KEYS, filter_keys

NO_CHOICE = "— ยังไม่ระบุ —"


class TextEdit(QLineEdit):
    """One line of text; every keystroke is an edit (nothing waits for focus-out)."""

    edited = Signal(object)

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # no setMaxLength: a longer text stays whole, marked by the `too_long` check (Qt
        # would cut a paste silently)
        self.setPlaceholderText(field.hint)
        self.textEdited.connect(lambda text: self.edited.emit(text))
        offered = suggestions_for(field.key)
        if offered:
            completer = QCompleter(list(offered), self)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)  # "บึงกุ่ม" finds its office
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            # a pick is an edit like a keystroke (setCompleter alone would not say so)
            completer.activated.connect(lambda text: self.edited.emit(text))
            self.setCompleter(completer)

    def value(self) -> str:
        return self.text()

    def show_value(self, value: str) -> None:
        if self.text() != value:  # setText would also clear the undo history
            self.setText(value)
            if not self.hasFocus():
                self.setCursorPosition(0)  # a long name shows its start, not its end


class ParagraphEdit(QPlainTextEdit):
    """Free text over several lines (a progress report's narrative)."""

    edited = Signal(object)

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(field.hint)
        self.setTabChangesFocus(True)
        self.textChanged.connect(self._changed)
        self._showing = False

    def _changed(self) -> None:
        if self._showing:
            return
        # a text over the field's limit is kept whole: the `too_long` check marks it
        self.edited.emit(self.toPlainText())

    def value(self) -> str:
        return self.toPlainText()

    def show_value(self, value: str) -> None:
        if self.toPlainText() != value:
            self._showing = True
            self.setPlainText(value)
            self._showing = False


class NumberEdit(QLineEdit):
    """Money, percent or a BE year: keys that type no digit are refused as they are typed.

    Every edit reaches the model: a number as it is (out of range or over-precise numbers
    too, which the checks mark), anything else as `Unreadable`. On leaving the field a
    number is rewritten in the printed format (`180,000`, `20.00`), never rounded.
    """

    edited = Signal(object)

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field, self.kind = field, field.kind
        filter_keys(self, YEAR_KEYS if field.kind is Kind.YEAR_BE else NUMBER_KEYS)
        self.setPlaceholderText(field.hint)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if field.computed:
            self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # no Tab stop; still copyable
            self.setReadOnly(True)
            self.setStyleSheet("QLineEdit { background: #eef0f1; color: #2c3e50; }")
            self.setToolTip("คำนวณอัตโนมัติจากรายงานความก้าวหน้า แก้ไขโดยตรงไม่ได้")
        self.textEdited.connect(lambda text: self.edited.emit(entry_of(self.kind, text)))
        self.editingFinished.connect(self._reformat)

    def value(self) -> Any:
        return entry_of(self.kind, self.text())

    def _reformat(self) -> None:
        value = self.value()
        if not isinstance(value, Unreadable):
            self.setText(self.format(value))

    def format(self, value: Decimal | int | None) -> str:
        if value is None:
            return ""
        if isinstance(value, Decimal) and decimal_places(value) > 2:
            return f"{value:,f}"  # every decimal typed: the decimals check says it is too many
        return TYPES[self.kind].show(self.field, value, unit=False)

    def show_value(self, value: Any) -> None:
        """Show a value or `Unreadable` text from the model; does not emit `edited`."""
        if self.value() != value:
            self.setText(value.text if isinstance(value, Unreadable) else self.format(value))


class ChoiceEdit(QComboBox):
    """One of the field's choices, shown by its Thai label; None shows as not chosen."""

    edited = Signal(object)

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addItem(NO_CHOICE, None)
        for value, label in field.choices:
            self.addItem(label, value)
        self.activated.connect(lambda index: self.edited.emit(self.itemData(index)))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a wheel notch gives no focus

    def wheelEvent(self, event: QWheelEvent) -> None:
        # scrolling the page past an unfocused box must not change (and save) its choice
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()

    def value(self) -> str | None:
        return self.currentData()

    def show_value(self, value: str | None) -> None:
        index = self.findData(value) if value is not None else 0
        self.setCurrentIndex(max(index, 0))


class DateEdit(BeDateEdit):
    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)


class ListEdit(TextListEditor):
    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(
            numbering=field.item_numbering,
            multiline=multiline(field),
            max_length=field.max_length,
            item_name=field.title,
            max_items=field.max_items,
            item_unit=field.item_unit,
            parent=parent,
        )


# no INT editor: the progress report's running number follows the order and is only shown
EDITORS: dict[Kind, type[QWidget]] = {
    Kind.TEXT: TextEdit,
    Kind.PARAGRAPH: ParagraphEdit,
    Kind.YEAR_BE: NumberEdit,
    Kind.MONEY: NumberEdit,
    Kind.PERCENT: NumberEdit,
    Kind.DATE: DateEdit,
    Kind.CHOICE: ChoiceEdit,
    Kind.TEXT_LIST: ListEdit,
}


def make_editor(field: Field, parent: QWidget | None = None) -> QWidget:
    """The editor of `field`'s kind, named after the field's key."""
    editor = EDITORS[field.kind](field, parent)
    editor.setObjectName(field.key)
    editor.setAccessibleName(field.title)
    return editor

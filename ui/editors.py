"""One editor widget per field kind, built from the schema (`forms.schema.Kind`).

Every editor speaks the same small protocol, whatever it edits: `value()`, `show_value(v)`
(set from the model, never echoed back) and an `edited(object)` signal (the clerk changed
it). The form binds editors to a `ReportDocument`; the progress tab binds the same editors
to one row of the log. Editors carry the field key as their objectName.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from forms.schema import Field, Kind
from forms.thainum import format_money, format_percent, parse_number
from ui.date_edit import BeDateEdit
from ui.list_editor import TextListEditor
from ui.validators import NumberValidator

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

    def value(self) -> str:
        return self.text()

    def show_value(self, value: str) -> None:
        if self.text() != value:  # setText would also clear the undo history
            self.setText(value)


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


_NUMBER_FORMAT = {Kind.MONEY: format_money, Kind.PERCENT: format_percent, Kind.YEAR_BE: str}


class NumberEdit(QLineEdit):
    """Money, percent or a BE year: refuses non-numbers as they are typed.

    Edits reach the model only when the text is a whole acceptable number; on leaving the
    field the text is rewritten in the printed format (`180,000`, `20.00`).
    """

    edited = Signal(object)

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = field.kind
        decimals = 0 if field.kind in (Kind.YEAR_BE, Kind.INT) else 2
        self.setValidator(NumberValidator(field.minimum, field.maximum, decimals, self))
        self.setPlaceholderText(field.hint)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if field.computed:
            self.setReadOnly(True)
            self.setStyleSheet("QLineEdit { background: #eef0f1; color: #2c3e50; }")
            self.setToolTip("คำนวณอัตโนมัติจากรายงานความก้าวหน้า แก้ไขโดยตรงไม่ได้")
        self.textEdited.connect(self._typed)
        self.editingFinished.connect(self._reformat)

    def _parsed(self) -> Any:
        value = parse_number(self.text())
        if value is not None and self.kind in (Kind.YEAR_BE, Kind.INT):
            return int(value)
        return value

    def value(self) -> Any:
        return self._parsed() if self.hasAcceptableInput() else None

    def _typed(self) -> None:
        validator = self.validator()
        state = validator.validate(self.text(), 0)[0] if validator else QValidator.State.Invalid
        if state == QValidator.State.Acceptable:
            self.edited.emit(self._parsed())

    def _reformat(self) -> None:
        if self.hasAcceptableInput():
            self.setText(self.format(self._parsed()))

    def format(self, value: Decimal | int | None) -> str:
        if value is None:
            return ""
        return _NUMBER_FORMAT.get(self.kind, str)(value)

    def show_value(self, value: Decimal | int | None) -> None:
        if not self.hasAcceptableInput() or self._parsed() != value:
            self.setText(self.format(value))


class ChoiceEdit(QComboBox):
    """One of the field's choices, shown by its Thai label; None shows as not chosen."""

    edited = Signal(object)

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addItem(NO_CHOICE, None)
        for value, label in field.choices:
            self.addItem(label, value)
        self.activated.connect(lambda index: self.edited.emit(self.itemData(index)))

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
            multiline=field.key == "rationale",
            max_length=field.max_length,
            item_name=field.title,
            max_items=field.max_items,
            item_unit=field.item_unit,
            parent=parent,
        )


EDITORS: dict[Kind, type[QWidget]] = {
    Kind.TEXT: TextEdit,
    Kind.PARAGRAPH: ParagraphEdit,
    Kind.YEAR_BE: NumberEdit,
    Kind.MONEY: NumberEdit,
    Kind.PERCENT: NumberEdit,
    Kind.INT: NumberEdit,
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

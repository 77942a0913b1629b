"""Validators that refuse what cannot become a value while the clerk types.

Numbers go through `forms.thainum.parse_number` (Thai digits, thousands commas) and dates
through `forms.thaidate.parse_be_date`, so what the field accepts is exactly what the model
can hold. Partial input (`1,`, `30/0`) is Intermediate; letters are Invalid.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QObject
from PySide6.QtGui import QValidator

from forms.thaidate import ThaiDateError, parse_be_date
from forms.thainum import parse_number

State = QValidator.State
_PARTIAL_NUMBER = re.compile(r"^[0-9๐-๙,\s\u00a0]*\.?[0-9๐-๙]*$")
_PARTIAL_DATE = re.compile(r"^\s*[0-9๐-๙]{0,2}(\s*/\s*[0-9๐-๙]{0,2}(\s*/\s*[0-9๐-๙]{0,4})?)?\s*$")
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def number_state(
    text: str, minimum: Decimal | None, maximum: Decimal | None, decimals: int = 2
) -> State:
    """Acceptable for a number within limits (or empty), Intermediate for a start of one."""
    if not _PARTIAL_NUMBER.match(text) or (decimals == 0 and "." in text):
        return State.Invalid
    try:
        value = parse_number(text)
    except ValueError:
        return State.Intermediate
    if value is None:
        return State.Acceptable
    if maximum is not None and value > maximum:
        return State.Invalid
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > decimals:
        return State.Invalid
    if minimum is not None and value < minimum:
        return State.Intermediate
    return State.Acceptable


class NumberValidator(QValidator):
    """Money, percent and year fields: digits, one point, thousands commas; within limits."""

    def __init__(
        self,
        minimum: Decimal | None = None,
        maximum: Decimal | None = None,
        decimals: int = 2,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.minimum, self.maximum, self.decimals = minimum, maximum, decimals

    def validate(self, text: str, pos: int) -> tuple[State, str, int]:
        return number_state(text, self.minimum, self.maximum, self.decimals), text, pos


def parse_typed_date(text: str) -> date | None:
    """The date a clerk typed as `30/01/2566` (Thai digits too); raises ThaiDateError."""
    return parse_be_date(text.translate(_THAI_DIGITS))


def date_state(text: str) -> State:
    """Acceptable for a real BE date (or empty), Intermediate while it is being typed."""
    if not _PARTIAL_DATE.match(text):
        return State.Invalid
    try:
        parse_typed_date(text)
    except ThaiDateError:
        return State.Intermediate
    return State.Acceptable


class BeDateValidator(QValidator):
    """`dd/mm/yyyy` with a Buddhist-Era year; digits and slashes only."""

    def validate(self, text: str, pos: int) -> tuple[State, str, int]:
        return date_state(text), text, pos

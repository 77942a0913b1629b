"""One type object per field kind: everything a kind of value does, in one place.

As qutebrowser's `configtypes` are to its `configdata.yml`, each `KindType` here is to
`forms.schema`'s `Kind`: how a value of the kind is read from JSON (`decode`, refusing
wrong types with a `FieldValueError` naming the field) and written to it (`encode`), kept
in a SQLite column (`to_column`, `from_column`), typed into a box as text (`read_typed`,
for the `typed` kinds), shown to the clerk (`show`), and what a new report holds
(`default`, which `forms.report` builds the model from). Its flags say what the window
and the checks need: `multiline` (a paragraph keeps its line breaks), `is_list`, `unit`
(printed after a number, and allowed after a pasted one), `short` (a box a few characters
wide), `numeric` (an amount, right-aligned). The window's editor for each kind is
`ui.editors.EDITORS`: a widget, so in `ui`. Reading the app's own JSON fast
(`forms.trusted_json`) keeps its own readers, which check less.

`TYPES[field.kind]` is the one way to any of it.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Any, ClassVar

from forms.codec import read_date, read_decimal, read_integer, read_text
from forms.errors import FieldValueError, TooManyItemsError
from forms.schema import Field, Kind, choice_label
from forms.thaidate import THAI_DIGITS, format_be_date
from forms.thainum import format_money, format_percent
from forms.typed import NotReadable, Unreadable, read_be_year, read_number, read_thai_date


class KindType:
    """A kind of value; the base holds what most kinds do (a value kept as it is)."""

    kind: ClassVar[Kind]
    value_type: ClassVar[str] = "Any"  # what the model's attribute holds (its annotation)
    multiline: ClassVar[bool] = False  # its text may hold line breaks
    is_list: ClassVar[bool] = False
    typed: ClassVar[bool] = False  # typed into a box as text (`read_typed`)
    short: ClassVar[bool] = False  # a value of a few characters: a narrow box
    numeric: ClassVar[bool] = False  # an amount: right-aligned, in figures
    unit: ClassVar[str] = ""  # after the value when shown; may follow a pasted number

    def default(self) -> Any:
        return None

    def decode(self, field: Field, path: str, value: Any) -> Any:
        raise TypeError(f"no JSON reader for {self.kind}")

    def encode(self, field: Field, value: Any) -> Any:
        return value

    def to_column(self, value: Any) -> Any:
        return value

    def from_column(self, value: Any) -> Any:
        return value

    def read_typed(self, text: str, today: date) -> Any:
        raise TypeError(f"{self.kind} is not typed into a box as text")

    def show(self, field: Field, value: Any, unit: bool = True) -> str:
        """The value as the clerk reads it ('' when empty); `unit=False` where a column's
        title says the unit already."""
        if value is None or value == "":
            return ""
        return str(value)


class TextType(KindType):
    kind = Kind.TEXT
    value_type = "str"

    def default(self) -> str:
        return ""

    def decode(self, field: Field, path: str, value: Any) -> str:
        return read_text(field, path, value, one_line=not self.multiline)

    def from_column(self, value: Any) -> str:
        return value if value is not None else ""


class ParagraphType(TextType):
    kind = Kind.PARAGRAPH
    multiline = True


class TextListType(KindType):
    kind = Kind.TEXT_LIST
    value_type = "list[str]"
    is_list = True

    def default(self) -> list[str]:
        return []

    def decode(self, field: Field, path: str, value: Any) -> list[str]:
        if value is None:
            return []
        if not isinstance(value, list):
            raise FieldValueError(path, field.title, value, "รายการข้อความ (JSON array)")
        check_item_count(field, path, len(value))
        return [
            # any item may hold a line break, as JSON has always allowed; the window keeps
            # one only in a field of `paragraphs` (`multiline`)
            read_text(field, f"{path}[{i}]", item, one_line=False)
            for i, item in enumerate(value, start=1)
        ]

    def encode(self, field: Field, value: Any) -> list[str]:
        return list(value)

    def to_column(self, value: Any) -> Any:
        return None if value is None else json.dumps(list(value), ensure_ascii=False)

    def from_column(self, value: Any) -> list[str]:
        return list(json.loads(value)) if value else []


class ReportListType(KindType):
    """The progress log: its items are read by `forms.interchange`, field by field."""

    kind = Kind.REPORT_LIST
    value_type = "list[ProgressReport]"
    is_list = True

    def default(self) -> list[Any]:
        return []


class IntType(KindType):
    """A running number (a progress report's), from 1."""

    kind = Kind.INT
    value_type = "int | None"
    example = "1"

    def default(self) -> int | None:
        return 1

    def decode(self, field: Field, path: str, value: Any) -> int | None:
        return read_integer(field, path, value, self.example)


class YearType(IntType):
    kind = Kind.YEAR_BE
    example = "2566"
    typed = short = True

    def default(self) -> int | None:
        return None

    def read_typed(self, text: str, today: date) -> int:
        return read_be_year(text, today)


class DateType(KindType):
    kind = Kind.DATE
    value_type = "date | None"
    typed = short = True

    def decode(self, field: Field, path: str, value: Any) -> date | None:
        return read_date(field, path, value)

    def encode(self, field: Field, value: Any) -> str | None:
        return value.isoformat() if value is not None else None

    def to_column(self, value: Any) -> str | None:
        return None if value is None else value.isoformat()

    def from_column(self, value: Any) -> date | None:
        return None if value is None else date.fromisoformat(value)

    def read_typed(self, text: str, today: date) -> date:
        return read_thai_date(text, today)

    def show(self, field: Field, value: Any, unit: bool = True) -> str:
        return format_be_date(value) if isinstance(value, date) else super().show(field, value)


class NumberType(KindType):
    """Money and percentages: a `Decimal` of at most two decimals."""

    typed = numeric = True
    value_type = "Decimal | None"
    what: ClassVar[tuple[str, str]]  # what the JSON must hold, and an example

    def decode(self, field: Field, path: str, value: Any) -> Decimal | None:
        return read_decimal(field, path, value, self.what, self.unit)

    def to_column(self, value: Any) -> str | None:
        # plain notation ("180000", "20.50"): exact, readable, and never a float
        return None if value is None else format(value, "f")

    def from_column(self, value: Any) -> Decimal | None:
        return None if value is None else Decimal(value)

    def read_typed(self, text: str, today: date) -> Decimal:
        return read_number(text, self.unit, money=self.kind is Kind.MONEY)

    def show(self, field: Field, value: Any, unit: bool = True) -> str:
        if not isinstance(value, Decimal):
            return super().show(field, value)
        text = self.formatted(value)
        return f"{text} {self.unit}" if unit else text

    def formatted(self, value: Decimal) -> str:
        raise NotImplementedError


class MoneyType(NumberType):
    kind = Kind.MONEY
    unit = "บาท"
    short = True
    what = ("จำนวนเงินเป็นตัวเลข (บาท)", "180000")

    def formatted(self, value: Decimal) -> str:
        return format_money(value)


class PercentType(NumberType):
    kind = Kind.PERCENT
    unit = "%"
    what = ("ร้อยละเป็นตัวเลข 0-100", "20.5")

    def formatted(self, value: Decimal) -> str:
        return format_percent(value)


class ChoiceType(KindType):
    kind = Kind.CHOICE
    value_type = "str | None"

    def decode(self, field: Field, path: str, value: Any) -> str | None:
        if value is None or value == "":
            return None
        allowed = [code for code, _label in field.choices]
        if value not in allowed:
            raise FieldValueError(path, field.title, value, "หนึ่งใน " + " / ".join(allowed))
        return value  # type: ignore[no-any-return]

    def show(self, field: Field, value: Any, unit: bool = True) -> str:
        return choice_label(field, value)


TYPES: dict[Kind, KindType] = {
    t.kind: t
    for t in (
        TextType(),
        ParagraphType(),
        TextListType(),
        ReportListType(),
        IntType(),
        YearType(),
        DateType(),
        MoneyType(),
        PercentType(),
        ChoiceType(),
    )
}
TYPED_KINDS = frozenset(kind for kind, t in TYPES.items() if t.typed)


def multiline(field: Field) -> bool:
    """Whether the field's text (each item's, for a list) may hold line breaks."""
    return TYPES[field.kind].multiline or field.paragraphs


def check_item_count(field: Field, path: str, count: int) -> None:
    """Refuse a list longer than `field.max_items` (before any item is read)."""
    if field.max_items is not None and count > field.max_items:
        raise TooManyItemsError(path, field.title, count, field.max_items, field.item_unit)


def read_typed(kind: Kind, text: str, today: date | None = None) -> Any:
    """The value of `text` typed into a box of `kind`; blank gives None.

    Raises `forms.typed.NotReadable` (a Thai reason and what to type instead); `today`
    only picks the examples its hint gives.
    """
    clean = text.translate(THAI_DIGITS).strip()
    if not clean:
        return None
    return TYPES[kind].read_typed(clean, today or date.today())


def entry_of(kind: Kind, text: str) -> Any:
    """The value of `text`, or `Unreadable(text)` when it cannot be read."""
    try:
        return read_typed(kind, text)
    except NotReadable:
        return Unreadable(text)

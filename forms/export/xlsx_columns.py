"""Writing a table into a worksheet a column at a time, and the width each column needs.

The district's workbook has about 440,000 cells (5,000 reports), so the per-cell work
counts. A column holds one kind of value (`forms.export.cells.Kind`), nearly always of one
Python type: its types are looked at once (in C, `set(map(type, ...))`), and a column of
plain values is converted in one comprehension and handed to the sheet whole
(`forms.export.xlsx_sheet.FastWorksheet.numbers` and `texts`), its width found by
C-level `max` and `set` rather than cell by cell. A column holding anything else (a
clerk's unreadable text, a date Excel cannot hold) goes cell by cell through the sheet's
general writer, as it always did. Both ways write the same cells and find the same widths.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from itertools import count
from typing import Any

from forms.export.cells import Kind, Value, text_width
from forms.typed import Unreadable

TEXT_MAX_WIDTH = 48  # a long name is cut off on screen (the whole text is in the cell)
FIXED_WIDTH = {Kind.DATE: 11.0, Kind.YEAR: 6.0}
DECIMAL_KINDS = frozenset({Kind.MONEY, Kind.PERCENT, Kind.CHANGE})
_NUMBER_KINDS = DECIMAL_KINDS | {Kind.INT, Kind.YEAR}
_TEXT_KINDS = frozenset({Kind.TEXT, Kind.LONG_TEXT})
_NONE = type(None)
_PLAIN_TEXTS = frozenset({str, _NONE})
_PLAIN_NUMBERS = frozenset({int, Decimal, _NONE})  # `type(v) is int`: never a bool
_PLAIN_DATES = frozenset({date, _NONE})  # `type(v) is date`: never a datetime
EXCEL_EPOCH = date(1899, 12, 30)  # day 0 of Excel's (1900) date system, past its 1900 leap bug
EXCEL_FIRST_DAY = date(1900, 3, 1)  # earlier day numbers are off by Excel's 29 Feb 1900
_EPOCH_ORDINAL = EXCEL_EPOCH.toordinal()

CellWriter = Callable[[int, int, Value], object]


def number_width(value: int | Decimal, decimals: int) -> float:
    """Digit widths of a number shown with thousands separators and `decimals` places."""
    digits = len(str(abs(int(value))))
    return digits + (digits - 1) // 3 + (decimals + 1 if decimals else 0) + (value < 0)


def value_width(kind: Kind, value: Value) -> float:
    """How many digit widths `value` takes as its column shows it."""
    if isinstance(value, Unreadable):
        return text_width(value.text)
    if isinstance(value, str):
        return text_width(value)
    if kind in FIXED_WIDTH:
        return FIXED_WIDTH[kind]
    assert isinstance(value, (int, Decimal))
    return number_width(value, 2 if kind in DECIMAL_KINDS else 0)


def write_column(
    sheet: Any,  # xlsxwriter.worksheet.Worksheet
    col: int,
    kind: Kind,
    values: Sequence[Value],
    first_row: int,
    cell_format: Any,  # xlsxwriter.format.Format | None
    write_any: CellWriter,
) -> float:
    """Write `values` into column `col` from row `first_row` down (None and '' leave a
    cell empty); returns the width the column needs for them (0 for none)."""
    types = set(map(type, values))
    if kind in _TEXT_KINDS and types <= _PLAIN_TEXTS:
        _texts(sheet, first_row, col, values, cell_format)  # type: ignore[arg-type]
        return 0.0 if kind is Kind.LONG_TEXT else widest_text(values)
    if kind in _NUMBER_KINDS and types <= _PLAIN_NUMBERS:
        if Decimal in types:
            numbers = [None if value is None else float(value) for value in values]  # type: ignore[arg-type]
        else:
            numbers = values  # type: ignore[assignment]
        _numbers(sheet, first_row, col, numbers, cell_format)
        if kind in FIXED_WIDTH:
            return FIXED_WIDTH[kind]
        largest = max(map(abs, filter(None, values)), default=0)  # type: ignore[arg-type]
        return value_width(kind, largest) + 1 if largest else 0.0  # +1: room for a sign
    if kind is Kind.DATE and types <= _PLAIN_DATES and _excel_days(values):
        days = [None if value is None else value.toordinal() - _EPOCH_ORDINAL for value in values]  # type: ignore[union-attr]
        _numbers(sheet, first_row, col, days, cell_format)
        return FIXED_WIDTH[kind]
    return _cell_by_cell(col, kind, values, count(first_row), write_any)


def _texts(sheet: Any, first_row: int, col: int, values: Sequence[str | None], fmt: Any) -> None:
    """Each text but None and '' into its cell (`FastWorksheet.texts` where it can)."""
    if hasattr(sheet, "texts"):
        sheet.texts(first_row, col, values, fmt)
        return
    for row, value in zip(count(first_row), values, strict=False):
        if value:
            sheet.write_string(row, col, value, fmt)


def _numbers(
    sheet: Any, first_row: int, col: int, values: Sequence[float | int | None], fmt: Any
) -> None:
    """Each number but None into its cell (`FastWorksheet.numbers` where it can)."""
    if hasattr(sheet, "numbers"):
        sheet.numbers(first_row, col, values, fmt)
        return
    for row, value in zip(count(first_row), values, strict=False):
        if value is not None:
            sheet.write_number(row, col, value, fmt)


def _excel_days(values: Sequence[Value]) -> bool:
    """Every date is one Excel can hold as a day number."""
    dated = [value for value in values if value is not None]
    return not dated or min(dated) >= EXCEL_FIRST_DAY  # type: ignore[type-var]


def widest_text(values: Sequence[Value]) -> float:
    """The widest of the texts, each distinct text measured once, and none after one
    reaches the cap (the column is then as wide as it gets)."""
    widest = 0.0
    for text in dict.fromkeys(values):
        if text:
            width = text_width(text)  # type: ignore[arg-type]
            if width > widest:
                widest = width
                if widest >= TEXT_MAX_WIDTH:
                    break
    return widest


def _cell_by_cell(
    col: int, kind: Kind, values: Sequence[Value], rows: count[int], write_any: CellWriter
) -> float:
    """Any column the plain loops do not take: each cell through the general writer."""
    measured = kind is not Kind.LONG_TEXT and kind not in FIXED_WIDTH
    widest, largest = 0.0, 0
    for row, value in zip(rows, values, strict=False):
        if value is None or value == "":
            continue
        write_any(row, col, value)
        if not measured:
            continue
        if isinstance(value, (str, Unreadable)):
            widest = max(widest, value_width(kind, value))
        elif abs(value) > largest:  # type: ignore[arg-type]
            largest = abs(value)  # type: ignore[arg-type,assignment]
    if kind in FIXED_WIDTH:
        return FIXED_WIDTH[kind]
    if largest:
        widest = max(widest, value_width(kind, largest) + 1)
    return widest

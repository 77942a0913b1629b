"""The cells of an exported table: what kinds of value a column holds, how wide Thai text
is, and the guard that keeps a text from being read as a formula.

A `Table` is the one description of an export's rows that both the Excel and the CSV
writers take (`forms.export.tables` builds them from reports), so the two agree on every
column. Values are typed: str, int, Decimal (money, percent), date, None (an empty cell),
or `Unreadable` (what a clerk typed into a number or date box that cannot be read: always
written as text, never as a value).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum

from forms.typed import Unreadable

Value = str | int | Decimal | date | Unreadable | None


class Kind(Enum):
    TEXT = "text"  # one line
    LONG_TEXT = "long_text"  # a narrative: wrapped in a fixed width
    INT = "int"  # a count, a report number, a quarter
    YEAR = "year"  # a Buddhist Era year (no thousands separator)
    MONEY = "money"  # baht, two decimals
    PERCENT = "percent"  # 45.5 means 45.5 % (as the form writes it), two decimals
    CHANGE = "change"  # a percent with its sign (+5.00, -2.50)
    DATE = "date"


@dataclass(frozen=True)
class Column:
    header: str  # Thai
    kind: Kind = Kind.TEXT
    identifies: bool = False  # printed on each page of a sheet too wide for one (the code)


@dataclass(frozen=True)
class Table:
    name: str  # the sheet's name (Excel: at most 31 characters)
    columns: Sequence[Column]
    rows: Iterable[Sequence[Value]]  # may be a generator: read once


# -- formula injection ----------------------------------------------------------------------

# What a spreadsheet may take for the start of a formula (OWASP, "CSV injection"): `=`, `+`,
# `-`, `@`, and a tab or carriage return before one of them.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_text(text: str) -> str:
    """`text` for a CSV cell: one that could start a formula is preceded by `'`.

    A CSV has no types, so Excel reads `=HYPERLINK(...)`, `+66...` or `- จัดประชุม` as a
    formula (`#NAME?` at best, a command at worst). OWASP's advice is the apostrophe: Excel
    and LibreOffice then show the text, the apostrophe in front of it, and run nothing.
    A tab or a space in front instead would be invisible, so a reader could not tell the
    text was changed; the apostrophe says so, and removing one leading `'` gives the text
    back exactly. (The Excel workbook needs no such mark: its cells are typed strings.)
    """
    return "'" + text if text.startswith(FORMULA_STARTS) else text


# -- width of Thai text -----------------------------------------------------------------------


# What takes no width of its own: Thai vowels and tone marks above and below a consonant
# (U+0E31, U+0E34-0E3A, U+0E47-0E4E), other combining marks, zero-width spaces and joiners,
# variation selectors. (A small class: matching it is most of `text_width`'s cost.)
_NO_WIDTH = re.compile(
    "[\u0300-\u036f\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u200b-\u200f\u2060-\u2064\ufe00-\ufe0f\ufeff]"
)
_WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]"
)
# In a Thai font (Sarabun, TH Sarabun New) a Thai letter is about 1.15 times the width of a
# digit, Excel's unit of column width; Latin letters about one; CJK two.
THAI_LETTER_WIDTH = 1.15


def text_width(text: str) -> float:
    """How many digit widths `text` takes on one line (its longest line)."""
    if text.isascii():
        if "\n" in text:
            return float(max(len(line) for line in text.split("\n")))
        return float(len(text))
    if "\n" in text:
        return max(text_width(line) for line in text.split("\n"))
    # regular expressions and encode run in C (a loop over the characters in Python cost
    # a second for the 30,000 rows of 5,000 reports)
    marks = len(_NO_WIDTH.findall(text))
    other = len(text) - len(text.encode("ascii", "ignore")) - marks
    wide = len(_WIDE.findall(text)) if other else 0
    return len(text) - marks - other + (other - wide) * THAI_LETTER_WIDTH + wide * 2.0


# -- Excel's limits -----------------------------------------------------------------------------

EXCEL_MAX_ROWS = 1048576


def as_float(value: Decimal) -> float:
    """A money or percent value for a spreadsheet cell. Excel holds 15 significant digits,
    so any amount the form admits (up to 999,999,999,999.99) comes back to the satang."""
    return float(value)


__all__ = [
    "EXCEL_MAX_ROWS",
    "FORMULA_STARTS",
    "Column",
    "Kind",
    "Table",
    "Unreadable",
    "Value",
    "as_float",
    "csv_text",
    "text_width",
]

"""Reading what a clerk types into a date, year, money or percent box, and why a text
cannot be read.

Each reader here gives the value or raises `NotReadable` with a Thai reason and what to
type instead; `forms.kinds.read_typed` picks the field kind's reader, and its `entry_of`
gives the value or `Unreadable(text)`, which the report keeps as typed (`forms.report`).
The window's boxes and the `unreadable` check both read through them, so a box marks
exactly what the check reports, in the same words.

A number out of the field's range or with too many decimals (`150` %, `99.999`) is read:
it is a number, and the range and decimals checks say what is wrong with it.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache

from forms.thaidate import (
    BE_OFFSET,
    FIRST_BE_YEAR,
    be_year,
    fiscal_year_of,
    format_be_date,
    thai_month_names,
)
from forms.thainum import parse_number

# More integer digits than any amount of the form can have (as the JSON import, forms.codec)
MAX_DIGITS = 15
_DATE_PARTS = re.compile(r"^(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d+)$", re.ASCII)
_YEAR = re.compile(r"^(?:พ\.ศ\.)?\s*(\d+)$", re.ASCII)
# `1 ตุลาคม 2565`, `1 ต.ค. 2565`, `1 ต.ค. พ.ศ. 2565`: a day, a month's name, a year
_LONG_DATE = re.compile(r"^(\d{1,2})\s*([\u0e01-\u0e4e][\u0e01-\u0e4e. ]*?)\s*(?:พ\.ศ\.)?\s*(\d+)$")
_DATE_FORM = "พิมพ์วันที่แบบ วว/ดด/ปปปป พ.ศ."


@dataclass(frozen=True)
class Unreadable:
    """What a field holds instead of a value when its typed text cannot be read as one."""

    text: str


class NotReadable(ValueError):
    """A typed text that is not a value of its field: why (`reason`) and what to type
    instead (`hint`), both Thai."""

    def __init__(self, reason: str, hint: str) -> None:
        super().__init__(f"{reason} — {hint}")
        self.reason, self.hint = reason, hint


def read_thai_date(text: str, today: date) -> date:
    """A date typed as วว/ดด/ปปปป (BE) or the Thai way (`1 ต.ค. 2565`); `text` is stripped,
    its Thai digits made Arabic."""
    parts = _DATE_PARTS.match(text)
    if parts is not None:
        day, month, year_text = parts.groups()
        d, m = int(day), int(month)
    else:
        d, m, year_text = _read_long_date(text, today)
    year = int(year_text)
    if not 1 <= m <= 12:
        raise NotReadable(
            f"ไม่มีเดือนที่ {m}", f"{_DATE_FORM} เดือน 01 ถึง 12 เช่น {format_be_date(today)}"
        )
    if len(year_text) != 4:
        meant = int(f"25{year_text}") if len(year_text) == 2 else be_year(today.year)
        hint = f"พิมพ์ปี พ.ศ. 4 หลัก เช่น {_example(d, m, meant)}"
        raise NotReadable(f'ปี "{year_text}" ไม่ใช่ปี 4 หลัก', hint)
    if year < FIRST_BE_YEAR:
        if be_year(year) < FIRST_BE_YEAR:
            raise NotReadable(f"ปี {year} ไม่ใช่ปี พ.ศ.", f"{_DATE_FORM} เช่น {format_be_date(today)}")
        hint = f"ใช้ปี พ.ศ. เช่น {_example(d, m, be_year(year))}"
        raise NotReadable(f"ปี {year} ดูเป็นปี ค.ศ.", hint)
    days = calendar.monthrange(year - BE_OFFSET, m)[1]
    if not 1 <= d <= days:
        month_name = thai_month_names()[m - 1]
        in_year = f" {year} " if m == 2 else ""  # only February's length depends on the year
        raise NotReadable(
            f"ไม่มีวันที่นี้ ({month_name}{in_year}มี {days} วัน)",
            f"{_DATE_FORM} เช่น {_example(d, m, year)}",
        )
    return date(year - BE_OFFSET, m, d)


def _read_long_date(text: str, today: date) -> tuple[int, int, str]:
    """(day, month, year digits) of a date written the Thai way, as letters and printouts
    do: `1 ตุลาคม 2565`, `1 ต.ค. 2565`, `1 ต.ค. พ.ศ. 2565`."""
    parts = _LONG_DATE.match(text)
    if parts is None:
        raise NotReadable("อ่านเป็นวันที่ไม่ได้", f"{_DATE_FORM} เช่น {format_be_date(today)}")
    day, name, year_text = parts.groups()
    month = _month_numbers().get(name.replace(" ", "").rstrip("."))
    if month is None:
        raise NotReadable(
            f'ไม่รู้จักเดือน "{name}"', f"{_DATE_FORM} หรือชื่อเดือนเต็ม เช่น {_long_example(today)}"
        )
    return int(day), month, year_text


@cache
def _month_numbers() -> dict[str, int]:
    """Thai month names, wide and abbreviated (dots and spaces taken out), to 1..12."""
    names: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for number, name in enumerate(thai_month_names(width), start=1):
            names[name.replace(" ", "").replace(".", "")] = number
            names[name.replace(" ", "").rstrip(".")] = number
    return names


def _long_example(today: date) -> str:
    return f"{today.day} {thai_month_names()[today.month - 1]} {be_year(today.year)}"


def _example(day: int, month: int, year_be: int) -> str:
    """The date typed, its day brought into the month (`31/09/2567` gives `30/09/2567`)."""
    days = calendar.monthrange(year_be - BE_OFFSET, month)[1]
    return f"{min(max(day, 1), days):02d}/{month:02d}/{year_be}"


def read_be_year(text: str, today: date) -> int:
    """A year of four digits (`พ.ศ. ` may come first)."""
    hint = f"พิมพ์ปี พ.ศ. 4 หลัก เช่น {fiscal_year_of(today)}"
    digits = _YEAR.match(text)
    if digits is None:
        raise NotReadable("ไม่ใช่ตัวเลขปี", hint)
    if len(digits.group(1)) != 4:
        raise NotReadable(f"มี {len(digits.group(1))} หลัก ไม่ใช่ปี 4 หลัก", hint)
    return int(digits.group(1))


def read_number(text: str, unit: str, money: bool) -> Decimal:
    """An amount of money or a percentage, `unit` allowed after it (`180,000 บาท`)."""
    hint = (
        "พิมพ์จำนวนเงินเป็นตัวเลข (บาท) เช่น 180,000 หรือ 1,234.50"
        if money
        else "พิมพ์ร้อยละเป็นตัวเลข 0 ถึง 100 เช่น 20.50"
    )
    try:
        value = parse_number(text, unit)
    except ValueError:
        raise NotReadable("ไม่ใช่จำนวนเงิน" if money else "ไม่ใช่ตัวเลขร้อยละ", hint) from None
    assert value is not None  # blank text was read as None before
    if not value.is_zero() and value.adjusted() >= MAX_DIGITS:
        raise NotReadable(f"ยาว {value.adjusted() + 1:,} หลัก เกินกว่าที่เป็นไปได้", hint)
    return value

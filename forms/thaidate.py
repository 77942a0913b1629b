"""The Thai calendar: Buddhist Era years, BE date text, Thai month names, fiscal years.

Babel gives Thai month names but formats the Gregorian year, and Qt's QCalendar has no
Buddhist calendar, so the BE arithmetic lives here, once: every BE <-> CE conversion in the
app goes through these functions, which is how 543 is never added twice.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

BE_OFFSET = 543
# Thai digits as typed or pasted, for str.translate: ๒๕๖๖ -> 2566 (years, dates, numbers)
THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
# Years the form takes as Buddhist Era: below 2400 a year is CE typed by mistake (taken as
# CE it would have 543 added a second time: 2565 -> 3108); the fiscal year's limits too
FIRST_BE_YEAR = 2400
LAST_BE_YEAR = 2800
_BE_DATE = re.compile(r"^\s*(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})\s*$")


class ThaiDateError(ValueError):
    """A BE date text that cannot be read; the message is Thai and gives the expected form."""


def is_be_year(year: int | None) -> bool:
    """Whether `year` is one the form reads as a Buddhist-Era year."""
    return year is not None and FIRST_BE_YEAR <= year <= LAST_BE_YEAR


def be_year(ce_year: int) -> int:
    return ce_year + BE_OFFSET


def ce_year(be_year_: int) -> int:
    return be_year_ - BE_OFFSET


def format_be_date(d: date | None) -> str:
    """`30/01/2566` as the printout prints report dates; '' for no date."""
    if d is None:
        return ""
    return f"{d.day:02d}/{d.month:02d}/{be_year(d.year)}"


def parse_be_date(text: str) -> date | None:
    """Read `30/01/2566` (day/month/BE year); '' gives None.

    A year below 2400 is taken as a CE year typed by mistake and refused with a hint,
    rather than silently converted.
    """
    if not text.strip():
        return None
    m = _BE_DATE.match(text)
    if not m:
        raise ThaiDateError(f'อ่านวันที่ "{text}" ไม่ได้ — พิมพ์เป็น วัน/เดือน/ปี พ.ศ. เช่น 30/01/2566')
    day, month, year = (int(g) for g in m.groups())
    if year < FIRST_BE_YEAR:
        raise ThaiDateError(f'ปี {year} ในวันที่ "{text}" ดูเป็นปี ค.ศ. — ใช้ปี พ.ศ. เช่น {be_year(year)}')
    try:
        return date(ce_year(year), month, day)
    except ValueError:
        raise ThaiDateError(f'ไม่มีวันที่ "{text}" ในปฏิทิน — ตรวจวันและเดือน') from None


@cache
def thai_month_names(width: str = "wide") -> tuple[str, ...]:
    """January..December in Thai (Babel's CLDR data); width 'wide' or 'abbreviated'."""
    from babel.dates import get_month_names  # on first use: the schema imports the constants

    names = get_month_names(width, locale="th")
    return tuple(names[i] for i in range(1, 13))


def format_thai_long_date(d: date | None) -> str:
    """`1 ตุลาคม 2565`; '' for no date."""
    if d is None:
        return ""
    return f"{d.day} {thai_month_names()[d.month - 1]} {be_year(d.year)}"


def format_printout_timestamp(d: date | None) -> str:
    """`2022-10-01 00:00:00`: how the official printout prints project start and end."""
    return "" if d is None else f"{d.isoformat()} 00:00:00"


def fiscal_year_bounds(fiscal_year_be: int) -> tuple[date, date]:
    """Thai government fiscal year: 1 Oct of the previous CE year to 30 Sep."""
    end_ce = ce_year(fiscal_year_be)
    return date(end_ce - 1, 10, 1), date(end_ce, 9, 30)


def fiscal_year_of(d: date) -> int:
    """The BE fiscal year a day falls in (1 Oct starts the next one)."""
    return be_year(d.year + 1 if d.month >= 10 else d.year)


def add_years(d: date, years: int) -> date:
    """The same day `years` later; 29 Feb becomes 28 Feb in a common year."""
    try:
        return d.replace(year=d.year + years)
    except ValueError:
        return d.replace(year=d.year + years, day=28)

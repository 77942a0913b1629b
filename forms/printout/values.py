"""Reading printed values: dates, money, percents, statuses and the joined 1.2 fields.

Each reader returns the typed value, or raises `ValueError` with a Thai reason; callers turn
that into a warning naming the field and line, never into a silent guess.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from forms.printed import JOIN
from forms.printout.labels import closest
from forms.printout.lines import squash
from forms.schema import PLAN_CHOICES, TARGET_CHOICES
from forms.thaidate import FIRST_BE_YEAR, ThaiDateError, parse_be_date, thai_month_names
from forms.thainum import parse_number

_TIMESTAMP = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
# `30 มกราคม 2566`: how the app prints dates when asked (forms.pdf.style)
LONG_DATE = rf"\d{{1,2}}\s+(?:{'|'.join(thai_month_names())})\s+\d{{4}}"
_LONG_DATE = re.compile(r"^(\d{1,2})\s+(\S+)\s+(\d{4})$")
_NUMBER = re.compile(r"[0-9๐-๙][0-9๐-๙,]*(?:\.[0-9๐-๙]+)?")
_PARTS = re.compile(r"\s*/\s*")
STATUS_CHOICES: dict[str, tuple[str, str]] = {
    label: (field, value)
    for field, choices in (("plan_status", PLAN_CHOICES), ("target_status", TARGET_CHOICES))
    for value, label in choices
}


def read_year(text: str) -> int | None:
    """`2566` (a BE year); '' gives None."""
    try:
        found = parse_number(squash(text))
    except ValueError:
        raise ValueError(f'"{squash(text)}" ไม่ใช่ปี พ.ศ. เช่น 2566') from None
    if found is None:
        return None
    if found != found.to_integral_value():
        raise ValueError("ปีต้องเป็นจำนวนเต็ม เช่น 2566")
    return int(found)


def read_project_date(text: str) -> date | None:
    """The project start/end as printed: `2022-10-01 00:00:00` (CE), or `01/10/2565` or
    `1 ตุลาคม 2565` (BE); '' gives None."""
    text = squash(text)
    if not text:
        return None
    stamp = _TIMESTAMP.match(text)
    if stamp:
        year, month, day = (int(g) for g in stamp.groups())
        if year >= FIRST_BE_YEAR:  # as the JSON import (forms.codec): never +543 twice
            raise ValueError(
                f'"{text}" ดูเป็นปี พ.ศ. ในรูปแบบที่แบบพิมพ์ใช้ปี ค.ศ. จึงไม่นำเข้า'
                f" — ตรวจจากต้นฉบับแล้วกรอกวันที่เองในแบบร่าง (ปี ค.ศ. {year - 543})"
            )
        try:
            return date(year, month, day)
        except ValueError:
            raise ValueError(f'ไม่มีวันที่ "{text}" ในปฏิทิน') from None
    return read_be_date(text)


def read_be_date(text: str) -> date | None:
    """A report date `30/01/2566` or `30 มกราคม 2566` (BE); '' gives None."""
    text = squash(text)
    long_date = _LONG_DATE.match(text)
    if long_date and long_date.group(2) in thai_month_names():
        month = thai_month_names().index(long_date.group(2)) + 1
        text = f"{long_date.group(1)}/{month}/{long_date.group(3)}"
    try:
        return parse_be_date(text)
    except ThaiDateError as exc:
        raise ValueError(str(exc)) from None


def read_money(text: str) -> Decimal | None:
    """`180,000 บาท`, `1,234.50` ; '' gives None."""
    text = squash(text.replace("บาท", ""))
    try:
        return parse_number(text)
    except ValueError:
        raise ValueError(f'"{text}" ไม่ใช่จำนวนเงิน เช่น 180,000 บาท') from None


def read_percent(text: str) -> Decimal | None:
    """`20.00 %` or `20.00`; '' gives None."""
    text = squash(text.replace("%", ""))
    try:
        return parse_number(text)
    except ValueError:
        raise ValueError(f'"{text}" ไม่ใช่ร้อยละ เช่น 20.00') from None


def leading_number(text: str) -> tuple[str, str]:
    """The number a text starts with and what follows it (`0.00 9` gives `0.00`, `9`)."""
    stripped = text.strip()
    found = _NUMBER.match(stripped)
    if not found:
        return "", stripped
    return found.group(0), stripped[found.end() :].strip()


def split_agency(text: str) -> tuple[str, str, str]:
    """`office / division / section`; extra parts stay with the section."""
    parts = _PARTS.split(squash(text)) if squash(text) else []
    parts += [""] * (3 - len(parts))
    return parts[0], parts[1], JOIN.join(parts[2:])


def split_coordinator(text: str) -> tuple[str, str]:
    """`name / phone`; without a slash, digits alone are a phone, anything else a name."""
    text = squash(text)
    if "/" in text:
        name, phone = text.rsplit("/", 1)
        return squash(name), squash(phone)
    if re.fullmatch(r"[\d ,\-]+", text):  # any script's digits
        return "", text
    return text, ""


def read_status(text: str) -> tuple[str, str] | None:
    """(field key, choice) of a printed status such as `ไม่เป็นไปตามแผน`, or None.

    The exact label is tried first: `เป็นไปตามแผน` is inside `ไม่เป็นไปตามแผน`, so a
    substring test would read every "off plan" as "on plan".
    """
    text = squash(text)
    if text in STATUS_CHOICES:
        return STATUS_CHOICES[text]
    label = closest(text, {label: label for label in STATUS_CHOICES}, 0.85)
    return STATUS_CHOICES[label] if label else None

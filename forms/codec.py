"""One codec per field kind: JSON value <-> typed model value, with errors naming the field.

This is the typed half of the schema (as qutebrowser's configtypes are to configdata):
`decode` refuses wrong types with a `FieldValueError`; `encode` gives JSON-ready values,
money and percent as `Decimal` (written as JSON numbers by `forms.interchange`).

Reading follows FORM.md to the letter: dates in CE (a BE year such as `2565-10-01` is
refused, not shifted), money and percentages with at most 2 decimals. Only files being read
meet these rules: drafts come back from the database through `storage.rows`, not this codec.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Any

from forms.errors import FieldValueError, TooManyItemsError
from forms.schema import Field, Kind
from forms.thaidate import FIRST_BE_YEAR, ce_year
from forms.thainum import decimal_places, parse_number
from forms.typed import MAX_DIGITS, UNITS

_ISO_DATE = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")
_SURROGATE = re.compile("[\ud800-\udfff]")
_MAX_DECIMALS = 2  # FORM.md: money and percentages have up to 2 decimals
# More integer digits than any amount or count of the form can have: such a number is refused
# before it is written out (1e999999999 would be a gigabyte of digits in the database).
MAX_INT = 2**63 - 1  # SQLite's INTEGER
# One-line texts hold no control characters; paragraphs keep their line breaks and tabs.
_CONTROL_ONE_LINE = re.compile("[\x00-\x1f\x7f\x85\u2028\u2029]")
_CONTROL_PARAGRAPH = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x85\u2028\u2029]")
_MONEY = ("จำนวนเงินเป็นตัวเลข (บาท)", "180000")
_PERCENT = ("ร้อยละเป็นตัวเลข 0-100", "20.5")


def check_item_count(field: Field, path: str, count: int) -> None:
    """Refuse a list longer than `field.max_items` (before any item is read)."""
    if field.max_items is not None and count > field.max_items:
        raise TooManyItemsError(path, field.title, count, field.max_items, field.item_unit)


def _fail(field: Field, path: str, value: object, expected: str) -> FieldValueError:
    return FieldValueError(path, field.title, value, expected)


def _quoted_number(field: Field, path: str, value: str, what: str, example: str) -> FieldValueError:
    """A number written as JSON text: the error shows the clerk's own number without quotes."""
    try:
        number = parse_number(value, UNITS.get(field.kind, ""))  # `"180,000 บาท"` too
    except ValueError:
        number = None
    if number is not None and len(f"{number:f}") <= 20:
        example = f"{number:f}"
    commas = "และไม่มีจุลภาค" if "," in value else ""
    expected = f"{what} ที่ไม่อยู่ในเครื่องหมายคำพูด{commas} เช่น {example}"
    return FieldValueError(path, field.title, value, expected, reason="เป็นข้อความ ไม่ใช่ตัวเลข")


def _rounded(value: Decimal) -> str:
    with localcontext() as context:
        context.prec = len(value.as_tuple().digits) + _MAX_DECIMALS + 1
        return f"{value.quantize(Decimal(1).scaleb(-_MAX_DECIMALS), ROUND_HALF_UP):f}"


def _decimal(field: Field, path: str, value: Any, kind: tuple[str, str]) -> Decimal | None:
    what, example = kind
    if value is None:
        return None
    if isinstance(value, str):
        raise _quoted_number(field, path, value, what, example)
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise _fail(field, path, value, f"{what} เช่น {example}")
    result = Decimal(value)
    if not result.is_finite():  # NaN, Infinity, -Infinity (read by forms.interchange)
        expected = f"{what} เช่น {example} หรือ null ถ้ายังไม่มีค่า"
        raise FieldValueError(path, field.title, value, expected, reason="ไม่ใช่ตัวเลข")
    if decimal_places(result) > _MAX_DECIMALS:
        expected = f"{what} ที่มีทศนิยมไม่เกิน {_MAX_DECIMALS} ตำแหน่ง เช่น {_rounded(result)}"
        raise FieldValueError(
            path, field.title, value, expected, reason=f"มีทศนิยมเกิน {_MAX_DECIMALS} ตำแหน่ง"
        )
    if not result.is_zero() and result.adjusted() >= MAX_DIGITS:
        raise FieldValueError(
            path, field.title, value, f"{what} เช่น {example}", reason=f"ใหญ่เกิน {MAX_DIGITS} หลัก"
        )
    return result


def _integer(field: Field, path: str, value: Any) -> int | None:
    example = "2566" if field.kind == Kind.YEAR_BE else "1"
    if value is None:
        return None
    if isinstance(value, str):
        raise _quoted_number(field, path, value, "จำนวนเต็ม", example)
    if isinstance(value, Decimal) and value.is_finite() and value == value.to_integral_value():
        whole = f"{value:.0f}"
        example = whole if len(whole) <= 20 else example
        raise _fail(field, path, value, f"จำนวนเต็มที่ไม่มีจุดทศนิยม เช่น {example}")
    if isinstance(value, bool) or not isinstance(value, int):
        raise _fail(field, path, value, f"จำนวนเต็ม เช่น {example}")
    if abs(value) > MAX_INT:
        shown = f"ตัวเลข {len(str(abs(value))):,} หลัก"
        raise FieldValueError(
            path, field.title, shown, f"จำนวนเต็ม เช่น {example}", reason="ใหญ่เกินกว่าที่เก็บได้"
        )
    return value


def _text(field: Field, path: str, value: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _fail(field, path, value, "ข้อความ")
    if _SURROGATE.search(value):
        # JSON's \ud800 escapes can smuggle half a character that no file or database can hold
        raise _fail(field, path, value, "ข้อความที่ไม่มีอักขระเสีย")
    if field.max_length is not None and len(value) > field.max_length:
        raise _fail(field, path, value, f"ข้อความไม่เกิน {field.max_length} ตัวอักษร")
    one_line = field.kind is Kind.TEXT
    control = (_CONTROL_ONE_LINE if one_line else _CONTROL_PARAGRAPH).search(value)
    if control is not None:
        code = f"U+{ord(control.group()):04X}"
        where = "ข้อความบรรทัดเดียว" if one_line else "ข้อความ"
        raise FieldValueError(
            path,
            field.title,
            value,
            f"{where}ที่ไม่มีอักขระควบคุม (ลบ {code} ออก)",
            reason=f"มีอักขระควบคุม {code} ซึ่งพิมพ์ไม่ได้",
        )
    return value


def _date(field: Field, path: str, value: Any) -> date | None:
    if value is None or value == "":
        return None
    expected = "วันที่แบบ YYYY-MM-DD (ค.ศ.) เช่น 2022-10-01"
    if not isinstance(value, str):
        raise _fail(field, path, value, expected)
    found = _ISO_DATE.match(value)
    if not found:
        raise _fail(field, path, value, expected)
    year, month, day = (int(g) for g in found.groups())
    if year >= FIRST_BE_YEAR:
        try:
            example = date(ce_year(year), month, day).isoformat()
        except ValueError:
            example = "2022-10-01"
        expected = f"วันที่ปี ค.ศ. แบบ YYYY-MM-DD (ปี พ.ศ. ลบ 543) เช่น {example}"
        raise FieldValueError(path, field.title, value, expected, reason="ดูเป็นปี พ.ศ.")
    try:
        return date(year, month, day)
    except ValueError:
        raise _fail(field, path, value, expected) from None


def decode(field: Field, path: str, value: Any) -> Any:
    """The model value of a JSON value of `field` (`path` is shown in errors)."""
    kind = field.kind
    if kind in (Kind.TEXT, Kind.PARAGRAPH):
        return _text(field, path, value)
    if kind == Kind.TEXT_LIST:
        if value is None:
            return []
        if not isinstance(value, list):
            raise _fail(field, path, value, "รายการข้อความ (JSON array)")
        check_item_count(field, path, len(value))
        return [_text(field, f"{path}[{i}]", item) for i, item in enumerate(value, start=1)]
    if kind in (Kind.YEAR_BE, Kind.INT):
        return _integer(field, path, value)
    if kind == Kind.DATE:
        return _date(field, path, value)
    if kind == Kind.MONEY:
        return _decimal(field, path, value, _MONEY)
    if kind == Kind.PERCENT:
        return _decimal(field, path, value, _PERCENT)
    if kind == Kind.CHOICE:
        allowed = [c for c, _ in field.choices]
        if value is None or value == "":
            return None
        if value not in allowed:
            raise _fail(field, path, value, "หนึ่งใน " + " / ".join(allowed))
        return value
    raise TypeError(f"no codec for {kind}")  # REPORT_LIST is decoded by forms.interchange


def encode(field: Field, value: Any) -> Any:
    """The JSON value of a model value of `field`."""
    kind = field.kind
    if kind == Kind.DATE:
        return value.isoformat() if value is not None else None
    if kind == Kind.TEXT_LIST:
        return list(value)
    return value

"""Reading one JSON value as a text, an integer, a decimal or a date, with errors naming
the field: the readers the kinds' `decode` (`forms.kinds`) are made of.

Each refuses a wrong type with a `FieldValueError` saying, in Thai, what the field takes.

Reading follows FORM.md to the letter: dates in CE (a BE year such as `2565-10-01` is
refused, not shifted), money and percentages with at most 2 decimals. Only files being read
meet these rules: drafts come back from the database through `storage.rows`, not this codec.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Any

from forms.errors import FieldValueError
from forms.schema import Field
from forms.thaidate import FIRST_BE_YEAR, ce_year
from forms.thainum import decimal_places, parse_number
from forms.typed import MAX_DIGITS

_ISO_DATE = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")
_SURROGATE = re.compile("[\ud800-\udfff]")
_MAX_DECIMALS = 2  # FORM.md: money and percentages have up to 2 decimals
# More integer digits than any amount or count of the form can have: such a number is refused
# before it is written out (1e999999999 would be a gigabyte of digits in the database).
MAX_INT = 2**63 - 1  # SQLite's INTEGER
# One-line texts hold no control characters; paragraphs keep their line breaks and tabs.
_CONTROL_ONE_LINE = re.compile("[\x00-\x1f\x7f\x85\u2028\u2029]")
_CONTROL_PARAGRAPH = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x85\u2028\u2029]")


def _fail(field: Field, path: str, value: object, expected: str) -> FieldValueError:
    return FieldValueError(path, field.title, value, expected)


def _quoted_number(
    field: Field, path: str, value: str, what: str, example: str, unit: str = ""
) -> FieldValueError:
    """A number written as JSON text: the error shows the clerk's own number without quotes."""
    try:
        number = parse_number(value, unit)  # `"180,000 บาท"` too
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


def read_decimal(
    field: Field, path: str, value: Any, expected: tuple[str, str], unit: str
) -> Decimal | None:
    """Money or a percentage: a JSON number of at most two decimals, or null; `expected`
    is what the field takes and an example, for the error."""
    what, example = expected
    if value is None:
        return None
    if isinstance(value, str):
        raise _quoted_number(field, path, value, what, example, unit)
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


def read_integer(field: Field, path: str, value: Any, example: str) -> int | None:
    """A whole JSON number, or null; `example` is one the error shows."""
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


def read_text(field: Field, path: str, value: Any, one_line: bool) -> str:
    """A JSON string (null reads as ''); a `one_line` one holds no line break."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _fail(field, path, value, "ข้อความ")
    if _SURROGATE.search(value):
        # JSON's \ud800 escapes can smuggle half a character that no file or database can hold
        raise _fail(field, path, value, "ข้อความที่ไม่มีอักขระเสีย")
    if field.max_length is not None and len(value) > field.max_length:
        raise _fail(field, path, value, f"ข้อความไม่เกิน {field.max_length} ตัวอักษร")
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


def read_date(field: Field, path: str, value: Any) -> date | None:
    """An ISO date of the Common Era (`2022-10-01`), or null or ''."""
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

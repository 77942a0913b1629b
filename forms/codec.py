"""One codec per field kind: JSON value <-> typed model value, with errors naming the field.

This is the typed half of the schema (as qutebrowser's configtypes are to configdata):
`decode` refuses wrong types with a `FieldValueError`; `encode` gives JSON-ready values,
money and percent as `Decimal` (written as JSON numbers by `forms.interchange`).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

from forms.errors import FieldValueError
from forms.schema import Field, Kind

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _fail(field: Field, path: str, value: object, expected: str) -> FieldValueError:
    return FieldValueError(path, field.title, value, expected)


def _decimal(field: Field, path: str, value: Any, expected: str) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise _fail(field, path, value, expected)
    result = Decimal(value)
    if not result.is_finite():
        raise _fail(field, path, value, expected)
    return result


def _text(field: Field, path: str, value: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _fail(field, path, value, "ข้อความ")
    if _SURROGATE.search(value):
        # JSON's \ud800 escapes can smuggle half a character that no file or database can hold
        raise _fail(
            field, path, value.encode("utf-8", "backslashreplace").decode(), "ข้อความที่ไม่มีอักขระเสีย"
        )
    if field.max_length is not None and len(value) > field.max_length:
        raise _fail(field, path, value[:40] + "…", f"ข้อความไม่เกิน {field.max_length} ตัวอักษร")
    return value


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
        return [_text(field, f"{path}[{i}]", item) for i, item in enumerate(value, start=1)]
    if kind in (Kind.YEAR_BE, Kind.INT):
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise _fail(field, path, value, "จำนวนเต็ม เช่น 2566")
        return value
    if kind == Kind.DATE:
        if value is None or value == "":
            return None
        if not isinstance(value, str):
            raise _fail(field, path, value, "วันที่แบบ YYYY-MM-DD (ค.ศ.)")
        try:
            if not _ISO_DATE.match(value):
                raise ValueError(value)
            return date.fromisoformat(value)
        except ValueError:
            raise _fail(field, path, value, "วันที่แบบ YYYY-MM-DD (ค.ศ.) เช่น 2022-10-01") from None
    if kind == Kind.MONEY:
        return _decimal(field, path, value, "จำนวนเงินเป็นตัวเลข (บาท) เช่น 180000")
    if kind == Kind.PERCENT:
        return _decimal(field, path, value, "ร้อยละเป็นตัวเลข 0-100 เช่น 20.5")
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

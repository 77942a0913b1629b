"""Named exceptions of the form's domain; every message is Thai and says what to do.

Values are shown as they are written in a JSON file (`2566.0`, `"180000"`, `true`, `null`),
never as Python reprs, so a clerk can find them in the file.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal

_SHOWN_LIMIT = 40  # characters of a value quoted in a message; the rest is cut with "…"
_HUGE_EXPONENT = 30  # beyond this a plain digit string would flood the message
# Characters that would break the CLI's one line or cannot be printed at all (a lone half of
# a surrogate pair), written as the JSON escape that put them in the file.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


class FormError(Exception):
    """Base of every error the form raises about its input."""


class NotJsonError(FormError):
    """The input is not JSON (or not a JSON object)."""


class UnknownKeyError(FormError):
    """A key that the form does not have."""

    def __init__(self, path: str) -> None:
        self.path = path
        super().__init__(f'ไม่รู้จักช่อง "{visible(path)}" ในไฟล์ — ตรวจการสะกดชื่อช่อง หรือลบช่องนี้ออก')


class FieldValueError(FormError):
    """A field holds a value of the wrong type or one that cannot be read.

    The message reads `ช่อง "<label>" (<path>): ค่า <value> <reason> — ต้องเป็น<expected>`.
    """

    def __init__(
        self, path: str, label: str, value: object, expected: str, reason: str = "ใช้ไม่ได้"
    ) -> None:
        self.path = path
        self.value = value
        super().__init__(
            f'ช่อง "{label}" ({visible(path)}): ค่า {show_value(value)} {reason} — ต้องเป็น{expected}'
        )


class TooManyItemsError(FormError):
    """A list holds more items than its field accepts (`Field.max_items`)."""

    def __init__(self, path: str, label: str, count: int, limit: int, unit: str) -> None:
        self.path = path
        self.count = count
        super().__init__(
            f'ช่อง "{label}" ({visible(path)}): มี {count:,} {unit} เกินที่รับได้ {limit:,} {unit}'
            f" — รวมหรือตัด{unit}ที่ไม่จำเป็นให้เหลือไม่เกิน {limit:,} {unit}"
        )


def visible(text: str) -> str:
    """`text` with control characters and lone surrogates written as JSON escapes."""
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def show_value(value: object, depth: int = 0) -> str:
    """A JSON value as it is written in the file: text quoted, numbers plain, long ones cut."""
    if isinstance(value, str):
        return visible(json.dumps(_cut(value), ensure_ascii=False))
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, int):
        return _cut(str(value))
    if isinstance(value, Decimal):
        return _cut(_plain_decimal(value))
    if isinstance(value, (list, dict)) and depth >= 2:
        return "[…]" if isinstance(value, list) else "{…}"
    if isinstance(value, list):
        return _cut("[" + ", ".join(show_value(v, depth + 1) for v in value[:10]) + "]")
    if isinstance(value, dict):
        items = list(value.items())[:10]
        shown = (f"{show_value(str(k))}: {show_value(v, depth + 1)}" for k, v in items)
        return _cut("{" + ", ".join(shown) + "}")
    return _cut(str(value))


def _plain_decimal(value: Decimal) -> str:
    exponent = value.as_tuple().exponent
    if not value.is_finite() or not isinstance(exponent, int) or abs(exponent) > _HUGE_EXPONENT:
        return f"{value:E}" if value.is_finite() else str(value)
    return f"{value:f}"


def _cut(text: str) -> str:
    return text if len(text) <= _SHOWN_LIMIT else text[: _SHOWN_LIMIT - 1] + "…"

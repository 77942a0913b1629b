"""Named exceptions of the form's domain; every message is Thai and says what to do."""

from __future__ import annotations


class FormError(Exception):
    """Base of every error the form raises about its input."""


class NotJsonError(FormError):
    """The input is not JSON (or not a JSON object)."""


class UnknownKeyError(FormError):
    """A key that the form does not have."""

    def __init__(self, path: str) -> None:
        self.path = path
        super().__init__(f'ไม่รู้จักช่อง "{path}" ในไฟล์ — ตรวจการสะกดชื่อช่อง หรือลบช่องนี้ออก')


class FieldValueError(FormError):
    """A field holds a value of the wrong type or one that cannot be read."""

    def __init__(self, path: str, label: str, value: object, expected: str) -> None:
        self.path = path
        self.value = value
        shown = value if isinstance(value, str) else repr(value)
        super().__init__(f'ช่อง "{label}" ({path}): ค่า {shown!s} ใช้ไม่ได้ — ต้องเป็น{expected}')

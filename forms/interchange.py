"""The JSON interchange format of FORM.md: one report, one UTF-8 JSON object.

Reading is strict: unknown keys and wrong types raise errors naming the key, the field and
the value; numbers are read as Decimal (never float); `budget_spent` is computed, so it is
ignored on input and written on output.
"""

from __future__ import annotations

import json
import re
import secrets
from decimal import Decimal
from typing import Any

from forms.errors import FieldValueError, NotJsonError, UnknownKeyError, visible
from forms.kinds import TYPES, check_item_count
from forms.report import ProgressReport, Report
from forms.schema import FIELDS, FIELDS_BY_KEY, PROGRESS_FIELDS, PROGRESS_FIELDS_BY_KEY, Kind


def loads(text: str | bytes) -> Report:
    """The report in a JSON text; raises a `forms.errors.FormError` subclass."""
    if not text.strip():
        raise NotJsonError("ไฟล์ว่างเปล่า ไม่มีข้อมูล JSON — เลือกไฟล์รายงาน .json")
    try:
        data = json.loads(
            text, parse_float=Decimal, parse_constant=Decimal, object_pairs_hook=_no_repeated_keys
        )
    except json.JSONDecodeError as exc:
        raise NotJsonError(
            f"ไฟล์นี้ไม่ใช่ JSON ที่อ่านได้: ผิดรูปแบบที่บรรทัด {exc.lineno} ตำแหน่งที่ {exc.colno}"
            f" ({_json_hint(exc.msg)}) — แก้ตรงนั้น หรือเลือกไฟล์รายงาน .json"
        ) from None
    except UnicodeDecodeError as exc:
        raise NotJsonError(
            f"ไฟล์ JSON นี้ไม่ได้บันทึกเป็น UTF-8 (ไบต์ที่ {exc.start + 1} อ่านไม่ได้)"
            " — บันทึกไฟล์เป็น UTF-8 แล้วลองอีกครั้ง หรือเลือกไฟล์รายงาน .json"
        ) from None
    except RecursionError:
        raise NotJsonError(
            "ไฟล์นี้ไม่ใช่ JSON ของรายงาน: วงเล็บ [ หรือ { ซ้อนกันลึกเกินไป — เลือกไฟล์รายงาน .json"
        ) from None
    except ValueError:  # json raises it bare only for an integer beyond Python's digit limit
        raise NotJsonError(
            "ไฟล์นี้ไม่ใช่ JSON ที่อ่านได้: มีตัวเลขยาวเกินกว่าที่อ่านได้ (หลายพันหลัก)"
            " — ตรวจตัวเลขในไฟล์ หรือเลือกไฟล์รายงาน .json"
        ) from None
    # NaN and Infinity (not JSON, but Python writes them) are read as Decimal so that the
    # codec refuses them naming the field they are in.
    return from_dict(data)


def _no_repeated_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object; a key given twice is refused (json would keep the last one silently)."""
    data: dict[str, Any] = {}
    for key, value in pairs:
        if key in data:
            raise NotJsonError(
                f'ช่อง "{visible(key)}" มีสองครั้งในไฟล์เดียวกัน — ลบอันที่ไม่ใช้ออกให้เหลือช่องละครั้งเดียว'
            )
        data[key] = value
    return data


# The json module's messages, by their first words, in Thai for the one line a clerk reads.
_JSON_HINTS = (
    ("Expecting property name", 'ชื่อช่องต้องอยู่ในเครื่องหมายคำพูด " " และห้ามมีจุลภาค , เกินก่อน }'),
    ("Expecting ':'", "ต้องมีเครื่องหมาย : ระหว่างชื่อช่องกับค่า"),
    ("Expecting ','", "ขาดเครื่องหมายจุลภาค , คั่นระหว่างรายการ หรือขาดวงเล็บปิด"),
    ("Expecting value", "ไม่พบค่าที่ตำแหน่งนี้ ไฟล์อาจถูกตัดขาด หรือมีจุลภาค , เกิน"),
    ("Unterminated string", 'ข้อความเปิดด้วย " แต่ไม่มี " ปิด'),
    ("Invalid control character", "ข้อความมีการขึ้นบรรทัดใหม่หรือแท็บ ต้องเขียนเป็น \\n หรือ \\t"),
    ("Invalid \\", "เครื่องหมาย \\ ในข้อความต้องเขียนเป็น \\\\"),
    ("Extra data", "มีข้อมูลเกินหลังวงเล็บปิด } — ไฟล์หนึ่งมีรายงานได้ฉบับเดียว"),
    ("Unexpected UTF-8 BOM", "ไฟล์ขึ้นต้นด้วย BOM — บันทึกเป็น UTF-8 แบบไม่มี BOM"),
)


def _json_hint(message: str) -> str:
    for start, hint in _JSON_HINTS:
        if message.startswith(start):
            return hint
    return 'ตรวจเครื่องหมาย { } [ ] , : " รอบตำแหน่งนั้น'


def from_dict(data: Any) -> Report:
    if not isinstance(data, dict):
        raise NotJsonError("ไฟล์ JSON ต้องเป็นรายงานหนึ่งฉบับ (JSON object) — เลือกไฟล์รายงาน .json")
    for key in data:
        if key not in FIELDS_BY_KEY:
            raise UnknownKeyError(key)
    values: dict[str, Any] = {}
    for field in FIELDS:
        if field.computed or field.key not in data:
            continue
        raw = data[field.key]
        if field.kind == Kind.REPORT_LIST:
            values[field.key] = _reports_from_json(raw)
        else:
            values[field.key] = TYPES[field.kind].decode(field, field.key, raw)
    return Report(**values)


def _reports_from_json(raw: Any) -> list[ProgressReport]:
    field = FIELDS_BY_KEY["progress_reports"]
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise FieldValueError("progress_reports", field.title, raw, "รายการรายงาน (JSON array)")
    check_item_count(field, "progress_reports", len(raw))
    reports = []
    for i, item in enumerate(raw, start=1):
        path = f"progress_reports[{i}]"
        if not isinstance(item, dict):
            raise FieldValueError(path, field.title, item, "รายงานหนึ่งครั้ง (JSON object)")
        for key in item:
            if key not in PROGRESS_FIELDS_BY_KEY:
                raise UnknownKeyError(f"{path}.{key}")
        values = {
            f.key: TYPES[f.kind].decode(f, f"{path}.{f.key}", item[f.key])
            for f in PROGRESS_FIELDS
            if f.key in item
        }
        if values.get("no") is None:
            values["no"] = i
        reports.append(ProgressReport(**values))
    return reports


def to_dict(report: Report) -> dict[str, Any]:
    """The JSON object of a report, every key present, `budget_spent` included."""
    out: dict[str, Any] = {}
    for field in FIELDS:
        if field.kind == Kind.REPORT_LIST:
            out[field.key] = [
                {f.key: TYPES[f.kind].encode(f, getattr(r, f.key)) for f in PROGRESS_FIELDS}
                for r in report.progress_reports
            ]
        else:
            out[field.key] = TYPES[field.kind].encode(field, getattr(report, field.key))
    return out


def dumps(report: Report, indent: int | None = 2) -> str:
    """The report as interchange JSON text (UTF-8 Thai kept readable, money exact)."""
    return _dumps_exact(to_dict(report), indent)


def _dumps_exact(data: Any, indent: int | None) -> str:
    # The json module writes Decimal only through float, which would lose satang on large
    # sums; so each Decimal travels as a marked string and is turned back into a bare
    # JSON number after encoding. The mark holds a random token drawn for this call, so no
    # text of the report (which could hold any characters) can pass for a number.
    def default(value: Any) -> Any:
        raise TypeError(f"cannot write {type(value).__name__} to JSON")

    mark = f"decimal-{secrets.token_hex(16)}:"
    text = json.dumps(
        _mark_decimals(data, mark), ensure_ascii=False, indent=indent, default=default
    )
    return re.sub(rf'"{re.escape(mark)}([^"]+)"', lambda m: m.group(1), text)


def _mark_decimals(value: Any, mark: str) -> Any:
    if isinstance(value, Decimal):
        return f"{mark}{value:f}"
    if isinstance(value, dict):
        return {k: _mark_decimals(v, mark) for k, v in value.items()}
    if isinstance(value, list):
        return [_mark_decimals(v, mark) for v in value]
    return value

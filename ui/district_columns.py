"""The district summary table's columns and what their cells say, without Qt: each
column's title, header tooltip, cell text and sort key (`COLUMNS`, found by key in
`COLUMN`), the sort key for Thai text (`thai_key`), the agency and source file in words,
which cells show a problem (`problem_of`) and a row's tooltip (`row_tooltip`).

The Qt model that shows them (`ui.district_model`) adds only the roles, colours and icons;
what is wrong with a row is said here in words as well, so it does not rest on colour
alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import PureWindowsPath
from typing import Any

from forms.district.summary import (
    OFF_PLAN,
    OFF_TARGET,
    ON_PLAN,
    ON_TARGET,
    SOURCE_PRINTOUT,
    Collected,
    SummaryRow,
)
from forms.printed import joined
from forms.schema import PROGRESS_FIELDS_BY_KEY, choice_label
from forms.thaidate import format_be_date
from forms.thainum import format_money, format_percent
from ui import plain

PRINTOUT_MARK = "อ่านจากแบบพิมพ์ — ตรวจก่อนใช้"
OVERSPENT_WORD = "เกินงบ"
# the statuses in short words, for narrow columns (the tooltip says them in full)
PLAN_WORDS = {ON_PLAN: "ตามแผน", OFF_PLAN: "ไม่ตามแผน"}
TARGET_WORDS = {ON_TARGET: "ตามเป้าหมาย", OFF_TARGET: "ไม่ตามเป้าหมาย"}
_PLAN = PROGRESS_FIELDS_BY_KEY["plan_status"]
_TARGET = PROGRESS_FIELDS_BY_KEY["target_status"]

# -- sort keys ----------------------------------------------------------------------------------

_LEADING_VOWELS = frozenset("เแโใไ")
_DIGITS = re.compile(r"(\d+)")


def thai_key(text: str) -> tuple[tuple[int, str, int], ...]:
    """A key that sorts Thai text as a dictionary does, near enough: a leading vowel
    (เ แ โ ใ ไ) is written before its consonant but sorted after it (`เก` under `ก`), and
    numbers inside the text sort as numbers (`โครงการ 2` before `โครงการ 10`)."""
    chars = list(text.strip().casefold())
    i = 0
    while i < len(chars) - 1:
        if chars[i] in _LEADING_VOWELS and "ก" <= chars[i + 1] <= "ฮ":
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
            i += 1  # past the vowel just moved
        i += 1
    parts = _DIGITS.split("".join(chars))
    return tuple((1, "", int(p)) if i % 2 else (0, p, 0) for i, p in enumerate(parts) if p)


def _maybe(value: Any) -> tuple[int, Any]:
    """Empty values first, then the values in their own order."""
    return (0, 0) if value is None else (1, value)


# -- the columns --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    text: Callable[[Collected], str]
    sort: Callable[[Collected], Any]
    numeric: bool = False
    tip: str = ""  # the header's tooltip: the title in full


def agency_parts(row: SummaryRow) -> list[str]:
    """The agency, most specific first (a school, its division, its district office): in
    one district's collection the office is the same on every row, the school is not."""
    parts: list[str] = []
    for part in (row.agency_section, row.agency_division, row.agency_office):
        if part.strip() and part.strip() not in parts:
            parts.append(part.strip())
    return parts


def agency_text(row: SummaryRow) -> str:
    return joined(*agency_parts(row))


def source_name(source: str) -> str:
    """The file's name alone (the full path is in the tooltip); any OS's separators."""
    return PureWindowsPath(source).name or source


def percent_spent_text(row: SummaryRow) -> str:
    text = format_percent(row.percent_spent)
    if row.overspent:
        return f"{text} {OVERSPENT_WORD}".strip()
    return text


def source_text(item: Collected) -> str:
    name = source_name(item.source)
    return f"{PRINTOUT_MARK} · {name}" if item.source_kind == SOURCE_PRINTOUT else name


COLUMNS: tuple[Column, ...] = (
    Column(
        "agency",
        "หน่วยงาน",
        lambda c: agency_text(c.row),
        lambda c: tuple(thai_key(t) for t in agency_parts(c.row)),
        tip="หน่วยงานที่รับผิดชอบ: กลุ่มงาน/งาน / ฝ่าย / สำนักงาน",
    ),
    Column(
        "code", "รหัสโครงการ", lambda c: c.row.project_code, lambda c: thai_key(c.row.project_code)
    ),
    Column(
        "name", "ชื่อโครงการ", lambda c: c.row.project_name, lambda c: thai_key(c.row.project_name)
    ),
    Column(
        "year",
        "ปี\nงบฯ",
        lambda c: str(c.row.fiscal_year or ""),
        lambda c: _maybe(c.row.fiscal_year),
        numeric=True,
        tip="ปีงบประมาณ (พ.ศ.)",
    ),
    Column(
        "received",
        "ได้รับ\n(บาท)",
        lambda c: format_money(c.row.budget_received),
        lambda c: _maybe(c.row.budget_received),
        numeric=True,
        tip="งบประมาณที่ได้รับ (บาท)",
    ),
    Column(
        "spent",
        "ใช้ไป\n(บาท)",
        lambda c: format_money(c.row.budget_spent),
        lambda c: c.row.budget_spent,
        numeric=True,
        tip="งบประมาณที่ใช้ไป (บาท)",
    ),
    Column(
        "percent_spent",
        "ใช้ไป\n(%)",
        lambda c: percent_spent_text(c.row),
        lambda c: _maybe(c.row.percent_spent),
        numeric=True,
        tip="ร้อยละของงบประมาณที่ได้รับที่ใช้ไปแล้ว",
    ),
    Column(
        "latest_no",
        "ครั้ง\nที่",
        lambda c: str(c.row.latest_no or ""),
        lambda c: _maybe(c.row.latest_no),
        numeric=True,
        tip="รายงานความก้าวหน้าล่าสุด ครั้งที่",
    ),
    Column(
        "latest_date",
        "รายงาน\nล่าสุด",
        lambda c: format_be_date(c.row.latest_date) if c.row.latest_no else "ยังไม่มี",
        lambda c: (_maybe(c.row.latest_date), _maybe(c.row.latest_no)),
        tip="วันที่ของรายงานความก้าวหน้าล่าสุด (พ.ศ.)",
    ),
    Column(
        "progress",
        "ก้าวหน้า\n(%)",
        lambda c: format_percent(c.row.latest_progress),
        lambda c: _maybe(c.row.latest_progress),
        numeric=True,
        tip="ความก้าวหน้าของงานตามรายงานล่าสุด (%)",
    ),
    Column(
        "plan",
        "แผน",
        lambda c: PLAN_WORDS.get(c.row.plan_status or "", ""),
        lambda c: (c.row.plan_status != "off_plan", c.row.plan_status or ""),
        tip="ความเป็นไปตามแผน (รายงานล่าสุด)",
    ),
    Column(
        "target",
        "เป้าหมาย",
        lambda c: TARGET_WORDS.get(c.row.target_status or "", ""),
        lambda c: (c.row.target_status != "off_target", c.row.target_status or ""),
        tip="ความเป็นไปตามเป้าหมาย (รายงานล่าสุด)",
    ),
    Column(
        "errors",
        "ผิดพลาด",
        lambda c: f"{c.row.errors:,}",
        lambda c: (c.row.errors, c.row.warnings),
        numeric=True,
        tip="จำนวนข้อผิดพลาดที่การตรวจพบ",
    ),
    Column(
        "warnings",
        "เตือน",
        lambda c: f"{c.row.warnings:,}",
        lambda c: c.row.warnings,
        numeric=True,
        tip="จำนวนคำเตือนที่การตรวจพบ",
    ),
    Column(
        "source",
        "ไฟล์ต้นทาง",
        source_text,
        lambda c: (c.source_kind != SOURCE_PRINTOUT, thai_key(source_name(c.source))),
        tip="ไฟล์ที่รวมรายงานนี้มา",
    ),
)
COLUMN_KEYS = tuple(c.key for c in COLUMNS)
COLUMN = {c.key: i for i, c in enumerate(COLUMNS)}


def problem_of(item: Collected, key: str) -> str:
    """`error` / `warning` / '' for one cell: what its colour and icon say."""
    row = item.row
    if key in ("spent", "percent_spent") and row.overspent:
        return "error"
    if key == "plan" and row.behind_plan:
        return "warning"
    if key == "target" and row.off_target:
        return "warning"
    if key == "errors" and row.errors:
        return "error"
    if key == "warnings" and row.warnings:
        return "warning"
    if key == "source" and item.source_kind == SOURCE_PRINTOUT:
        return "warning"
    return ""


def row_tooltip(item: Collected, today: date) -> str:
    """Everything about one row worth saying in words."""
    row = item.row
    lines = [row.project_name, f"{row.project_code} · ปีงบประมาณ {row.fiscal_year or '-'}"]
    agency = agency_text(row)
    if agency:
        lines.append(agency)
    received = "-" if row.budget_received is None else format_money(row.budget_received)
    lines.append(f"งบประมาณที่ได้รับ {received} บาท · ใช้ไป {format_money(row.budget_spent)} บาท")
    if row.overspent and row.budget_received is not None:
        over = format_money(row.budget_spent - row.budget_received)
        lines.append(f"ใช้งบประมาณเกินที่ได้รับ {over} บาท")
    statuses = [choice_label(_PLAN, row.plan_status), choice_label(_TARGET, row.target_status)]
    if any(statuses):
        lines.append("รายงานล่าสุด: " + ", ".join(s for s in statuses if s))
    days = row.days_without_report(today)
    if row.latest_no is None:
        lines.append("ยังไม่มีรายงานความก้าวหน้า")
    elif days is None:
        lines.append("รายงานล่าสุดไม่ได้ระบุวันที่")
    else:
        lines.append(f"รายงานล่าสุด (ครั้งที่ {row.latest_no}) เมื่อ {days:,} วันก่อน")
    if row.errors or row.warnings:
        lines.append(f"ผลการตรวจ: ข้อผิดพลาด {row.errors:,} · คำเตือน {row.warnings:,}")
    lines.append(f"ไฟล์: {item.source}")
    if item.source_kind == SOURCE_PRINTOUT:
        lines.append(f"{PRINTOUT_MARK} (ไม่มีข้อมูลแนบ ค่าอาจอ่านผิด)")
    lines.append("ดับเบิลคลิกหรือกด Enter เพื่อเปิดรายงาน")
    return plain.tooltip("\n".join(lines))

"""Rules on section 2, the progress log: percent in 0-100 and never going down, and every
report dated, in order, inside the project's dates and not in the future.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any

from forms.checks.context import Context, Finding
from forms.checks.paths import field_label, progress_label, progress_path
from forms.checks.show import show_date, show_number
from forms.report import ProgressReport
from forms.schema import PROGRESS_FIELDS_BY_KEY
from forms.thainum import decimal_places, format_percent


def _show_percent(value: Decimal) -> str:
    return format_percent(value) if 0 <= value <= 100 else show_number(value)


def percent_range(ctx: Context) -> Iterator[Finding]:
    for r in ctx.report.progress_reports:
        value = r.progress_percent
        if value is not None and not 0 <= value <= 100:
            yield Finding(
                progress_path(r.no, "progress_percent"),
                f"{progress_label(r.no, 'progress_percent')} {show_number(value)} % "
                "อยู่นอกช่วง 0-100 — ใส่ร้อยละระหว่าง 0 ถึง 100",
            )


def percent_decimals(ctx: Context) -> Iterator[Finding]:
    for r in ctx.report.progress_reports:
        value = r.progress_percent
        if value is not None and decimal_places(value) > 2:
            yield Finding(
                progress_path(r.no, "progress_percent"),
                f"{progress_label(r.no, 'progress_percent')} {show_number(value)} % "
                "มีทศนิยมเกิน 2 ตำแหน่ง — ใส่ไม่เกิน 2 ตำแหน่ง เช่น 20.50",
            )


def _backwards(
    reports: list[ProgressReport], key: str
) -> Iterator[tuple[ProgressReport, int, Any]]:
    """Each report whose `key` is less than that of the last report before it that has one:
    (the report, that earlier report's number, its value)."""
    previous: tuple[int, Any] | None = None
    for r in reports:
        value = getattr(r, key)
        if value is None:
            continue
        if previous is not None and value < previous[1]:
            yield r, previous[0], previous[1]
        previous = (r.no, value)


def progress_goes_down(ctx: Context) -> Iterator[Finding]:
    for r, before_no, before in _backwards(ctx.report.progress_reports, "progress_percent"):
        yield Finding(
            progress_path(r.no, "progress_percent"),
            f"{progress_label(r.no)}: ความก้าวหน้า {_show_percent(r.progress_percent)} % "
            f"ลดลงจาก {_show_percent(before)} % ใน{progress_label(before_no)} "
            "— ความก้าวหน้าสะสมไม่ควรลดลง ตรวจตัวเลข",
        )


def report_dated(ctx: Context) -> Iterator[Finding]:
    for r in ctx.report.progress_reports:
        if r.date is None and "date" not in r.typed:  # typed text: the `unreadable` rule
            yield Finding(
                progress_path(r.no, "date"),
                f"{progress_label(r.no)} ไม่มีวันที่รายงาน — ใส่วันที่ (วัน/เดือน/ปี พ.ศ.) เช่น 30/01/2566",
            )


def report_status_chosen(ctx: Context) -> Iterator[Finding]:
    for r in ctx.report.progress_reports:
        for key in ("plan_status", "target_status"):
            if getattr(r, key) is None:
                field = PROGRESS_FIELDS_BY_KEY[key]
                choices = " หรือ ".join(f'"{label}"' for _v, label in field.choices)
                yield Finding(
                    progress_path(r.no, key),
                    f'{progress_label(r.no)} ยังไม่ได้เลือก "{field.title}" — เลือก {choices}',
                )


def report_dates_forward(ctx: Context) -> Iterator[Finding]:
    for r, before_no, before in _backwards(ctx.report.progress_reports, "date"):
        yield Finding(
            progress_path(r.no, "date"),
            f"{progress_label(r.no)} ลงวันที่ {show_date(r.date)} "
            f"ก่อน{progress_label(before_no)} ({show_date(before)}) "
            "— รายงานต้องเรียงตามวันที่ ตรวจวันที่",
        )


def report_dates_in_project(ctx: Context) -> Iterator[Finding]:
    start, end = ctx.report.start_date, ctx.report.end_date
    for r in ctx.report.progress_reports:
        d = r.date
        if d is None:
            continue
        if start is not None and d < start:
            edge = f"ก่อน{field_label('start_date')} {show_date(start)}"
        elif end is not None and d > end:
            edge = f"หลัง{field_label('end_date')} {show_date(end)}"
        else:
            continue
        yield Finding(
            progress_path(r.no, "date"),
            f"{progress_label(r.no)} ลงวันที่ {show_date(d)} {edge} — ตรวจวันที่รายงานหรือวันของโครงการ",
        )


def report_dates_not_future(ctx: Context) -> Iterator[Finding]:
    today: date = ctx.today
    for r in ctx.report.progress_reports:
        if r.date is not None and r.date > today:
            yield Finding(
                progress_path(r.no, "date"),
                f"{progress_label(r.no)} ลงวันที่ {show_date(r.date)} ซึ่งยังมาไม่ถึง "
                f"(วันนี้ {show_date(today)}) — ตรวจปี พ.ศ. ของวันที่รายงาน",
            )

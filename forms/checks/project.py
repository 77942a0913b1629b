"""Rules on section 1.1-1.2: required fields, project code, fiscal year, dates, money."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal

from forms.checks.calendar import PLAUSIBLE_BE_YEARS, be_year_if_ce_typed
from forms.checks.context import Context, Finding
from forms.checks.paths import field_label, progress_label, progress_path
from forms.checks.show import show_date, show_number, show_text
from forms.schema import FIELDS, FIELDS_BY_KEY, PROGRESS_FIELDS_BY_KEY, Kind
from forms.thaidate import THAI_DIGITS
from forms.thainum import decimal_places, format_money, format_percent

PROJECT_CODE = re.compile(r"\d{8}-\d{4}", re.ASCII)  # \d alone also takes Thai digits
_REQUIRED = tuple(f for f in FIELDS if f.required)  # declared in the schema
_FIRST, _LAST = PLAUSIBLE_BE_YEARS[0], PLAUSIBLE_BE_YEARS[-1]


def required(ctx: Context) -> Iterator[Finding]:
    for field in _REQUIRED:
        if field.key in ctx.report.typed:
            continue  # not empty: it holds text typed there (the `unreadable` rule says why)
        value = getattr(ctx.report, field.key)
        if field.kind is Kind.TEXT_LIST:
            if not any(item.strip() for item in value):
                yield Finding(field.key, f"{field_label(field.key)} ยังไม่มี — ใส่อย่างน้อย 1 ข้อ")
        elif value is None or (isinstance(value, str) and not value.strip()):
            yield Finding(field.key, f"{field_label(field.key)} ยังว่าง — ต้องกรอกก่อนส่งรายงาน")


def project_code_pattern(ctx: Context) -> Iterator[Finding]:
    code = ctx.report.project_code
    if not code.strip() or PROJECT_CODE.fullmatch(code):
        return
    hint = "ตัวเลข 8 หลัก ขีด ตัวเลข 4 หลัก เช่น 50280000-6851"
    arabic = code.translate(THAI_DIGITS).strip()
    if arabic != code and PROJECT_CODE.fullmatch(arabic):
        hint = f"{arabic} (เลขอารบิก ไม่มีช่องว่าง)"
    yield Finding(
        "project_code",
        f"{field_label('project_code')} {show_text(code)} ไม่ตรงรูปแบบ — ต้องเป็น{hint}",
    )


def fiscal_year_ce(ctx: Context) -> Iterator[Finding]:
    year = ctx.report.fiscal_year
    meant = None if year is None else be_year_if_ce_typed(year)
    if meant is not None:
        yield Finding(
            "fiscal_year",
            f"{field_label('fiscal_year')} {year} ดูเป็นปี ค.ศ. — ปีงบประมาณ พ.ศ. {meant}?",
        )


def fiscal_year_range(ctx: Context) -> Iterator[Finding]:
    year = ctx.report.fiscal_year
    if year is None or year in PLAUSIBLE_BE_YEARS or be_year_if_ce_typed(year) is not None:
        return
    yield Finding(
        "fiscal_year",
        f"{field_label('fiscal_year')} {year} ไม่ใช่ปี พ.ศ. ที่เป็นไปได้ — "
        f"ต้องอยู่ระหว่าง {_FIRST} ถึง {_LAST} เช่น 2566",
    )


def start_before_end(ctx: Context) -> Iterator[Finding]:
    start, end = ctx.report.start_date, ctx.report.end_date
    if start is not None and end is not None and end < start:
        yield Finding(
            "end_date",
            f"{field_label('end_date')} {show_date(end)} อยู่ก่อน{field_label('start_date')} "
            f"{show_date(start)} — ตรวจวันเริ่มต้นและวันสิ้นสุด",
        )


def dates_in_fiscal_year(ctx: Context) -> Iterator[Finding]:
    bounds = ctx.fiscal_bounds
    if bounds is None:
        return
    first, last = bounds
    year = ctx.report.fiscal_year
    for key in ("start_date", "end_date"):
        d: date | None = getattr(ctx.report, key)
        if d is not None and not first <= d <= last:
            yield Finding(
                key,
                f"{field_label(key)} {show_date(d)} อยู่นอกปีงบประมาณ {year} "
                f"({show_date(first)} - {show_date(last)}) — ตรวจวันที่หรือปีงบประมาณ",
            )


def _money_spots(ctx: Context) -> Iterator[tuple[str, str, Decimal | None, Decimal | None]]:
    """(path, label, value, maximum) of every money value the clerk typed."""
    received_max = FIELDS_BY_KEY["budget_received"].maximum
    yield (
        "budget_received",
        field_label("budget_received"),
        ctx.report.budget_received,
        received_max,
    )
    used_max = PROGRESS_FIELDS_BY_KEY["budget_used"].maximum
    for r in ctx.report.progress_reports:
        label = progress_label(r.no, "budget_used")
        yield progress_path(r.no, "budget_used"), label, r.budget_used, used_max


def money_range(ctx: Context) -> Iterator[Finding]:
    for path, label, value, maximum in _money_spots(ctx):
        if value is None:
            continue
        if value < 0:
            yield Finding(path, f"{label} {show_number(value)} บาท ติดลบ — จำนวนเงินต้องไม่ต่ำกว่า 0")
        elif maximum is not None and value > maximum:
            yield Finding(
                path,
                f"{label} {show_number(value)} บาท มากเกินไป — "
                f"ต้องไม่เกิน {format_money(maximum)} บาท ตรวจจำนวนหลัก",
            )


def money_decimals(ctx: Context) -> Iterator[Finding]:
    for path, label, value, _ in _money_spots(ctx):
        if value is not None and decimal_places(value) > 2:
            yield Finding(
                path,
                f"{label} {show_number(value)} บาท มีทศนิยมเกิน 2 ตำแหน่ง — ใส่ไม่เกินหลักสตางค์",
            )


def _is_plain_money(value: Decimal | None, maximum: Decimal | None) -> bool:
    return value is None or (
        value >= 0 and (maximum is None or value <= maximum) and decimal_places(value) <= 2
    )


def overspend(ctx: Context) -> Iterator[Finding]:
    # Only on money that passes money_range and money_decimals: a negative, enormous or
    # sub-satang figure is already an error of its own field, and the percent of a budget of
    # 1E-999999 baht would overflow.
    if not all(_is_plain_money(v, m) for _, _, v, m in _money_spots(ctx)):
        return
    received, spent = ctx.report.budget_received, ctx.budget_spent
    if received is None or spent <= received:
        return
    over = spent - received
    share = f" ({format_percent(spent * 100 / received)} % ของงบประมาณที่ได้รับ)" if received else ""
    spent_label, received_label = (
        FIELDS_BY_KEY[k].label for k in ("budget_spent", "budget_received")
    )
    yield Finding(
        "budget_spent",
        f"{spent_label} {format_money(spent)} บาท เกิน{received_label} {format_money(received)} บาท "
        f"อยู่ {format_money(over)} บาท{share} — ตรวจงบประมาณที่เบิกใช้ในรายงานแต่ละครั้ง",
    )

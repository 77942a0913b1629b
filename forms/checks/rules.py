"""The rule table: every check, its id, its severity and what it is about, in one place.

Like `forms.schema.FIELDS` for fields, this is the single list the checker runs; a rule's
function (in `project`, `progress`, `lists`, `text`, `typed`) yields `Finding`s, and the checker
turns them into `Problem`s with the severity declared here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from forms.checks import glyphs, lists, progress, project, separators, text, typed
from forms.checks.calendar import PLAUSIBLE_BE_YEARS
from forms.checks.context import Context, Finding
from forms.checks.problem import Severity

ERROR, WARNING = Severity.ERROR, Severity.WARNING


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    about: str  # Thai: what the rule checks (for help pages and the problems panel)
    check: Callable[[Context], Iterable[Finding]]


RULES: tuple[Rule, ...] = (
    Rule("required", ERROR, "ช่องที่ต้องกรอกก่อนส่งรายงาน", project.required),
    Rule("unreadable", ERROR, "วันที่และตัวเลขที่พิมพ์ไว้อ่านเป็นค่าได้", typed.unreadable),
    Rule("project_code", ERROR, "รหัสโครงการตามรูปแบบ 12345678-1234", project.project_code_pattern),
    Rule("fiscal_year_ce", ERROR, "ปีงบประมาณที่พิมพ์เป็น ค.ศ.", project.fiscal_year_ce),
    Rule(
        "fiscal_year_range",
        ERROR,
        f"ปีงบประมาณ พ.ศ. {PLAUSIBLE_BE_YEARS[0]}-{PLAUSIBLE_BE_YEARS[-1]}",
        project.fiscal_year_range,
    ),
    Rule("start_after_end", ERROR, "วันเริ่มต้นไม่หลังวันสิ้นสุด", project.start_before_end),
    Rule("outside_fiscal_year", WARNING, "วันของโครงการอยู่ในปีงบประมาณ", project.dates_in_fiscal_year),
    Rule("money_range", ERROR, "จำนวนเงินไม่ติดลบและไม่เกินที่รับได้", project.money_range),
    Rule("money_decimals", ERROR, "จำนวนเงินไม่เกิน 2 ตำแหน่งทศนิยม", project.money_decimals),
    Rule("overspend", WARNING, "งบประมาณที่ใช้ไปไม่เกินที่ได้รับ", project.overspend),
    Rule("progress_range", ERROR, "ความก้าวหน้า 0-100 %", progress.percent_range),
    Rule("progress_decimals", ERROR, "ความก้าวหน้าไม่เกิน 2 ตำแหน่งทศนิยม", progress.percent_decimals),
    Rule("progress_down", WARNING, "ความก้าวหน้าไม่ลดลง", progress.progress_goes_down),
    Rule("report_undated", WARNING, "รายงานทุกครั้งมีวันที่", progress.report_dated),
    Rule(
        "report_status",
        WARNING,
        "รายงานทุกครั้งเลือกสถานะตามแผนและตามเป้าหมาย",
        progress.report_status_chosen,
    ),
    Rule("report_date_order", WARNING, "วันที่รายงานเรียงไปข้างหน้า", progress.report_dates_forward),
    Rule(
        "report_date_outside",
        WARNING,
        "วันที่รายงานอยู่ระหว่างวันเริ่มต้นและวันสิ้นสุด",
        progress.report_dates_in_project,
    ),
    Rule("report_date_future", WARNING, "วันที่รายงานไม่อยู่ในอนาคต", progress.report_dates_not_future),
    Rule("empty_item", WARNING, "ข้อที่ว่าง", lists.empty_items),
    Rule("duplicate_item", WARNING, "ข้อที่ซ้ำกับข้อก่อนหน้า", lists.duplicate_items),
    Rule("too_long", ERROR, "ข้อความไม่ยาวเกินที่ช่องรับได้", text.too_long),
    Rule("misspelling", WARNING, "คำที่มักสะกดผิด", text.misspelled_words),
    Rule("damaged_quotes", WARNING, "อัญประกาศที่กลายเป็น ?", text.damaged_quotes),
    Rule("replacement_char", WARNING, "อักขระเสีย U+FFFD", text.replacement_characters),
    Rule("control_char", WARNING, "อักขระควบคุม", text.control_characters),
    Rule("line_separator", WARNING, "ตัวแบ่งบรรทัดในช่องข้อความบรรทัดเดียว", separators.line_separators),
    Rule("orphan_mark", WARNING, "สระหรือวรรณยุกต์ที่ไม่มีพยัญชนะรองรับ", text.orphan_marks),
    Rule("missing_glyph", WARNING, "อักขระที่พิมพ์ใน PDF ไม่ได้ (กล่องว่าง)", glyphs.missing_glyphs),
)

RULES_BY_ID: dict[str, Rule] = {r.id: r for r in RULES}

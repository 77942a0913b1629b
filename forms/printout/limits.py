"""The schema's length limits applied to an imported printout.

A printout may carry a longer text than the form accepts (a project code with a note
after it). Such a draft would save (the window keeps it, marked by the `too_long` check),
but its own JSON export would not import back (`forms.codec` refuses it). A printout is
mostly the wrong words run together, so the import cuts it here, in the open: one warning
per cut names the field, the limit and the words cut off, so the clerk can put them where
they belong.
"""

from __future__ import annotations

from forms.checks.paths import text_spots, with_text
from forms.report import Report
from forms.schema import FIELDS

_SHOWN = 120  # characters of the cut-off part quoted in the warning


def fit_to_limits(report: Report) -> tuple[Report, list[str]]:
    """`report` with every list and text cut to its field's limit, and a Thai warning per
    cut."""
    report, warnings = _fit_item_counts(report)
    for spot in text_spots(report):
        limit = spot.limit
        if limit is None or len(spot.text) <= limit:
            continue
        report = with_text(report, spot.path, spot.text[:limit])
        cut = spot.text[limit:]
        shown = cut if len(cut) <= _SHOWN else cut[:_SHOWN] + "…"
        warnings.append(
            f"{spot.label} ยาว {len(spot.text):,} ตัวอักษร เกินที่กรอกได้ {limit:,} ตัวอักษร"
            f' จึงนำเข้าเฉพาะ {limit:,} ตัวอักษรแรก ส่วนที่ตัดออกคือ "{shown}"'
            " — ตรวจและย้ายข้อความส่วนนั้นไปช่องที่ถูกต้องก่อนส่งรายงาน"
        )
    return report, warnings


def _fit_item_counts(report: Report) -> tuple[Report, list[str]]:
    warnings: list[str] = []
    for field in FIELDS:
        items = getattr(report, field.key)
        if field.max_items is None or len(items) <= field.max_items:
            continue
        report = report.copy()
        setattr(report, field.key, items[: field.max_items])
        unit, limit = field.item_unit, field.max_items
        warnings.append(
            f"{field.title} มี {len(items):,} {unit} เกินที่รับได้ {limit:,} {unit}"
            f" จึงนำเข้าเฉพาะ {limit:,} {unit}แรก ({len(items) - limit:,} {unit}ท้ายไม่ได้นำเข้า)"
            " — ตรวจว่าแบบพิมพ์ที่นำเข้าถูกฉบับ"
        )
    return report, warnings

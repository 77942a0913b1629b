"""Does an app PDF's page text still say what its attached report says?

The import takes an app PDF's report from its attachment (exact to the character). A
PDF whose pages were edited afterwards (a budget changed in a PDF editor) still carries
the old attachment with a valid checksum, and the clerk would import values she never
sees on the page. So the page text is read as a printout too, and every number, date and
year it shows is compared with the attachment's; each difference is one Thai warning.

Only these kinds are compared: the printout reader gives them back exactly from any
export (`tests/test_printout_pdf_roundtrip.py`), while a text's line breaks, a wrapped
paragraph or an empty office part are lost in print, so comparing texts would warn of
differences nobody made.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from forms.kinds import TYPED_KINDS
from forms.printout.reconcile import show
from forms.report import Report
from forms.schema import FIELDS, PROGRESS_FIELDS, Field

_COMPARED = TYPED_KINDS  # the numbers, dates and years a page may print differently
MAX_WARNINGS = 10  # a page that differs everywhere is one file, not a hundred lines


def disagreements(attached: Report, printed: Report) -> list[str]:
    """One Thai warning per number, date or year the page prints differently (at most
    `MAX_WARNINGS`, the last one saying how many more)."""
    found = list(_differences(attached, printed))
    if len(found) > MAX_WARNINGS:
        more = len(found) - MAX_WARNINGS + 1
        found = [*found[: MAX_WARNINGS - 1], f"และอีก {more:,} ช่องที่ไม่ตรงกัน"]
    return found


def _differences(attached: Report, printed: Report) -> Iterator[str]:
    for field in FIELDS:
        if field.kind in _COMPARED:
            yield from _compare(
                field, field.title, getattr(attached, field.key), printed, field.key
            )
    by_no = {r.no: r for r in printed.progress_reports}
    for report in attached.progress_reports:
        shown = by_no.get(report.no)
        if shown is None:
            continue
        for field in PROGRESS_FIELDS:
            if field.kind in _COMPARED and field.key != "no":
                where = f'รายงานครั้งที่ {report.no} ช่อง "{field.title}"'
                yield from _compare(field, where, getattr(report, field.key), shown, field.key)


def _compare(field: Field, where: str, value: Any, printed: Any, key: str) -> Iterator[str]:
    on_page = getattr(printed, key)
    if on_page is None or on_page == value:
        return  # nothing read from the page (not printed, or unreadable) is no disagreement
    yield (
        f"{where}: ข้อมูลที่แนบใน PDF เป็น {show(field, value)} แต่หน้า PDF พิมพ์ว่า"
        f" {show(field, on_page)} — ไฟล์อาจถูกแก้ไขหลังส่งออก นำเข้าค่าจากข้อมูลที่แนบ"
        " ตรวจกับแบบพิมพ์ก่อนใช้"
    )

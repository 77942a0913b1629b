"""Every export format, in one registry for the command line and the window's menus.

Two kinds of output: a single report (`REPORT_FORMATS`: PDF, JSON, the progress log as
XLSX or CSV) and a collection's summary (`SUMMARY_FORMATS`: XLSX, CSV, PDF). Each entry
names its renderer as `module:function`, imported only when used, so listing the formats
(for `--help` or a menu) loads no PDF or Excel engine. Adding a format is one module and
one entry here.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from forms.district.summary import Collected
    from forms.report import Report


@dataclass(frozen=True)
class ReportExportOptions:
    justify: bool = False  # PDF: Thai distributed justification
    long_dates: bool = False  # PDF: `1 ตุลาคม 2565` instead of the printout's dates


@dataclass(frozen=True)
class ExportFormat:
    key: str  # "pdf", "xlsx", ...; the command-line option is `--KEY`
    suffix: str  # ".pdf"
    label: str  # Thai, for the window's menu and the save dialog's filter
    help: str  # Thai, for `--help`
    renderer: str  # "module:function"
    # the copy that is sent (the PDF): after writing it, say if the report still has errors
    warns_of_errors: bool = False

    @property
    def option(self) -> str:
        return f"--{self.key}"

    def load(self) -> Callable[..., bytes]:
        module, _, name = self.renderer.partition(":")
        render: Callable[..., bytes] = getattr(importlib.import_module(module), name)
        return render


def render_report(fmt: ExportFormat, report: Report, options: ReportExportOptions) -> bytes:
    return fmt.load()(report, options)


def render_summary(fmt: ExportFormat, items: Sequence[Collected], today: date) -> bytes:
    return fmt.load()(items, today)


# Renderers: a report's take (report: Report, options: ReportExportOptions) -> bytes;
# a summary's take (items: Sequence[Collected], today: date) -> bytes.
REPORT_FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat(
        "pdf",
        ".pdf",
        "PDF ตามแบบพิมพ์ทางการ",
        "เขียนแบบรายงานเป็นไฟล์ PDF ตามแบบพิมพ์ทางการ (ถ้ารายงานยังมีข้อผิดพลาด"
        " จะเขียนไฟล์ให้และเตือนหนึ่งบรรทัดทาง stderr)",
        "forms.export.report_pdf:render",
        warns_of_errors=True,
    ),
    ExportFormat(
        "json",
        ".json",
        "ไฟล์ข้อมูลรายงาน (JSON)",
        "เขียนรายงานเป็นไฟล์ JSON (มี budget_spent ด้วย)",
        "forms.export.report_json:render",
    ),
    ExportFormat(
        "xlsx",
        ".xlsx",
        "ตารางความก้าวหน้า (Excel)",
        "เขียนรายงานความก้าวหน้าทุกครั้งของโครงการเป็นไฟล์ Excel (.xlsx)",
        "forms.export.progress_xlsx:render",
    ),
    ExportFormat(
        "csv",
        ".csv",
        "ตารางความก้าวหน้า (CSV)",
        "เขียนรายงานความก้าวหน้าทุกครั้งเป็นไฟล์ CSV (UTF-8 มี BOM ให้ Excel อ่านภาษาไทยได้)",
        "forms.export.progress_csv:render",
    ),
)
SUMMARY_FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat(
        "xlsx",
        ".xlsx",
        "สมุดงาน Excel (.xlsx)",
        "เขียนตารางสรุป รายงานความก้าวหน้าทุกครั้ง และตัวเลขรายไตรมาส เป็นไฟล์ Excel",
        "forms.export.summary_xlsx:render",
    ),
    ExportFormat(
        "csv",
        ".csv",
        "ตารางสรุป (CSV)",
        "เขียนตารางสรุปเป็นไฟล์ CSV (UTF-8 มี BOM ให้ Excel อ่านภาษาไทยได้)",
        "forms.export.summary_csv:render",
    ),
    ExportFormat(
        "pdf",
        ".pdf",
        "ตารางสรุป PDF (แนวนอน)",
        "เขียนตารางสรุปเป็นไฟล์ PDF แนวนอน A4 สำหรับส่งต่อ",
        "forms.district.summary_pdf:render",
    ),
)


def by_key(formats: Sequence[ExportFormat], key: str) -> ExportFormat:
    for fmt in formats:
        if fmt.key == key:
            return fmt
    raise KeyError(key)


__all__ = [
    "REPORT_FORMATS",
    "SUMMARY_FORMATS",
    "ExportFormat",
    "ReportExportOptions",
    "by_key",
    "render_report",
    "render_summary",
]

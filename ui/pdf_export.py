"""Export PDF (Ctrl+E), the preview and Print (Ctrl+P) for the open draft.

Each starts from a copy of the report taken when the clerk asks, so edits made while the
PDF renders in the worker (`ui.background`) belong to the next export. A report with
errors is exported or printed only after the clerk confirmed, with the errors listed.
`forms.pdf.write_pdf` writes a temporary file and moves it into place, so a failure
(`PdfWriteError`, a Thai message) leaves any old file as it was. `forms.pdf` (ReportLab,
HarfBuzz, ICU) is imported when first used, not when the window opens.
"""

from __future__ import annotations

import re
from concurrent.futures import Future
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QPageSize
from PySide6.QtPrintSupport import QPrinter

from forms.checks import check_report
from forms.report import Report
from ui import dialogs, settings
from ui.background import Background
from ui.exported_note import ExportedNote
from ui.pdf_preview import PdfPages, PreviewDialog, PrintError, print_pdf

if TYPE_CHECKING:
    from ui.host import DraftsWindow

PDF_FILTER = "ไฟล์ PDF (*.pdf)"
LISTED_ERRORS = 10
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')


def proposed_name(report: Report) -> str:
    """`<project code>_<fiscal year>.pdf`, with characters no file name may hold replaced."""
    code = _UNSAFE.sub("_", report.project_code).strip(" ._") or "แบบรายงาน"
    year = f"_{report.fiscal_year}" if report.fiscal_year is not None else ""
    return f"{code}{year}.pdf"


def errors_text(report: Report, limit: int = LISTED_ERRORS) -> tuple[int, str]:
    """How many errors the report has, and the first `limit` of them as lines."""
    errors = [p for p in check_report(report) if p.is_error]
    lines = [f"• {' '.join(p.message.split())}" for p in errors[:limit]]
    if len(errors) > limit:
        lines.append(f"… และอีก {len(errors) - limit} รายการ (ดูทั้งหมดในแผงปัญหาที่พบ)")
    return len(errors), "\n".join(lines)


# The PDF's style choices, each a keyword of `render_pdf`: (keyword, menu text, button
# text, tooltip). Off is the official printout's look.
CHOICES = (
    (
        "justify",
        "จัดย่อหน้าใน PDF แบบกระจายแบบไทย (ชิดขอบทั้งสองด้าน)",
        "กระจายแบบไทย",
        "จัดข้อความในหลักการและเหตุผล รายการ และผลการดำเนินงานให้ชิดขอบทั้งซ้ายและขวา"
        " (ปิดไว้ = ชิดซ้ายเหมือนแบบพิมพ์ทางการ)",
    ),
    (
        "long_dates",
        "วันที่ใน PDF แบบไทยเต็ม (1 ตุลาคม 2565)",
        "วันที่แบบเต็ม",
        "พิมพ์วันที่เริ่มต้น สิ้นสุด และวันที่รายงานเป็นวัน เดือน ปี แบบไทย"
        " (ปิดไว้ = 2022-10-01 00:00:00 และ 30/01/2566 เหมือนแบบพิมพ์ทางการ)",
    ),
)


def _render(report: Report, style: dict[str, bool]) -> bytes:
    from forms.pdf import render_pdf

    return render_pdf(report, **style)


def _write(report: Report, target: Path, style: dict[str, bool]) -> None:
    # through the registry of export formats, as `main.py export --pdf` renders it
    from forms.export import REPORT_FORMATS, ReportExportOptions, by_key, render_report
    from forms.pdf import write_bytes_atomically

    data = render_report(by_key(REPORT_FORMATS, "pdf"), report, ReportExportOptions(**style))
    write_bytes_atomically(data, target)


class PdfActions(QObject):
    exported = Signal(str)  # the saved file
    failed = Signal(str)  # the Thai message shown
    printed = Signal(int)  # pages sent to the printer

    def __init__(self, window: DraftsWindow, background: Background) -> None:
        super().__init__(window)
        self.window, self.background = window, background
        self.preview_dialog: PreviewDialog | None = None
        self.choice_actions = {key: self._choice_action(key, *texts) for key, *texts in CHOICES}
        self.note = ExportedNote(window.statusBar())
        # the last export of any format (ส่งออกเป็น ▸ uses the same note)
        self.last_export_action = QAction("เปิดไฟล์ที่ส่งออกล่าสุด", self)
        self.last_export_action.setShortcut("Ctrl+Shift+O")
        self.last_export_action.setEnabled(False)
        self.last_export_action.triggered.connect(self.note.open_file)

    def _choice_action(self, key: str, text: str, short: str, tip: str) -> QAction:
        action = QAction(text, self)
        action.setObjectName(f"pdf_{key}")
        action.setIconText(short)
        action.setToolTip(tip)
        action.setCheckable(True)
        action.setChecked(settings.pdf_choice(key))
        action.toggled.connect(partial(self._choice_toggled, key))
        return action

    @property
    def style(self) -> dict[str, bool]:
        """The chosen style, as `render_pdf`'s keywords."""
        return {key: action.isChecked() for key, action in self.choice_actions.items()}

    def _choice_toggled(self, key: str, on: bool) -> None:
        settings.set_pdf_choice(key, on)
        self._refresh_preview()

    def _report(self) -> Report | None:
        document = self.window.document
        return document.report.copy() if document is not None else None

    def _confirm_errors(self, report: Report, doing: str) -> bool:
        count, text = errors_text(report)
        if count == 0:
            return True
        going_on = dialogs.ask(
            self.window,
            "รายงานยังมีข้อผิดพลาด",
            f"รายงานนี้ยังมีข้อผิดพลาด {count} รายการ:\n\n{text}\n\nต้องการ{doing}ทั้งที่ยังมีข้อผิดพลาดหรือไม่?",
            yes=f"{doing}ต่อไป",
            no="กลับไปแก้ไข",
        )
        if not going_on:
            self.window.problems_dock.show_panel()
        return going_on

    # export
    def export(self) -> None:
        report = self._report()
        if report is None or not self._confirm_errors(report, "ส่งออก PDF"):
            return
        proposed = settings.last_folder("pdf") / proposed_name(report)
        target = dialogs.save_file(self.window, "ส่งออก PDF", proposed, PDF_FILTER)
        if target is None:
            return
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        self.window.statusBar().showMessage(f"กำลังส่งออก PDF เป็น “{target.name}”…")
        write = partial(_write, report, target, self.style)
        self.background.run(write, partial(self._exported, target))

    def _exported(self, target: Path, future: Future[None]) -> None:
        from forms.pdf import PdfWriteError

        try:
            future.result()
        except PdfWriteError as error:
            self.window.statusBar().clearMessage()
            dialogs.inform(self.window, "ส่งออก PDF ไม่ได้", str(error), error=True)
            self.failed.emit(str(error))
            return
        settings.remember_folder("pdf", target.parent)
        self.window.statusBar().clearMessage()
        self.note.show_file(target)
        self.last_export_action.setEnabled(True)
        self.exported.emit(str(target))

    # preview
    def preview(self) -> PreviewDialog | None:
        report = self._report()
        if report is None:
            return None
        if self.preview_dialog is None:
            title = report.project_name or "ฉบับร่างใหม่"
            options = tuple(self.choice_actions.values())
            dialog = PreviewDialog(title, self.window, options=options)
            dialog.print_requested.connect(lambda: self._print_preview(dialog))
            dialog.export_requested.connect(self.export)
            dialog.refresh_requested.connect(self._refresh_preview)
            dialog.finished.connect(self._preview_closed)
            self.preview_dialog = dialog
        self.preview_dialog.show()
        self.preview_dialog.raise_()
        self._refresh_preview()
        return self.preview_dialog

    def _refresh_preview(self) -> None:
        report, dialog = self._report(), self.preview_dialog
        if report is None or dialog is None:
            return
        dialog.show_waiting()
        render = partial(_render, report, self.style)
        self.background.run(render, partial(self._rendered, dialog))

    def _rendered(self, dialog: PreviewDialog, future: Future[bytes]) -> None:
        data = future.result()
        if dialog is self.preview_dialog:
            dialog.show_pdf(data)

    def _preview_closed(self) -> None:
        if self.preview_dialog is not None:
            self.preview_dialog.deleteLater()
            self.preview_dialog = None

    # print
    def print_report(self) -> None:
        report = self._report()
        if report is None or not self._confirm_errors(report, "พิมพ์"):
            return
        self.window.statusBar().showMessage("กำลังเตรียมหน้าสำหรับพิมพ์…")
        self.background.run(partial(_render, report, self.style), self._print_rendered)

    def _print_preview(self, dialog: PreviewDialog) -> None:
        report = self._report()
        if report is not None and self._confirm_errors(report, "พิมพ์"):
            self._print_pages(dialog.pages)

    def _print_rendered(self, future: Future[bytes]) -> None:
        pages = PdfPages(future.result(), self)
        try:
            self._print_pages(pages)
        finally:
            pages.deleteLater()

    def _print_pages(self, pages: PdfPages | None) -> None:
        self.window.statusBar().clearMessage()
        if pages is None or pages.page_count == 0:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.window.windowTitle().replace("[*]", ""))
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))  # the official form's paper
        if not dialogs.choose_printer(self.window, printer, pages.page_count):
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            count = print_pdf(pages.document, printer)
        except PrintError as error:
            dialogs.inform(self.window, "พิมพ์ไม่ได้", str(error), error=True)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.window.statusBar().showMessage(f"ส่ง {count} หน้าไปที่เครื่องพิมพ์แล้ว", 10000)
        self.printed.emit(count)

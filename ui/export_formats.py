"""The File menu's ส่งออกเป็น ▸ submenu: every format of `forms.export.REPORT_FORMATS`
(the registry the command line's `export --pdf/--json/--xlsx/--csv` uses) for the open
draft, so a new format in the registry appears here with no change to the window.

The PDF entry is `PdfActions.export` itself (Ctrl+E, the confirmation when the report has
errors, the PDF's style choices). The others ask where to save, render from a copy of
the report in the worker (`ui.background`) and save it as the PDF is saved (a temporary
file moved into place; a failure is a Thai message and leaves any old file as it was).
"""

from __future__ import annotations

from concurrent.futures import Future
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from forms.export import REPORT_FORMATS, ExportFormat, ReportExportOptions, render_report
from forms.report import Report
from ui import dialogs, settings
from ui.background import Background
from ui.pdf_export import PdfActions, proposed_name

if TYPE_CHECKING:
    from ui.host import DraftsWindow

FOLDER_KIND = "export"  # the folder last saved to, in the settings (the PDF keeps its own)


def _write(fmt: ExportFormat, report: Report, target: Path, options: ReportExportOptions) -> None:
    from forms.pdf import write_bytes_atomically

    write_bytes_atomically(render_report(fmt, report, options), target)


class ExportActions(QObject):
    exported = Signal(str)  # the saved file (any format but the PDF, which has its own)
    failed = Signal(str)  # the Thai message shown

    def __init__(self, window: DraftsWindow, background: Background, pdf: PdfActions) -> None:
        super().__init__(window)
        self.window, self.background, self.pdf = window, background, pdf
        self.menu = QMenu("ส่งออกเป็น (&X)", window)
        self.menu.setObjectName("export_formats")
        self.actions: dict[str, QAction] = {}
        for fmt in REPORT_FORMATS:
            action = QAction(f"{fmt.label} ({fmt.suffix})…", self)
            action.setObjectName(f"export_{fmt.key}")
            action.triggered.connect(partial(self.export, fmt))
            self.menu.addAction(action)
            self.actions[fmt.key] = action

    def export(self, fmt: ExportFormat, _checked: bool = False) -> None:
        if fmt.key == "pdf":
            self.pdf.export()  # its own checks, dialog, style and note
            return
        document = self.window.document
        if document is None:
            return
        report = document.report.copy()
        proposed = (
            settings.last_folder(FOLDER_KIND)
            / Path(proposed_name(report)).with_suffix(fmt.suffix).name
        )
        title = f"ส่งออก{fmt.label}"
        target = dialogs.save_file(self.window, title, proposed, f"{fmt.label} (*{fmt.suffix})")
        if target is None:
            return
        if target.suffix.lower() != fmt.suffix:
            target = target.with_name(target.name + fmt.suffix)
        self.window.statusBar().showMessage(f"กำลังส่งออก{fmt.label} เป็น “{target.name}”…")
        options = ReportExportOptions(**self.pdf.style)
        write = partial(_write, fmt, report, target, options)
        self.background.run(write, partial(self._exported, fmt, target))

    def _exported(self, fmt: ExportFormat, target: Path, future: Future[None]) -> None:
        from forms.pdf import PdfWriteError

        self.window.statusBar().clearMessage()
        try:
            future.result()
        except PdfWriteError as error:
            dialogs.inform(self.window, f"ส่งออก{fmt.label} ไม่ได้", str(error), error=True)
            self.failed.emit(str(error))
            return
        settings.remember_folder(FOLDER_KIND, target.parent)
        self.pdf.note.show_file(target, fmt.label)
        self.pdf.last_export_action.setEnabled(True)
        self.exported.emit(str(target))

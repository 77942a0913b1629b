"""The reports the "รวมรายงาน" window (`ui.district_window`) has opened read only, and
copying one of them into the main window's drafts (`ReportViews`).

A report opens in its own view (`ui.district_report_view`, imported when the first one
opens): the report read from the collection and checked, with its notes and how many
older versions are kept; a project already open comes to the front instead. The views
close with the window.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from storage.errors import StorageError
from ui import dialogs

if TYPE_CHECKING:
    from forms.district.summary import Collected
    from forms.report import Report
    from storage.collection import Collection
    from ui.district_report_view import CollectedReportView
    from ui.host import DraftsWindow


class ReportViews:
    """The views opened over `window` (their parent) on `collection`; `main`, the main
    window whose drafts a report is copied into (None: it cannot be)."""

    def __init__(self, window: QWidget, collection: Collection, main: DraftsWindow | None):
        self.window, self.collection, self.main = window, collection, main
        self.views: list[CollectedReportView] = []

    def open(self, item: Collected, today: date) -> CollectedReportView | None:
        """The view of `item`'s report (the one already open, brought forward); None,
        after saying why in Thai, when the report cannot be read."""
        code, year = item.row.project_code, item.row.fiscal_year
        for view in self.views:
            if (view.item.row.project_code, view.item.row.fiscal_year) == (code, year):
                view.raise_()
                view.activateWindow()
                return view
        from forms.checks import check_report
        from ui.district_report_view import CollectedReportView

        try:
            report = item.report
            notes = self.collection.notes(code, year) if year is not None else []
            history = len(self.collection.history(code, year)) if year is not None else 0
        except StorageError as error:
            dialogs.inform(self.window, "เปิดรายงานไม่ได้", str(error), error=True)
            return None
        view = CollectedReportView(
            item, report, check_report(report), notes, history, self.window, today=today
        )
        view.copy_requested.connect(self.copy_to_drafts)
        view.destroyed.connect(lambda _=None, v=view: self._forget(v))
        self.views.append(view)
        view.show()
        return view

    def _forget(self, view: CollectedReportView) -> None:
        if view in self.views:
            self.views.remove(view)

    def copy_to_drafts(self, report: Report) -> int | None:
        """The report becomes a new draft in the main window (its DraftStore), shown there."""
        if self.main is None:
            dialogs.inform(
                self.window,
                "คัดลอกไม่ได้",
                "เปิดหน้าต่างนี้จากหน้าต่างหลักของโปรแกรมเพื่อคัดลอกไปเป็นฉบับร่าง",
            )
            return None
        draft_id = self.main.add_draft(report)
        if draft_id is not None:
            self.main.show()
            self.main.raise_()
            self.main.activateWindow()
            self.main.statusBar().showMessage(
                f"คัดลอก “{report.project_name or report.project_code}” จากชุดรวมรายงานเป็นฉบับร่างแล้ว",
                10000,
            )
        return draft_id

    def close_all(self) -> None:
        for view in list(self.views):
            view.close()

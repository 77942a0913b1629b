"""The "รวมรายงาน" window: a district's collection of reports (`storage.collection`) as one
table, opened from the main window's แฟ้ม › รวมรายงานของเขต….

It owns the collection it shows (one connection, for reading the rows and a report when
one is opened), the search box, the count, the table and the outcomes under it laid out
in one window, what the filters and buttons do, and files and folders dropped on it.
What moved out of it: the filter row and the buttons themselves are built by
`ui.district_controls`; the reports opened read only (`ui.district_report_view`) and
copying one into the main window's drafts are `ui.district_reports`; opening a collection
from a path or from the menu (`open_window`, `open_district`) is `ui.district_open`.
The table is `ui.district_model` (rows, filtering, sorting; its columns are
`ui.district_columns`) in `ui.district_table` (column widths); collecting and exporting,
which run in the worker thread, are `ui.district_actions`, and the outcomes of a collect
are listed by `ui.district_outcomes` as each file is done.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import Future
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from storage.collection import Collection
from storage.errors import StorageError
from ui import dialogs, screen
from ui.background import Background
from ui.district_actions import Collector, SummaryExporter, dropped_paths
from ui.district_controls import FilterRow, push_button
from ui.district_model import DistrictModel
from ui.district_outcomes import OutcomesPanel
from ui.district_reports import ReportViews
from ui.district_table import SummaryView

if TYPE_CHECKING:
    from ui.district_report_view import CollectedReportView
    from ui.host import DraftsWindow

TITLE = "รวมรายงาน"
DROP_HINT = "ลากไฟล์รายงาน (.pdf, .json, .txt) หรือโฟลเดอร์มาวางที่หน้าต่างนี้เพื่อรวมเข้าชุดนี้"


class DistrictWindow(QMainWindow):
    """One collection's window; a child of the main window (closed with it) when opened
    from its menu, so that a report can be copied into its drafts."""

    def __init__(
        self,
        collection: Collection,
        *,
        read_only: bool = False,
        main: DraftsWindow | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(main, Qt.WindowType.Window)
        self.setObjectName("district_window")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.collection, self.path = collection, collection.path
        self.read_only, self.main = read_only, main
        self.background = Background(self)
        self.closed = False  # once `finish` has closed the collection
        self._today = today  # fixed (tests); otherwise today's date at each reading
        title = f"{TITLE} — {self.path.name}"
        self.setWindowTitle(title + (" (อ่านอย่างเดียว)" if read_only else ""))

        self.reports = ReportViews(self, collection, main)
        self.model = DistrictModel(self, today=today)
        self.model.set_items(collection.items())
        self.collector = Collector(self.path, self.background, self)
        self.exporter = SummaryExporter(self, self.model, self.background, self.path.stem)
        self._build()
        self._connect()
        self.view.show_columns()
        self._update_count()
        self.setAcceptDrops(not read_only)
        self._fit_to_screen()
        if main is not None:
            main.installEventFilter(self)  # closes with the main window (see eventFilter)
        self.statusBar().showMessage(
            "ชุดรวมรายงานนี้เปิดแบบอ่านอย่างเดียว (เขียนไฟล์ไม่ได้) จึงเพิ่มรายงานไม่ได้"
            if read_only
            else DROP_HINT
        )

    # building
    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("district_search")
        self.search.setPlaceholderText("ชื่อโครงการ รหัส หรือหน่วยงาน (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setAcceptDrops(False)  # a dropped file is collected, not typed here
        search_label = QLabel("ค้นหา (&S)")
        search_label.setBuddy(self.search)
        self.count = QLabel()
        self.count.setObjectName("district_count")

        self.filters = FilterRow()

        self.view = SummaryView(self.model)
        self.empty = QLabel()
        self.empty.setObjectName("district_empty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #566573; padding: 12px;")
        self.outcomes = OutcomesPanel()
        self.outcomes.hide()
        table_box = QWidget()
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.empty)
        table_layout.addWidget(self.view, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(table_box)
        self.splitter.addWidget(self.outcomes)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(0, False)

        self.add_files_button = push_button(
            "add_files", "add", "เพิ่มไฟล์… (&A)", "เลือกไฟล์รายงานเพื่อรวมเข้าชุดนี้"
        )
        self.add_folder_button = push_button(
            "add_folder",
            "add",
            "เพิ่มโฟลเดอร์… (&D)",
            "เลือกโฟลเดอร์ รวมทุกไฟล์รายงานในโฟลเดอร์และโฟลเดอร์ย่อย",
        )
        self.open_button = push_button(
            "open_report", "", "เปิดรายงาน (&R)", "เปิดรายงานที่เลือกแบบอ่านอย่างเดียว (หรือ Enter)"
        )
        self.export_button = push_button(
            "export", "", "ส่งออก (&X)", "ส่งออกโครงการที่แสดงอยู่ในตาราง (ตามตัวกรองและลำดับที่เรียงไว้)"
        )
        self.export_button.setMenu(self.exporter.menu)
        for button in (self.add_files_button, self.add_folder_button):
            button.setEnabled(not self.read_only)

        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        top.addSpacing(12)
        top.addWidget(self.count)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_files_button)
        buttons.addWidget(self.add_folder_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.export_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(buttons)
        self.setCentralWidget(page)

        find = QAction("ค้นหา", self)
        find.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        find.triggered.connect(self.focus_search)
        self.addAction(find)
        clear = QAction("ล้างคำค้นหา", self)
        clear.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        clear.triggered.connect(self.clear_search)
        self.addAction(clear)
        close = QAction("ปิดหน้าต่าง", self)
        close.setShortcut(QKeySequence(QKeySequence.StandardKey.Close))
        close.triggered.connect(self.close)
        self.addAction(close)

    def _connect(self) -> None:
        self.search.textChanged.connect(self.model.set_search)
        self.search.returnPressed.connect(self._go_to_table)
        self.filters.changed.connect(self._filters_changed)
        self.model.modelReset.connect(self._update_count)
        self.view.open_requested.connect(self.open_row)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.open_button.clicked.connect(lambda: self.open_row(self.view.currentIndex().row()))
        self.add_files_button.clicked.connect(self.collector.choose_files)
        self.add_folder_button.clicked.connect(self.collector.choose_folder)
        self.collector.running_changed.connect(self._collecting)
        self.collector.outcome.connect(self.outcomes.add)
        self.collector.finished.connect(self._collected)
        self._update_buttons()

    def _fit_to_screen(self) -> None:
        wanted = QSize(1366, 820)
        size = screen.fitted(wanted, self)
        self.resize(size)
        if size != wanted:
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    # the filters
    def _filters_changed(self) -> None:
        self.model.set_filter(self.filters.current())

    def _update_count(self) -> None:
        years = {item.row.fiscal_year for item in self.model.items}
        text = self.model.count_text()
        if len(years) == 1 and None not in years:
            text += f" · ปีงบประมาณ {next(iter(years))}"
        self.count.setText(text)
        total, shown = self.model.total, self.model.rowCount()
        if total == 0:
            self.empty.setText(
                "ชุดรวมรายงานนี้ยังไม่มีรายงาน\n"
                + ("" if self.read_only else f"{DROP_HINT} หรือกด “เพิ่มไฟล์…” / “เพิ่มโฟลเดอร์…”")
            )
        elif shown == 0:
            self.empty.setText(
                "ไม่มีโครงการที่ตรงกับคำค้นหาและตัวกรองที่เลือก — กด Esc เพื่อล้างคำค้นหา หรือเอาเครื่องหมายตัวกรองออก"
            )
        self.empty.setVisible(shown == 0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.view.currentIndex().isValid())
        self.export_button.setEnabled(self.model.rowCount() > 0)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def clear_search(self) -> None:
        self.search.clear()

    def _go_to_table(self) -> None:
        if self.model.rowCount():
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
            if not self.view.currentIndex().isValid():
                self.view.selectRow(0)

    # reading the collection again
    def refresh(self) -> None:
        """Read the rows again (after a collect), keeping the selected project selected."""
        current = self.model.item_at(self.view.currentIndex().row())
        try:
            items = self.collection.items()
        except StorageError as error:
            dialogs.inform(self, "อ่านชุดรวมรายงานไม่ได้", str(error), error=True)
            return
        self.model.set_today(self._today or date.today())
        self.model.set_items(items)
        self.view.show_columns()
        self.view.fit_columns()
        if current is not None:
            row = self.model.row_of(current.row.project_code, current.row.fiscal_year)
            if row >= 0:
                self.view.selectRow(row)

    # opening a report
    def open_row(self, row: int) -> CollectedReportView | None:
        item = self.model.item_at(row)
        return None if item is None else self.reports.open(item, self.model.today)

    # collecting
    def collect(self, paths: Sequence[Path]) -> Future[int] | None:
        """Collect `paths` in the worker (a drop, or the add buttons' choice)."""
        if self.read_only:
            return None
        return self.collector.collect(paths)

    def _collecting(self, running: bool) -> None:
        for button in (self.add_files_button, self.add_folder_button):
            button.setEnabled(not running and not self.read_only)
        if running:
            self.outcomes.start()
            self.statusBar().showMessage("กำลังรวมรายงาน…")

    def _collected(self, files: int, failure: str) -> None:
        self.outcomes.finish(failure)
        if failure:
            self.statusBar().clearMessage()
            dialogs.inform(self, "รวมรายงานไม่ได้", failure, error=True)
        else:
            self.statusBar().showMessage(f"รวมรายงานจาก {files:,} ไฟล์แล้ว — {DROP_HINT}", 15000)
        self.refresh()

    # drops
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_paths(event.mimeData()) and not self.read_only:
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if dropped_paths(event.mimeData()) and not self.read_only:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = dropped_paths(event.mimeData())
        if paths and not self.read_only:
            event.acceptProposedAction()
            self.collect(paths)

    # closing
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.main and event.type() == QEvent.Type.Close:
            # after the main window has handled it: closed unless the clerk chose to stay
            QTimer.singleShot(0, self, self._main_closed)
        return False

    def _main_closed(self) -> None:
        if self.main is not None and not self.main.isVisible():
            self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.finish()
        event.accept()

    def finish(self) -> None:
        """Stop a running collect after its current file, wait for the worker, close the
        report views and the collection."""
        if self.closed:
            return
        self.closed = True
        if self.main is not None:
            self.main.removeEventFilter(self)
        self.collector.stop()
        self.background.shutdown()
        self.reports.close_all()
        self.collection.close()

"""The district's "รวมรายงาน" window: a report opened read only from the table (its
problems, quarterly figures, the printout mark) and copied into the main window's drafts."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from forms.checks import check_report
from forms.district.summary import quarter_figures
from storage.collection import Collection
from storage.drafts import DraftStore
from tests.district_support import REPORTS, TODAY, make_collection, names, shown_window
from ui.district_columns import COLUMN, PRINTOUT_MARK
from ui.district_window import DistrictWindow
from ui.main_window import MainWindow


@pytest.fixture
def collection_path(tmp_path: Path) -> Path:
    return make_collection(tmp_path / "district.db")


@pytest.fixture
def window(qtbot, collection_path: Path):
    with shown_window(qtbot, collection_path) as win:
        yield win


def test_enter_opens_the_report_read_only_with_its_problems_and_quarters(qtbot, window):
    row = names(window).index("อบรมครู 10")
    window.view.setFocus()
    window.view.selectRow(row)
    QTest.keyClick(window.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(window.reports.views) == 1)
    view = window.reports.views[0]
    problems = check_report(REPORTS["D"])
    assert problems and view.problems == problems
    assert view.problems_view.model().rowCount() == len(problems)
    assert view.tabs.tabText(3) == f"ปัญหา ({len(problems)})"
    assert "อบรมครู 10" in view.windowTitle() and "อ่านอย่างเดียว" in view.windowTitle()
    assert view.fields.isReadOnly()
    assert "เพื่อพัฒนาคุณภาพการศึกษา" in view.fields.toPlainText()
    # the same report again: the window already open comes forward
    window.open_row(row)
    assert len(window.reports.views) == 1
    view.close()
    qtbot.waitUntil(lambda: not window.reports.views)


def test_the_quarterly_figures_of_a_report(qtbot, window):
    row = names(window).index("เกษตรในโรงเรียน")
    at = window.view.visualRect(window.model.index(row, COLUMN["name"])).center()
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    qtbot.mouseDClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    qtbot.waitUntil(lambda: len(window.reports.views) == 1)
    view = window.reports.views[0]
    figures = quarter_figures(REPORTS["A"])
    table = view.quarters
    assert table.rowCount() == 4
    texts = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(4)]
    assert texts[0][:2] == ["ไตรมาส 1 (ต.ค.–ธ.ค.)", "31/12/2566"]
    assert texts[0][2:] == ["1", "30.00", "+30.00", "2,000"]
    assert texts[1][2:] == ["1", "30.00", "0.00", "2,000"]
    assert figures[2].progress_percent == Decimal("60")
    assert texts[2][2:] == ["2", "60.00", "+30.00", "5,000"]
    assert texts[3][2] == "ยังไม่ถึง"  # Q4 begins on 1 Jul 2024, after TODAY
    assert view.progress.rowCount() == 2


def test_a_printout_report_is_marked_in_its_view(qtbot, window):
    view = window.open_row(names(window).index("อบรมครู 2"))
    assert view is not None
    label = view.findChild(QLabel, "printout_mark")
    assert label is not None and PRINTOUT_MARK in label.text()
    view.close()


def test_copy_to_drafts_makes_a_draft_in_the_main_window(qtbot, tmp_path, collection_path):
    db = tmp_path / "drafts.db"
    store = DraftStore.open(db)
    main = MainWindow(store, db)
    main.show()
    win = DistrictWindow(Collection.open(collection_path), main=main, today=TODAY)
    win.show()
    view = win.open_row(names(win).index("กีฬาสีสัมพันธ์"))
    assert view is not None
    qtbot.mouseClick(view.copy_button, Qt.MouseButton.LeftButton)
    drafts = store.list()
    assert [(d.project_code, d.project_name) for d in drafts] == [("50280000-0002", "กีฬาสีสัมพันธ์")]
    assert main.document is not None
    assert main.document.report == REPORTS["B"]
    # the collection itself is unchanged
    assert len(win.collection) == 5
    # closing the main window closes this one too
    main.close()
    qtbot.waitUntil(lambda: win.closed)
    store.close()

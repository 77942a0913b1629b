"""The district's "รวมรายงาน" window: its summary table, what each column shows (problems
said in words as well as colour), the columns a narrow window folds away, and sorting."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from forms.district.summary import SOURCE_APP_PDF
from storage.collection import Collection
from tests.district_support import REPORTS, TODAY, cell, make_collection, names, shown_window
from ui.district_columns import COLUMN, PRINTOUT_MARK, thai_key
from ui.district_model import ITEM_ROLE, PROBLEM_ROLE, DistrictModel
from ui.district_window import DistrictWindow


@pytest.fixture
def collection_path(tmp_path: Path) -> Path:
    return make_collection(tmp_path / "district.db")


@pytest.fixture
def window(qtbot, collection_path: Path):
    with shown_window(qtbot, collection_path) as win:
        yield win


def test_the_table_shows_every_report_in_thai_words(window):
    assert window.windowTitle() == "รวมรายงาน — district.db"
    assert window.count.text() == "แสดง 5 จาก 5 โครงการ · ปีงบประมาณ 2567"
    assert cell(window, "เกษตรในโรงเรียน", "agency") == (
        "โรงเรียนวัดบางเตย / ฝ่ายการศึกษา / สำนักงานเขตบึงกุ่ม"
    )
    assert cell(window, "เกษตรในโรงเรียน", "received") == "10,000"
    assert cell(window, "เกษตรในโรงเรียน", "spent") == "5,000"
    assert cell(window, "เกษตรในโรงเรียน", "percent_spent") == "50.00"
    assert cell(window, "เกษตรในโรงเรียน", "latest_no") == "2"
    assert cell(window, "เกษตรในโรงเรียน", "latest_date") == "15/05/2567"  # BE
    assert cell(window, "เกษตรในโรงเรียน", "progress") == "60.00"
    assert cell(window, "เกษตรในโรงเรียน", "plan") == "ตามแผน"
    assert cell(window, "ขยะรีไซเคิล", "target") == "ไม่ตามเป้าหมาย"
    assert cell(window, "อบรมครู 10", "latest_date") == "ยังไม่มี"
    assert cell(window, "อบรมครู 10", "errors") != "0"
    assert cell(window, "อบรมครู 2", "source") == f"{PRINTOUT_MARK} · printout.txt"
    assert cell(window, "เกษตรในโรงเรียน", "source") == "A.json"


def test_problems_are_said_in_words_and_colour_not_colour_alone(window):
    # overspent: the percent says so, and the cells are marked as errors
    assert cell(window, "กีฬาสีสัมพันธ์", "percent_spent") == "105.56 เกินงบ"
    assert cell(window, "กีฬาสีสัมพันธ์", "spent", PROBLEM_ROLE) == "error"
    assert cell(window, "กีฬาสีสัมพันธ์", "spent", Qt.ItemDataRole.ForegroundRole) is not None
    assert cell(window, "กีฬาสีสัมพันธ์", "plan") == "ไม่ตามแผน"
    assert cell(window, "กีฬาสีสัมพันธ์", "plan", Qt.ItemDataRole.DecorationRole) is not None
    assert cell(window, "อบรมครู 10", "errors", Qt.ItemDataRole.DecorationRole) is not None
    assert cell(window, "อบรมครู 2", "source", PROBLEM_ROLE) == "warning"
    # nothing wrong: no mark at all
    for key in ("spent", "percent_spent", "plan", "target", "errors", "source"):
        assert cell(window, "เกษตรในโรงเรียน", key, PROBLEM_ROLE) == ""
        assert cell(window, "เกษตรในโรงเรียน", key, Qt.ItemDataRole.DecorationRole) is None
    tip = cell(window, "กีฬาสีสัมพันธ์", "name", Qt.ItemDataRole.ToolTipRole)
    assert "ใช้งบประมาณเกินที่ได้รับ 500 บาท" in tip
    assert "ไม่เป็นไปตามแผน" in tip
    # what a narrow window folds away is still said there
    assert "งบประมาณที่ได้รับ 9,000 บาท · ใช้ไป 9,500 บาท" in tip
    assert "รายงานล่าสุด (ครั้งที่ " in tip


def test_every_column_shows_on_a_1366_pixel_screen(qtbot, window):
    qtbot.waitUntil(lambda: window.width() == 1366)  # maximised on the test screen
    window.view.fit_columns()
    QApplication.processEvents()
    assert not window.view.horizontalScrollBar().isVisible()
    header = window.view.horizontalHeader()
    assert header.isSectionHidden(COLUMN["year"])  # one fiscal year: said beside the count
    for column in range(window.model.columnCount()):
        if column != COLUMN["year"]:
            assert header.sectionSize(column) >= header.fontMetrics().horizontalAdvance("99")
    tip = cell(window, "อบรมครู 2", "source", Qt.ItemDataRole.ToolTipRole)
    assert tip == f"{PRINTOUT_MARK}\nC:\\เขต\\ส่งมา\\printout.txt"


def test_a_narrow_window_folds_the_least_needed_columns_and_never_scrolls_sideways(qtbot, window):
    # 910 logical pixels: a 1366-pixel screen at 150 %
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(910, 500)
    qtbot.waitUntil(lambda: window.width() == 910)
    QApplication.processEvents()
    view, header = window.view, window.view.horizontalHeader()
    assert not view.horizontalScrollBar().isVisible()
    assert view.folded[:2] == ["source", "warnings"]
    for key in ("agency", "name", "percent_spent", "progress", "plan", "target", "errors"):
        assert not header.isSectionHidden(COLUMN[key]), key
    window.setWindowState(Qt.WindowState.WindowMaximized)  # room again: all come back
    qtbot.waitUntil(lambda: window.width() == 1366)
    QApplication.processEvents()
    assert view.folded == []
    assert not header.isSectionHidden(COLUMN["source"])
    view.set_column_shown(COLUMN["warnings"], False)  # the clerk's choice stays, any width
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(910, 500)
    qtbot.waitUntil(lambda: window.width() == 910)
    assert header.isSectionHidden(COLUMN["warnings"])
    assert not header.isSectionHidden(COLUMN["source"])  # not folded: the clerk chose


def test_the_model_follows_qt_rules(qtmodeltester, window):
    qtmodeltester.check(window.model, force_py=True)
    window.view.sortByColumn(COLUMN["spent"], Qt.SortOrder.DescendingOrder)
    window.search.setText("อบรม")
    qtmodeltester.check(window.model, force_py=True)


def sort_by(win: DistrictWindow, key: str, order=Qt.SortOrder.AscendingOrder) -> list[str]:
    win.view.sortByColumn(COLUMN[key], order)
    return names(win)


def test_numbers_sort_as_numbers_dates_as_dates_and_thai_as_a_dictionary(window):
    # as text "9,000" would come after "250,000" and "10,000"
    assert sort_by(window, "received") == [
        "กีฬาสีสัมพันธ์",  # 9,000
        "เกษตรในโรงเรียน",  # 10,000
        "อบรมครู 2",  # 100,000
        "อบรมครู 10",  # 120,000
        "ขยะรีไซเคิล",  # 250,000
    ]
    # as text "05/01/2567" would come before "30/12/2566"; no report at all comes first
    assert sort_by(window, "latest_date") == [
        "อบรมครู 10",
        "ขยะรีไซเคิล",  # 30/12/2566
        "กีฬาสีสัมพันธ์",  # 05/01/2567
        "อบรมครู 2",  # 01/03/2567
        "เกษตรในโรงเรียน",  # 15/05/2567
    ]
    # เกษตร sorts under ก (after กีฬา), not after every ข word; 2 before 10
    assert sort_by(window, "name") == [
        "กีฬาสีสัมพันธ์",
        "เกษตรในโรงเรียน",
        "ขยะรีไซเคิล",
        "อบรมครู 2",
        "อบรมครู 10",
    ]
    assert sort_by(window, "name", Qt.SortOrder.DescendingOrder)[0] == "อบรมครู 10"
    assert window.view.horizontalHeader().isSortIndicatorShown()


def test_thai_key():
    assert sorted(["ไก่", "ขา", "กา", "เกม"], key=thai_key) == ["กา", "เกม", "ไก่", "ขา"]
    assert thai_key("โครงการ 2") < thai_key("โครงการ 10")
    assert thai_key(" ABC ") == thai_key("abc")


def test_the_selected_project_stays_selected_when_sorted(window):
    row = names(window).index("ขยะรีไซเคิล")
    window.view.selectRow(row)
    for key in ("received", "name", "latest_date", "errors", "agency"):
        window.view.sortByColumn(COLUMN[key], Qt.SortOrder.DescendingOrder)
        current = window.view.currentIndex()
        assert current.data(ITEM_ROLE).row.project_name == "ขยะรีไซเคิล", key
        assert window.view.selectionModel().isRowSelected(current.row())


def test_a_model_without_rows_is_empty_and_counts_none(qtbot):
    model = DistrictModel(today=TODAY)
    model.set_items([])
    assert model.rowCount() == 0
    assert model.count_text() == "แสดง 0 จาก 0 โครงการ"
    assert model.item_at(0) is None


def test_sources_in_every_kind_are_named(qtbot, tmp_path):
    path = tmp_path / "kinds.db"
    with Collection.open(path) as collection:
        collection.add(REPORTS["A"], "/x/a.pdf", SOURCE_APP_PDF)
    win = DistrictWindow(Collection.open(path), today=TODAY)
    assert cell(win, "เกษตรในโรงเรียน", "source") == "a.pdf"
    win.close()

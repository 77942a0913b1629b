"""The district's "รวมรายงาน" window: the summary table, its filters and sorting, collecting
dropped or chosen files in the background, a report opened read only, copying it to the
drafts, exporting what the table shows, and opening it from the main window's menu.

Every collection is a real SQLite file made through `storage.collection`."""

from __future__ import annotations

import csv
import io
import os
import shutil
import sqlite3
import stat
import subprocess
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

from forms.checks import check_report
from forms.district.summary import SOURCE_APP_PDF, SOURCE_JSON, SOURCE_PRINTOUT, quarter_figures
from forms.export import SUMMARY_FORMATS, by_key
from forms.interchange import dumps
from forms.report import ProgressReport, Report
from storage.collection import Collection
from storage.drafts import DraftStore
from tests.keyboard import type_text
from ui import dialogs
from ui.background import worker_thread_names
from ui.district_model import (
    COLUMN,
    ITEM_ROLE,
    PRINTOUT_MARK,
    PROBLEM_ROLE,
    DistrictModel,
    thai_key,
)
from ui.district_window import DistrictWindow
from ui.main_window import MainWindow

TODAY = date(2024, 6, 15)  # fiscal year 2567 runs from 1 Oct 2023 to 30 Sep 2024


def report(
    code: str,
    name: str,
    *,
    school: str = "โรงเรียนวัดบางเตย",
    received: str = "100000",
    log: list[tuple[date | None, str, str, str, str]] = (),  # type: ignore[assignment]
    start: date | None = date(2023, 10, 1),
) -> Report:
    """A report of fiscal year 2567; `log` rows are (date, %, budget used, plan, target)."""
    return Report(
        project_name=name,
        project_code=code,
        fiscal_year=2567,
        start_date=start,
        end_date=date(2024, 9, 30),
        budget_received=Decimal(received),
        agency_office="สำนักงานเขตบึงกุ่ม",
        agency_division="ฝ่ายการศึกษา",
        agency_section=school,
        objectives=["เพื่อพัฒนาคุณภาพการศึกษา"],
        progress_reports=[
            ProgressReport(n, when, f"ครั้งที่ {n}", Decimal(pct), Decimal(used), plan, target)
            for n, (when, pct, used, plan, target) in enumerate(log, start=1)
        ],
    )


ON = ("on_plan", "on_target")
REPORTS = {
    # on plan, half spent, reported a month ago
    "A": report(
        "50280000-0001",
        "เกษตรในโรงเรียน",
        received="10000",
        log=[
            (date(2023, 12, 20), "30", "2000", *ON),
            (date(2024, 5, 15), "60", "3000", *ON),
        ],
    ),
    # overspent and behind plan
    "B": report(
        "50280000-0002",
        "กีฬาสีสัมพันธ์",
        school="โรงเรียนคลองกุ่ม",
        received="9000",
        log=[(date(2024, 1, 5), "40", "9500", "off_plan", "on_target")],
    ),
    # off target; its last report is old (30 Dec): silent for more than 90 days
    "C": report(
        "50280000-0003",
        "ขยะรีไซเคิล",
        received="250000",
        log=[(date(2023, 12, 30), "20", "1000", "on_plan", "off_target")],
    ),
    # no progress report, and an error (no start date)
    "D": report("50280000-0004", "อบรมครู 10", received="120000", start=None),
}


def add(collection: Collection, key: str, kind: str = SOURCE_JSON) -> None:
    collection.add(REPORTS[key], f"/รายงาน/{key}.json", kind)


@pytest.fixture
def collection_path(tmp_path: Path) -> Path:
    path = tmp_path / "district.db"
    with Collection.open(path) as collection:
        for key in "ABCD":
            add(collection, key)
        printout = report("50280000-0005", "อบรมครู 2", log=[(date(2024, 3, 1), "50", "0", *ON)])
        collection.add(printout, "C:\\เขต\\ส่งมา\\printout.txt", SOURCE_PRINTOUT)
    return path


@pytest.fixture
def window(qtbot, collection_path: Path):
    win = DistrictWindow(Collection.open(collection_path), today=TODAY)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def names(win: DistrictWindow) -> list[str]:
    return [item.row.project_name for item in win.model.shown_items()]


def cell(win: DistrictWindow, name: str, key: str, role=Qt.ItemDataRole.DisplayRole):
    row = names(win).index(name)
    return win.model.index(row, COLUMN[key]).data(role)


# -- the table ---------------------------------------------------------------------------------


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


# -- filters and keys --------------------------------------------------------------------------


def test_each_filter_and_the_count(qtbot, window):
    qtbot.mouseClick(window.behind_plan, Qt.MouseButton.LeftButton)
    assert names(window) == ["กีฬาสีสัมพันธ์"]
    assert window.count.text().startswith("แสดง 1 จาก 5 โครงการ")
    window.behind_plan.setChecked(False)
    window.off_target.setChecked(True)
    assert names(window) == ["ขยะรีไซเคิล"]
    window.off_target.setChecked(False)
    window.overspent.setChecked(True)
    assert names(window) == ["กีฬาสีสัมพันธ์"]
    window.overspent.setChecked(False)
    window.has_errors.setChecked(True)
    assert names(window) == ["อบรมครู 10"]
    window.has_errors.setChecked(False)
    # no report in the last 90 days (by 15 Jun 2024): 30 Dec, 5 Jan, 1 Mar, and none at all
    window.silent.setChecked(True)
    assert sorted(names(window)) == sorted(["ขยะรีไซเคิล", "กีฬาสีสัมพันธ์", "อบรมครู 2", "อบรมครู 10"])
    window.silent_days.setValue(120)  # 1 Mar is 106 days back
    assert sorted(names(window)) == sorted(["ขยะรีไซเคิล", "กีฬาสีสัมพันธ์", "อบรมครู 10"])
    window.overspent.setChecked(True)  # filters add up
    assert names(window) == ["กีฬาสีสัมพันธ์"]
    assert window.count.text().startswith("แสดง 1 จาก 5 โครงการ")


def test_search_by_name_code_or_agency_ctrl_f_and_esc(qtbot, window):
    window.view.setFocus()
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus()
    type_text(window.search, "อบรม")
    assert names(window) == ["อบรมครู 10", "อบรมครู 2"]
    assert window.count.text().startswith("แสดง 2 จาก 5")
    QTest.keyClick(window.search, Qt.Key.Key_Escape)
    assert window.search.text() == ""
    assert len(names(window)) == 5
    window.search.setText("0003")
    assert names(window) == ["ขยะรีไซเคิล"]
    window.search.setText("คลองกุ่ม")  # the school
    assert names(window) == ["กีฬาสีสัมพันธ์"]
    window.search.setText("ไม่มีโครงการนี้")
    assert names(window) == []
    assert window.empty.isVisible()
    assert not window.export_button.isEnabled()


def test_mnemonics_tick_the_filters(qtbot, window):
    window.view.setFocus()
    QTest.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(window.behind_plan.isChecked)  # a mnemonic clicks as the mouse does
    QTest.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(window.has_errors.isChecked)
    assert names(window) == []  # behind plan and with errors: none is both
    QTest.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert window.search.hasFocus()


# -- opening a report --------------------------------------------------------------------------


def test_enter_opens_the_report_read_only_with_its_problems_and_quarters(qtbot, window):
    row = names(window).index("อบรมครู 10")
    window.view.setFocus()
    window.view.selectRow(row)
    QTest.keyClick(window.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(window.report_views) == 1)
    view = window.report_views[0]
    problems = check_report(REPORTS["D"])
    assert problems and view.problems == problems
    assert view.problems_view.model().rowCount() == len(problems)
    assert view.tabs.tabText(3) == f"ปัญหา ({len(problems)})"
    assert "อบรมครู 10" in view.windowTitle() and "อ่านอย่างเดียว" in view.windowTitle()
    assert view.fields.isReadOnly()
    assert "เพื่อพัฒนาคุณภาพการศึกษา" in view.fields.toPlainText()
    # the same report again: the window already open comes forward
    window.open_row(row)
    assert len(window.report_views) == 1
    view.close()
    qtbot.waitUntil(lambda: not window.report_views)


def test_the_quarterly_figures_of_a_report(qtbot, window):
    row = names(window).index("เกษตรในโรงเรียน")
    at = window.view.visualRect(window.model.index(row, COLUMN["name"])).center()
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    qtbot.mouseDClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    qtbot.waitUntil(lambda: len(window.report_views) == 1)
    view = window.report_views[0]
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
    qtbot.waitUntil(lambda: win._closed)
    store.close()


# -- collecting --------------------------------------------------------------------------------


def report_files(folder: Path) -> Path:
    folder.mkdir()
    newer = REPORTS["A"].copy()
    newer.progress_reports.append(
        ProgressReport(3, date(2024, 6, 1), "ครั้งที่ 3", Decimal(80), Decimal(1000), *ON)
    )
    (folder / "a-newer.json").write_text(dumps(newer), encoding="utf-8")
    (folder / "b-same.json").write_text(dumps(REPORTS["B"]), encoding="utf-8")
    new = report("50280000-0006", "ห้องสมุดมีชีวิต", log=[(date(2024, 6, 1), "10", "0", *ON)])
    (folder / "c-new.json").write_text(dumps(new), encoding="utf-8")
    (folder / "d-broken.json").write_text("{ not a report", encoding="utf-8")
    return folder


def drop(win: DistrictWindow, paths: list[Path]) -> None:
    """Drag `paths` over the table and drop them (Qt sends the drop to the widget that
    accepted the drag's entering)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    at = win.view.viewport().rect().center()
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(at, Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(win.view.viewport(), enter)
    assert enter.isAccepted()
    event = QDropEvent(QPointF(at), Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(win.view.viewport(), event)
    assert event.isAccepted()


def test_a_dropped_folder_is_collected_in_the_background(qtbot, tmp_path, window):
    folder = report_files(tmp_path / "ส่งมา")
    with qtbot.waitSignal(window.background.busy_changed, timeout=30000) as busy:
        drop(window, [folder])
    assert busy.args == [True]
    assert window.outcomes.isVisible()
    qtbot.waitUntil(lambda: not window.collector.running, timeout=30000)
    rows = window.outcomes.rows()
    assert [(word, name) for word, name, _ in rows] == [
        ("ปรับปรุง", "a-newer.json"),
        ("ซ้ำ", "b-same.json"),
        ("เพิ่ม", "c-new.json"),
        ("ไม่รับ", "d-broken.json"),
    ]
    assert rows[3][2]  # the reason, in Thai
    assert "เพิ่ม 1 · ปรับปรุง 1 · ซ้ำ 1 · เก็บเป็นประวัติ 0 · ไม่รับ 1" in window.outcomes.summary.text()
    # the table was read again
    assert window.count.text().startswith("แสดง 6 จาก 6 โครงการ")
    assert cell(window, "เกษตรในโรงเรียน", "latest_no") == "3"
    assert "ห้องสมุดมีชีวิต" in names(window)
    assert window.add_files_button.isEnabled()


def test_add_files_and_add_folder_ask_through_dialogs(qtbot, tmp_path, window, monkeypatch):
    folder = report_files(tmp_path / "in")
    monkeypatch.setattr(dialogs, "open_files", lambda *a: [folder / "c-new.json"])
    qtbot.mouseClick(window.add_files_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.collector.running and "ห้องสมุดมีชีวิต" in names(window))
    monkeypatch.setattr(dialogs, "choose_folder", lambda *a: folder)
    QTest.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not window.collector.running and len(window.outcomes.rows()) == 4)
    assert [word for word, _n, _m in window.outcomes.rows()] == ["ปรับปรุง", "ซ้ำ", "ซ้ำ", "ไม่รับ"]
    monkeypatch.setattr(dialogs, "open_files", lambda *a: [])  # cancelled: nothing happens
    qtbot.mouseClick(window.add_files_button, Qt.MouseButton.LeftButton)
    assert not window.collector.running


def test_a_collection_busy_in_another_program_is_said_in_thai(
    qtbot, tmp_path, window, collection_path, monkeypatch
):
    said = []
    monkeypatch.setattr(dialogs, "inform", lambda *a, **k: said.append(a))
    window.collector.busy_timeout = 0.05
    other = sqlite3.connect(collection_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program writing, and not done
    try:
        window.collect([report_files(tmp_path / "in")])
        qtbot.waitUntil(lambda: bool(said), timeout=30000)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert said[0][1] == "รวมรายงานไม่ได้"
    assert "กำลังถูกโปรแกรมอื่นใช้งานอยู่" in said[0][2]
    assert window.outcomes.summary.text().startswith("หยุดรวมรายงาน")
    assert window.add_files_button.isEnabled()
    assert len(names(window)) == 5  # nothing half-added


def test_closing_stops_the_worker(qtbot, tmp_path, collection_path):
    win = DistrictWindow(Collection.open(collection_path), today=TODAY)
    win.show()
    win.collect([report_files(tmp_path / "in")])
    win.close()
    assert worker_thread_names() == []
    with Collection.open_read_only(collection_path) as collection:
        assert len(collection) >= 5  # whatever was added before the stop is whole


# -- exporting ---------------------------------------------------------------------------------


def test_export_writes_the_rows_shown_in_their_order(qtbot, tmp_path, window, monkeypatch):
    window.search.setText("อบรม")
    window.view.sortByColumn(COLUMN["name"], Qt.SortOrder.AscendingOrder)
    target = tmp_path / "สรุป"
    asked = []
    monkeypatch.setattr(dialogs, "save_file", lambda *a: asked.append(a) or target)
    window.exporter.update_menu()
    assert "เฉพาะที่แสดง 2 จาก 5 โครงการ" in window.exporter.scope.text()
    future = window.exporter.export(by_key(SUMMARY_FORMATS, "csv"))
    assert future is not None
    qtbot.waitUntil(future.done)
    qtbot.waitUntil(lambda: not window.background.busy)
    written = tmp_path / "สรุป.csv"  # the suffix added
    rows = list(csv.reader(io.StringIO(written.read_bytes().decode("utf-8-sig"))))
    assert [r[4] for r in rows[1:]] == ["อบรมครู 2", "อบรมครู 10"]
    assert "ส่งออก 2 โครงการ" in window.statusBar().currentMessage()


@pytest.mark.parametrize("fmt", SUMMARY_FORMATS, ids=lambda f: f.key)
def test_every_summary_format_is_offered_and_written(qtbot, tmp_path, window, monkeypatch, fmt):
    assert window.exporter.actions[fmt.key].text() == f"{fmt.label}…"
    target = tmp_path / f"out{fmt.suffix}"
    monkeypatch.setattr(dialogs, "save_file", lambda *a: target)
    window.exporter.actions[fmt.key].trigger()
    qtbot.waitUntil(lambda: not window.background.busy, timeout=30000)
    magic = {"xlsx": b"PK", "csv": b"\xef\xbb\xbf", "pdf": b"%PDF"}[fmt.key]
    assert target.read_bytes().startswith(magic)


def test_an_export_that_cannot_be_written_says_why(qtbot, tmp_path, window, monkeypatch):
    said = []
    monkeypatch.setattr(dialogs, "save_file", lambda *a: tmp_path / "ไม่มีโฟลเดอร์นี้" / "x.csv")
    monkeypatch.setattr(dialogs, "inform", lambda *a, **k: said.append(a))
    window.exporter.export(by_key(SUMMARY_FORMATS, "csv"))
    qtbot.waitUntil(lambda: bool(said))
    assert said[0][1] == "ส่งออกไม่ได้"
    assert "ไม่มีโฟลเดอร์นี้" in said[0][2]


# -- opening from the main window --------------------------------------------------------------


@pytest.fixture
def main_window(qtbot, tmp_path):
    db = tmp_path / "drafts.db"
    store = DraftStore.open(db)
    win = MainWindow(store, db)
    win.show()
    yield win
    win.close()
    store.close()


def test_the_file_menu_opens_or_creates_a_collection(qtbot, tmp_path, main_window, monkeypatch):
    path = tmp_path / "เขตบึงกุ่ม-2567.db"
    monkeypatch.setattr(dialogs, "open_or_create_file", lambda *a: path)
    main_window.actions_by_text["รวมรายงานของเขต…"].trigger()
    found = main_window.findChildren(DistrictWindow)
    assert len(found) == 1
    district = found[0]
    assert district.windowTitle() == "รวมรายงาน — เขตบึงกุ่ม-2567.db"
    assert district.isVisible() and path.is_file()
    assert district.empty.isVisible() and "ยังไม่มีรายงาน" in district.empty.text()
    main_window.actions_by_text["รวมรายงานของเขต…"].trigger()  # the same file: the same window
    assert main_window.findChildren(DistrictWindow) == [district]
    district.close()


@pytest.mark.real_dialogs
def test_the_real_chooser_opens_an_existing_collection_without_asking_to_replace_it(
    qtbot, collection_path
):
    seen: list[str] = []
    poll, guard = QTimer(interval=10), QTimer(interval=3000)

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QFileDialog) and not seen:
            seen.append(dialog.labelText(QFileDialog.DialogLabel.Accept))
            dialog.selectFile(str(collection_path))
            dialog.accept()  # a question about replacing the file would open inside this

    def unstick() -> None:  # its own timer: `answer` may be waiting inside the question
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            seen.append(type(dialog).__name__)
            dialog.done(0)

    poll.timeout.connect(answer)
    guard.timeout.connect(unstick)
    poll.start()  # the chooser runs its own event loop; the timers keep firing inside it
    guard.start()
    try:
        chosen = dialogs.open_or_create_file(
            None, "เปิดหรือสร้างชุดรวมรายงาน", collection_path, "ชุดรวมรายงาน (*.db)", ".db"
        )
    finally:
        poll.stop()
        guard.stop()
    assert seen == ["เปิด"]
    assert chosen == collection_path


def test_a_file_that_is_not_a_collection_is_refused_in_thai(
    qtbot, tmp_path, main_window, monkeypatch
):
    bad = tmp_path / "drafts-copy.db"
    bad.write_bytes(b"this is not a database" * 100)
    said = []
    monkeypatch.setattr(dialogs, "open_or_create_file", lambda *a: bad)
    monkeypatch.setattr(dialogs, "inform", lambda *a, **k: said.append(a))
    main_window.actions_by_text["รวมรายงานของเขต…"].trigger()
    assert not main_window.findChildren(DistrictWindow)
    assert said and said[0][1] == "เปิดชุดรวมรายงานไม่ได้"
    assert "ไม่ใช่ชุดรวมรายงาน" in said[0][2]
    assert bad.read_bytes() == b"this is not a database" * 100


def read_only(path: Path) -> Callable[[], object]:
    """Make `path` read-only for real (root: `chattr +i`, as tests/test_storage_readonly.py
    does); the undo."""
    if os.geteuid() == 0:
        chattr = shutil.which("chattr")
        run = subprocess.run([chattr or "chattr", "+i", str(path)], capture_output=True)
        if chattr is None or run.returncode != 0:
            pytest.skip("running as root without chattr +i: cannot make a file read-only")
        return lambda: subprocess.run([chattr, "-i", str(path)], check=True)
    mode = path.stat().st_mode
    path.chmod(0o444)
    return lambda: path.chmod(stat.S_IMODE(mode))


def test_a_read_only_collection_opens_read_only(qtbot, collection_path):
    undo = read_only(collection_path)
    try:
        before = collection_path.read_bytes()
        win = DistrictWindow.open_path(collection_path)
        assert win is not None
        assert win.read_only and win.windowTitle().endswith("(อ่านอย่างเดียว)")
        assert len(names(win)) == 5
        assert not win.add_files_button.isEnabled() and not win.acceptDrops()
        assert win.collect([collection_path.parent]) is None
        win.close()
        assert collection_path.read_bytes() == before
    finally:
        undo()


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

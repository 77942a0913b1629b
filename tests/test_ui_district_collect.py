"""The district's "รวมรายงาน" window: files and folders collected in the background,
dropped on the window or chosen through the add buttons, each file's outcome listed, and
the worker stopped when the window closes."""

from __future__ import annotations

import sqlite3
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from forms.interchange import dumps
from forms.report import ProgressReport
from storage.collection import Collection
from tests.district_support import (
    ON,
    REPORTS,
    TODAY,
    cell,
    make_collection,
    names,
    report,
    shown_window,
)
from ui import dialogs
from ui.background import worker_thread_names
from ui.district_window import DistrictWindow


@pytest.fixture
def collection_path(tmp_path: Path) -> Path:
    return make_collection(tmp_path / "district.db")


@pytest.fixture
def window(qtbot, collection_path: Path):
    with shown_window(qtbot, collection_path) as win:
        yield win


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

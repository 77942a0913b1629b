"""The district's "รวมรายงาน" window: the filters, the search box (Ctrl+F, Esc) and the
count of the projects shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.district_support import make_collection, names, shown_window
from tests.keyboard import type_text


@pytest.fixture
def collection_path(tmp_path: Path) -> Path:
    return make_collection(tmp_path / "district.db")


@pytest.fixture
def window(qtbot, collection_path: Path):
    with shown_window(qtbot, collection_path) as win:
        yield win


def test_each_filter_and_the_count(qtbot, window):
    qtbot.mouseClick(window.filters.behind_plan, Qt.MouseButton.LeftButton)
    assert names(window) == ["กีฬาสีสัมพันธ์"]
    assert window.count.text().startswith("แสดง 1 จาก 5 โครงการ")
    window.filters.behind_plan.setChecked(False)
    window.filters.off_target.setChecked(True)
    assert names(window) == ["ขยะรีไซเคิล"]
    window.filters.off_target.setChecked(False)
    window.filters.overspent.setChecked(True)
    assert names(window) == ["กีฬาสีสัมพันธ์"]
    window.filters.overspent.setChecked(False)
    window.filters.has_errors.setChecked(True)
    assert names(window) == ["อบรมครู 10"]
    window.filters.has_errors.setChecked(False)
    # no report in the last 90 days (by 15 Jun 2024): 30 Dec, 5 Jan, 1 Mar, and none at all
    window.filters.silent.setChecked(True)
    assert sorted(names(window)) == sorted(["ขยะรีไซเคิล", "กีฬาสีสัมพันธ์", "อบรมครู 2", "อบรมครู 10"])
    window.filters.silent_days.setValue(120)  # 1 Mar is 106 days back
    assert sorted(names(window)) == sorted(["ขยะรีไซเคิล", "กีฬาสีสัมพันธ์", "อบรมครู 10"])
    window.filters.overspent.setChecked(True)  # filters add up
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
    qtbot.waitUntil(window.filters.behind_plan.isChecked)  # a mnemonic clicks as the mouse does
    QTest.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(window.filters.has_errors.isChecked)
    assert names(window) == []  # behind plan and with errors: none is both
    QTest.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert window.search.hasFocus()

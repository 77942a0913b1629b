"""Small things a clerk meets in the form: a wheel notch that must not change a choice, long
names shown from their start, no Tab stop on computed boxes or calendar buttons, the
calendar opening near the project and naming its days plainly, offices offered while
typing, the signer filled from the responsible person."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QCalendarWidget, QPushButton, QTableView

from forms.report import Report
from storage.drafts import DraftStore
from tests.keyboard import type_text
from ui.date_edit import BeDateEdit
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, tmp_path: Path):
    opened: list[tuple[MainWindow, DraftStore]] = []

    def make(report: Report) -> MainWindow:
        path = tmp_path / f"drafts{len(opened)}.db"
        store = DraftStore.open(path)
        store.create(report)
        win = MainWindow(store, path)
        win.show()
        with qtbot.waitActive(win):
            win.activateWindow()
        win.form.build_all()
        opened.append((win, store))
        return win

    yield make
    for win, store in opened:
        win.close()
        store.close()


def wheel(widget, notches: int = -1) -> None:
    event = QWheelEvent(
        QPointF(5, 5),
        QPointF(widget.mapToGlobal(QPoint(5, 5))),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_a_wheel_notch_over_an_unfocused_choice_changes_nothing(qtbot, window, sample_report):
    win = window(sample_report)
    progress = win.form.editors["progress_reports"]
    progress.select_row(0)
    box = progress.editors["plan_status"]
    before = (box.currentIndex(), win.document.revision)
    win.form.editors["project_name"].setFocus()
    wheel(box)
    assert (box.currentIndex(), win.document.revision) == before
    box.setFocus()
    wheel(box)  # once the clerk is in the box, the wheel works as everywhere
    assert box.currentIndex() != before[0]


def test_a_long_name_shows_its_start(qtbot, window):
    name = "โครงการพัฒนาคุณภาพการศึกษาของโรงเรียนในสังกัดกรุงเทพมหานคร " * 4
    win = window(Report(project_name=name.strip()))
    assert win.form.editors["project_name"].cursorPosition() == 0


def test_computed_boxes_and_calendar_buttons_take_no_tab_stop(qtbot, window, sample_report):
    win = window(sample_report)
    spent = win.form.editors["budget_spent"]
    start = win.form.editors["start_date"]
    assert not spent.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert not start.button.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_alt_down_opens_the_calendar_at_the_fiscal_year_with_that_day_highlighted(qtbot, window):
    win = window(Report(fiscal_year=2567))
    win.document.set_value("start_date", None)
    start: BeDateEdit = win.form.editors["start_date"]
    start.line.setFocus()
    qtbot.keyClick(start.line, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: start.popup is not None and start.popup.isVisible())
    grid = start.calendar.grid
    assert (grid.yearShown(), grid.monthShown()) == (2023, 10)  # ต.ค. 2566: FY 2567 begins
    assert grid.selectedDate().toPython() == date(2023, 10, 1)  # what Enter would pick
    assert grid.horizontalHeaderFormat() == QCalendarWidget.HorizontalHeaderFormat.ShortDayNames
    qtbot.keyClick(grid.findChild(QTableView), Qt.Key.Key_Return)
    assert win.document.report.start_date == date(2023, 10, 1)


def test_offices_are_offered_while_typing_and_a_pick_is_saved(qtbot, window):
    win = window(Report())
    office = win.form.editors["agency_office"]
    office.setFocus()
    type_text(office, "บึงกุ่ม")
    completer = office.completer()
    assert completer.currentCompletion() == "สำนักงานเขตบึงกุ่ม"
    completer.activated.emit("สำนักงานเขตบึงกุ่ม")
    assert win.document.report.agency_office == "สำนักงานเขตบึงกุ่ม"


def test_the_signer_is_filled_from_the_responsible_person(qtbot, window):
    win = window(Report(responsible_person="นางสาวสมหญิง ใจดี"))
    button = win.form.findChild(QPushButton, "signer_is_responsible")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert win.document.report.signer_name == "นางสาวสมหญิง ใจดี"

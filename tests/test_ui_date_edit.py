"""The Buddhist-Era date editor: typed BE dates, a calendar showing BE years, 543 added once."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from forms.typed import Unreadable
from ui.date_edit import BeDateEdit

# the offscreen platform warns that it cannot raise or grab windows; that is not our bug


def make(qtbot) -> BeDateEdit:
    editor = BeDateEdit()
    qtbot.addWidget(editor)
    editor.show()
    return editor


def test_typing_a_be_date_gives_the_gregorian_date(qtbot):
    editor = make(qtbot)
    seen: list[object] = []
    editor.edited.connect(seen.append)
    qtbot.keyClicks(editor.line, "30/01/2566")
    assert editor.value() == date(2023, 1, 30)
    # each keystroke reaches the model: the text so far, then the date it makes
    assert seen[-1] == date(2023, 1, 30)
    assert seen[:-1] == [Unreadable("30/01/2566"[:n]) for n in range(1, 10)]


def test_letters_are_refused_as_you_type(qtbot):
    editor = make(qtbot)
    qtbot.keyClicks(editor.line, "3x0/ab01/2566")
    assert editor.line.text() == "30/01/2566"
    assert editor.value() == date(2023, 1, 30)


def test_a_ce_year_or_impossible_day_is_kept_as_typed_not_the_old_date(qtbot):
    editor = make(qtbot)
    editor.show_value(date(2023, 1, 30))
    seen: list[object] = []
    editor.edited.connect(seen.append)
    editor.line.clear()
    qtbot.keyClicks(editor.line, "31/02/2566")
    editor.line.editingFinished.emit()
    assert editor.value() == Unreadable("31/02/2566") == seen[-1]
    assert editor.line.text() == "31/02/2566"
    editor.line.clear()
    qtbot.keyClicks(editor.line, "30/01/2023")
    assert editor.value() == Unreadable("30/01/2023")


def test_unreadable_text_from_the_model_is_shown_as_typed(qtbot):
    editor = make(qtbot)
    editor.show_value(Unreadable("30/01/67"))
    assert editor.line.text() == "30/01/67"
    assert editor.value() == Unreadable("30/01/67")
    editor.show_value(date(2024, 1, 30))
    assert editor.line.text() == "30/01/2567"


def test_a_paste_is_never_refused_or_cut(qtbot):
    editor = make(qtbot)
    text = "วันที่ 30 กันยายน พ.ศ. 2567 (ตามหนังสือ)"
    editor.line.insert(text)
    assert editor.line.text() == text


def test_the_calendar_shows_the_be_year_of_the_date(qtbot):
    editor = make(qtbot)
    editor.show_value(date(2023, 1, 30))
    assert editor.line.text() == "30/01/2566"
    editor.open_calendar()
    calendar = editor.calendar
    assert calendar is not None
    assert calendar.shown_year_be() == 2566
    assert "2566" in calendar.year_box.text()
    assert calendar.month_box.currentText() == "มกราคม"
    assert calendar.grid.yearShown() == 2023  # the Gregorian grid underneath, not 2566 or 3109
    editor.popup.hide()


def test_picking_in_the_calendar_adds_543_once(qtbot):
    editor = make(qtbot)
    editor.show_value(date(2023, 1, 30))
    editor.open_calendar()
    calendar = editor.calendar
    calendar.year_box.setValue(2567)
    assert calendar.grid.yearShown() == 2024
    view = calendar.grid.findChild(QTableView)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert editor.value() == date(2024, 1, 31)
    assert editor.line.text() == "31/01/2567"
    assert not editor.popup.isVisible()


def test_clearing_the_text_clears_the_date(qtbot):
    editor = make(qtbot)
    editor.show_value(date(2023, 1, 30))
    seen: list[object] = []
    editor.edited.connect(seen.append)
    editor.line.selectAll()
    qtbot.keyClick(editor.line, Qt.Key.Key_Delete)
    assert editor.value() is None and seen == [None]

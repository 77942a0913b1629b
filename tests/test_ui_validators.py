"""Percent, money and year boxes refuse keys that type no digit; whatever else is typed or
pasted stays as it is: a number (in range or not) is the value, other text is kept."""

from __future__ import annotations

from decimal import Decimal

import pytest

from forms.schema import FIELDS_BY_KEY, PROGRESS_FIELDS_BY_KEY
from forms.typed import Unreadable
from ui.editors import NumberEdit, make_editor
from ui.validators import DATE_KEYS, NUMBER_KEYS, YEAR_KEYS, refuses


@pytest.mark.parametrize("text", ["a", "%", "ก", "e", "-", "๑x"])
def test_keys_typing_no_number_are_refused(text):
    assert refuses(NUMBER_KEYS, text)


@pytest.mark.parametrize("text", ["0", "๒", ",", ".", " ", "", "\x16", "\x08", "\r"])
def test_digits_separators_and_control_keys_are_taken(text):
    assert not refuses(NUMBER_KEYS, text)


def test_years_take_digits_only_and_dates_slashes():
    assert refuses(YEAR_KEYS, ".") and not refuses(YEAR_KEYS, "๕")
    assert not refuses(DATE_KEYS, "/") and refuses(DATE_KEYS, "a")


def editor(qtbot, field) -> NumberEdit:
    widget = make_editor(field)
    qtbot.addWidget(widget)
    return widget


def test_percent_box_refuses_letters_and_keeps_a_number_over_100(qtbot):
    box = editor(qtbot, PROGRESS_FIELDS_BY_KEY["progress_percent"])
    seen: list[object] = []
    box.edited.connect(seen.append)
    qtbot.keyClicks(box, "1x0q1")  # the letters are refused; 101 is a number the check marks
    assert box.text() == "101"
    assert seen[-1] == Decimal(101)


def test_money_box_takes_thousands_commas_and_every_decimal(qtbot):
    box = editor(qtbot, PROGRESS_FIELDS_BY_KEY["budget_used"])
    qtbot.keyClicks(box, "ab32,4a00.505")
    assert box.text() == "32,400.505"
    assert box.value() == Decimal("32400.505")
    box.editingFinished.emit()
    assert box.text() == "32,400.505"  # never rounded to 32,400.51 out of sight


def test_money_box_reformats_when_left(qtbot):
    box = editor(qtbot, FIELDS_BY_KEY["budget_received"])
    qtbot.keyClicks(box, "180000")
    box.editingFinished.emit()
    assert box.text() == "180,000"


def test_year_box_gives_an_int_for_four_digits_and_keeps_fewer_as_typed(qtbot):
    box = editor(qtbot, FIELDS_BY_KEY["fiscal_year"])
    seen: list[object] = []
    box.edited.connect(seen.append)
    qtbot.keyClicks(box, "25.6y6")
    assert box.text() == "2566"
    assert seen == [Unreadable("2"), Unreadable("25"), Unreadable("256"), 2566]
    assert isinstance(seen[-1], int)


def test_pasted_text_is_never_refused(qtbot):
    box = editor(qtbot, FIELDS_BY_KEY["budget_received"])
    box.insert("ประมาณ 180,000")
    assert box.text() == "ประมาณ 180,000"
    assert box.value() == Unreadable("ประมาณ 180,000")
    box.editingFinished.emit()
    assert box.text() == "ประมาณ 180,000"  # unreadable text is not reformatted

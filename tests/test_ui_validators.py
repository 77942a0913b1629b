"""Percent, money and year boxes refuse what is not a number while the clerk types."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtGui import QValidator

from forms.schema import FIELDS_BY_KEY, PROGRESS_FIELDS_BY_KEY
from ui.editors import NumberEdit, make_editor
from ui.validators import date_state, number_state

State = QValidator.State


@pytest.mark.parametrize("text", ["a", "12a", "1.2.3", "-5", "๑x", "1e5", "20%"])
def test_non_numbers_are_invalid(text):
    assert number_state(text, Decimal(0), Decimal(100)) == State.Invalid


@pytest.mark.parametrize("text", ["", "0", "20", "20.5", "100.00", "๒๐", "1,000"])
def test_numbers_within_limits_are_acceptable(text):
    assert number_state(text, Decimal(0), Decimal(1000)) == State.Acceptable


def test_over_the_maximum_or_too_many_decimals_is_invalid():
    assert number_state("100.01", Decimal(0), Decimal(100)) == State.Invalid
    assert number_state("1.234", Decimal(0), None) == State.Invalid


def test_date_text_states():
    assert date_state("30/01/2566") == State.Acceptable
    assert date_state("30/0") == State.Intermediate
    assert date_state("3a") == State.Invalid


def editor(qtbot, field) -> NumberEdit:
    widget = make_editor(field)
    qtbot.addWidget(widget)
    return widget


def test_percent_box_keeps_only_digits_and_stops_at_100(qtbot):
    box = editor(qtbot, PROGRESS_FIELDS_BY_KEY["progress_percent"])
    seen: list[object] = []
    box.edited.connect(seen.append)
    qtbot.keyClicks(box, "1x0q1")  # the letters and the third digit (101 > 100) are refused
    assert box.text() == "10"
    assert seen[-1] == Decimal(10)


def test_money_box_takes_thousands_commas_and_satang(qtbot):
    box = editor(qtbot, PROGRESS_FIELDS_BY_KEY["budget_used"])
    qtbot.keyClicks(box, "ab32,4a00.505")
    assert box.text() == "32,400.50"
    assert box.value() == Decimal("32400.50")
    box.editingFinished.emit()
    assert box.text() == "32,400.50"


def test_money_box_reformats_when_left(qtbot):
    box = editor(qtbot, FIELDS_BY_KEY["budget_received"])
    qtbot.keyClicks(box, "180000")
    box.editingFinished.emit()
    assert box.text() == "180,000"


def test_year_box_gives_an_int_only_for_a_plausible_be_year(qtbot):
    box = editor(qtbot, FIELDS_BY_KEY["fiscal_year"])
    seen: list[object] = []
    box.edited.connect(seen.append)
    qtbot.keyClicks(box, "25.6y6")
    assert box.text() == "2566"
    assert seen == [2566] and isinstance(seen[0], int)

"""The progress log model: Qt's model rules (qtmodeltester), add/insert/remove/move, numbering."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QModelIndex, Qt

from forms.report import ProgressReport
from ui.progress_model import COLUMN_OF, VALUE_ROLE, ProgressModel


@pytest.fixture
def model(sample_report) -> ProgressModel:
    return ProgressModel(sample_report.progress_reports)


def numbers(model: ProgressModel) -> list[int]:
    return [r.no for r in model.reports]


def test_model_follows_qt_rules(qtmodeltester, model):
    qtmodeltester.check(model, force_py=True)


def test_empty_model_follows_qt_rules(qtmodeltester):
    qtmodeltester.check(ProgressModel(), force_py=True)


def test_rows_read_as_printed(model):
    row = model.reports.index(next(r for r in model.reports if r.budget_used == Decimal(32400)))
    text = model.index(row, COLUMN_OF["budget_used"]).data()
    assert text == "32,400"
    assert model.index(0, COLUMN_OF["date"]).data() == "30/01/2566"
    assert model.index(0, COLUMN_OF["progress_percent"]).data() == "20.00 %"
    assert model.index(0, COLUMN_OF["plan_status"]).data() == "เป็นไปตามแผน"
    assert model.index(0, COLUMN_OF["no"]).data() == "ครั้งที่ 1"
    assert model.index(0, COLUMN_OF["date"]).data(VALUE_ROLE) == date(2023, 1, 30)
    assert model.headerData(COLUMN_OF["date"], Qt.Orientation.Horizontal) == "วันที่รายงาน\n(พ.ศ.)"


def test_insert_remove_move_keep_the_log_numbered(qtmodeltester, model):
    seen: list[list[ProgressReport]] = []
    model.edited.connect(seen.append)
    n = model.rowCount()
    qtmodeltester.check(model, force_py=True)
    assert model.insertRows(n, 1)  # append
    assert model.insertRows(0, 1)  # insert before the first
    assert numbers(model) == list(range(1, n + 3))
    assert model.reports[0].progress_percent is None  # nothing before it to carry forward
    assert model.reports[-1].progress_percent == Decimal(100)  # carried from the last
    old_second = model.reports[1]
    assert model.move_row(1, -1)
    assert model.reports[0].date == old_second.date and numbers(model)[:2] == [1, 2]
    assert model.move_row(0, 1)
    assert model.reports[1].date == old_second.date
    assert not model.move_row(0, -1)
    assert model.removeRows(0, 1)
    assert numbers(model) == list(range(1, n + 2))
    assert len(seen) == 5 and seen[-1] == model.reports


def test_set_field_changes_one_value_and_announces_the_log(model):
    seen: list[list[ProgressReport]] = []
    model.edited.connect(seen.append)
    assert model.set_field(2, "budget_used", Decimal("1500.50"))
    assert model.reports[2].budget_used == Decimal("1500.50")
    assert seen[-1][2].budget_used == Decimal("1500.50")
    assert not model.setData(model.index(2, COLUMN_OF["no"]), 9, VALUE_ROLE)
    assert not model.setData(model.index(2, 1), "x", Qt.ItemDataRole.DisplayRole)


def test_show_value_is_not_an_edit(model, sample_report):
    seen: list[object] = []
    model.edited.connect(seen.append)
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.show_value(list(sample_report.progress_reports))
    assert resets == [] and seen == []
    model.show_value([])
    assert model.rowCount() == 0 and resets == [1] and seen == []
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.insertRows(0, 1, QModelIndex())

"""Every list of the form has a limit in the schema, and every way in keeps to it: the JSON
import refuses more (naming the field, the count and the limit, before reading the items),
a printout import keeps the first items and says how many it left out, and the window's
add buttons stop at the limit."""

from __future__ import annotations

import json
import time

import pytest
from PySide6.QtCore import Qt

from forms.errors import TooManyItemsError
from forms.interchange import dumps, loads
from forms.kinds import TYPES
from forms.printout.limits import fit_to_limits
from forms.report import ProgressReport, Report
from forms.schema import FIELDS, FIELDS_BY_KEY
from ui.editors import make_editor
from ui.progress_tab import ProgressTab

LISTS = [f for f in FIELDS if TYPES[f.kind].is_list]


@pytest.mark.parametrize("field", LISTS, ids=lambda f: f.key)
def test_every_list_has_a_limit_and_a_unit(field):
    assert field.max_items is not None and 50 <= field.max_items <= 1000
    assert field.item_unit in ("ข้อ", "ย่อหน้า", "ครั้ง")


def test_a_json_with_100000_paragraphs_is_refused_in_thai_at_once(sample_json_text):
    data = json.loads(sample_json_text)
    data["rationale"] = ["ก"] * 100_000
    start = time.perf_counter()
    with pytest.raises(TooManyItemsError) as refused:
        loads(json.dumps(data, ensure_ascii=False))
    assert time.perf_counter() - start < 5  # generous: the point is no window ever sees it
    message = str(refused.value)
    assert '"หลักการและเหตุผล (ย่อหน้า)"' in message
    assert "100,000 ย่อหน้า" in message and "200 ย่อหน้า" in message


def test_progress_reports_over_the_limit_are_refused_and_at_the_limit_read(sample_report):
    limit = FIELDS_BY_KEY["progress_reports"].max_items
    at_limit = sample_report.copy()
    at_limit.progress_reports = [ProgressReport(no=n) for n in range(1, limit + 1)]
    assert len(loads(dumps(at_limit)).progress_reports) == limit
    data = json.loads(dumps(at_limit))
    data["progress_reports"].append({"no": limit + 1})
    with pytest.raises(TooManyItemsError, match=f"{limit + 1:,} ครั้ง"):
        loads(json.dumps(data))


def test_a_printout_with_too_many_items_keeps_the_first_and_says_so():
    report = Report(objectives=[f"ข้อ {n}" for n in range(1, 151)])
    report.progress_reports = [ProgressReport(no=n) for n in range(1, 301)]
    fitted, warnings = fit_to_limits(report)
    assert fitted.objectives == [f"ข้อ {n}" for n in range(1, 101)]
    assert [r.no for r in fitted.progress_reports] == list(range(1, 241))
    assert len(report.objectives) == 150  # the given report is left as it was
    assert any("150 ข้อ" in w and "50 ข้อท้ายไม่ได้นำเข้า" in w for w in warnings)
    assert any("300 ครั้ง" in w and "60 ครั้งท้ายไม่ได้นำเข้า" in w for w in warnings)


def test_the_list_editor_stops_adding_at_the_limit(qtbot):
    editor = make_editor(FIELDS_BY_KEY["objectives"])
    qtbot.addWidget(editor)
    editor.show_value(["ข้อ"] * 99)
    assert editor.add_button.isEnabled()
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert len(editor.value()) == 100 and not editor.add_button.isEnabled()
    assert "100 ข้อ" in editor.add_button.toolTip()
    editor.add_item()  # a shortcut calling it anyway adds nothing
    assert len(editor.value()) == 100


def test_the_progress_tab_stops_adding_at_the_limit(qtbot):
    tab = ProgressTab()
    qtbot.addWidget(tab)
    limit = FIELDS_BY_KEY["progress_reports"].max_items
    tab.show_value([ProgressReport(no=n) for n in range(1, limit)])
    assert tab.row_buttons["add_report"].isEnabled()
    tab.add_row()
    assert tab.model.rowCount() == limit
    assert not tab.row_buttons["add_report"].isEnabled()
    assert not tab.row_buttons["insert_report"].isEnabled()
    tab.insert_row()
    assert tab.model.rowCount() == limit

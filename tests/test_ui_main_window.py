"""The whole window as a clerk uses it: every field typed, autosaved, closed, found again.

These tests drive real widgets on a real SQLite file: keys typed into the boxes, rows added
with the buttons, choices picked with the keyboard, then a new window on the same file.
Saving itself (Ctrl+S, a save that fails, closing while saving) is `test_ui_saving.py`; the
windows and the typing are `tests.windows`.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from forms.report import ProgressReport, Report
from forms.schema import FIELDS, PROGRESS_FIELDS
from tests.keyboard import type_text
from tests.windows import click, editor, opened_windows, show_tab_of, stored, type_into
from ui import dialogs
from ui.main_window import MainWindow


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "drafts.db"


@pytest.fixture
def windows(qtbot, db_path):
    """Open main windows on the test database; all are closed (and saved) at the end."""
    with opened_windows(qtbot, db_path) as open_window:
        yield open_window


def pick(qtbot, combo: QComboBox, label: str) -> None:
    """Choose by keyboard, as a clerk would (Home, then Down until the label shows)."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == label:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == label


def add_items(qtbot, window: MainWindow, key: str, items: list[str]) -> None:
    lst = editor(window, key)
    for text in items:
        click(qtbot, lst.add_button)
        type_text(lst.rows[-1].text, text)


TEXTS = {
    "project_name": "พัฒนาคุณภาพเครือข่ายโรงเรียน",
    "project_code": "50280000-6851",
    "agency_office": "สำนักงานเขตบึงกุ่ม",
    "agency_division": "ฝ่ายการศึกษา",
    "agency_section": "กลุ่มงานส่งเสริมการศึกษา",
    "responsible_person": "ฝ่ายการศึกษา",
    "coordinator_name": "ปาริตา ศรีลักษณ์",
    "coordinator_phone": "1549",
    "strategic_issue": "**** การปฏิบัติงานประจำของหน่วยงาน ****",
    "strategic_sub_issue": "ประเด็นย่อย ๑",
    "strategic_goal": "เป้าหมายที่ 1.1",
    "indicator": "มิติที่1 ระดับความสำเร็จของงานประจำ",
    "signer_name": "นางสาวปาริตา ศรีลักษณ์",
    "signer_position": "นักวิชาการศึกษาชำนาญการ",
}
LISTS = {
    "rationale": ["พระราชบัญญัติการศึกษาแห่งชาติ พ.ศ. 2542\nมาตรา 48", "ย่อหน้าที่สอง"],
    "objectives": ["เพื่อพัฒนาคุณภาพการจัดการศึกษา", "เพื่อคัดเลือกและประเมิน “ครูดีเด่น”"],
    "targets_quantity": ["เครือข่ายโรงเรียน จำนวน 2 เครือข่าย", "มีผลงานนำเสนอ", "ผู้นำทางวิชาการ"],
    "targets_quality": ["มีการพัฒนาคุณภาพอย่างเป็นระบบ"],
}
EXPECTED = Report(
    **TEXTS,
    **LISTS,
    fiscal_year=2566,
    start_date=date(2022, 10, 1),  # filled by choosing the fiscal year
    end_date=date(2023, 8, 31),  # typed over the filled one
    budget_received=Decimal("180000.50"),
    progress_reports=[
        ProgressReport(
            1,
            date(2023, 1, 30),
            "อยู่ระหว่างการขออนุมัติเงิน\nงวดที่ 3",
            Decimal(20),
            Decimal(0),
            "on_plan",
            "on_target",
        ),
        ProgressReport(
            2, date(2023, 2, 21), "", Decimal("45.50"), Decimal("32400"), "off_plan", "on_target"
        ),
        ProgressReport(
            3,
            None,
            "ยังไม่ได้ดำเนินการ",
            Decimal("45.5"),
            Decimal("172690.25"),
            "on_plan",
            "off_target",
        ),
    ],
)


def fill_every_field(qtbot, window: MainWindow, monkeypatch) -> None:
    form = window.form
    assert form is not None
    for key, text in TEXTS.items():
        type_into(qtbot, editor(window, key), text)
    type_into(qtbot, editor(window, "fiscal_year"), "2566")
    assert editor(window, "start_date").line.text() == "01/10/2565"  # filled from the year
    assert editor(window, "end_date").line.text() == "30/09/2566"
    type_into(qtbot, editor(window, "end_date"), "31/08/2566")
    type_into(qtbot, editor(window, "budget_received"), "180,000.50")
    for key, items in LISTS.items():
        show_tab_of(editor(window, key))
        add_items(qtbot, window, key, items)
    # the progress log: two rows added, a third inserted before them and moved to the end,
    # and a scratch row added and removed
    progress = editor(window, "progress_reports")
    show_tab_of(progress)
    buttons = progress.row_buttons
    rows = [
        ("30/01/2566", "20", "0", "เป็นไปตามแผน", "เป็นไปตามเป้าหมาย", "อยู่ระหว่างการขออนุมัติเงิน\nงวดที่ 3"),
        ("21/02/2566", "45.5", "32,400", "ไม่เป็นไปตามแผน", "เป็นไปตามเป้าหมาย", ""),
    ]
    for when, percent, money, plan, target, narrative in rows:
        click(qtbot, buttons["add_report"])
        fill_progress_row(qtbot, progress, when, percent, money, plan, target, narrative)
    progress.select_row(0)
    click(qtbot, buttons["insert_report"])
    assert progress.current_row() == 0
    # the inserted row carries nothing forward: before it there is no report
    fill_progress_row(
        qtbot,
        progress,
        "",
        "45.50",
        "172690.25",
        "เป็นไปตามแผน",
        "ไม่เป็นไปตามเป้าหมาย",
        "ยังไม่ได้ดำเนินการ",
    )
    click(qtbot, buttons["move_down"])
    click(qtbot, buttons["move_down"])
    assert progress.current_row() == 2
    click(qtbot, buttons["add_report"])
    monkeypatch.setattr(dialogs, "ask", lambda *args, **kwargs: True)
    click(qtbot, buttons["remove_report"])
    assert progress.model.rowCount() == 3


def fill_progress_row(qtbot, progress, when, percent, money, plan, target, narrative) -> None:
    editors = progress.editors
    if when:
        type_into(qtbot, editors["date"], when)
    type_into(qtbot, editors["progress_percent"], percent)
    type_into(qtbot, editors["budget_used"], money)
    pick(qtbot, editors["plan_status"], plan)
    pick(qtbot, editors["target_status"], target)
    editors["narrative"].setFocus()
    type_text(editors["narrative"], narrative)


def test_every_schema_field_has_a_widget_named_by_its_key(qtbot, windows):
    window = windows()
    window.panel.new_button.click()
    assert window.form.currentIndex() == 0 and not window.form.complete
    qtbot.waitUntil(lambda: window.form.complete)  # the other tabs are built after painting
    for field in FIELDS + PROGRESS_FIELDS:
        assert window.findChild(QWidget, field.key) is not None, field.key


def test_fill_every_field_autosave_close_and_find_every_value(qtbot, windows, db_path, monkeypatch):
    window = windows()
    assert window.document is None  # an empty database: nothing to open
    click(qtbot, window.panel.new_button)
    document = window.document
    assert document is not None
    draft_id = document.draft_id
    fill_every_field(qtbot, window, monkeypatch)
    assert document.report == EXPECTED
    assert window.isWindowModified()
    assert editor(window, "budget_spent").text() == "205,090.25"
    assert "205,090.25" in editor(window, "budget_totals").text()
    assert "-25,089.75" in editor(window, "budget_totals").text()  # 180,000.50 - 205,090.25

    qtbot.waitUntil(lambda: not document.dirty, timeout=5000)  # autosave, nothing pressed
    assert window.save_state.text().startswith("บันทึกแล้ว ")
    assert not window.isWindowModified()
    assert stored(db_path, draft_id) == EXPECTED  # on disk before the window closes
    assert window.windowTitle().startswith(TEXTS["project_name"])

    assert window.close()
    again = windows()
    assert again.document is not None and again.document.draft_id == draft_id
    assert again.document.report == EXPECTED
    assert editor(again, "end_date").line.text() == "31/08/2566"
    assert editor(again, "budget_received").text() == "180,000.50"
    assert [row.number.text() for row in editor(again, "targets_quantity").rows] == [
        "3.1.1",
        "3.1.2",
        "3.1.3",
    ]


def test_undo_on_a_text_field(qtbot, windows):
    window = windows()
    click(qtbot, window.panel.new_button)
    name = editor(window, "project_name")
    assert isinstance(name, QLineEdit)
    type_into(qtbot, name, "ก")
    type_text(name, "ข")
    qtbot.keyClick(name, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert name.text() == "" and window.document.report.project_name == ""
    qtbot.keyClick(name, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.document.report.project_name == "กข"

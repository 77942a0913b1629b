"""The problems panel: every problem of the open draft listed, one Enter from its field,
fields marked as the clerk types (after a pause), counts and badges, one-click fixes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from forms.checks import RULES_BY_ID, check_report
from forms.report import Report
from storage.drafts import DraftStore
from tests.keyboard import type_text
from ui import dialogs
from ui.main_window import MainWindow
from ui.marks import mark_of
from ui.problems_panel import FIX_COLUMN, MESSAGE_COLUMN
from ui.progress_model import COLUMN_OF


@pytest.fixture
def open_window(qtbot, tmp_path: Path):
    opened: list[tuple[MainWindow, DraftStore]] = []

    def make(report: Report) -> MainWindow:
        path = tmp_path / "drafts.db"
        store = DraftStore.open(path)
        store.create(report)
        window = MainWindow(store, path)
        window.show()
        qtbot.waitExposed(window)
        with qtbot.waitActive(window):
            window.activateWindow()
        window.form.build_all()
        opened.append((window, store))
        return window

    yield make
    for window, store in opened:
        window.close()
        store.close()


def activate_row(qtbot, window: MainWindow, row: int) -> QWidget:
    """Select a problem and press Enter on it, as the clerk does; the focused widget."""
    view = window.problems.view
    window.problems.select(row)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    return QApplication.focusWidget()


def test_the_sample_lists_every_problem_with_counts_and_badges(open_window, sample_report):
    window = open_window(sample_report)
    expected = check_report(sample_report)
    assert len(expected) == 15
    model = window.problems.model
    assert [model.index(r, MESSAGE_COLUMN).data() for r in range(model.rowCount())] == [
        " ".join(p.message.split()) for p in expected
    ]
    assert model.index(0, 0).data() == "คำเตือน"
    assert not model.index(0, 0).data(Qt.ItemDataRole.DecorationRole).isNull()
    assert model.index(0, FIX_COLUMN).data() == "แก้เป็น “คุณภาพ”"
    assert model.index(1, FIX_COLUMN).data() == ""  # the overspend has no one-click fix
    tip = model.index(1, MESSAGE_COLUMN).data(Qt.ItemDataRole.ToolTipRole)
    assert f"การตรวจ: {RULES_BY_ID[expected[1].rule].about}" in tip  # what the rule checks
    assert window.problem_count.text() == "ข้อผิดพลาด 0 · คำเตือน 15"
    form = window.form
    counts = {form.tabText(i): form.tabToolTip(i) for i in range(form.count())}
    assert "คำเตือน 3" in counts["วัตถุประสงค์"]  # objectives 2.1, 2.3, 2.4
    assert "คำเตือน 6" in counts["หลักการ"]
    assert "คำเตือน 2" in counts["ความก้าวหน้า"]
    assert counts["ผู้รับรอง"] == "ผู้รับรอง"
    assert form.tabIcon(2).isNull() is False and form.tabIcon(6).isNull()


def test_enter_on_each_problem_focuses_its_field(qtbot, open_window, sample_report):
    window = open_window(sample_report)
    form = window.form
    objectives = form.editors["objectives"]
    progress = form.editors["progress_reports"]
    expected = {
        "project_name": form.editors["project_name"],
        "objectives[3]": objectives.rows[2].text,
        "rationale[11]": form.editors["rationale"].rows[10].text,
        "progress_reports[5].date": progress.editors["date"].line,
        "progress_reports[5].progress_percent": progress.editors["progress_percent"],
    }
    problems = window.problems.model.problems
    for row, problem in enumerate(problems):
        focused = activate_row(qtbot, window, row)
        page = form.widget(form.currentIndex())
        assert focused is not None and page.isAncestorOf(focused), problem.path
        if problem.path in expected:
            assert focused is expected[problem.path], problem.path
        if problem.path.startswith("progress_reports[5]"):
            key = problem.path.split(".")[1]
            current = progress.table.currentIndex()
            assert (current.row(), current.column()) == (4, COLUMN_OF[key])
            assert progress.detail.title() == "รายละเอียดรายงานครั้งที่ 5"
    assert form.tabText(form.currentIndex()) == "ความก้าวหน้า"


def test_double_click_goes_to_the_field_and_selects_the_misspelled_word(
    qtbot, open_window, sample_report
):
    window = open_window(sample_report)
    window.form.setCurrentIndex(6)
    row = next(i for i, p in enumerate(window.problems.model.problems) if p.path == "objectives[1]")
    view = window.problems.view
    view.scrollTo(window.problems.model.index(row, MESSAGE_COLUMN))
    rect = view.visualRect(window.problems.model.index(row, MESSAGE_COLUMN))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    box = window.form.editors["objectives"].rows[0].text
    assert window.form.currentIndex() == 2 and box.hasFocus()
    assert box.textCursor().selectedText() == "คูณภาพ"


def test_fields_are_marked_after_a_pause_in_typing(qtbot, open_window, sample_report):
    window = open_window(sample_report)
    code = window.form.editors["project_code"]
    assert mark_of(code) == ""
    checks: list[int] = []
    window.checker.checked.connect(lambda problems: checks.append(len(problems)))
    code.setFocus()
    code.selectAll()
    type_text(code, "5017-7342")
    assert checks == [] and window.checker.pending  # nothing checked while typing
    qtbot.waitUntil(lambda: mark_of(code) == "error")
    assert checks == [16]  # one check for the whole burst of keys
    assert window.problem_count.text() == "ข้อผิดพลาด 1 · คำเตือน 15"
    assert "5017-7342" in code.toolTip()
    assert any("5017-7342" in p.message for p in window.problems.model.problems)
    code.selectAll()
    type_text(code, "50280000-6851")
    qtbot.waitUntil(lambda: mark_of(code) == "")
    assert window.problem_count.text() == "ข้อผิดพลาด 0 · คำเตือน 15"


def test_marks_reach_list_items_and_progress_cells(qtbot, open_window, sample_report):
    window = open_window(sample_report)
    form = window.form
    rows = form.editors["objectives"].rows
    assert [mark_of(r.text) for r in rows] == ["warning", "", "warning", "warning"]
    progress = form.editors["progress_reports"]
    cell = progress.model.index(4, COLUMN_OF["date"])
    assert cell.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "ไม่มีวันที่" in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert progress.model.index(3, COLUMN_OF["date"]).data(Qt.ItemDataRole.BackgroundRole) is None
    progress.select_row(4)
    assert mark_of(progress.editors["date"]) == "warning"
    assert mark_of(progress.editors["budget_used"]) == ""
    progress.select_row(3)
    assert mark_of(progress.editors["date"]) == ""


def test_errors_are_counted_and_marked_as_errors(qtbot, open_window):
    window = open_window(Report(project_name="ก"))
    problems = window.problems.model.problems
    errors = [p for p in problems if p.is_error]
    assert len(errors) >= 5  # code, year, dates, office, objectives are required
    assert (
        window.problem_count.text()
        == f"ข้อผิดพลาด {len(errors)} · คำเตือน {len(problems) - len(errors)}"
    )
    assert window.problems.model.index(0, 0).data() == "ข้อผิดพลาด"
    assert mark_of(window.form.editors["project_code"]) == "error"
    assert mark_of(window.form.editors["start_date"]) == "error"
    assert mark_of(window.form.editors["objectives"]) == "error"  # the empty list itself
    assert "ข้อผิดพลาด 1" in window.form.tabToolTip(2)


def test_the_fix_is_applied_only_when_clicked(qtbot, open_window, sample_report):
    window = open_window(sample_report)
    document = window.document
    assert "คูณภาพ" in document.report.project_name  # checking changed nothing
    row = next(i for i, p in enumerate(window.problems.model.problems) if p.path == "project_name")
    window.problems.select(row)
    assert window.problems.fix_button.isEnabled()
    assert window.problems.fix_button.text() == "แก้เป็น “คุณภาพ”"
    qtbot.mouseClick(window.problems.fix_button, Qt.MouseButton.LeftButton)
    assert document.report.project_name == "พัฒนาคุณภาพเครือข่ายโรงเรียน"
    assert document.dirty  # saved like any edit
    assert window.form.editors["project_name"].text() == "พัฒนาคุณภาพเครือข่ายโรงเรียน"
    assert all(p.path != "project_name" for p in window.problems.model.problems)
    assert window.problem_count.text() == "ข้อผิดพลาด 0 · คำเตือน 14"


def test_one_click_on_the_fix_link_fixes_a_damaged_quote(qtbot, open_window, sample_report):
    window = open_window(sample_report)
    model, view = window.problems.model, window.problems.view
    row = next(i for i, p in enumerate(model.problems) if p.rule == "damaged_quotes")
    index = model.index(row, FIX_COLUMN)
    assert index.data() == "แก้เป็น “ครูดีเด่น”"  # not ““…””
    view.scrollTo(index)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    assert window.document.report.objectives[3] == "เพื่อคัดเลือกและประเมิน “ครูดีเด่น”"
    assert window.form.editors["objectives"].rows[3].text.toPlainText().endswith("“ครูดีเด่น”")


def test_a_stale_fix_is_refused_with_a_thai_message(qtbot, open_window, sample_report, monkeypatch):
    window = open_window(sample_report)
    shown: list[str] = []
    monkeypatch.setattr(
        dialogs, "inform", lambda parent, title, text, error=False: shown.append(text)
    )
    problem = next(p for p in window.problems.model.problems if p.path == "targets_quality[1]")
    window.document.set_value(
        "targets_quality", ["เครือข่ายโรงเรียน", *sample_report.targets_quality[1:]]
    )
    window.problems_dock.apply_fix(problem)  # the list still showed it: the clerk clicked at once
    assert shown and "เปลี่ยนไปแล้ว" in shown[0]
    assert window.document.report.targets_quality[0] == "เครือข่ายโรงเรียน"
    assert all(p.path != "targets_quality[1]" for p in window.problems.model.problems)


def test_the_status_count_shows_the_hidden_panel(qtbot, open_window, sample_report):
    window = open_window(sample_report)
    window.problems_dock.close()
    assert not window.problems_dock.isVisible()
    qtbot.mouseClick(window.problem_count, Qt.MouseButton.LeftButton)
    assert window.problems_dock.isVisible()


def test_a_pasted_text_over_the_limit_is_kept_saved_and_marked(qtbot, open_window, sample_report):
    window = open_window(sample_report)
    name = window.form.editors["project_name"]  # a one-line box, 500 letters at most
    objective = window.form.editors["objectives"].rows[1].text  # 2,000 at most
    QApplication.clipboard().setText("ก" * 600)
    name.setFocus()
    name.selectAll()
    qtbot.keyClick(name, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    QApplication.clipboard().setText("ข" * 2100)
    objective.setFocus()
    objective.selectAll()
    qtbot.keyClick(objective, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert name.text() == "ก" * 600  # nothing cut
    assert objective.toPlainText() == "ข" * 2100
    qtbot.waitUntil(lambda: mark_of(name) == "error" and mark_of(objective) == "error")
    assert "ยาว 600 ตัวอักษร เกินที่กรอกได้ 500 ตัวอักษร" in name.toolTip()
    assert "ย่อให้สั้นลงอีก 100 ตัวอักษร" in objective.toolTip()
    assert window.save_now()
    saved = window.store.load(window.document.draft_id)
    assert (saved.project_name, saved.objectives[1]) == ("ก" * 600, "ข" * 2100)


def test_a_fix_names_the_field_in_thai_and_can_be_taken_back(qtbot, open_window, sample_report):
    window = open_window(sample_report)
    document = window.document
    row = next(i for i, p in enumerate(window.problems.model.problems) if p.path == "project_name")
    window.problems.select(row)
    qtbot.mouseClick(window.problems.fix_button, Qt.MouseButton.LeftButton)
    said = window.statusBar().currentMessage()
    assert 'ช่อง "ชื่อโครงการ/กิจกรรม"' in said and "project_name" not in said
    undo = window.problems_dock.undo_action
    assert undo in window.menuBar().actions()[1].menu().actions() and undo.isEnabled()
    undo.trigger()
    assert document.report.project_name == sample_report.project_name  # คูณภาพ again
    assert not undo.isEnabled()


def test_fix_all_applies_every_offered_fix_as_one_edit(qtbot, open_window, sample_report):
    window = open_window(sample_report)
    offered = [p for p in window.problems.model.problems if p.fix is not None]
    assert len(offered) > 1
    button = window.problems.fix_all_button
    assert button.isVisible() and button.text() == f"แก้ทุกข้อที่เสนอ ({len(offered)})"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert all(p.fix is None for p in window.problems.model.problems)
    assert "คูณภาพ" not in window.document.report.project_name
    assert f"แก้ตามที่เสนอ {len(offered)} ข้อแล้ว" in window.statusBar().currentMessage()
    window.problems_dock.undo_action.trigger()  # one step takes all of them back
    assert window.document.report == sample_report

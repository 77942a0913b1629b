"""The window from the keyboard: menus by Alt+letter and F10, the shortcuts of the menus,
Delete in the drafts list, Ctrl+N on the tabs, the guide and the About box."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from forms.report import Report
from storage.drafts import DraftStore
from tests.keyboard import type_text
from ui import dialogs
from ui.main_window import MainWindow
from ui.menus import MENUS, MenuKeysStyle


@pytest.fixture
def window(qtbot, tmp_path: Path, sample_report):
    path = tmp_path / "drafts.db"
    store = DraftStore.open(path)
    store.create(Report(project_name="โครงการเก่า"))
    store.create(sample_report)
    window = MainWindow(store, path)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    window.form.build_all()
    yield window
    window.close()
    store.close()


def menu_titles(window: MainWindow) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def test_every_menu_has_a_latin_mnemonic():
    letters = [title.split("(&")[1][0] for title, _ in MENUS]
    assert letters == ["F", "E", "V", "H"]


def test_alt_f_opens_the_file_menu(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    popup = QApplication.activePopupWidget()
    assert "ฉบับร่างใหม่" in [a.text() for a in popup.actions()]
    popup.close()


def test_f10_opens_the_first_menu(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F10)
    assert window.menuBar().activeAction() is window.menuBar().actions()[0]
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    QApplication.activePopupWidget().close()


def test_alt_alone_reaches_the_menu_bar_on_every_platform():
    style = MenuKeysStyle("Fusion")  # Fusion (Linux) says no by itself
    assert style.styleHint(style.StyleHint.SH_MenuBar_AltKeyNavigation) == 1


def test_edit_menu_shows_undo_and_both_redo_keys(window):
    undo, redo = window.actions_by_text["เลิกทำ"], window.actions_by_text["ทำซ้ำ"]
    assert undo.shortcut() == QKeySequence("Ctrl+Z")
    assert [k.toString() for k in redo.shortcuts()] == ["Ctrl+Y", "Ctrl+Shift+Z"]


def test_ctrl_y_redoes_in_the_focused_field(qtbot, window):
    name = window.form.editors["project_name"]
    name.setFocus()
    name.selectAll()
    type_text(name, "ใหม่")
    qtbot.keyClick(name, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    undone = name.text()
    qtbot.keyClick(name, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert undone != "ใหม่" and name.text() == "ใหม่"


def test_ctrl_f_puts_the_cursor_in_the_search(qtbot, window):
    window.form.editors["project_name"].setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.panel.search.hasFocus()


def test_ctrl_d_copies_the_open_draft_to_the_next_fiscal_year(qtbot, window):
    before = len(window.panel.model.drafts)
    qtbot.keyClick(
        window.form.editors["project_name"], Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier
    )
    assert len(window.panel.model.drafts) == before + 1
    assert window.document.report.fiscal_year == 2567  # the sample's 2566 plus one


def test_delete_in_the_drafts_list_asks_then_moves_to_the_bin(qtbot, window, monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask", lambda _p, _t, text, **_k: asked.append(text) or True)
    name = window.document.report.project_name
    window.panel.view.setFocus()
    qtbot.keyClick(window.panel.view, Qt.Key.Key_Delete)
    assert len(asked) == 1 and name in asked[0]
    assert "(ปีงบประมาณ 2566 รหัส 50280000-6851)" in asked[0]
    assert name not in [d.project_name for d in window.panel.model.drafts]
    assert name in [d.project_name for d in window.store.list_bin()]


def test_delete_in_a_field_never_reaches_the_draft(qtbot, window, monkeypatch):
    monkeypatch.setattr(dialogs, "ask", lambda *a, **k: pytest.fail("asked to delete"))
    name = window.form.editors["project_name"]
    name.setFocus()
    name.setCursorPosition(0)
    qtbot.keyClick(name, Qt.Key.Key_Delete)
    assert len(window.panel.model.drafts) == 2


@pytest.mark.parametrize(("number", "first_field"), [(1, "project_name"), (3, "objectives")])
def test_ctrl_number_goes_to_that_tab_and_its_first_field(qtbot, window, number, first_field):
    qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0.value + number), Qt.KeyboardModifier.ControlModifier)
    assert window.form.currentIndex() == number - 1
    focused = QApplication.focusWidget()
    editor = window.form.editors[first_field]
    assert focused is editor or editor.isAncestorOf(focused)


def test_empty_the_bin_purges_after_asking(qtbot, window, monkeypatch):
    window.store.delete(window.panel.model.drafts[-1].id)
    monkeypatch.setattr(dialogs, "ask", lambda *a, **k: True)
    window.actions_by_text["ล้างถังขยะ…"].trigger()
    assert window.store.list_bin() == []


def test_f1_shows_the_guide_and_about_names_version_and_folders(qtbot, window, monkeypatch):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "show_help", lambda _p, title, html: shown.append((title, html)))
    qtbot.keyClick(window, Qt.Key.Key_F1)
    window.actions_by_text["เกี่ยวกับโปรแกรม"].trigger()
    (guide_title, guide), (about_title, about) = shown
    assert guide_title == "วิธีใช้" and "Ctrl+Shift+V" in guide
    from resources import app_version

    assert about_title == "เกี่ยวกับโปรแกรม"
    assert f"รุ่น {app_version()}" in about
    assert str(window.db_path) in about and "backups" in about
    assert "SIL Open Font License" in about


def test_draft_commands_wait_for_an_open_draft(qtbot, tmp_path):
    path = tmp_path / "empty.db"
    store = DraftStore.open(path)
    window = MainWindow(store, path)
    try:
        for text in ("ส่งออก PDF…", "คัดลอกเป็นปีงบประมาณถัดไป", "ย้ายฉบับร่างไปถังขยะ…"):
            assert not window.actions_by_text[text].isEnabled(), text
        assert window.actions_by_text["ฉบับร่างใหม่"].isEnabled()
    finally:
        window.close()
        store.close()


def test_the_progress_log_from_the_keyboard(qtbot, window, monkeypatch):
    window.go_to_tab(5)
    progress = window.form.editors["progress_reports"]
    table = progress.table
    before = progress.model.rowCount()
    progress.select_row(0)
    table.setFocus()
    ctrl, alt = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(table, Qt.Key.Key_Return, ctrl)  # a new report at the end ...
    assert progress.model.rowCount() == before + 1
    assert progress.editors["date"].line.hasFocus()  # ... with the cursor in its date
    table.setFocus()
    progress.select_row(0)
    first = progress.model.reports[0]
    qtbot.keyClick(table, Qt.Key.Key_Down, alt)
    assert progress.model.reports[1].narrative == first.narrative
    qtbot.keyClick(table, Qt.Key.Key_Insert)
    assert progress.model.rowCount() == before + 2
    table.setFocus()
    monkeypatch.setattr(dialogs, "ask", lambda *a, **k: True)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert progress.model.rowCount() == before + 1
    progress.select_row(0)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert progress.editors["date"].line.hasFocus()
    after = progress.editors["narrative"].nextInFocusChain()
    while not (after.focusPolicy() & Qt.FocusPolicy.TabFocus):
        after = after.nextInFocusChain()
    assert after is table  # Tab from the last box: back to the log

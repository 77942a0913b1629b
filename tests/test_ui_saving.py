"""Saving from the window: autosaved while typing, Ctrl+S, kept when closed at once, a
failed save shown and retried, and closing while saving fails asks the clerk first.

Real windows on a real SQLite file (`tests.windows`); another connection holding the write
lock plays the other program that makes a save fail.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from storage.drafts import DraftStore
from tests.keyboard import type_text
from tests.windows import click, editor, opened_windows, stored, type_into
from ui import dialogs
from ui.autosave import worker_thread_names


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "drafts.db"


@pytest.fixture
def windows(qtbot, db_path):
    """Open main windows on the test database; all are closed (and saved) at the end."""
    with opened_windows(qtbot, db_path) as open_window:
        yield open_window


def test_closing_right_after_typing_keeps_the_edit(qtbot, windows, db_path):
    window = windows()
    click(qtbot, window.panel.new_button)
    draft_id = window.document.draft_id
    type_into(qtbot, editor(window, "project_name"), "โครงการปิดทันที")
    type_into(qtbot, editor(window, "fiscal_year"), "2567")
    assert window.document.dirty and window.close()
    assert stored(db_path, draft_id).project_name == "โครงการปิดทันที"
    assert windows().document.report.fiscal_year == 2567


def test_closing_stops_the_autosave_thread(qtbot, windows):
    window = windows()
    click(qtbot, window.panel.new_button)
    type_into(qtbot, editor(window, "project_name"), "ก")
    window.autosaver.save_now()
    assert worker_thread_names()  # the save runs in its own thread
    window.close()
    assert worker_thread_names() == []


def test_edits_during_a_running_save_are_saved_too(qtbot, windows, db_path):
    window = windows()
    click(qtbot, window.panel.new_button)
    draft_id = window.document.draft_id
    type_into(qtbot, editor(window, "project_name"), "ก")
    window.autosaver.save_now()  # a save starts in the worker ...
    type_text(editor(window, "project_name"), "ข")  # ... while the clerk goes on typing
    window.close()
    assert stored(db_path, draft_id).project_name == "กข"


def test_ctrl_s_saves_now(qtbot, windows, db_path):
    window = windows()
    click(qtbot, window.panel.new_button)
    with qtbot.waitActive(window):
        window.activateWindow()
    type_into(qtbot, editor(window, "signer_name"), "ผู้ลงนาม")
    qtbot.keyClick(editor(window, "signer_name"), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not window.document.dirty
    assert stored(db_path, window.document.draft_id).signer_name == "ผู้ลงนาม"
    assert window.save_state.text().startswith("บันทึกแล้ว ")


def test_a_failed_save_is_shown_kept_and_retried(qtbot, windows, db_path):
    window = windows(open_worker_store=lambda path: DraftStore.open(path, busy_timeout=0.05))
    click(qtbot, window.panel.new_button)
    draft_id = window.document.draft_id
    window.autosaver._retry.setInterval(200)
    blocker = sqlite3.connect(db_path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        with qtbot.waitSignal(window.autosaver.failed, timeout=5000) as failed:
            type_into(qtbot, editor(window, "project_name"), "ยังอยู่")
        assert "กำลังถูกโปรแกรมอื่นใช้งาน" in failed.args[0]
        assert "บันทึกไม่ได้" in window.save_state.text()
        assert window.document.dirty and window.document.report.project_name == "ยังอยู่"
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    qtbot.waitUntil(lambda: not window.document.dirty, timeout=5000)  # retried by itself
    assert stored(db_path, draft_id).project_name == "ยังอยู่"
    assert window.save_state.text().startswith("บันทึกแล้ว ")


def test_closing_when_saving_fails_asks_first(qtbot, windows, db_path, monkeypatch):
    window = windows(open_worker_store=lambda path: DraftStore.open(path, busy_timeout=0.05))
    click(qtbot, window.panel.new_button)
    questions: list[str] = []
    monkeypatch.setattr(
        dialogs, "ask", lambda parent, title, text, **kw: questions.append(text) or False
    )
    blocker = sqlite3.connect(db_path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        type_into(qtbot, editor(window, "project_name"), "ห้ามหาย")
        assert not window.close()  # the clerk chose to stay with the edit
        assert window.isVisible() and "ห้ามหาย" in questions[0]
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert window.close()
    assert stored(db_path, window.document.draft_id).project_name == "ห้ามหาย"

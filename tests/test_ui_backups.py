"""Backups in the window: the autosave makes the day's backup, แฟ้ม › กู้คืนจากสำเนาสำรอง…
brings a deleted draft back from it, and every draft moves to another database through
ส่งออกฉบับร่างทั้งหมด… / นำเข้าฉบับร่างจากไฟล์สำรอง… without loss or duplicates."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from forms.report import Report
from storage.backups import list_backups
from storage.drafts import DraftStore
from tests.keyboard import type_text
from ui import dialogs
from ui.backup_dialogs import RestoreDialog
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, tmp_path: Path):
    db = tmp_path / "drafts.db"
    with DraftStore.open(db) as store:
        store.create(Report(project_name="ร่างที่จะหาย"))
        store.create(Report(project_name="ร่างที่แก้อยู่"))
    store = DraftStore.open(db)
    opened = MainWindow(store, db)
    opened.show()
    qtbot.waitExposed(opened)
    yield opened
    opened.close()
    store.close()


def _type_and_save(qtbot, window: MainWindow) -> None:
    assert window.form is not None
    window.form.build_all()
    box = window.findChild(object, "project_code")
    type_text(box, "123")
    assert window.save_now()


def test_the_days_first_save_makes_a_backup_that_brings_back_a_deleted_draft(
    qtbot, window, monkeypatch
):
    _type_and_save(qtbot, window)
    qtbot.waitUntil(lambda: len(list_backups(window.db_path)) == 1, timeout=5000)
    lost = next(d for d in window.panel.model.drafts if d.project_name == "ร่างที่จะหาย")
    monkeypatch.setattr(dialogs, "ask", lambda *args, **kwargs: True)
    window.delete_draft(lost.id)
    window.store.purge(lost.id)
    assert "ร่างที่จะหาย" not in [d.project_name for d in window.store.list()]

    def choose(parent, backups):
        # the real dialog: the clerk keeps only the lost draft ticked and restores
        dialog = RestoreDialog(backups, parent)
        qtbot.addWidget(dialog)
        for index in range(dialog.drafts.count()):
            item = dialog.drafts.item(index)
            if "ร่างที่จะหาย" not in item.text():
                item.setCheckState(Qt.CheckState.Unchecked)
        assert dialog.restore_button.isEnabled()
        return dialog.chosen()

    monkeypatch.setattr(dialogs, "choose_backup_drafts", choose)
    window.actions_by_text["กู้คืนจากสำเนาสำรอง…"].trigger()
    names = [d.project_name for d in window.store.list()]
    assert sorted(names) == ["ร่างที่จะหาย", "ร่างที่แก้อยู่"]
    assert window.document is not None and window.document.report.project_name == "ร่างที่จะหาย"
    assert "กู้คืนฉบับร่าง 1 ฉบับแล้ว" in window.statusBar().currentMessage()


def test_every_draft_moves_to_another_database_and_back_without_duplicates(
    qtbot, window, monkeypatch, tmp_path
):
    carried = tmp_path / "ย้ายเครื่อง.bmabackup"
    monkeypatch.setattr(dialogs, "save_file", lambda *args: carried)
    window.actions_by_text["ส่งออกฉบับร่างทั้งหมด…"].trigger()
    assert carried.is_file()
    other_db = tmp_path / "เครื่องใหม่" / "drafts.db"
    other_store = DraftStore.open(other_db)
    other = MainWindow(other_store, other_db)
    qtbot.addWidget(other)
    monkeypatch.setattr(dialogs, "open_file", lambda *args: carried)
    try:
        for _ in range(2):  # the second import finds every draft there already
            other.actions_by_text["นำเข้าฉบับร่างจากไฟล์สำรอง…"].trigger()
        moved = {d.project_name: other_store.load(d.id) for d in other_store.list()}
        assert moved == {d.project_name: window.store.load(d.id) for d in window.store.list()}
        assert "ข้าม 2 ฉบับที่มีอยู่แล้ว" in other.statusBar().currentMessage()
    finally:
        other.finish()
        other_store.close()


def test_a_backup_that_cannot_be_made_is_said_and_the_save_stands(qtbot, window):
    (window.db_path.parent / "backups").write_text("a file where the folder should be")
    _type_and_save(qtbot, window)
    qtbot.waitUntil(lambda: "สำรองประจำวันไม่ได้" in window.statusBar().currentMessage(), timeout=5000)
    with DraftStore.open(window.db_path) as store:
        assert any(store.load(d.id).project_code == "123" for d in store.list())

"""The window's entry point: fonts, the lock, storage errors at start, the crash dialog."""

from __future__ import annotations

import sqlite3
import sys
from functools import partial

import pytest
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QLineEdit

from forms.report import Report
from storage.drafts import DraftStore
from storage.lock import AppLock
from tests.keyboard import type_text
from ui import app as app_module
from ui import dialogs, fonts
from ui.main_window import MainWindow


@pytest.fixture
def messages(monkeypatch) -> list[tuple[str, str]]:
    seen: list[tuple[str, str]] = []
    monkeypatch.setattr(
        dialogs, "inform", lambda parent, title, text, error=False: seen.append((title, text))
    )
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs its own
    return seen


def test_the_bundled_sarabun_becomes_the_app_font(qapp):
    assert fonts.install(qapp)
    assert "Sarabun" in QFontDatabase.families()
    assert QApplication.font().family() == "Sarabun"
    assert QApplication.font().pointSize() == fonts.POINT_SIZE


def test_qts_own_strings_are_thai(qapp):
    app_module.application()
    box = QLineEdit("ข้อความ")
    menu = box.createStandardContextMenu()
    texts = [action.text().split("\t")[0] for action in menu.actions() if action.text()]
    assert texts == ["เ&ลิกทำ", "ทำ&ซ้ำ", "&ตัด", "&คัดลอก", "&วาง", "ลบ", "เลือกทั้งหมด"]
    menu.deleteLater()


def test_strings_missing_from_the_table_stay_as_qt_has_them(qapp):
    app_module.application()
    assert QCoreApplication.translate("QPrintDialog", "Print") == "Print"
    assert QPrinter().pageLayout().isValid()  # page size names are looked up translated


def test_a_damaged_database_gives_a_thai_message_and_exit_2(qapp, tmp_path, messages):
    path = tmp_path / "drafts.db"
    path.write_bytes(b"this is not sqlite" * 100)
    assert app_module.run(path) == 2
    title, text = messages[0]
    assert title == "เปิดฐานข้อมูลไม่ได้" and str(path) in text and "เสียหาย" in text
    assert path.read_bytes() == b"this is not sqlite" * 100
    with AppLock(path):  # the lock was released
        pass


def test_another_running_copy_gives_a_thai_message_and_exit_2(qapp, tmp_path, messages):
    path = tmp_path / "drafts.db"
    with AppLock(path):
        assert app_module.run(path) == 2
    assert messages[0][0] == "เปิดโปรแกรมไม่ได้" and "เปิดอยู่" in messages[0][1]


def test_run_shows_the_window_and_returns_when_it_is_closed(qapp, tmp_path, messages):
    path = tmp_path / "drafts.db"
    with DraftStore.open(path) as store:
        store.create(Report(project_name="โครงการเดิม"))
    shown: list[str] = []

    def close_window() -> None:
        window = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        )
        shown.append(window.windowTitle())
        window.close()
        qapp.quit()

    # quit explicitly: the automatic quit on closing the last window would be posted as an
    # event and end the event loops of later tests
    qapp.setQuitOnLastWindowClosed(False)
    QTimer.singleShot(0, close_window)
    try:
        assert app_module.run(path) == 0
    finally:
        qapp.setQuitOnLastWindowClosed(True)
    assert shown and shown[0].startswith("โครงการเดิม") and messages == []
    with AppLock(path):
        pass


def test_a_file_given_on_the_command_line_is_imported_and_opened(
    qapp, tmp_path, messages, monkeypatch, sample_json_text
):
    path = tmp_path / "drafts.db"
    report_file = tmp_path / "รายงาน.bmareport"  # the extension Windows opens the app with
    report_file.write_text(sample_json_text, encoding="utf-8")
    summaries: list[str] = []
    titles: list[str] = []

    def accept(parent, source, result) -> bool:
        summaries.append(source)
        return True

    def close_once_imported(tries_left: int = 500) -> None:
        # the import reads in the background; the window closes once its draft is open
        # (or after 10 s of waiting, so a failing import fails the test instead of hanging)
        window = _shown_window()
        if window.document is None and tries_left:
            QTimer.singleShot(20, partial(close_once_imported, tries_left - 1))
            return
        titles.append(window.windowTitle())
        window.close()
        qapp.quit()

    monkeypatch.setattr(dialogs, "confirm_import", accept)
    qapp.setQuitOnLastWindowClosed(False)
    QTimer.singleShot(0, close_once_imported)
    try:
        assert app_module.run(path, report_file) == 0
    finally:
        qapp.setQuitOnLastWindowClosed(True)
    assert summaries == [" “รายงาน.bmareport” "] and messages == []
    assert titles and titles[0].startswith("พัฒนาคูณภาพเครือข่ายโรงเรียน")
    with DraftStore.open(path) as store:
        assert [d.project_name for d in store.list()] == ["พัฒนาคูณภาพเครือข่ายโรงเรียน"]


def _shown_window() -> MainWindow:
    return next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    )


def test_quitting_while_the_last_save_fails_brings_the_window_back(
    qapp, tmp_path, messages, monkeypatch
):
    path = tmp_path / "drafts.db"
    with DraftStore.open(path) as store:
        draft_id = store.create(Report(project_name="เดิม"))
    fast_failing = partial(
        MainWindow, open_worker_store=lambda p: DraftStore.open(p, busy_timeout=0.05)
    )
    monkeypatch.setattr(app_module, "MainWindow", fast_failing)
    blocker = sqlite3.connect(path, isolation_level=None)
    questions: list[str] = []
    seen: list[bool] = []
    opened: list[MainWindow] = []
    later = QTimer(singleShot=True, interval=0)

    def stay_with_the_edit(parent, title, text, **kw) -> bool:
        questions.append(text)
        later.start()  # fires once an event loop runs again: the window came back
        return False  # the clerk answers "กลับไปแก้ไข"

    monkeypatch.setattr(dialogs, "ask", stay_with_the_edit)

    def edit_then_quit() -> None:
        window = _shown_window()
        opened.append(window)
        window.form.build_all()
        name = window.form.findChild(QLineEdit, "project_name")
        name.selectAll()
        type_text(name, "ห้ามหาย")
        blocker.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        # the event loop ends with the window still open (Qt 6's quit() would close the
        # window first, and its close event asks): the question comes from run()
        qapp.exit(0)

    def release_then_quit() -> None:
        seen.append(_shown_window().document.dirty)
        blocker.execute("ROLLBACK")
        qapp.quit()

    later.timeout.connect(release_then_quit)
    qapp.setQuitOnLastWindowClosed(False)
    QTimer.singleShot(0, edit_then_quit)
    try:
        assert app_module.run(path) == 0
    finally:  # should run() return with the window unfinished, later tests must not hang
        later.stop()
        qapp.setQuitOnLastWindowClosed(True)
        blocker.close()
        for window in opened:
            window.finish()
    assert seen == [True] and len(questions) == 1 and "ห้ามหาย" in questions[0]
    with DraftStore.open(path) as store:
        assert store.load(draft_id).project_name == "ห้ามหาย"


def test_a_bug_shows_the_traceback_in_a_copyable_box(qapp, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_crash", shown.append)
    dialogs.install_excepthook()
    try:
        raise ZeroDivisionError("หารด้วยศูนย์")
    except ZeroDivisionError:
        sys.excepthook(*sys.exc_info())
    assert "ZeroDivisionError" in shown[0] and "หารด้วยศูนย์" in shown[0]


def test_the_crash_dialog_copies_its_text(qtbot):
    dialog = dialogs.CrashDialog("Traceback: บรรทัด 1")
    qtbot.addWidget(dialog)
    assert dialog.details.isReadOnly()
    dialog.copy_details()
    assert QGuiApplication.clipboard().text() == "Traceback: บรรทัด 1"

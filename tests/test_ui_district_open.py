"""The district's "รวมรายงาน" window opened from the main window's แฟ้ม › รวมรายงานของเขต…
(a collection created, chosen, or refused in Thai), and a collection that cannot be
written opened read only."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from storage.drafts import DraftStore
from tests.district_support import make_collection, names
from ui import dialogs
from ui.district_open import open_window
from ui.district_window import DistrictWindow
from ui.main_window import MainWindow


@pytest.fixture
def collection_path(tmp_path: Path) -> Path:
    return make_collection(tmp_path / "district.db")


@pytest.fixture
def main_window(qtbot, tmp_path):
    db = tmp_path / "drafts.db"
    store = DraftStore.open(db)
    win = MainWindow(store, db)
    win.show()
    yield win
    win.close()
    store.close()


def test_the_file_menu_opens_or_creates_a_collection(qtbot, tmp_path, main_window, monkeypatch):
    path = tmp_path / "เขตบึงกุ่ม-2567.db"
    monkeypatch.setattr(dialogs, "open_or_create_file", lambda *a: path)
    main_window.actions_by_text["รวมรายงานของเขต…"].trigger()
    found = main_window.findChildren(DistrictWindow)
    assert len(found) == 1
    district = found[0]
    assert district.windowTitle() == "รวมรายงาน — เขตบึงกุ่ม-2567.db"
    assert district.isVisible() and path.is_file()
    assert district.empty.isVisible() and "ยังไม่มีรายงาน" in district.empty.text()
    main_window.actions_by_text["รวมรายงานของเขต…"].trigger()  # the same file: the same window
    assert main_window.findChildren(DistrictWindow) == [district]
    district.close()


@pytest.mark.real_dialogs
def test_the_real_chooser_opens_an_existing_collection_without_asking_to_replace_it(
    qtbot, collection_path
):
    seen: list[str] = []
    poll, guard = QTimer(interval=10), QTimer(interval=3000)

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QFileDialog) and not seen:
            seen.append(dialog.labelText(QFileDialog.DialogLabel.Accept))
            dialog.selectFile(str(collection_path))
            dialog.accept()  # a question about replacing the file would open inside this

    def unstick() -> None:  # its own timer: `answer` may be waiting inside the question
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            seen.append(type(dialog).__name__)
            dialog.done(0)

    poll.timeout.connect(answer)
    guard.timeout.connect(unstick)
    poll.start()  # the chooser runs its own event loop; the timers keep firing inside it
    guard.start()
    try:
        chosen = dialogs.open_or_create_file(
            None, "เปิดหรือสร้างชุดรวมรายงาน", collection_path, "ชุดรวมรายงาน (*.db)", ".db"
        )
    finally:
        poll.stop()
        guard.stop()
    assert seen == ["เปิด"]
    assert chosen == collection_path


def test_a_file_that_is_not_a_collection_is_refused_in_thai(
    qtbot, tmp_path, main_window, monkeypatch
):
    bad = tmp_path / "drafts-copy.db"
    bad.write_bytes(b"this is not a database" * 100)
    said = []
    monkeypatch.setattr(dialogs, "open_or_create_file", lambda *a: bad)
    monkeypatch.setattr(dialogs, "inform", lambda *a, **k: said.append(a))
    main_window.actions_by_text["รวมรายงานของเขต…"].trigger()
    assert not main_window.findChildren(DistrictWindow)
    assert said and said[0][1] == "เปิดชุดรวมรายงานไม่ได้"
    assert "ไม่ใช่ชุดรวมรายงาน" in said[0][2]
    assert bad.read_bytes() == b"this is not a database" * 100


def read_only(path: Path) -> Callable[[], object]:
    """Make `path` read-only for real (root: `chattr +i`, as tests/test_storage_readonly.py
    does); the undo."""
    if os.geteuid() == 0:
        chattr = shutil.which("chattr")
        run = subprocess.run([chattr or "chattr", "+i", str(path)], capture_output=True)
        if chattr is None or run.returncode != 0:
            pytest.skip("running as root without chattr +i: cannot make a file read-only")
        return lambda: subprocess.run([chattr, "-i", str(path)], check=True)
    mode = path.stat().st_mode
    path.chmod(0o444)
    return lambda: path.chmod(stat.S_IMODE(mode))


def test_a_read_only_collection_opens_read_only(qtbot, collection_path):
    undo = read_only(collection_path)
    try:
        before = collection_path.read_bytes()
        win = open_window(collection_path)
        assert win is not None
        assert win.read_only and win.windowTitle().endswith("(อ่านอย่างเดียว)")
        assert len(names(win)) == 5
        assert not win.add_files_button.isEnabled() and not win.acceptDrops()
        assert win.collect([collection_path.parent]) is None
        win.close()
        assert collection_path.read_bytes() == before
    finally:
        undo()

"""A file given to a second copy of the app goes to the window already open on the same
database (double-clicking a .bmareport while the app is open); other databases and a
closed window do not take it."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from storage.lock import AppLock
from tests.conftest import ROOT
from ui import app as app_module
from ui import dialogs
from ui.file_handoff import FileReceiver, send_file

SECOND_COPY = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    sys.path.insert(0, {root!r})
    from PySide6.QtCore import QCoreApplication
    app = QCoreApplication([])
    from ui.file_handoff import send_file
    sys.exit(0 if send_file(Path({db!r}), Path({file!r})) else 1)
    """
)


def _second_copy(db: Path, file: Path) -> subprocess.Popen[bytes]:
    code = SECOND_COPY.format(root=str(ROOT), db=str(db), file=str(file))
    return subprocess.Popen([sys.executable, "-c", code])


def test_the_open_window_receives_a_file_sent_by_a_second_copy(qtbot, tmp_path):
    db, file = tmp_path / "drafts.db", tmp_path / "รายงาน ปี 66.bmareport"
    receiver = FileReceiver(db)
    assert receiver.listening
    with qtbot.waitSignal(receiver.received, timeout=10000) as got:
        second = _second_copy(db, file)
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=10000)
    assert got.args == [file.resolve()] and second.returncode == 0


def test_no_window_on_that_database_means_no_handoff(qtbot, tmp_path):
    receiver = FileReceiver(tmp_path / "other.db")
    assert receiver.listening
    assert send_file(tmp_path / "drafts.db", tmp_path / "x.json", timeout_ms=500) is False


def test_with_no_window_to_take_it_the_second_copy_says_where_to_drop_the_file(
    qapp, tmp_path, monkeypatch
):
    seen: list[str] = []
    monkeypatch.setattr(
        dialogs, "inform", lambda parent, title, text, error=False: seen.append(text)
    )
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    db = tmp_path / "drafts.db"
    with AppLock(db):  # a window holds the database, but listens to nothing (it crashed)
        assert app_module.run(db, tmp_path / "ก.bmareport") == 2
    assert len(seen) == 1 and "“ก.bmareport”" in seen[0] and "ลากไปวาง" in seen[0]


@pytest.mark.parametrize("given", [True, False])
def test_a_second_copy_hands_its_file_over_and_ends(qapp, qtbot, tmp_path, monkeypatch, given):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    db = tmp_path / "drafts.db"
    # whether the open window took the file (send_file itself is tested above)
    monkeypatch.setattr(app_module, "_hand_over", lambda db_path, file: given)
    shown: list[str] = []
    monkeypatch.setattr(
        dialogs, "inform", lambda parent, title, text, error=False: shown.append(text)
    )
    with AppLock(db):
        code = app_module.run(db, tmp_path / "ข.bmareport")
    assert (code, bool(shown)) == ((0, False) if given else (2, True))


def test_a_second_copy_with_no_file_brings_the_open_window_forward(qtbot, tmp_path):
    db = tmp_path / "drafts.db"
    receiver = FileReceiver(db)
    code = SECOND_COPY.replace("Path({file!r})", "None").format(root=str(ROOT), db=str(db))
    with qtbot.waitSignal(receiver.raise_requested, timeout=10000):
        second = subprocess.Popen([sys.executable, "-c", code])
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=10000)
    assert second.returncode == 0


def test_starting_again_while_the_window_is_open_shows_it_instead_of_an_error(
    qapp, qtbot, tmp_path, monkeypatch
):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(dialogs, "inform", lambda *a, **k: pytest.fail("an error was shown"))
    db = tmp_path / "drafts.db"
    with AppLock(db):
        # that the open window answers is tested above, with a real second process
        sent: list[object] = []
        monkeypatch.setattr(
            app_module, "_hand_over", lambda db_path, file: sent.append(file) or True
        )
        assert app_module.run(db) == 0
    assert sent == [None]

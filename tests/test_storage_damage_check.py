"""A large database is checked for damage in the background, not at open (issue 10: the
whole-file `PRAGMA quick_check` made the window's start 1.6 s with 5,000 drafts on a cold
disk). Nothing is written to it before the check has passed; a damaged one refuses its
first write in Thai and is left byte for byte as it was, in the window and the CLI."""

from __future__ import annotations

import hashlib
import random
import sqlite3
from pathlib import Path

import pytest

import storage.connection
import storage.damage_check
from forms.report import Report
from storage.drafts import DraftStore
from storage.errors import DatabaseDamaged
from tests.cli import run_cli
from tests.conftest import ROOT

SAMPLE = ROOT / "tests" / "data" / "sample_report.json"
LONG = "จัดประชุมเชิงปฏิบัติการพัฒนาคุณภาพการศึกษา " * 40


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def large_database(path: Path, drafts: int = 8) -> None:
    """Drafts whose long texts fill overflow pages (over 4 MB with the default 8), then a
    small draft, the newest, which the window opens first."""
    with DraftStore.open(path) as store:
        for n in range(drafts):
            store.create(Report(project_name=f"โครงการใหญ่ {n}", rationale=[LONG] * 120))
        store.create(Report(project_name="โครงการล่าสุด"))


def damage_an_old_draft(path: Path) -> None:
    """Random bytes over one overflow page of an old draft's texts: nothing reads it until
    that draft is opened, but `PRAGMA quick_check` sees it."""
    conn = sqlite3.connect(path)
    pages = [
        page
        for (page,) in conn.execute(
            "SELECT pageno FROM dbstat WHERE name = 'drafts' AND pagetype = 'overflow'"
            " ORDER BY pageno"
        )
    ]
    conn.close()
    page = pages[len(pages) // 4]
    with path.open("r+b") as file:  # no SQLite connection is open on it
        file.seek((page - 1) * 4096)
        file.write(random.Random(7).randbytes(4096))
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA quick_check").fetchall() != [("ok",)]
    check.close()


@pytest.fixture
def checked_later(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every existing file is checked in the background, and only when a write needs it."""
    monkeypatch.setattr(storage.connection, "CHECK_AT_OPEN_BYTES", 0)
    monkeypatch.setattr(storage.damage_check, "CHECK_DELAY_S", 60.0)


def test_a_large_file_opens_without_being_read_whole_and_writes_once_checked(
    tmp_path, checked_later
):
    path = tmp_path / "drafts.db"
    large_database(path, drafts=3)
    before = _sha256(path)
    statements: list[str] = []
    with DraftStore.open(path) as store:
        assert store.list()[0].project_name == "โครงการล่าสุด"
        check = store._conn.damage_check  # type: ignore[union-attr]
        assert check is not None and not check.done  # the open did not wait for it
        store._conn.set_trace_callback(statements.append)  # type: ignore[union-attr]
        draft = store.create(Report(project_name="ฉบับใหม่"))
        assert check.done and store.load(draft).project_name == "ฉบับใหม่"
    assert not any("quick_check" in s for s in statements)  # its own connection checks
    assert _sha256(path) != before  # written after the check


def test_opening_a_large_file_writes_nothing(tmp_path, checked_later):
    path = tmp_path / "drafts.db"
    large_database(path, drafts=3)
    before = _sha256(path)
    with DraftStore.open(path) as store:
        store.list()
        store.load(1)
    assert _sha256(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["drafts.db"]


def test_a_damaged_large_file_refuses_its_first_write_and_stays_as_it_was(tmp_path, checked_later):
    path = tmp_path / "drafts.db"
    large_database(path)
    damage_an_old_draft(path)
    before = _sha256(path)
    with DraftStore.open(path) as store:
        assert store.list()[0].project_name == "โครงการล่าสุด"
        for _ in range(2):  # and again at the next try
            with pytest.raises(DatabaseDamaged) as info:
                store.save(9, Report(project_name="แก้แล้ว"))
            message = str(info.value)
            assert "เสียหาย" in message and str(path) in message and "\n" not in message
        with pytest.raises(DatabaseDamaged):
            store.create(Report(project_name="ใหม่"))
    assert _sha256(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["drafts.db"]


def test_the_window_on_a_damaged_large_file_says_so_when_it_saves(
    qtbot, tmp_path, checked_later, monkeypatch
):
    from PySide6.QtWidgets import QApplication

    from tests.keyboard import type_text
    from ui import dialogs
    from ui.main_window import MainWindow

    asked: list[str] = []

    def throw_the_edit_away(_parent: object, _title: str, text: str, **_: object) -> bool:
        asked.append(text)
        return True

    monkeypatch.setattr(dialogs, "ask", throw_the_edit_away)

    path = tmp_path / "drafts.db"
    large_database(path)
    damage_an_old_draft(path)
    before = _sha256(path)
    store = DraftStore.open(path)
    window = MainWindow(store, path)
    try:
        window.show()
        qtbot.waitExposed(window)
        assert window.form is not None and window.document is not None
        assert window.document.report.project_name == "โครงการล่าสุด"
        type_text(window.form.editors["project_name"], " ใหม่")
        with pytest.raises(DatabaseDamaged):
            window.autosaver.flush()
        QApplication.processEvents()
        assert "เสียหาย" in window.statusBar().currentMessage()
        assert window.document.dirty  # the edit stays in the window
        window.close()  # asks whether to throw the edit away, saying why; it is thrown
        assert len(asked) == 1 and "เสียหาย" in asked[0]
    finally:
        window.finish()
        store.close()
    assert _sha256(path) == before


def test_the_cli_refuses_to_import_into_a_damaged_large_file_in_one_thai_line(tmp_path):
    path = tmp_path / "drafts.db"
    large_database(path)  # over CHECK_AT_OPEN_BYTES: checked before the import writes
    assert path.stat().st_size > storage.connection.CHECK_AT_OPEN_BYTES
    damage_an_old_draft(path)
    before = _sha256(path)
    result = run_cli(path, "import", SAMPLE)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "เสียหาย" in lines[0], result.stderr
    assert result.stdout == ""
    assert _sha256(path) == before


def test_a_small_file_is_still_checked_whole_at_open(tmp_path):
    path = tmp_path / "drafts.db"
    large_database(path, drafts=1)
    assert path.stat().st_size <= storage.connection.CHECK_AT_OPEN_BYTES
    damage_an_old_draft(path)
    with pytest.raises(DatabaseDamaged):
        DraftStore.open(path)


def test_a_damaged_drafts_list_in_a_large_file_is_said_in_thai_at_start(
    qapp, tmp_path, checked_later, monkeypatch
):
    import sys

    from ui import app as app_module
    from ui import dialogs

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "inform", lambda _p, _t, text, error=False: shown.append(text))
    path = tmp_path / "drafts.db"
    large_database(path)
    conn = sqlite3.connect(path)
    [(leaf,)] = conn.execute(
        "SELECT pageno FROM dbstat WHERE name = 'drafts_listing' AND pagetype = 'leaf' LIMIT 1"
    ).fetchall()
    conn.close()
    with path.open("r+b") as file:  # the page the drafts list reads first (its index, m003)
        file.seek((leaf - 1) * 4096 + 8)
        file.write(b"\xff" * 64)
    assert app_module.run(path) == 2
    assert len(shown) == 1 and "เสียหาย" in shown[0]

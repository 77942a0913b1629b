"""The File menu's ส่งออกเป็น ▸ submenu: one entry per format of the registry, the Excel
entry writing a real workbook of the open draft (the save dialog replaced through
`ui.dialogs`), the PDF entry being the existing export (Ctrl+E)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt

from forms.export import REPORT_FORMATS
from forms.report import Report
from storage.drafts import DraftStore
from ui import dialogs, settings
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, tmp_path: Path, sample_report: Report):
    path = tmp_path / "drafts.db"
    store = DraftStore.open(path)
    store.create(sample_report)
    window = MainWindow(store, path)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    store.close()


def _answer_save(monkeypatch, target: Path | None) -> list[tuple[str, Path, str]]:
    asked: list[tuple[str, Path, str]] = []

    def save_file(parent, title, proposed, filter_):
        asked.append((title, proposed, filter_))
        return target

    monkeypatch.setattr(dialogs, "save_file", save_file)
    return asked


def test_the_submenu_offers_every_format_of_the_registry(window):
    file_menu = window.menuBar().actions()[0].menu()
    assert window.exports.menu.menuAction() in file_menu.actions()
    names = [action.objectName() for action in window.exports.menu.actions()]
    assert names == [f"export_{fmt.key}" for fmt in REPORT_FORMATS]
    assert window.exports.menu.menuAction().isEnabled()  # a draft is open
    assert window.actions_by_text["ส่งออก PDF…"].shortcut().toString() == "Ctrl+E"


def test_exporting_xlsx_from_the_window_writes_the_drafts_workbook(
    qtbot, window, tmp_path, monkeypatch
):
    folder = tmp_path / "ส่งเขต 2566"
    folder.mkdir()
    target = folder / "ความก้าวหน้า"  # no suffix typed: the format's is added
    asked = _answer_save(monkeypatch, target)
    with qtbot.waitSignal(window.exports.exported, timeout=10000) as done:
        window.exports.actions["xlsx"].trigger()
    written = folder / "ความก้าวหน้า.xlsx"
    assert done.args == [str(written)]
    title, proposed, filter_ = asked[0]
    assert "Excel" in title
    assert proposed.name == "50280000-6851_2566.xlsx" and "*.xlsx" in filter_
    sheet = openpyxl.load_workbook(written)["ความก้าวหน้า"]
    assert sheet["B1"].value == window.document.report.project_name
    assert sheet.max_row == 7 + len(window.document.report.progress_reports)
    note = window.pdf.note
    assert note.isVisible() and written.name in note.text() and "Excel" in note.text()
    assert window.pdf.last_export_action.isEnabled()
    assert settings.last_folder("export") == folder


def test_a_cancelled_save_writes_nothing(qtbot, window, tmp_path, monkeypatch):
    _answer_save(monkeypatch, None)
    window.exports.actions["csv"].trigger()
    assert not window.background.busy  # nothing was started
    assert list(tmp_path.rglob("*.csv")) == []


def test_a_folder_that_cannot_be_written_says_so_in_thai(qtbot, window, tmp_path, monkeypatch):
    _answer_save(monkeypatch, tmp_path / "ไม่มีโฟลเดอร์นี้" / "ตาราง.csv")
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(
        dialogs, "inform", lambda p, title, text, error=False: told.append((title, text))
    )
    with qtbot.waitSignal(window.exports.failed, timeout=10000):
        window.exports.actions["csv"].trigger()
    assert told == [
        (
            "ส่งออกตารางความก้าวหน้า (CSV) ไม่ได้",
            f'ไม่พบโฟลเดอร์ "{tmp_path / "ไม่มีโฟลเดอร์นี้"}" สำหรับบันทึกไฟล์ "ตาราง.csv" — เลือกโฟลเดอร์ที่มีอยู่',
        )
    ]


def test_the_pdf_entry_is_the_existing_export(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "รายงาน.pdf"
    _answer_save(monkeypatch, target)
    with qtbot.waitSignal(window.pdf.exported, timeout=20000) as done:
        window.exports.actions["pdf"].trigger()
    assert done.args == [str(target)] and target.read_bytes().startswith(b"%PDF-")
    with qtbot.waitSignal(window.pdf.exported, timeout=20000):  # Ctrl+E still does the same
        window.activateWindow()
        qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)

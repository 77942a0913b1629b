"""Export PDF from the window: the file dialog replaced (through `ui.dialogs`), real PDFs
written and read back, and what goes wrong (a missing or read-only folder, a full disk,
errors in the draft) said in Thai with the old file kept.

The preview and Print are `test_ui_pdf_preview.py`; the style choices (Thai justification,
long dates) `test_ui_pdf_style.py`.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

if sys.platform != "win32":
    import resource
    import signal

import pytest
from PySide6.QtCore import Qt

from forms.report import Report
from storage.drafts import DraftStore
from tests.pdf_dialogs import Answers, pdf_text
from tests.windows import opened_windows
from ui import exported_note, settings
from ui.main_window import MainWindow
from ui.pdf_export import proposed_name


@pytest.fixture
def open_window(qtbot, tmp_path: Path):
    """`open_window(report)`: a shown window on a test database, `report` kept there first."""
    with opened_windows(qtbot, tmp_path / "drafts.db") as open_window:
        yield open_window


def test_export_into_a_thai_folder_then_propose_it_again(
    qtbot, open_window, sample_report, tmp_path, monkeypatch
):
    folder = tmp_path / "รายงาน ปีงบประมาณ 2566"
    folder.mkdir()
    target = folder / "โครงการพัฒนาคุณภาพ.pdf"
    answers = Answers(monkeypatch, save_to=target)
    window = open_window(sample_report)
    with qtbot.waitActive(window):
        window.activateWindow()
    with qtbot.waitSignal(window.pdf.exported) as done:
        qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert done.args == [str(target)]
    assert answers.questions == []  # the sample has warnings only: nothing to confirm
    assert answers.proposed[0].name == "50280000-6851_2566.pdf"
    assert pdf_text(target).count("พัฒนาคูณภาพเครือข่ายโรงเรียน") >= 1
    assert window.pdf.note.isVisible() and target.name in window.pdf.note.text()
    opened: list[Path] = []
    monkeypatch.setattr(exported_note, "open_in_system", opened.append)
    window.pdf.note.linkActivated.emit("folder")
    qtbot.keyClick(
        window,
        Qt.Key.Key_O,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert opened == [folder, target]  # the folder, then the file itself
    assert settings.last_folder("pdf") == folder
    with qtbot.waitSignal(window.pdf.exported):
        window.pdf.export()
    assert answers.proposed[1] == folder / "50280000-6851_2566.pdf"


def test_a_name_without_pdf_gets_it(qtbot, open_window, sample_report, tmp_path, monkeypatch):
    Answers(monkeypatch, save_to=tmp_path / "รายงาน")
    window = open_window(sample_report)
    with qtbot.waitSignal(window.pdf.exported) as done:
        window.pdf.export()
    assert done.args == [str(tmp_path / "รายงาน.pdf")]
    assert (tmp_path / "รายงาน.pdf").read_bytes().startswith(b"%PDF-")


def test_cancelling_the_file_dialog_writes_nothing(
    qtbot, open_window, sample_report, tmp_path, monkeypatch
):
    answers = Answers(monkeypatch, save_to=None)
    window = open_window(sample_report)
    window.pdf.export()
    assert answers.proposed and not window.background.busy
    assert list(tmp_path.glob("*.pdf")) == []


def test_a_missing_folder_gives_the_thai_message(
    qtbot, open_window, sample_report, tmp_path, monkeypatch
):
    target = tmp_path / "ไม่มีโฟลเดอร์นี้" / "รายงาน.pdf"
    answers = Answers(monkeypatch, save_to=target)
    window = open_window(sample_report)
    with qtbot.waitSignal(window.pdf.failed) as failed:
        window.pdf.export()
    title, text = answers.messages[0]
    assert title == "ส่งออก PDF ไม่ได้" and text == failed.args[0]
    assert "ไม่พบโฟลเดอร์" in text and "ไม่มีโฟลเดอร์นี้" in text
    assert not target.parent.exists()
    assert settings.last_folder("pdf") != target.parent


@contextmanager
def read_only(folder: Path):
    """A folder nobody may write into, root included (`chattr +i`), or by mode bits."""
    if os.geteuid() == 0:
        if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode != 0:
            pytest.skip("running as root on a file system without chattr +i")
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
    else:
        folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
        try:
            yield
        finally:
            folder.chmod(stat.S_IRWXU)


@contextmanager
def disk_full_for_files_over(size: int):
    """Writing past `size` bytes fails with EFBIG, as on a full disk (root included)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, handler)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_read_only_folder_keeps_the_old_file(
    qtbot, open_window, sample_report, tmp_path, monkeypatch
):
    folder = tmp_path / "ล็อกไว้"
    folder.mkdir()
    target = folder / "เดิม.pdf"
    target.write_bytes(b"%PDF-old")
    answers = Answers(monkeypatch, save_to=target)
    window = open_window(sample_report)
    with read_only(folder), qtbot.waitSignal(window.pdf.failed):
        window.pdf.export()
    assert "ห้ามเขียน" in answers.messages[0][1] and "ล็อกไว้" in answers.messages[0][1]
    assert target.read_bytes() == b"%PDF-old"
    assert sorted(p.name for p in folder.iterdir()) == ["เดิม.pdf"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file size limit")
def test_a_full_disk_keeps_the_old_file(qtbot, open_window, sample_report, tmp_path, monkeypatch):
    target = tmp_path / "เต็ม.pdf"
    target.write_bytes(b"%PDF-old")
    answers = Answers(monkeypatch, save_to=target)
    window = open_window(sample_report)
    with disk_full_for_files_over(4096), qtbot.waitSignal(window.pdf.failed):
        window.pdf.export()
    assert "ไม่พอ" in answers.messages[0][1] and "เต็ม.pdf" in answers.messages[0][1]
    assert target.read_bytes() == b"%PDF-old"
    assert [p.name for p in tmp_path.iterdir() if "เต็ม" in p.name] == ["เต็ม.pdf"]


def test_errors_are_listed_and_no_writes_nothing(
    qtbot, open_window, sample_report, tmp_path, monkeypatch
):
    target = tmp_path / "ผิด.pdf"
    answers = Answers(monkeypatch, save_to=target, ask=False)
    report = sample_report.copy()
    report.project_code = "5017-7342"
    report.fiscal_year = 2024
    window = open_window(report)
    window.pdf.export()
    assert len(answers.questions) == 1
    question = answers.questions[0]
    assert "ข้อผิดพลาด" in question and "5017-7342" in question and "2567" in question
    assert "คูณภาพ" not in question  # warnings are not listed
    assert answers.proposed == [] and not target.exists() and not window.background.busy
    assert window.problems_dock.isVisible()


def test_errors_confirmed_export_anyway(qtbot, open_window, sample_report, tmp_path, monkeypatch):
    target = tmp_path / "ยืนยัน.pdf"
    answers = Answers(monkeypatch, save_to=target, ask=True)
    report = sample_report.copy()
    report.project_code = "5017-7342"
    window = open_window(report)
    with qtbot.waitSignal(window.pdf.exported):
        window.pdf.export()
    assert len(answers.questions) == 1 and target.exists()


def test_no_open_draft_no_pdf_actions(qtbot, tmp_path):
    path = tmp_path / "empty.db"
    with DraftStore.open(path) as store:
        window = MainWindow(store, path)
        qtbot.addWidget(window)
        assert not window.actions_by_text["ส่งออก PDF…"].isEnabled()
        assert not window.actions_by_text["พิมพ์…"].isEnabled()
        window.new_draft()
        assert window.actions_by_text["ส่งออก PDF…"].isEnabled()
        window.close()


@pytest.mark.parametrize(
    ("code", "year", "name"),
    [
        ("50280000-6851", 2566, "50280000-6851_2566.pdf"),
        ("", 2567, "แบบรายงาน_2567.pdf"),
        ("12/34:56", None, "12_34_56.pdf"),
    ],
)
def test_proposed_names(code, year, name):
    assert proposed_name(Report(project_code=code, fiscal_year=year)) == name

"""Export PDF, the preview and Print from the window, with the file and print dialogs
replaced (through `ui.dialogs`) and real PDFs written, read back and counted."""

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

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QToolButton

from forms.pdf import render_pdf
from forms.report import Report
from storage.drafts import DraftStore
from ui import dialogs, exported_note, settings
from ui.background import worker_thread_names
from ui.main_window import MainWindow
from ui.pdf_export import proposed_name


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
        opened.append((window, store))
        return window

    yield make
    for window, store in opened:
        window.close()
        store.close()


class Answers:
    """What the replaced dialogs were asked, and what they answer."""

    def __init__(self, monkeypatch, save_to: Path | None = None, ask: bool = True) -> None:
        self.proposed: list[Path] = []
        self.questions: list[str] = []
        self.messages: list[tuple[str, str]] = []
        self.save_to, self.answer = save_to, ask
        monkeypatch.setattr(dialogs, "save_file", self.save_file)
        monkeypatch.setattr(dialogs, "ask", self.ask)
        monkeypatch.setattr(dialogs, "inform", self.inform)

    def save_file(self, parent, title, proposed, filter_):
        self.proposed.append(proposed)
        return self.save_to

    def ask(self, parent, title, text, **kwargs):
        self.questions.append(text)
        return self.answer

    def inform(self, parent, title, text, error=False):
        self.messages.append((title, text))


def pdf_text(path: Path) -> str:
    pdf = pdfium.PdfDocument(path)
    try:
        return "".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


def page_count(data: bytes) -> int:
    pdf = pdfium.PdfDocument(data)
    try:
        return len(pdf)
    finally:
        pdf.close()


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


def test_the_preview_shows_the_exported_pages(qtbot, open_window, sample_report):
    window = open_window(sample_report)
    expected = page_count(render_pdf(sample_report))
    assert expected >= 2
    dialog = window.pdf.preview()
    qtbot.waitUntil(lambda: dialog.pages is not None)
    assert dialog.pages.page_count == expected
    assert dialog.view.document() is dialog.pages.document
    assert dialog.page_label.text() == f"หน้า 1 จาก {expected}"
    assert dialog.print_button.isEnabled()
    dialog.close()
    assert window.pdf.preview_dialog is None


def test_the_preview_follows_edits_when_shown_again(qtbot, open_window, sample_report):
    window = open_window(sample_report)
    dialog = window.pdf.preview()
    qtbot.waitUntil(lambda: dialog.pages is not None)
    first = dialog.pages
    window.document.set_value("progress_reports", sample_report.progress_reports[:1])
    assert window.pdf.preview() is dialog
    qtbot.waitUntil(lambda: dialog.pages is not first and dialog.pages is not None)
    expected = page_count(render_pdf(window.document.report))
    assert dialog.pages.page_count == expected


def test_print_sends_every_page_to_the_printer(
    qtbot, open_window, sample_report, tmp_path, monkeypatch
):
    out = tmp_path / "พิมพ์ออก.pdf"
    chosen: list[int] = []

    def choose_printer(parent, printer: QPrinter, pages: int) -> bool:
        chosen.append(pages)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return True

    monkeypatch.setattr(dialogs, "choose_printer", choose_printer)
    window = open_window(sample_report)
    with qtbot.waitActive(window):
        window.activateWindow()
    with qtbot.waitSignal(window.pdf.printed) as printed:
        qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    expected = page_count(render_pdf(sample_report))
    assert chosen == [expected] and printed.args == [expected]
    assert page_count(out.read_bytes()) == expected
    pdf = pdfium.PdfDocument(out)
    try:
        page = pdf[0]
        assert [round(x) for x in page.get_size()] == [595, 842]  # A4
        darkest = min(page.render(scale=0.5).to_pil().convert("L").getextrema())
    finally:
        pdf.close()
    assert darkest < 100  # the page's text was printed, not a blank sheet


def test_print_a_page_range_from_the_preview(
    qtbot, open_window, sample_report, tmp_path, monkeypatch
):
    out = tmp_path / "หน้า2.pdf"

    def choose_printer(parent, printer: QPrinter, pages: int) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(2, 2)
        return True

    monkeypatch.setattr(dialogs, "choose_printer", choose_printer)
    window = open_window(sample_report)
    dialog = window.pdf.preview()
    qtbot.waitUntil(lambda: dialog.pages is not None)
    with qtbot.waitSignal(window.pdf.printed) as printed:
        dialog.print_button.click()
    assert printed.args == [1] and page_count(out.read_bytes()) == 1


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


def test_closing_ends_the_worker_thread(qtbot, open_window, sample_report):
    window = open_window(sample_report)
    dialog = window.pdf.preview()
    assert worker_thread_names()
    window.close()
    assert worker_thread_names() == [] and not dialog.isVisible()


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


def _shown_bytes(dialog) -> bytes:
    return dialog.pages.buffer.data().data() if dialog.pages is not None else b""


@pytest.mark.parametrize("key", ["justify", "long_dates"])
def test_each_pdf_style_choice_is_kept(qtbot, open_window, sample_report, key):
    window = open_window(sample_report)
    action = window.pdf.choice_actions[key]
    assert action.isCheckable() and not action.isChecked()  # the official printout's look
    file_menu = window.menuBar().actions()[0].menu()
    assert action in file_menu.actions()
    action.trigger()
    assert settings.pdf_choice(key) and window.pdf.style[key]
    assert open_window(sample_report).pdf.choice_actions[key].isChecked()  # a later window
    action.trigger()
    assert not settings.pdf_choice(key)


def test_export_writes_the_chosen_style(qtbot, open_window, sample_report, tmp_path, monkeypatch):
    target = tmp_path / "กระจาย.pdf"
    Answers(monkeypatch, save_to=target)
    window = open_window(sample_report)
    window.pdf.choice_actions["justify"].setChecked(True)
    window.pdf.choice_actions["long_dates"].setChecked(True)
    with qtbot.waitSignal(window.pdf.exported):
        window.pdf.export()
    report = window.document.report
    chosen = render_pdf(report, justify=True, long_dates=True)
    others = [render_pdf(report, justify=j, long_dates=d) for j, d in ((0, 0), (1, 0), (0, 1))]
    assert chosen not in others  # the sample has long paragraphs and dates
    assert target.read_bytes() == chosen


def test_the_preview_shows_the_choice_and_redraws_when_it_changes(
    qtbot, open_window, sample_report
):
    window = open_window(sample_report)
    dialog = window.pdf.preview()
    report = window.document.report
    qtbot.waitUntil(lambda: _shown_bytes(dialog) == render_pdf(report))
    button = dialog.findChild(QToolButton, "preview_pdf_justify")
    assert button is not None and button.text() == "กระจายแบบไทย"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.pdf.choice_actions["justify"].isChecked() and settings.pdf_choice("justify")
    qtbot.waitUntil(lambda: _shown_bytes(dialog) == render_pdf(report, justify=True))
    dates = dialog.findChild(QToolButton, "preview_pdf_long_dates")
    assert dates is not None and dates.text() == "วันที่แบบเต็ม"
    qtbot.mouseClick(dates, Qt.MouseButton.LeftButton)
    both = render_pdf(report, justify=True, long_dates=True)
    qtbot.waitUntil(lambda: _shown_bytes(dialog) == both)

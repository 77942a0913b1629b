"""The PDF preview and Print from the window: the pages shown are the exported ones, the
preview follows edits, and every page (or a chosen range) reaches the printer, here a PDF
file standing in for it through the replaced printer dialog (`ui.dialogs`)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from forms.pdf import render_pdf
from tests.pdf_dialogs import page_count
from tests.windows import opened_windows
from ui import dialogs
from ui.background import worker_thread_names


@pytest.fixture
def open_window(qtbot, tmp_path: Path):
    """`open_window(report)`: a shown window on a test database, `report` kept there first."""
    with opened_windows(qtbot, tmp_path / "drafts.db") as open_window:
        yield open_window


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


def test_closing_ends_the_worker_thread(qtbot, open_window, sample_report):
    window = open_window(sample_report)
    dialog = window.pdf.preview()
    assert worker_thread_names()
    window.close()
    assert worker_thread_names() == [] and not dialog.isVisible()

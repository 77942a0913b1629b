"""The PDF style choices of the window (Thai justification, long dates): each kept between
windows, written by Export PDF, and shown and redrawn by the preview."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton

from forms.pdf import render_pdf
from tests.pdf_dialogs import Answers
from tests.windows import opened_windows
from ui import settings


@pytest.fixture
def open_window(qtbot, tmp_path: Path):
    """`open_window(report)`: a shown window on a test database, `report` kept there first."""
    with opened_windows(qtbot, tmp_path / "drafts.db") as open_window:
        yield open_window


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

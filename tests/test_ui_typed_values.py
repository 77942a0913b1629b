"""What the window shows is what is saved: a date or number that cannot be read stays in its
box as typed, marked with the reason, saved as typed (the value empty, never the old one),
and shown again when the draft is reopened; a number out of range is kept and marked, and a
money amount pasted from a printout (`180,000 บาท`) is read."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from forms.report import ProgressReport, Report
from storage.drafts import DraftStore
from tests.keyboard import type_text
from ui.main_window import MainWindow
from ui.marks import mark_of

Open = Callable[..., MainWindow]


@pytest.fixture
def open_window(qtbot, tmp_path: Path) -> Iterator[Open]:
    """`open_window(report, *others)`: a window on a database holding `report` (opened, the
    newest) after `others`; `open_window()` opens another window on the same database."""
    path = tmp_path / "drafts.db"
    opened: list[tuple[MainWindow, DraftStore]] = []

    def make(*reports: Report) -> MainWindow:
        for window, _store in opened:
            window.close()
        store = DraftStore.open(path)
        for report in reversed(reports):
            store.create(report)
        window = MainWindow(store, path)
        window.show()
        qtbot.waitExposed(window)
        window.form.build_all()
        opened.append((window, store))
        return window

    yield make
    for window, store in opened:
        window.close()
        store.close()


def retype(qtbot, box: QWidget, text: str) -> None:
    """Select what the box holds and type `text` over it, then leave it with Enter."""
    box.setFocus()
    box.selectAll()
    type_text(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)


def paste(qtbot, box: QWidget, text: str) -> None:
    QApplication.clipboard().setText(text)
    box.setFocus()
    box.selectAll()
    qtbot.keyClick(box, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(box, Qt.Key.Key_Return)


def problems_at(window: MainWindow, path: str) -> list:
    window.checker.check_now()
    return [p for p in window.problems.model.problems if p.path == path]


def saved(window: MainWindow) -> Report:
    assert window.save_now()
    assert window.document is not None and window.document.draft_id is not None
    return window.store.load(window.document.draft_id)


def end_date_box(window: MainWindow):
    return window.form.editors["end_date"].line


def test_a_date_that_does_not_exist_typed_over_a_valid_one_is_marked_with_its_reason(
    qtbot, open_window, sample_report
):
    window = open_window(sample_report)
    box = end_date_box(window)
    retype(qtbot, box, "31/09/2566")
    assert box.text() == "31/09/2566"
    qtbot.waitUntil(lambda: mark_of(box) == "error")
    assert "ไม่มีวันที่นี้ (กันยายนมี 30 วัน)" in box.toolTip()
    [problem] = problems_at(window, "end_date")
    assert problem.rule == "unreadable"
    assert '"31/09/2566"' in problem.message and "เช่น 30/09/2566" in problem.message


def test_the_typed_text_is_saved_and_the_old_date_is_not(qtbot, open_window, sample_report):
    window = open_window(sample_report)
    retype(qtbot, end_date_box(window), "31/09/2566")
    stored = saved(window)
    assert stored.end_date is None  # not the 30/09/2566 the box showed before
    assert stored.typed == {"end_date": "31/09/2566"}


def test_switching_drafts_and_back_shows_the_typed_text_marked(qtbot, open_window, sample_report):
    other = Report(project_name="อีกโครงการ")
    window = open_window(sample_report, other)
    this_id = window.document.draft_id
    retype(qtbot, end_date_box(window), "31/09/2566")
    other_id = next(d.id for d in window.panel.model.drafts if d.id != this_id)
    assert window.open_draft(other_id)
    assert end_date_box(window).text() == ""
    assert window.open_draft(this_id)
    box = end_date_box(window)
    assert box.text() == "31/09/2566"
    assert mark_of(box) == "error" and "กันยายนมี 30 วัน" in box.toolTip()


def test_a_new_window_on_the_same_database_shows_the_typed_text(qtbot, open_window, sample_report):
    window = open_window(sample_report)
    retype(qtbot, end_date_box(window), "31/09/2566")
    window.close()
    again = open_window()
    box = end_date_box(again)
    assert box.text() == "31/09/2566"
    assert mark_of(box) == "error"


@pytest.mark.parametrize(
    ("key", "text", "reason"),
    [
        ("fiscal_year", "256", "พิมพ์ปี พ.ศ. 4 หลัก"),
        ("end_date", "31/02/2567", "กุมภาพันธ์ 2567 มี 29 วัน"),
        ("start_date", "30/01/67", "พิมพ์ปี พ.ศ. 4 หลัก เช่น 30/01/2567"),
    ],
)
def test_the_problem_gives_the_reason_not_that_the_field_is_empty(
    qtbot, open_window, key, text, reason
):
    window = open_window(Report(project_name="ก"))  # every required field empty
    editor = window.form.editors[key]
    retype(qtbot, getattr(editor, "line", editor), text)
    [problem] = problems_at(window, key)
    assert problem.rule == "unreadable"
    assert f'"{text}"' in problem.message and reason in problem.message
    assert "ยังว่าง" not in problem.message


def test_fixing_the_text_takes_the_mark_and_the_typed_text_away(qtbot, open_window, sample_report):
    window = open_window(sample_report)
    box = end_date_box(window)
    retype(qtbot, box, "31/09/2566")
    qtbot.waitUntil(lambda: mark_of(box) == "error")
    retype(qtbot, box, "30/09/2566")
    qtbot.waitUntil(lambda: mark_of(box) == "")
    stored = saved(window)
    assert stored.end_date == date(2023, 9, 30) and stored.typed == {}


def progress_box(window: MainWindow, row: int, key: str) -> QWidget:
    window.form.setCurrentIndex(5)
    progress = window.form.editors["progress_reports"]
    progress.select_row(row)
    editor = progress.editors[key]
    return getattr(editor, "line", editor)


def test_150_percent_stays_150_and_is_flagged(qtbot, open_window, sample_report):
    window = open_window(sample_report)
    box = progress_box(window, 0, "progress_percent")
    retype(qtbot, box, "150")
    assert box.text() == "150.00"
    assert window.document.report.progress_reports[0].progress_percent == Decimal(150)
    [problem] = problems_at(window, "progress_reports[1].progress_percent")
    assert problem.rule == "progress_range" and "150" in problem.message
    qtbot.waitUntil(lambda: mark_of(box) == "error")
    assert saved(window).progress_reports[0].progress_percent == Decimal(150)


def test_99_999_percent_keeps_every_decimal_and_is_flagged(qtbot, open_window, sample_report):
    window = open_window(sample_report)
    box = progress_box(window, 1, "progress_percent")
    retype(qtbot, box, "99.999")
    assert box.text() == "99.999"  # not 99.99, nor 100.00
    assert window.document.report.progress_reports[1].progress_percent == Decimal("99.999")
    [problem] = [
        p
        for p in problems_at(window, "progress_reports[2].progress_percent")
        if p.rule == "progress_decimals"
    ]
    assert "99.999" in problem.message
    qtbot.waitUntil(lambda: mark_of(box) == "error")


@pytest.mark.parametrize("text", ["180,000 บาท", "180,000.00 บาท", "๑๘๐,๐๐๐"])
def test_money_pasted_from_a_printout_is_read(qtbot, open_window, sample_report, text):
    window = open_window(replace_budget(sample_report, None))
    box = window.form.editors["budget_received"]
    paste(qtbot, box, text)
    assert window.document.report.budget_received == Decimal(180000)
    assert box.text() == "180,000"
    assert problems_at(window, "budget_received") == []


def replace_budget(report: Report, budget: Decimal | None) -> Report:
    changed = report.copy()
    changed.budget_received = budget
    return changed


def test_pasted_text_that_is_no_amount_is_kept_and_flagged(qtbot, open_window, sample_report):
    window = open_window(sample_report)
    box = window.form.editors["budget_received"]
    paste(qtbot, box, "ประมาณแสนแปด")
    assert box.text() == "ประมาณแสนแปด"
    [problem] = problems_at(window, "budget_received")
    assert problem.rule == "unreadable" and "ไม่ใช่จำนวนเงิน" in problem.message
    qtbot.waitUntil(lambda: mark_of(box) == "error")
    stored = saved(window)
    assert stored.budget_received is None and stored.typed == {"budget_received": "ประมาณแสนแปด"}


def test_a_progress_reports_typed_date_is_kept_in_its_row_and_saved(
    qtbot, open_window, sample_report
):
    window = open_window(sample_report)
    box = progress_box(window, 1, "date")
    retype(qtbot, box, "31/02/2566")
    [problem] = problems_at(window, "progress_reports[2].date")
    assert problem.rule == "unreadable" and "กุมภาพันธ์ 2566 มี 28 วัน" in problem.message
    qtbot.waitUntil(lambda: mark_of(box) == "error")
    stored = saved(window).progress_reports[1]
    assert stored.date is None and stored.typed == {"date": "31/02/2566"}


def test_a_typed_date_moves_with_its_report_when_one_is_inserted_before(qtbot, open_window):
    reports = [ProgressReport(no=n, narrative=f"ครั้ง {n}") for n in (1, 2)]
    window = open_window(Report(project_name="ก", progress_reports=reports))
    retype(qtbot, progress_box(window, 1, "date"), "30/01/67")
    progress = window.form.editors["progress_reports"]
    progress.select_row(0)
    progress.insert_row()
    moved = window.document.report.progress_reports[2]
    assert (moved.no, moved.narrative, moved.typed) == (3, "ครั้ง 2", {"date": "30/01/67"})
    assert [p.rule for p in problems_at(window, "progress_reports[3].date")] == ["unreadable"]
    assert problems_at(window, "progress_reports[2].date")[0].rule == "report_undated"


def test_a_date_pasted_the_thai_way_is_read_and_saved(qtbot, open_window, sample_report):
    window = open_window(sample_report)
    box = end_date_box(window)
    paste(qtbot, box, "15 สิงหาคม 2566")
    assert saved(window).end_date == date(2023, 8, 15)
    assert mark_of(box) != "error"

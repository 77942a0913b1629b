"""Typing that never lags (issue 10): a keystroke in the progress log costs the same with
300 reports as with 10, the columns are sized once and never clipped, and showing hundreds
of problems asks the model only for the rows on screen.

The costs are counted, not timed: calls of the models' `data()` during one edit."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from forms.checks import Problem, Severity
from forms.report import ProgressReport, Report
from forms.schema import SECTIONS
from storage.drafts import DraftStore
from tests.keyboard import type_text
from ui.problems_panel import FIX_COLUMN, ProblemsModel, ProblemsPanel
from ui.progress_model import COLUMN_OF, COLUMNS, ProgressModel
from ui.progress_tab import ProgressTab

NARRATIVE = COLUMN_OF["narrative"]


def reports(count: int) -> list[ProgressReport]:
    return [
        ProgressReport(
            no=n,
            date=date(2022, 10, 1) + timedelta(days=n),
            narrative="จัดประชุมเชิงปฏิบัติการพัฒนาคุณภาพการศึกษา ครั้งที่ 2/2566",
            progress_percent=Decimal(min(100, n)),
            budget_used=Decimal(500),
            plan_status="on_plan",
            target_status="on_target",
        )
        for n in range(1, count + 1)
    ]


@pytest.fixture
def data_calls(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counter[str]]:
    """Calls of `ProgressModel.data` and `ProblemsModel.data`, by model class name."""
    calls: Counter[str] = Counter()

    def counting(model_class: type) -> Callable[..., Any]:
        original = model_class.data

        def data(self: Any, *args: Any) -> Any:
            calls[model_class.__name__] += 1
            return original(self, *args)

        return data

    for model_class in (ProgressModel, ProblemsModel):
        monkeypatch.setattr(model_class, "data", counting(model_class))
    yield calls


def shown_tab(qtbot, count: int) -> ProgressTab:
    tab = ProgressTab()
    qtbot.addWidget(tab)
    tab.resize(1000, 700)
    tab.show()
    qtbot.waitExposed(tab)
    tab.show_value(reports(count))
    tab.select_row(count // 2)
    QApplication.processEvents()
    return tab


def calls_per_key(qtbot, tab: ProgressTab, key: str, text: str, calls: Counter[str]) -> int:
    editor = tab.editors[key]
    editor.setFocus()
    QApplication.processEvents()
    calls.clear()
    type_text(editor, text)
    QApplication.processEvents()
    return calls["ProgressModel"] // len(text)


@pytest.mark.parametrize(("key", "text"), [("narrative", "ผลงาน"), ("budget_used", "12")])
def test_a_keystroke_asks_the_model_as_much_with_300_reports_as_with_10(
    qtbot, data_calls, key, text
):
    few = calls_per_key(qtbot, shown_tab(qtbot, 10), key, text, data_calls)
    many = calls_per_key(qtbot, shown_tab(qtbot, 300), key, text, data_calls)
    assert few > 0  # the edited cell is repainted
    assert many <= few + 20, (few, many)  # was some 14,000 calls with 300 reports
    assert many < 150


def test_typing_leaves_the_columns_as_they_were(qtbot):
    tab = shown_tab(qtbot, 60)
    header = tab.table.horizontalHeader()
    widths = [header.sectionSize(c) for c in range(header.count())]
    narrative = tab.editors["narrative"]
    narrative.setFocus()
    type_text(narrative, "ยาวขึ้นอีก " * 30)
    QApplication.processEvents()
    assert [header.sectionSize(c) for c in range(header.count())] == widths


def fits(tab: ProgressTab) -> None:
    """Every text of every column but the narrative fits its column, header included."""
    table, header = tab.table, tab.table.horizontalHeader()
    for column in range(len(COLUMNS)):
        if column == NARRATIVE:
            continue
        assert table.sizeHintForColumn(column) <= header.sectionSize(column), COLUMNS[column].key
        assert header.sectionSizeHint(column) <= header.sectionSize(column)


def test_columns_fit_their_texts_and_grow_for_a_wider_value(qtbot):
    tab = shown_tab(qtbot, 12)
    fits(tab)
    plan = COLUMN_OF["plan_status"]  # every report "เป็นไปตามแผน"
    before = tab.table.columnWidth(plan)
    tab.model.set_field(3, "plan_status", "off_plan")  # "ไม่เป็นไปตามแผน"
    QApplication.processEvents()
    assert tab.table.columnWidth(plan) > before
    fits(tab)


def test_problem_icons_fit_without_sizing_the_columns_again(qtbot):
    tab = shown_tab(qtbot, 12)
    widths = [tab.table.columnWidth(c) for c in range(len(COLUMNS))]
    problem = Problem(Severity.WARNING, "progress_reports[3].plan_status", "ตรวจสถานะ", "x")
    tab.model.set_problems({(3, key): [problem] for key in ("date", "plan_status", "budget_used")})
    QApplication.processEvents()
    assert [tab.table.columnWidth(c) for c in range(len(COLUMNS))] == widths
    fits(tab)


def test_columns_follow_a_larger_font(qtbot):
    tab = shown_tab(qtbot, 12)
    before = tab.table.columnWidth(COLUMN_OF["target_status"])
    font = QFont(tab.table.font())
    font.setPointSizeF(font.pointSizeF() * 1.5)
    tab.table.setFont(font)
    QApplication.processEvents()
    assert tab.table.columnWidth(COLUMN_OF["target_status"]) > before
    fits(tab)


def test_at_1366_pixels_the_log_needs_no_horizontal_scrolling(qtbot, tmp_path):
    path = tmp_path / "drafts.db"
    store = DraftStore.open(path)
    store.create(Report(project_name="ยาว", progress_reports=reports(240)))
    from ui.main_window import MainWindow

    window = MainWindow(store, path)
    try:
        window.setWindowState(Qt.WindowState.WindowNoState)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        assert window.form is not None
        window.form.setCurrentIndex([s.key for s in SECTIONS].index("progress"))
        QApplication.processEvents()
        tab = window.form.progress
        assert tab is not None
        tab.select_row(0)
        QApplication.processEvents()
        assert tab.table.horizontalScrollBar().maximum() == 0
        fits(tab)
        narrative = tab.table.horizontalHeader()
        assert narrative.sectionSize(NARRATIVE) >= narrative.sectionSizeHint(NARRATIVE)
    finally:
        window.close()
        store.close()


def many_problems(count: int) -> list[Problem]:
    return [
        Problem(
            Severity.WARNING,
            f"progress_reports[{n}].narrative",
            f'รายงานครั้งที่ {n} สะกดผิด: "คูณภาพ" — ควรเป็น "คุณภาพ"',
            "misspelling",
        )
        for n in range(1, count + 1)
    ]


def shown_panel(qtbot) -> ProblemsPanel:
    panel = ProblemsPanel()
    qtbot.addWidget(panel)
    panel.resize(1300, 230)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_showing_hundreds_of_problems_asks_only_for_the_rows_shown(qtbot, data_calls):
    panel = shown_panel(qtbot)
    counts = []
    for problems in (many_problems(10), many_problems(300)):
        panel.show_problems([])
        QApplication.processEvents()
        data_calls.clear()
        panel.show_problems(problems)
        QApplication.processEvents()
        counts.append(data_calls["ProblemsModel"])
    assert counts[1] <= counts[0] * 1.5 + 50, counts  # was every row of every column


def test_the_problems_columns_fit_severity_tab_and_fix(qtbot):
    from forms.checks import Fix

    panel = shown_panel(qtbot)
    fixed = Problem(
        Severity.ERROR,
        "strategic_sub_issue",
        "สะกดผิด",
        "misspelling",
        fix=Fix("strategic_sub_issue", "คูณภาพ", "คุณภาพการศึกษาขั้นพื้นฐานของโรงเรียน"),
    )
    panel.show_problems([*many_problems(5), fixed])
    QApplication.processEvents()
    view = panel.view
    for column in range(view.model().columnCount()):
        if column != 2:
            assert view.sizeHintForColumn(column) <= view.columnWidth(column), column
    wide = view.columnWidth(FIX_COLUMN)
    panel.show_problems(many_problems(5))
    QApplication.processEvents()
    assert view.columnWidth(FIX_COLUMN) < wide  # no fixes listed: only the header's width


def test_the_first_search_key_after_an_autosave_reads_only_the_saved_draft(qtbot, tmp_path):
    from PySide6.QtWidgets import QLineEdit

    from storage.summaries import SUMMARY_SQL
    from ui.main_window import MainWindow

    path = tmp_path / "drafts.db"
    store = DraftStore.open(path)
    for n in range(200):
        store.create(Report(project_name=f"โครงการพัฒนา {n}"))
    window = MainWindow(store, path)
    try:
        window.show()
        qtbot.waitExposed(window)
        assert window.form is not None
        name = window.form.editors["project_name"]
        name.setFocus()
        name.end(False)
        type_text(name, " สวนผัก")
        window.autosaver.flush()  # saved through the autosave worker's own connection
        QApplication.processEvents()
        seen: list[str] = []
        store._conn.set_trace_callback(seen.append)  # type: ignore[union-attr]
        search = window.findChild(QLineEdit, "search")
        type_text(search, "ส")
        QApplication.processEvents()
        assert window.panel.model.rowCount() == 1
        assert window.panel.model.drafts[0].project_name == "โครงการพัฒนา 199 สวนผัก"
        assert not any(sql.strip() == SUMMARY_SQL for sql in seen), seen
    finally:
        window.close()
        store.close()

"""The draft's tabs: built from the schema, bound both ways to the document."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtWidgets import QWidget

from forms.document import ReportDocument
from forms.report import ProgressReport, Report
from forms.schema import FIELDS, PROGRESS_FIELDS, ROUTINE_WORK, SECTIONS, Kind, fields_of
from tests.keyboard import type_text
from ui.report_form import ReportForm


def make(qtbot, report: Report | None = None) -> ReportForm:
    form = ReportForm(ReportDocument(report or Report(), draft_id=1))
    qtbot.addWidget(form)
    form.build_all()
    return form


def test_one_tab_per_section_in_order(qtbot):
    form = make(qtbot)
    assert [form.tabText(i) for i in range(form.count())] == [s.title for s in SECTIONS]
    assert form.tabText(0) == "โครงการ" and form.tabText(6) == "ผู้รับรอง"


def test_every_field_has_its_widget_on_its_sections_tab(qtbot):
    form = make(qtbot)
    for index, section in enumerate(SECTIONS):
        page = form.widget(index)
        for field in fields_of(section.key):
            assert (
                page.findChild(QWidget, field.key) is not None or page.objectName() == field.key
            ), field.key
    for field in FIELDS + PROGRESS_FIELDS:
        assert form.findChild(QWidget, field.key) is not None, field.key


def test_widgets_show_the_report(qtbot, sample_report):
    form = make(qtbot, sample_report)
    for field in FIELDS:
        if field.kind == Kind.TEXT:
            assert form.editors[field.key].text() == getattr(sample_report, field.key)
    assert form.editors["start_date"].line.text() == "01/10/2565"
    assert form.editors["budget_received"].text() == "180,000"
    assert form.editors["budget_spent"].text() == "205,090"
    assert form.editors["objectives"].value() == sample_report.objectives
    assert form.progress.model.rowCount() == len(sample_report.progress_reports)


def test_typing_the_fiscal_year_fills_empty_dates_in_the_widgets(qtbot):
    form = make(qtbot, Report(end_date=date(2023, 3, 31)))
    type_text(form.editors["fiscal_year"], "2566")
    assert form.editors["start_date"].line.text() == "01/10/2565"
    assert form.editors["end_date"].line.text() == "31/03/2566"  # not empty: kept
    assert form.document.report.start_date == date(2022, 10, 1)


def test_budget_totals_follow_the_log_and_the_budget(qtbot):
    form = make(qtbot, Report(budget_received=Decimal(1000)))
    totals = form.findChild(QWidget, "budget_totals")
    form.document.set_value("progress_reports", [ProgressReport(budget_used=Decimal("250.50"))])
    assert "250.50" in totals.text() and "749.50" in totals.text()
    assert form.editors["budget_spent"].text() == "250.50"
    type_text(form.editors["budget_received"], "0")  # 10000
    assert "9,749.50" in totals.text()
    form.document.set_value("budget_received", Decimal(100))
    assert "ใช้เกินงบประมาณ 150.50" in totals.text()
    form.document.set_value("budget_received", None)
    assert "ยังไม่ได้กรอกงบประมาณที่ได้รับ" in totals.text()


def test_the_routine_work_button_fills_only_empty_strategy_fields(qtbot):
    form = make(qtbot, Report(strategic_goal="เป้าหมายเดิม"))
    form.findChild(QWidget, "fill_routine").click()
    report = form.document.report
    assert report.strategic_issue == ROUTINE_WORK and report.strategic_sub_issue == ROUTINE_WORK
    assert report.strategic_goal == "เป้าหมายเดิม"
    assert form.editors["strategic_issue"].text() == ROUTINE_WORK


def test_pages_are_built_when_shown_and_follow_edits_made_before(qtbot):
    form = ReportForm(ReportDocument(Report(), draft_id=1), start_tab=6)
    qtbot.addWidget(form)
    assert form.findChild(QWidget, "signer_name") is not None
    assert form.findChild(QWidget, "objectives") is None
    form.document.set_value("objectives", ["ก"])
    form.setCurrentIndex(2)
    assert form.findChild(QWidget, "objectives").value() == ["ก"]
    qtbot.waitUntil(lambda: form.complete)
    assert form.findChild(QWidget, "progress_reports") is not None


def test_unbound_form_no_longer_follows_the_document(qtbot):
    form = make(qtbot)
    form.unbind()
    form.document.set_value("project_name", "ใหม่")
    assert form.editors["project_name"].text() == ""

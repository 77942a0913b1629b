"""Duplicate as the next fiscal year: project data kept, year +1, dates +1, log emptied."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from forms.report import Report
from storage.drafts import DraftStore


def test_duplicate_next_year_of_the_sample(tmp_path: Path, sample_report: Report):
    with DraftStore.open(tmp_path / "drafts.db") as store:
        original = store.create(sample_report)
        copy = store.duplicate_next_year(original)
        assert copy != original
        nxt = store.load(copy)
        assert nxt.fiscal_year == sample_report.fiscal_year + 1
        assert nxt.start_date == date(2023, 10, 1)
        assert nxt.end_date == date(2024, 9, 30)
        assert nxt.progress_reports == []
        assert nxt.project_name == sample_report.project_name
        assert nxt.objectives == sample_report.objectives
        assert nxt.rationale == sample_report.rationale
        assert store.load(original) == sample_report
        assert [s.id for s in store.list()] == [copy, original]


def test_duplicate_moves_29_february_to_28_february(tmp_path: Path):
    report = Report(fiscal_year=2567, start_date=date(2024, 2, 29), end_date=date(2024, 2, 29))
    with DraftStore.open(tmp_path / "drafts.db") as store:
        nxt = store.load(store.duplicate_next_year(store.create(report)))
    assert (nxt.fiscal_year, nxt.start_date, nxt.end_date) == (
        2568,
        date(2025, 2, 28),
        date(2025, 2, 28),
    )


def test_duplicate_of_an_empty_report_keeps_empty_dates(tmp_path: Path):
    with DraftStore.open(tmp_path / "drafts.db") as store:
        nxt = store.load(store.duplicate_next_year(store.create(Report())))
    assert nxt == Report()

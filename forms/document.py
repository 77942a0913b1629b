"""The open draft: a report plus edit bookkeeping, announcing every change.

Views subscribe to `changed` (the key that changed) and write through `set_value`, which
also takes `Unreadable(text)` for a date or number typed so that it cannot be read (the
value becomes None and the text is kept, `forms.report`); `entry` gives a field back that
way. Autosave compares `revision` with `saved_revision`. Domain rules that act on edits
(the fiscal year filling empty project dates) live here so the CLI and the window share
them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from forms.events import Signal
from forms.report import ProgressReport, Report, entry, renumber
from forms.schema import FIELDS_BY_KEY
from forms.thaidate import add_years, fiscal_year_bounds, is_be_year
from forms.typed import Unreadable


class ReportDocument:
    def __init__(self, report: Report | None = None, draft_id: int | None = None) -> None:
        self.report = report if report is not None else Report()
        self.draft_id = draft_id
        self.revision = 0
        self.saved_revision = 0
        self.changed = Signal()  # (key: str)

    @property
    def dirty(self) -> bool:
        return self.revision != self.saved_revision

    def value(self, key: str) -> Any:
        return getattr(self.report, key)

    def entry(self, key: str) -> Any:
        """What the field shows: its value, or `Unreadable` with the text typed there."""
        return entry(self.report, key)

    def set_value(self, key: str, value: Any) -> None:
        """Set one field (`Unreadable(text)`: no value, the text kept); a no-op when the
        field already holds it."""
        field = FIELDS_BY_KEY[key]
        if field.computed:
            raise KeyError(f"{key} is computed")
        if key == "progress_reports":
            value = renumber(list(value))
        if self.entry(key) == value:
            return
        typed = {k: text for k, text in self.report.typed.items() if k != key}
        if isinstance(value, Unreadable):
            typed[key] = value.text
            value = None
        self.report.typed = typed  # a new dict: snapshots taken before keep their own
        setattr(self.report, key, value)
        self._touch(key)
        if key == "fiscal_year":
            self._fill_fiscal_dates()

    def _fill_fiscal_dates(self) -> None:
        """Empty project dates get the fiscal year's bounds; dates still at another fiscal
        year's bounds (filled for the year typed before) follow the new year. Dates the
        clerk set to anything else are left as they are."""
        year = self.report.fiscal_year
        if not is_be_year(year):
            return
        start, end = fiscal_year_bounds(year)
        follows = is_fiscal_year_span(self.report.start_date, self.report.end_date)
        if self.entry("start_date") is None or follows:  # text typed there is not empty
            self.set_value("start_date", start)
        if self.entry("end_date") is None or follows:
            self.set_value("end_date", end)

    def _touch(self, key: str) -> None:
        self.revision += 1
        self.changed.emit(key)
        if key == "progress_reports":
            self.changed.emit("budget_spent")

    def snapshot(self) -> tuple[int, Report]:
        """A copy of the report to save elsewhere (another thread), with its revision."""
        return self.revision, self.report.copy()

    def mark_saved(self, revision: int, draft_id: int | None = None) -> None:
        self.saved_revision = revision
        if draft_id is not None:
            self.draft_id = draft_id


def is_fiscal_year_span(start: date | None, end: date | None) -> bool:
    """Whether `start`–`end` is exactly one fiscal year (1 Oct to the next 30 Sep)."""
    return (
        start is not None
        and end is not None
        and (start.month, start.day) == (10, 1)
        and end == date(start.year + 1, 9, 30)
    )


def next_fiscal_year(report: Report) -> Report:
    """Last year's report as the start of next year's: project data kept, fiscal year +1,
    project dates +1 year, progress log emptied."""
    nxt = report.copy()
    if nxt.fiscal_year is not None:
        nxt.fiscal_year += 1
    nxt.start_date = add_years(nxt.start_date, 1) if nxt.start_date else None
    nxt.end_date = add_years(nxt.end_date, 1) if nxt.end_date else None
    nxt.progress_reports = []
    return nxt


def new_progress_report(after: list[ProgressReport]) -> ProgressReport:
    """A blank report to append, numbered next and carrying the last progress forward."""
    last = after[-1] if after else None
    return replace(
        ProgressReport(no=len(after) + 1),
        progress_percent=last.progress_percent if last else None,
    )  # plan and target status left for the clerk to choose (a check reminds them)

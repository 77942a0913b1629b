"""One row of the district's summary table per report, and its quarterly figures.

The summary (window table, `main.py summary`, Excel, CSV, summary PDF) shows the same
`SummaryRow`, computed here once from a `Report` and the problems its checks find, so the
four outputs cannot disagree. Quarters are those of the Thai fiscal year: Q1 is
October–December of the year before the fiscal year's own (CE) year, Q4 July–September.
A report's `ProgressLog` is what the Excel workbook's progress and quarter sheets need of
it, which a collection reads without the rest of the report.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from operator import itemgetter

from forms.report import ProgressReport, Report
from forms.thaidate import fiscal_year_bounds

ON_PLAN, OFF_PLAN = "on_plan", "off_plan"
ON_TARGET, OFF_TARGET = "on_target", "off_target"
_CENT = Decimal("0.01")


@dataclass(frozen=True)
class SummaryRow:
    """What the district sees of one report (values typed: Decimal money, date dates)."""

    agency_office: str
    agency_division: str
    agency_section: str
    project_code: str
    project_name: str
    fiscal_year: int | None
    budget_received: Decimal | None
    budget_spent: Decimal
    percent_spent: Decimal | None  # spent / received × 100, two places; None without budget
    latest_no: int | None  # the latest progress report (`latest_progress_report`)
    latest_date: date | None
    latest_progress: Decimal | None
    plan_status: str | None  # of the latest progress report: ON_PLAN | OFF_PLAN | None
    target_status: str | None  # ON_TARGET | OFF_TARGET | None
    errors: int  # problems found by `forms.checks.check_report`
    warnings: int

    @property
    def overspent(self) -> bool:
        return self.budget_received is not None and self.budget_spent > self.budget_received

    @property
    def behind_plan(self) -> bool:
        return self.plan_status == OFF_PLAN

    @property
    def off_target(self) -> bool:
        return self.target_status == OFF_TARGET

    def days_without_report(self, today: date) -> int | None:
        """Days since the latest progress report's date; None when no report is dated."""
        return None if self.latest_date is None else (today - self.latest_date).days

    def silent_for(self, days: int, today: date) -> bool:
        """No progress report in the last `days` days (or none dated at all)."""
        since = self.days_without_report(today)
        return since is None or since > days


def latest_progress_report(report: Report) -> ProgressReport | None:
    """The progress report with the latest date (the higher number on a tie); undated
    reports count as older than any dated one, then by number."""
    if not report.progress_reports:
        return None
    return max(report.progress_reports, key=_recency)


def _recency(entry: ProgressReport) -> tuple[date, int]:
    return (entry.date or date.min, entry.no)


def recency(report: Report) -> tuple[date, int, int]:
    """What makes one copy of a report later than another: its latest progress report's
    date and number, then how many progress reports it has."""
    latest = latest_progress_report(report)
    if latest is None:
        return (date.min, 0, 0)
    return (*_recency(latest), len(report.progress_reports))


def summary_row(report: Report, errors: int = 0, warnings: int = 0) -> SummaryRow:
    """The row of `report`; `errors`/`warnings` are the counts its checks found (the caller
    runs `forms.checks.check_report`, which a collection stores with the report)."""
    latest = latest_progress_report(report)
    return SummaryRow(
        agency_office=report.agency_office,
        agency_division=report.agency_division,
        agency_section=report.agency_section,
        project_code=report.project_code,
        project_name=report.project_name,
        fiscal_year=report.fiscal_year,
        budget_received=report.budget_received,
        budget_spent=report.budget_spent,
        percent_spent=percent_spent(report.budget_spent, report.budget_received),
        latest_no=latest.no if latest else None,
        latest_date=latest.date if latest else None,
        latest_progress=latest.progress_percent if latest else None,
        plan_status=latest.plan_status if latest else None,
        target_status=latest.target_status if latest else None,
        errors=errors,
        warnings=warnings,
    )


def percent_spent(spent: Decimal, received: Decimal | None) -> Decimal | None:
    if not received:  # None or zero: no share to give
        return None
    return (spent * 100 / received).quantize(_CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class QuarterFigure:
    """Where a project stood at the end of one quarter of its fiscal year."""

    quarter: int  # 1..4
    end: date  # the quarter's last day
    report_no: int | None  # the last progress report dated on or before `end`
    progress_percent: Decimal | None  # that report's progress
    budget_used: Decimal  # the budget used by every report dated on or before `end`
    progress_change: Decimal | None  # progress minus the previous quarter's (Q1: minus 0)


@cache
def quarter_ends(fiscal_year: int) -> tuple[date, date, date, date]:
    """The last days of Q1..Q4 of the BE fiscal year (31 Dec, 31 Mar, 30 Jun, 30 Sep)."""
    start, end = fiscal_year_bounds(fiscal_year)
    ends = []
    for months in (3, 6, 9):
        year, month = start.year + (start.month - 1 + months) // 12, (start.month - 1 + months) % 12
        ends.append(date(year, month + 1, 1) - timedelta(days=1))
    return (ends[0], ends[1], ends[2], end)


def quarter_figures(report: Report) -> list[QuarterFigure]:
    """The four quarters of the report's fiscal year; [] when it has none (or one that is
    no calendar's). Undated progress reports are left out (no quarter can hold them)."""
    dated = [
        (r.date, r.no, r.progress_percent, r.budget_used)
        for r in report.progress_reports
        if r.date is not None
    ]
    return _quarter_figures(report.fiscal_year, dated)


def log_quarter_figures(log: ProgressLog) -> list[QuarterFigure]:
    """`quarter_figures` of the report whose progress log `log` is."""
    dated = [(e[1], e[0], e[2], e[3]) for e in log.entries if e[1] is not None]
    return _quarter_figures(log.fiscal_year, dated)


_Dated = tuple[date, int, Decimal | None, Decimal | None]  # date, no, progress %, budget used
_DATE_AND_NO = itemgetter(0, 1)  # as `_recency`: the order progress reports come in


def _quarter_figures(fiscal_year: int | None, dated: list[_Dated]) -> list[QuarterFigure]:
    if fiscal_year is None:
        return []
    try:
        ends = quarter_ends(fiscal_year)
    except (ValueError, OverflowError):
        # a year no calendar holds (year 1, 99999: the interchange takes any number, and
        # the checks name it): no quarter to place a report in, as with no year at all
        return []
    dated.sort(key=_DATE_AND_NO)
    figures: list[QuarterFigure] = []
    previous: Decimal | None = Decimal(0)
    # the reports dated on or before a quarter's end are the first ones of `dated`: one
    # pass, with the budget they used summed as they come (in the same order as ever)
    taken, last, used = 0, None, Decimal(0)
    for quarter, end in enumerate(ends, start=1):
        while taken < len(dated) and dated[taken][0] <= end:
            last = dated[taken]
            used += last[3] or Decimal(0)
            taken += 1
        progress = last[2] if last else None
        change = None if progress is None or previous is None else progress - previous
        figures.append(
            QuarterFigure(
                quarter=quarter,
                end=end,
                report_no=last[1] if last else None,
                progress_percent=progress,
                budget_used=used,
                progress_change=change,
            )
        )
        previous = progress if progress is not None else previous
    return figures


# one progress report as a collection stores it: (no, date, progress %, budget used, plan
# status, target status, narrative)
LogEntry = tuple[int, date | None, Decimal | None, Decimal | None, str | None, str | None, str]


@dataclass(frozen=True)
class ProgressLog:
    """A report's key and progress log, as a collection stores it (with values only: the
    interchange JSON holds no text typed in place of one). It is all the workbook's
    progress and quarter sheets need of a report, and a collection reads it without the
    rest of the report (`Collected.log`)."""

    project_code: str
    project_name: str
    fiscal_year: int | None
    entries: list[LogEntry]


def progress_log(report: Report) -> ProgressLog:
    """The progress log of a report read from interchange JSON (which has no typed texts)."""
    return ProgressLog(
        report.project_code,
        report.project_name,
        report.fiscal_year,
        [
            (
                r.no,
                r.date,
                r.progress_percent,
                r.budget_used,
                r.plan_status,
                r.target_status,
                r.narrative,
            )
            for r in report.progress_reports
        ],
    )


class Collected:
    """One report of a collection, as every summary output takes it.

    `Collected(report, row, source, source_kind, collected_at)`; or, from a collection,
    `Collected(None, row, ..., load=..., log=...)`: the report is then read on first use
    of `.report` (parsing 5,000 reports' JSON takes seconds, and the window's table and
    filters need the rows only), and `.log` reads its progress log alone.
    """

    __slots__ = (
        "_load",
        "_log",
        "_progress",
        "_report",
        "collected_at",
        "row",
        "source",
        "source_kind",
    )

    def __init__(
        self,
        report: Report | None,
        row: SummaryRow,
        source: str,  # the file it was collected from (as given, for the clerk to find it)
        source_kind: str,  # SOURCE_KINDS: how it was read
        collected_at: str = "",  # ISO timestamp of the collect that added or last updated it
        *,
        load: Callable[[], Report] | None = None,
        log: Callable[[], ProgressLog] | None = None,
    ) -> None:
        if report is None and load is None:
            raise ValueError("Collected needs a report or a way to load it")
        self._report, self._load = report, load
        self._log, self._progress = log, None
        self.row, self.source, self.source_kind = row, source, source_kind
        self.collected_at = collected_at

    @property
    def report(self) -> Report:
        if self._report is None:
            assert self._load is not None
            self._report = self._load()
        return self._report

    @property
    def log(self) -> ProgressLog | None:
        """The progress log read on its own, where the item's source can (a collection's
        stored JSON, in a quarter of the time of the whole report); None when it cannot,
        or the report is read already: then take `.report`."""
        if self._report is not None or self._log is None:
            return None
        if self._progress is None:
            self._progress = self._log()
        return self._progress

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Collected):
            return NotImplemented
        return (self.row, self.source, self.source_kind, self.collected_at) == (
            other.row,
            other.source,
            other.source_kind,
            other.collected_at,
        ) and self.report == other.report

    __hash__ = None  # type: ignore[assignment]  # equal by value, and mutable inside

    def __repr__(self) -> str:
        return (
            f"Collected({self.row.project_code!r}, {self.row.fiscal_year!r},"
            f" source={self.source!r}, source_kind={self.source_kind!r})"
        )


SOURCE_APP_PDF = "pdf"  # a PDF of this app: the attached JSON, exact
SOURCE_JSON = "json"  # an interchange file
SOURCE_PRINTOUT = "printout"  # an official printout's text (PDF or .txt): read, may be wrong
SOURCE_KINDS = (SOURCE_APP_PDF, SOURCE_JSON, SOURCE_PRINTOUT)

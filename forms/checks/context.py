"""What every rule receives (`Context`) and returns (`Finding`s).

The context computes shared views of the report once per check (the list of texts, the
fiscal year's bounds, the budget sums), so each rule stays a small function.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cached_property

from forms.checks.calendar import fiscal_bounds
from forms.checks.paths import TextSpot, text_spots
from forms.checks.problem import Fix
from forms.report import Report


@dataclass(frozen=True)
class Finding:
    path: str
    message: str
    fix: Fix | None = None


class Context:
    def __init__(self, report: Report, today: date) -> None:
        self.report = report
        self.today = today

    @cached_property
    def texts(self) -> list[TextSpot]:
        return text_spots(self.report)

    @cached_property
    def fiscal_bounds(self) -> tuple[date, date] | None:
        return fiscal_bounds(self.report.fiscal_year)

    @cached_property
    def budget_spent(self) -> Decimal:
        """The report's sum of the budget used (`Report.budget_spent`), once per check."""
        return self.report.budget_spent

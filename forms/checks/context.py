"""What every rule receives (`Context`) and returns (`Finding`s).

The context computes shared views of the report once per check (the list of texts, the
fiscal year's bounds, the budget sums), so each rule stays a small function.
"""

from __future__ import annotations

import decimal
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
        """Sum of the budget used; Infinity rather than an exception when enormous."""
        with decimal.localcontext() as ctx:
            ctx.traps[decimal.Overflow] = False
            ctx.traps[decimal.InvalidOperation] = False
            total = Decimal(0)
            for r in self.report.progress_reports:
                if r.budget_used is not None:
                    total += r.budget_used
            return total

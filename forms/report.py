"""The report model: plain dataclasses holding typed values (Decimal money, date dates).

Field names equal the schema keys (`forms.schema.FIELDS`); a test keeps them in step.
Nothing here knows about JSON, SQLite or Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal


@dataclass
class ProgressReport:
    no: int = 1
    date: date | None = None
    narrative: str = ""
    progress_percent: Decimal | None = None
    budget_used: Decimal | None = None
    plan_status: str | None = None  # "on_plan" | "off_plan"
    target_status: str | None = None  # "on_target" | "off_target"


@dataclass
class Report:
    project_name: str = ""
    project_code: str = ""
    fiscal_year: int | None = None
    start_date: date | None = None
    end_date: date | None = None
    budget_received: Decimal | None = None
    agency_office: str = ""
    agency_division: str = ""
    agency_section: str = ""
    responsible_person: str = ""
    coordinator_name: str = ""
    coordinator_phone: str = ""
    rationale: list[str] = field(default_factory=list)
    objectives: list[str] = field(default_factory=list)
    targets_quantity: list[str] = field(default_factory=list)
    targets_quality: list[str] = field(default_factory=list)
    strategic_issue: str = ""
    strategic_sub_issue: str = ""
    strategic_goal: str = ""
    indicator: str = ""
    progress_reports: list[ProgressReport] = field(default_factory=list)
    signer_name: str = ""
    signer_position: str = ""

    @property
    def budget_spent(self) -> Decimal:
        """Sum of the budget used by every progress report; never stored as input."""
        return sum((r.budget_used or Decimal(0) for r in self.progress_reports), Decimal(0))

    @property
    def budget_remaining(self) -> Decimal | None:
        if self.budget_received is None:
            return None
        return self.budget_received - self.budget_spent

    def copy(self) -> Report:
        """A deep copy (lists and progress reports are new objects)."""
        return replace(
            self,
            rationale=list(self.rationale),
            objectives=list(self.objectives),
            targets_quantity=list(self.targets_quantity),
            targets_quality=list(self.targets_quality),
            progress_reports=[replace(r) for r in self.progress_reports],
        )


def renumber(reports: list[ProgressReport]) -> list[ProgressReport]:
    """The reports numbered 1, 2, ... in their order (the log is auto-numbered)."""
    return [replace(r, no=i) for i, r in enumerate(reports, start=1)]

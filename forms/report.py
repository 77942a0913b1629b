"""The report model: plain dataclasses holding typed values (Decimal money, date dates).

Field names equal the schema keys (`forms.schema.FIELDS`); a test keeps them in step. The
one attribute that is not a form field is `typed`: the texts a clerk typed into a date,
year, money or percent box that cannot be read as its value (`31/09/2567`), by field key.
Such a field's value is None and its text is kept there, so the window shows, and the draft
keeps, exactly what was typed, and the checks say why it cannot be read (`unreadable`). It
is the draft's business only: neither the JSON interchange nor the PDF carries it.
Nothing here knows about JSON, SQLite or Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import Any


@dataclass(frozen=True)
class Unreadable:
    """What a field holds instead of a value when its typed text cannot be read as one."""

    text: str


@dataclass
class ProgressReport:
    no: int = 1
    date: date | None = None
    narrative: str = ""
    progress_percent: Decimal | None = None
    budget_used: Decimal | None = None
    plan_status: str | None = None  # "on_plan" | "off_plan"
    target_status: str | None = None  # "on_target" | "off_target"
    typed: dict[str, str] = field(default_factory=dict)  # unreadable texts, by field key


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
    typed: dict[str, str] = field(default_factory=dict)  # unreadable texts, by field key

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
            progress_reports=[replace(r, typed=dict(r.typed)) for r in self.progress_reports],
            typed=dict(self.typed),
        )


def renumber(reports: list[ProgressReport]) -> list[ProgressReport]:
    """The reports numbered 1, 2, ... in their order (the log is auto-numbered)."""
    return [replace(r, no=i) for i, r in enumerate(reports, start=1)]


def entry(item: Report | ProgressReport, key: str) -> Any:
    """What field `key` of `item` shows: its value, or `Unreadable` when text is kept there."""
    text = item.typed.get(key)
    return Unreadable(text) if text is not None else getattr(item, key)


def with_entry(item: ProgressReport, key: str, value: Any) -> ProgressReport:
    """`item` with field `key` set to `value`, which may be `Unreadable(text)`: then the
    value is None and the text is kept in `typed`; a value takes the text away."""
    typed = {k: t for k, t in item.typed.items() if k != key}
    if isinstance(value, Unreadable):
        typed[key] = value.text
        value = None
    return replace(item, **{key: value}, typed=typed)

"""The summary table's filters, shared by the window's "รวมรายงาน" view and
`main.py summary`: pure functions of a `SummaryRow` and today's date.

Filters that are switched on all apply (AND): `--behind-plan --overspent` lists the
projects that are both, as ticking two filters in the window does.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from forms.district.summary import Collected, SummaryRow


@dataclass(frozen=True)
class SummaryFilter:
    behind_plan: bool = False  # the latest progress report is off plan
    off_target: bool = False  # ... off target
    overspent: bool = False  # more spent than received
    silent_days: int | None = None  # no progress report in the last N days (or none dated)
    has_errors: bool = False  # the checks found at least one error

    @property
    def active(self) -> bool:
        return any(
            (
                self.behind_plan,
                self.off_target,
                self.overspent,
                self.silent_days is not None,
                self.has_errors,
            )
        )

    def matches(self, row: SummaryRow, today: date) -> bool:
        if self.behind_plan and not row.behind_plan:
            return False
        if self.off_target and not row.off_target:
            return False
        if self.overspent and not row.overspent:
            return False
        if self.silent_days is not None and not row.silent_for(self.silent_days, today):
            return False
        return not (self.has_errors and row.errors == 0)

    def words(self) -> list[str]:
        """The filters switched on, in Thai, for saying what a list shows."""
        out = []
        if self.behind_plan:
            out.append("ไม่เป็นไปตามแผน")
        if self.off_target:
            out.append("ไม่เป็นไปตามเป้าหมาย")
        if self.overspent:
            out.append("ใช้งบประมาณเกินที่ได้รับ")
        if self.silent_days is not None:
            out.append(f"ไม่มีรายงานความก้าวหน้าเกิน {self.silent_days:,} วัน")
        if self.has_errors:
            out.append("มีข้อผิดพลาด")
        return out


def filter_items(items: Iterable[Collected], flt: SummaryFilter, today: date) -> list[Collected]:
    """The items whose rows pass every filter switched on, in their order."""
    if not flt.active:
        return list(items)
    return [item for item in items if flt.matches(item.row, today)]

"""What the tests of the district's "รวมรายงาน" window share: the reports of a small
district (four schools' reports and one read from a printout's text, fiscal year 2567,
seen on `TODAY`), a collection file holding them (`make_collection`), the window shown
over it (`shown_window`), and reading the table's rows and cells (`names`, `cell`).

Every collection is a real SQLite file made through `storage.collection`."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt

from forms.district.summary import SOURCE_JSON, SOURCE_PRINTOUT
from forms.report import ProgressReport, Report
from storage.collection import Collection
from ui.district_columns import COLUMN
from ui.district_window import DistrictWindow

TODAY = date(2024, 6, 15)  # fiscal year 2567 runs from 1 Oct 2023 to 30 Sep 2024


def report(
    code: str,
    name: str,
    *,
    school: str = "โรงเรียนวัดบางเตย",
    received: str = "100000",
    log: list[tuple[date | None, str, str, str, str]] = (),  # type: ignore[assignment]
    start: date | None = date(2023, 10, 1),
) -> Report:
    """A report of fiscal year 2567; `log` rows are (date, %, budget used, plan, target)."""
    return Report(
        project_name=name,
        project_code=code,
        fiscal_year=2567,
        start_date=start,
        end_date=date(2024, 9, 30),
        budget_received=Decimal(received),
        agency_office="สำนักงานเขตบึงกุ่ม",
        agency_division="ฝ่ายการศึกษา",
        agency_section=school,
        objectives=["เพื่อพัฒนาคุณภาพการศึกษา"],
        progress_reports=[
            ProgressReport(n, when, f"ครั้งที่ {n}", Decimal(pct), Decimal(used), plan, target)
            for n, (when, pct, used, plan, target) in enumerate(log, start=1)
        ],
    )


ON = ("on_plan", "on_target")
REPORTS = {
    # on plan, half spent, reported a month ago
    "A": report(
        "50280000-0001",
        "เกษตรในโรงเรียน",
        received="10000",
        log=[
            (date(2023, 12, 20), "30", "2000", *ON),
            (date(2024, 5, 15), "60", "3000", *ON),
        ],
    ),
    # overspent and behind plan
    "B": report(
        "50280000-0002",
        "กีฬาสีสัมพันธ์",
        school="โรงเรียนคลองกุ่ม",
        received="9000",
        log=[(date(2024, 1, 5), "40", "9500", "off_plan", "on_target")],
    ),
    # off target; its last report is old (30 Dec): silent for more than 90 days
    "C": report(
        "50280000-0003",
        "ขยะรีไซเคิล",
        received="250000",
        log=[(date(2023, 12, 30), "20", "1000", "on_plan", "off_target")],
    ),
    # no progress report, and an error (no start date)
    "D": report("50280000-0004", "อบรมครู 10", received="120000", start=None),
}


def make_collection(path: Path) -> Path:
    """A collection at `path` of the reports A to D and one read from a printout."""
    with Collection.open(path) as collection:
        for key in "ABCD":
            collection.add(REPORTS[key], f"/รายงาน/{key}.json", SOURCE_JSON)
        printout = report("50280000-0005", "อบรมครู 2", log=[(date(2024, 3, 1), "50", "0", *ON)])
        collection.add(printout, "C:\\เขต\\ส่งมา\\printout.txt", SOURCE_PRINTOUT)
    return path


@contextmanager
def shown_window(qtbot, path: Path) -> Iterator[DistrictWindow]:
    """The window over the collection at `path`, shown; closed when the block ends."""
    win = DistrictWindow(Collection.open(path), today=TODAY)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def names(win: DistrictWindow) -> list[str]:
    return [item.row.project_name for item in win.model.shown_items()]


def cell(win: DistrictWindow, name: str, key: str, role=Qt.ItemDataRole.DisplayRole):
    row = names(win).index(name)
    return win.model.index(row, COLUMN[key]).data(role)

"""Benchmark the district's "รวมรายงาน" window: open a collection of 5,000 reports and paint
it (median of N runs, milliseconds); also filtering and sorting the table.

    .venv/bin/python benchmarks/bench_district_window.py [--runs N] [--reports N]

Budget from issue 11: a summary of 5,000 reports in the window <= 0.5 s to first paint.
Measured in a running app (the clerk opens it from the main window's File menu): from
creating the window, which opens the collection file and reads its rows, to the end of
the window's first paint. The collection is built once through `storage.collection`
with generated reports and kept in the temporary folder (`bma-bench-district/`) for the
next run. Exits 1 when the median is over budget.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from forms.report import ProgressReport, Report  # noqa: E402

OFFICES = (
    "สำนักงานเขตบึงกุ่ม",
    "สำนักงานเขตบางกะปิ",
    "สำนักงานเขตลาดกระบัง",
    "สำนักงานเขตหนองจอก",
    "สำนักงานเขตมีนบุรี",
    "สำนักงานเขตคลองสามวา",
    "สำนักงานเขตสะพานสูง",
    "สำนักงานเขตประเวศ",
)
DIVISIONS = ("ฝ่ายการศึกษา", "ฝ่ายพัฒนาชุมชนและสวัสดิการสังคม", "ฝ่ายโยธา", "ฝ่ายสิ่งแวดล้อมและสุขาภิบาล")
SECTIONS = ("", "โรงเรียนวัดบางเตย", "โรงเรียนคลองกุ่ม", "กลุ่มงานส่งเสริมการศึกษา")
TOPICS = (
    "พัฒนาคุณภาพเครือข่ายโรงเรียน",
    "อบรมครูภาษาอังกฤษ",
    "ปรับปรุงห้องสมุดโรงเรียน",
    "เสริมทักษะดิจิทัลให้นักเรียน",
    "อาหารกลางวันโรงเรียน",
    "ส่งเสริมการอ่านเพื่อชุมชน",
    "ป้องกันยาเสพติดในสถานศึกษา",
    "ซ่อมแซมอาคารเรียน",
)
PLAN = ("on_plan", "on_plan", "on_plan", "off_plan")
TARGET = ("on_target", "on_target", "off_target")


def generated_report(i: int, fiscal_year: int = 2567) -> Report:
    """Report number `i` of a district: varied agencies, budgets, progress and statuses
    (about one in seven overspent, one in four behind plan, some with no report yet)."""
    start = date(fiscal_year - 544, 10, 1)
    received = Decimal(20_000 + (i * 7919) % 480_000)
    reports = []
    count = i % 6  # 0..5 progress reports
    for n in range(1, count + 1):
        # a sixth of the budget per report; one project in seven spends half of it at its last
        share = Decimal("0.5") if i % 7 == 3 and n == count else Decimal(1) / Decimal(6)
        used = (received * share).quantize(Decimal("0.01"))
        reports.append(
            ProgressReport(
                no=n,
                date=start + timedelta(days=40 * n + i % 30),
                narrative=f"ดำเนินการครั้งที่ {n} ตามแผนงาน",
                progress_percent=min(Decimal(100), Decimal(17 * n + i % 9)),
                budget_used=used,
                plan_status=PLAN[(i // 2 + n) % len(PLAN)],
                target_status=TARGET[(i // 3 + n) % len(TARGET)],
            )
        )
    return Report(
        project_name=f"{TOPICS[i % len(TOPICS)]} {i + 1}",
        project_code=f"5028{i // 10000:04d}-{i % 10000:04d}",
        fiscal_year=fiscal_year,
        start_date=start,
        end_date=date(fiscal_year - 543, 9, 30),
        budget_received=received,
        agency_office=OFFICES[i % len(OFFICES)],
        agency_division=DIVISIONS[(i // 3) % len(DIVISIONS)],
        agency_section=SECTIONS[(i // 5) % len(SECTIONS)],
        responsible_person="นางสาวสมใจ ใจดี",
        objectives=["เพื่อพัฒนาคุณภาพการศึกษา"],
        progress_reports=reports,
    )


def build_collection(path: Path, count: int) -> Path:
    """A collection of `count` generated reports at `path` (kept when already built)."""
    from storage.collection import Collection

    if path.exists():
        return path
    part = path.with_name(path.name + ".part")
    for leftover in path.parent.glob(part.name + "*"):
        leftover.unlink()
    with Collection.open(part) as collection:
        for i in range(count):
            kind = "printout" if i % 23 == 5 else "pdf"
            errors, warnings = (i % 11 == 4) * (1 + i % 3), i % 4
            collection.add(
                generated_report(i),
                f"รายงาน/{OFFICES[i % len(OFFICES)]}/report-{i + 1}.pdf",
                kind,
                errors=errors,
                warnings=warnings,
            )
    part.rename(path)
    return path


def cached_collection(count: int) -> Path:
    folder = Path(tempfile.gettempdir()) / "bma-bench-district"
    folder.mkdir(exist_ok=True)
    return build_collection(folder / f"district-{count}.db", count)


def open_to_paint_ms(path: Path) -> float:
    """From creating the window (the file opened, its rows read) to its first paint; the
    first call in a process also imports the window's modules, as the menu's first use does."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    painted: list[float] = []

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and obj is window and not painted:
                painted.append(-1.0)  # the end of this paint is noted below
            return False

    app = QApplication.instance()
    watcher = FirstPaint()
    app.installEventFilter(watcher)
    start = time.perf_counter()
    from ui.district_open import open_window

    window = open_window(path)
    assert window is not None
    window.show()
    while not painted:
        app.processEvents()
    # the paint event of the window itself comes first; its children (the table) paint in
    # the same backing-store flush, so wait for that flush to end
    app.processEvents()
    elapsed = (time.perf_counter() - start) * 1000
    app.removeEventFilter(watcher)
    window.close()
    window.deleteLater()
    app.processEvents()
    return elapsed


def filter_and_sort_ms(path: Path, runs: int) -> tuple[list[float], list[float]]:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from ui.district_columns import COLUMN_KEYS
    from ui.district_open import open_window

    window = open_window(path)
    assert window is not None
    window.show()
    QApplication.processEvents()
    typing, sorting = [], []
    for _ in range(runs):
        for text in ("พ", "พัฒ", "พัฒนา", "พัฒนา 12", "บึงกุ่ม", ""):
            start = time.perf_counter()
            window.search.setText(text)
            QApplication.processEvents()
            typing.append((time.perf_counter() - start) * 1000)
        for key in ("name", "spent", "latest_date", "agency"):
            start = time.perf_counter()
            window.view.sortByColumn(COLUMN_KEYS.index(key), Qt.SortOrder.DescendingOrder)
            QApplication.processEvents()
            sorting.append((time.perf_counter() - start) * 1000)
    window.close()
    return typing, sorting


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--reports", type=int, default=5000)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    path = cached_collection(args.reports)
    print(f"collection of {args.reports:,} reports: {path} ({time.perf_counter() - started:.1f} s)")

    import ui.app

    ui.app.application()
    from storage.collection import Collection

    with Collection.open_read_only(path) as collection:
        reads = []
        for _ in range(args.runs):
            start = time.perf_counter()
            collection.items()
            reads.append((time.perf_counter() - start) * 1000)
    print(f"Collection.items(), {args.reports:,} rows: median {statistics.median(reads):.0f} ms")
    cold = open_to_paint_ms(path)
    print(f"first open in the process (the window's modules imported): {cold:.0f} ms")
    figures = [open_to_paint_ms(path) for _ in range(args.runs)]
    med = statistics.median(figures)
    print(
        f"open to first paint, {args.reports:,} reports: median {med:.0f} ms"
        f" (min {min(figures):.0f}, max {max(figures):.0f}) budget 500 ms"
    )
    typing, sorting = filter_and_sort_ms(path, args.runs)
    print(
        f"search keystroke: median {statistics.median(typing):.1f} ms (max {max(typing):.1f});"
        f" sort by a column: median {statistics.median(sorting):.1f} ms (max {max(sorting):.1f})"
    )
    return 0 if med <= 500 else 1


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark the district's Excel and CSV export: `--xlsx` of 5,000 varied reports.

    .venv/bin/python benchmarks/bench_xlsx.py [--runs N] [--reports N] [--no-collection]

Builds `Collected` items from generated reports (fixed seed: 50 district offices, 0 to 12
progress reports each, Thai narratives of 0 to 4 sentences, some overspent, some from
printouts), then times, median (min, max) of N runs in seconds and the median CPU time:
- the summary workbook (`forms.export.summary_xlsx.render`, three sheets) and the summary
  CSV of the reports held in memory, in a warm process;
- end to end, as the district runs it: the same reports added once to a collection in a
  temporary folder (`storage.collection`, untimed), then `main.py summary DISTRICT.db
  --xlsx OUT.xlsx` as a whole process (start, imports, reading the collection and every
  report's JSON, the workbook, the file written).
The machine's load average is printed with the figures (the machine may be shared).
Budget from issue 11: the workbook of 5,000 reports <= 5 s, end to end. Exits 1 when over.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from forms.district.summary import (  # noqa: E402
    SOURCE_APP_PDF,
    SOURCE_JSON,
    SOURCE_PRINTOUT,
    Collected,
    summary_row,
)
from forms.report import ProgressReport, Report  # noqa: E402
from tests.pdf_samples import SENTENCES  # noqa: E402

BUDGET_S = 5.0
OFFICES = [f"สำนักงานเขต{name}" for name in ("บึงกุ่ม", "บางกะปิ", "ลาดพร้าว", "จตุจักร", "ดุสิต")]
OFFICES += [f"สำนักงานเขตที่ {n}" for n in range(6, 51)]
DIVISIONS = ("ฝ่ายการศึกษา", "ฝ่ายโยธา", "ฝ่ายรักษาความสะอาดและสวนสาธารณะ", "ฝ่ายปกครอง")
PROJECTS = (
    "พัฒนาคุณภาพเครือข่ายโรงเรียน",
    "ส่งเสริมการอ่านของนักเรียนระดับประถมศึกษา",
    "ปรับปรุงภูมิทัศน์สวนสาธารณะและลานกีฬา",
    "อบรมครูด้านเทคโนโลยีสารสนเทศเพื่อการศึกษา",
    "=โครงการที่ขึ้นต้นด้วยเครื่องหมายเท่ากับ",
)


def varied_report(rng: random.Random, i: int) -> Report:
    year = rng.choice((2566, 2567))
    start = date(year - 544, 10, 1)
    count = rng.randint(0, 12)
    progress, used = Decimal(0), []
    entries = []
    for no in range(1, count + 1):
        progress = min(Decimal(100), progress + Decimal(rng.randint(0, 2000)) / 100)
        amount = Decimal(rng.randint(0, 5_000_000)) / 100
        used.append(amount)
        sentences = rng.randint(0, 4)
        entries.append(
            ProgressReport(
                no=no,
                date=None if rng.random() < 0.03 else start + timedelta(days=30 * no - 1),
                narrative=" ".join(rng.choice(SENTENCES) for _ in range(sentences)),
                progress_percent=progress,
                budget_used=amount,
                plan_status=rng.choice(("on_plan", "on_plan", "off_plan", None)),
                target_status=rng.choice(("on_target", "on_target", "off_target", None)),
            )
        )
    return Report(
        project_name=f"{rng.choice(PROJECTS)} {i}",
        project_code=f"{50000000 + i:08d}-{rng.randint(0, 9999):04d}",
        fiscal_year=year,
        start_date=start,
        end_date=date(year - 543, 9, 30),
        budget_received=Decimal(rng.randint(1_000_000, 100_000_000)) / 100,
        agency_office=rng.choice(OFFICES),
        agency_division=rng.choice(DIVISIONS),
        agency_section=f"โรงเรียนวัด{rng.choice(('บึงกุ่ม', 'สุทธิวราราม', 'ดอกไม้'))}",
        progress_reports=entries,
    )


def varied_items(count: int, seed: int = 11) -> list[Collected]:
    rng = random.Random(seed)
    items = []
    for i in range(count):
        report = varied_report(rng, i)
        kind = rng.choice((SOURCE_APP_PDF, SOURCE_APP_PDF, SOURCE_JSON, SOURCE_PRINTOUT))
        row = summary_row(report, errors=rng.choice((0, 0, 0, 1, 3)), warnings=rng.randint(0, 4))
        items.append(Collected(report, row, f"รายงาน/{report.project_code}.{kind}", kind))
    return items


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float, float, float]:
    """Median, min and max wall-clock seconds, and the median CPU seconds (on a shared
    machine the wall clock also counts the time other processes had the CPU)."""
    times, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(times), min(times), max(times), statistics.median(cpu)


def fill(db: Path, items: list[Collected]) -> None:
    """A collection holding the items' reports, as `main.py collect` would leave it."""
    from storage.collection import Collection

    with Collection.open(db) as collection:
        for item in items:
            row = item.row
            collection.add(
                item.report, item.source, item.source_kind, errors=row.errors, warnings=row.warnings
            )


def summary_process(db: Path, out: Path) -> Callable[[], object]:
    """`main.py summary DB --xlsx OUT` as a whole process."""
    command = [sys.executable, str(ROOT / "main.py"), "summary", str(db), "--xlsx", str(out)]
    return lambda: subprocess.run(command, capture_output=True, check=True)


def children_cpu() -> float:
    import resource  # POSIX only; the tests import this module for `varied_items`

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_process(fn: Callable[[], object], runs: int) -> tuple[float, float, float, float]:
    """As `timed`, the CPU time being the child processes'."""
    times, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), children_cpu()
        fn()
        times.append(time.perf_counter() - start)
        cpu.append(children_cpu() - start_cpu)
    return statistics.median(times), min(times), max(times), statistics.median(cpu)


def line(name: str, figures: tuple[float, float, float, float], budget: float | None) -> bool:
    med, lo, hi, cpu = figures
    verdict = (
        "" if budget is None else f"  budget {budget:g} s: {'ok' if med <= budget else 'OVER'}"
    )
    print(f"{name}  median {med:.2f} s  (min {lo:.2f}, max {hi:.2f}; CPU {cpu:.2f} s){verdict}")
    return budget is None or med <= budget


def load() -> str:
    return "load average " + ", ".join(f"{n:.2f}" for n in os.getloadavg())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--reports", type=int, default=5000)
    parser.add_argument(
        "--no-collection", action="store_true", help="only the reports held in memory"
    )
    args = parser.parse_args()
    from forms.export import SUMMARY_FORMATS, by_key, render_summary

    items = varied_items(args.reports)
    rows = sum(len(item.report.progress_reports) for item in items)
    today = date(2024, 9, 30)
    xlsx, csv = by_key(SUMMARY_FORMATS, "xlsx"), by_key(SUMMARY_FORMATS, "csv")
    size = len(render_summary(xlsx, items, today))  # warm: modules imported
    print(f"{args.reports:,} reports, {rows:,} progress reports; workbook {size / 1e6:.1f} MB")
    print(load())
    ok = True
    for name, fmt, budget in (("--xlsx", xlsx, BUDGET_S), ("--csv", csv, None)):
        figures = timed(lambda f=fmt: render_summary(f, items, today), args.runs)
        ok &= line(f"{name} of {args.reports:,} reports in memory", figures, budget)
    if not args.no_collection:
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "district.db"
            start = time.perf_counter()
            fill(db, items)
            print(
                f"collection of {args.reports:,} reports built in {time.perf_counter() - start:.0f} s"
            )
            run = summary_process(db, Path(tmp) / "summary.xlsx")
            run()  # warm: the file in the page cache, as after a collect
            figures = timed_process(run, args.runs)
            ok &= line(f"main.py summary --xlsx of {args.reports:,} reports", figures, BUDGET_S)
    print(load())
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

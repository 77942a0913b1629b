"""Benchmark a district's collection: `main.py collect` of 500 app PDFs as a whole process,
and a collection of 5,000 reports read back.

    .venv/bin/python benchmarks/bench_collect.py [--runs N] [--pdfs N] [--reports N] [--compare]

Generates varied reports (fixed seed: 50 district offices, 0 to 12 progress reports with
Thai narratives) and renders each to the app's PDF (untimed, in parallel). Then, median
(min, max) of N runs (3 by default):
- `main.py collect --into fresh.db FOLDER` of the PDFs, whole process (budget from issue 11:
  500 PDFs <= 30 s); `--compare` adds one run with `--workers 0` (each PDF in the import's
  own bounded child process, as `main.py import` reads one);
- a collection of `--reports` reports (5,000): `Collection.items()`, the rows the window's
  table shows first (<= 0.5 s to first paint is the window's budget; this is the
  collection's share), then reading every report's JSON as the Excel export does, and
  `main.py summary` of it as a whole process.
Exits 1 when a budget is over.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from forms.report import ProgressReport, Report  # noqa: E402
from tests.pdf_samples import SENTENCES  # noqa: E402

COLLECT_BUDGET_S = 30.0
ITEMS_BUDGET_S = 0.5
OFFICES = [f"สำนักงานเขตที่ {n}" for n in range(1, 51)]
NAMES = (
    "พัฒนาคุณภาพเครือข่ายโรงเรียน",
    "ส่งเสริมการอ่านของนักเรียนระดับประถมศึกษา",
    "ปรับปรุงภูมิทัศน์สวนสาธารณะและลานกีฬา",
    "อบรมครูด้านเทคโนโลยีสารสนเทศเพื่อการศึกษา",
)


def varied_report(rng: random.Random, i: int, year: int = 2567) -> Report:
    start = date(year - 544, 10, 1)
    progress = Decimal(0)
    entries = []
    for no in range(1, rng.randint(0, 12) + 1):
        progress = min(Decimal(100), progress + Decimal(rng.randint(0, 2000)) / 100)
        entries.append(
            ProgressReport(
                no=no,
                date=start + timedelta(days=30 * no - 1),
                narrative=" ".join(rng.choice(SENTENCES) for _ in range(rng.randint(0, 4))),
                progress_percent=progress,
                budget_used=Decimal(rng.randint(0, 5_000_000)) / 100,
                plan_status=rng.choice(("on_plan", "on_plan", "off_plan")),
                target_status=rng.choice(("on_target", "on_target", "off_target")),
            )
        )
    return Report(
        project_name=f"{rng.choice(NAMES)} {i}",
        project_code=f"{50000000 + i:08d}-{rng.randint(0, 9999):04d}",
        fiscal_year=year,
        start_date=start,
        end_date=date(year - 543, 9, 30),
        budget_received=Decimal(rng.randint(1_000_000, 100_000_000)) / 100,
        agency_office=rng.choice(OFFICES),
        agency_division="ฝ่ายการศึกษา",
        agency_section=f"โรงเรียนที่ {i % 430}",
        rationale=[rng.choice(SENTENCES) for _ in range(rng.randint(1, 3))],
        objectives=[rng.choice(SENTENCES)],
        progress_reports=entries,
    )


def varied_reports(count: int, seed: int = 7) -> list[Report]:
    rng = random.Random(seed)
    return [varied_report(rng, i) for i in range(count)]


def _render(item: tuple[Report, str]) -> None:
    from forms.pdf import render_pdf

    report, target = item
    Path(target).write_bytes(render_pdf(report))


def write_pdfs(folder: Path, reports: list[Report]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    jobs = [(r, str(folder / f"school-{i:04d}.pdf")) for i, r in enumerate(reports)]
    with ProcessPoolExecutor() as pool:
        list(pool.map(_render, jobs, chunksize=10))


def collect_s(folder: Path, db: Path, expected: int, *extra: str) -> float:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "collect", "--into", str(db), *extra, str(folder)],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    elapsed = time.perf_counter() - start
    total = done.stdout.splitlines()[-1] if done.stdout else ""
    if done.returncode != 0 or f"เพิ่ม {expected:,} " not in total:
        raise SystemExit(f"collect failed: {done.stderr or total}")
    return elapsed


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times), max(times)


def line(name: str, figures: tuple[float, float, float], budget: float | None = None) -> bool:
    med, lo, hi = figures
    verdict = (
        "" if budget is None else f"  budget {budget:g} s: {'ok' if med <= budget else 'OVER'}"
    )
    print(f"{name:<58} median {med:6.2f} s  (min {lo:.2f}, max {hi:.2f}){verdict}")
    return budget is None or med <= budget


def fill(db: Path, reports: list[Report]) -> float:
    from storage.collection import Collection

    start = time.perf_counter()
    with Collection.open(db) as collection:
        for i, report in enumerate(reports):
            collection.add(report, f"district/school-{i:04d}.pdf", "pdf", errors=i % 3, warnings=1)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pdfs", type=int, default=500)
    parser.add_argument("--reports", type=int, default=5000)
    parser.add_argument("--compare", action="store_true", help="also one run with --workers 0")
    args = parser.parse_args()
    from storage.collection import Collection

    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pdfs"
        start = time.perf_counter()
        write_pdfs(folder, varied_reports(args.pdfs))
        size = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
        print(
            f"{args.pdfs:,} app PDFs, {size:.1f} MB, rendered in {time.perf_counter() - start:.0f} s"
        )
        dbs = iter(range(1000))
        figures = timed(
            lambda: collect_s(folder, Path(tmp) / f"c{next(dbs)}.db", args.pdfs), args.runs
        )
        ok &= line(f"collect {args.pdfs:,} app PDFs (whole process)", figures, COLLECT_BUDGET_S)
        if args.compare:
            alone = collect_s(folder, Path(tmp) / "alone.db", args.pdfs, "--workers", "0")
            line(f"collect {args.pdfs:,} app PDFs, --workers 0 (one run)", (alone,) * 3)

        db = Path(tmp) / "big.db"
        added = fill(db, varied_reports(args.reports, seed=11))
        print(f"{args.reports:,} reports added one by one in {added:.1f} s")
        with Collection.open_read_only(db) as collection:
            figures = timed(collection.items, args.runs)
            ok &= line(f"Collection.items() of {args.reports:,} reports", figures, ITEMS_BUDGET_S)

            def every_report() -> None:
                for item in collection.items():
                    item.report  # noqa: B018 - read as the Excel export reads it

            line(f"... and every report's JSON read ({args.reports:,})", timed(every_report, 1))
        command = [sys.executable, str(ROOT / "main.py"), "summary", str(db)]
        figures = timed(lambda: subprocess.run(command, capture_output=True, check=True), args.runs)
        line(f"main.py summary of {args.reports:,} reports (whole process)", figures)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark the drafts store: open, save, load, list and search, and `main.py list` as a
whole process.

    .venv/bin/python benchmarks/bench_storage.py [--runs N] [--drafts N] [--big N]

Prints the median (and min/max) of N runs in milliseconds, on a fresh database in a
temporary folder holding `--drafts` copies of the sample report (500 by default) and, for
the figures the README quotes, one holding `--big` drafts (5,000). Budgets from issue 2:
autosave of the full sample <= 20 ms; `list` with 5,000 drafts <= 0.3 s as a whole process;
the drafts panel filtering 5,000 drafts <= 50 ms per keystroke (here: `search` alone, the
panel's model adds its own time). Exits 1 when a median is over its budget.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from forms.interchange import loads  # noqa: E402
from forms.report import Report  # noqa: E402
from storage.drafts import DraftStore  # noqa: E402

SAMPLE = ROOT / "tests" / "data" / "sample_report.json"


def median_ms(fn: Callable[[], object], runs: int) -> tuple[float, float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times), max(times)


def fill(db: Path, report: Report, count: int) -> int:
    """`count` drafts with different names and years; returns the last id."""
    with DraftStore.open(db) as store:
        draft_id = 0
        for i in range(count):
            item = report.copy()
            item.project_name = f"{report.project_name} {i}"
            item.fiscal_year = 2560 + i % 10
            draft_id = store.create(item)
    return draft_id


def line(name: str, figures: tuple[float, float, float], budget: float | None = None) -> bool:
    med, lo, hi = figures
    verdict = ""
    if budget is not None:
        verdict = f"  budget {budget:g} ms: {'ok' if med <= budget else 'OVER'}"
    print(f"{name:<44} median {med:8.2f} ms  (min {lo:.2f}, max {hi:.2f}){verdict}")
    return budget is None or med <= budget


def bench_store(db: Path, report: Report, drafts: int, runs: int) -> bool:
    draft_id = fill(db, report, drafts)
    ok = line(f"open ({drafts} drafts)", median_ms(lambda: DraftStore.open(db).close(), runs))
    with DraftStore.open(db) as store:
        ok &= line(
            "save (full sample, one transaction)",
            median_ms(lambda: store.save(draft_id, report), runs),
            20,
        )
        ok &= line("load (full sample)", median_ms(lambda: store.load(draft_id), runs))
        ok &= line(f"list ({drafts} drafts)", median_ms(store.list, runs))
        ok &= line(
            f"search 'เครือข่าย' ({drafts} drafts)", median_ms(lambda: store.search("เครือข่าย"), runs)
        )
        ok &= line(
            "duplicate_next_year", median_ms(lambda: store.duplicate_next_year(draft_id), runs)
        )
    return ok


def bench_big(db: Path, report: Report, drafts: int, runs: int) -> bool:
    fill(db, report, drafts)
    with DraftStore.open(db) as store:
        ok = line(f"list ({drafts} drafts)", median_ms(store.list, runs))
        for word in ("พ", "พัฒ", "พัฒนา", "2566", "บึงกุ่ม 25", "ไม่มีคำนี้"):
            figures = median_ms(lambda w=word: store.search(w), runs)
            ok &= line(f"search {word!r} ({drafts} drafts)", figures, 50)
    command = [sys.executable, str(ROOT / "main.py"), "--db", str(db), "list"]

    def whole_process() -> None:
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)

    ok &= line(f"`main.py list` process ({drafts} drafts)", median_ms(whole_process, runs), 300)
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--drafts", type=int, default=500)
    parser.add_argument("--big", type=int, default=5000)
    args = parser.parse_args()
    report = loads(SAMPLE.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        ok = bench_store(Path(folder) / "drafts.db", report, args.drafts, args.runs)
        ok &= bench_big(Path(folder) / "big.db", report, args.big, args.runs)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

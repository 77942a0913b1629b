"""Benchmark: checking the sample report must take <= 5 ms (median), so the window can check
on every pause in typing.

    .venv/bin/python benchmarks/bench_checks.py [--runs N]

Prints the median and other percentiles in milliseconds; exits 1 when the median is over
the budget. The first call (loading the misspellings file, compiling nothing else) is
timed separately: the budget is for the calls after it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from forms.checks import check_report  # noqa: E402
from forms.interchange import loads  # noqa: E402

BUDGET_MS = 5.0
SAMPLE = ROOT / "tests" / "data" / "sample_report.json"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2000)
    args = parser.parse_args()

    report = loads(SAMPLE.read_text(encoding="utf-8"))
    today = date(2026, 11, 24)

    start = time.perf_counter()
    problems = check_report(report, today=today)
    first_ms = (time.perf_counter() - start) * 1000

    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        check_report(report, today=today)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    median = statistics.median(times)
    p95 = times[int(len(times) * 0.95) - 1]
    print(f"check_report(sample): {len(problems)} problems, {args.runs} runs")
    print(f"first call {first_ms:.3f} ms (loads the misspellings file)")
    print(
        f"median {median:.3f} ms  p95 {p95:.3f} ms  min {times[0]:.3f} ms  max {times[-1]:.3f} ms"
    )
    verdict = "OK" if median <= BUDGET_MS else "OVER BUDGET"
    print(f"budget {BUDGET_MS:.1f} ms median: {verdict}")
    return 0 if median <= BUDGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark the PDF export: the sample, the long report and a 200-report log in a warm
process, a whole cold process exporting the sample, and the sample PDF's size.

    .venv/bin/python benchmarks/bench_pdf.py [--runs N]

Prints the median (and min/max) of N runs (5 by default) in milliseconds. Budgets from
issue 3: the sample <= 40 ms warm; a 200-report log <= 1 s warm; a cold process exporting
the sample <= 0.5 s; the sample PDF <= 100 KB. `main.py export FILE.json --pdf OUT` is used
for the cold process when main.py offers it, else an equivalent `python -c`. Exits 1 when
a figure is over its budget.

The cold process is timed as an installed app runs: with its modules' bytecode cached
(after one untimed run, in a temporary `PYTHONPYCACHEPREFIX`, so the checkout is not
written to). When the environment sets PYTHONDONTWRITEBYTECODE, as these sessions do, the
app's own modules are compiled again on every run (about 50 ms here); that figure is
printed too, for information, without a budget.
"""

from __future__ import annotations

import argparse
import os
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
from forms.pdf import render_pdf  # noqa: E402
from tests.pdf_samples import long_report  # noqa: E402

SAMPLE = ROOT / "tests" / "data" / "sample_report.json"
COLD = (
    "import sys; sys.path.insert(0, {root!r}); from pathlib import Path;"
    "from forms.interchange import loads; from forms.pdf import write_pdf;"
    "write_pdf(loads(Path({src!r}).read_text(encoding='utf-8')), Path({out!r}))"
)


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times), max(times)


def cold_command(out: Path) -> list[str]:
    """`main.py export SAMPLE --pdf OUT` if it works here, else the same in `python -c`."""
    cli = [sys.executable, str(ROOT / "main.py"), "export", str(SAMPLE), "--pdf", str(out)]
    if (ROOT / "main.py").exists() and subprocess.run(cli, capture_output=True).returncode == 0:
        return cli
    return [sys.executable, "-c", COLD.format(root=str(ROOT), src=str(SAMPLE), out=str(out))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sample = loads(SAMPLE.read_text(encoding="utf-8"))
    long60, long200 = long_report(60, 20), long_report(200, 20)
    render_pdf(sample)  # warm: fonts loaded, caches filled as in a running app
    rows: list[tuple[str, tuple[float, float, float], float]] = [
        ("sample report, warm", timed(lambda: render_pdf(sample), args.runs), 40.0),
        ("long report (60 reports), warm", timed(lambda: render_pdf(long60), args.runs), 1000.0),
        ("200-report log, warm", timed(lambda: render_pdf(long200), args.runs), 1000.0),
    ]
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "out.pdf"
        cmd = cold_command(out)
        label = "cold process: " + (
            "main.py export" if "main.py" in cmd[1] else "python -c write_pdf"
        )
        cached = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        cached["PYTHONPYCACHEPREFIX"] = str(Path(folder) / "pycache")
        subprocess.run(cmd, check=True, capture_output=True, env=cached)  # writes the bytecode

        def cold(env: dict[str, str] | None = None) -> Callable[[], None]:
            return lambda: subprocess.run(cmd, check=True, capture_output=True, env=env)

        rows.append((f"{label}, bytecode cached", timed(cold(cached), args.runs), 500.0))
        if os.environ.get("PYTHONDONTWRITEBYTECODE"):
            info = (f"{label}, app compiled each run", timed(cold(), args.runs), float("inf"))
            rows.append(info)
        size_kb = len(render_pdf(sample)) / 1024
    over = False
    for name, (med, lo, hi), budget in rows:
        flag = "" if med <= budget else "  OVER BUDGET"
        over |= bool(flag)
        limit = f"budget {budget:.0f}" if budget != float("inf") else "no budget"
        print(f"{name:50s} median {med:7.1f} ms  (min {lo:7.1f}, max {hi:7.1f}; {limit}){flag}")
    flag = "" if size_kb <= 100 else "  OVER BUDGET"
    print(f"{'sample PDF size':50s} {size_kb:7.1f} KB  (budget 100){flag}")
    return 1 if over or flag else 0


if __name__ == "__main__":
    sys.exit(main())

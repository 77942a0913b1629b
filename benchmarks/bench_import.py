"""Benchmark `main.py import` as a whole process: the sample printout text, and a 3-page PDF
(this app's export of the sample, read through its attached JSON, and the same pages
without the attachment, read through their text as an official printout is).

    .venv/bin/python benchmarks/bench_import.py [--runs N]

Budget from issue 5: each <= 0.5 s as a whole CLI process (median of N runs, 5 by default).
Each run imports into a fresh database. Exits 1 when a median is over budget.
"""

from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from forms.interchange import loads  # noqa: E402
from forms.pdf import render_pdf  # noqa: E402

SAMPLE_TEXT = ROOT.parent / "shared" / "reference" / "progress-report-printout-sample.txt"
SAMPLE_JSON = ROOT / "tests" / "data" / "sample_report.json"


def without_attachment(pdf: bytes) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def import_ms(path: Path, folder: Path, run: int) -> float:
    db = folder / f"bench-{path.stem}-{run}.db"
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", str(db), "import", str(path)],
        capture_output=True,
        text=True,
    )
    elapsed = (time.perf_counter() - start) * 1000
    if done.returncode != 0 or not done.stdout.strip().isdigit():
        raise SystemExit(f"import of {path.name} failed: {done.stderr}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        app_pdf = render_pdf(loads(SAMPLE_JSON.read_text(encoding="utf-8")))
        (folder / "app-export.pdf").write_bytes(app_pdf)
        (folder / "printout.pdf").write_bytes(without_attachment(app_pdf))
        cases = {
            "sample printout text (.txt)": SAMPLE_TEXT,
            "3-page PDF exported by the app": folder / "app-export.pdf",
            "3-page PDF, text only (no attachment)": folder / "printout.pdf",
        }
        for name, path in cases.items():
            import_ms(path, folder, -1)  # untimed: warms the OS file cache
            times = [import_ms(path, folder, run) for run in range(args.runs)]
            med = statistics.median(times)
            ok &= med <= 500
            print(
                f"{name:<40} median {med:6.0f} ms  (min {min(times):.0f}, max {max(times):.0f};"
                f" budget 500)"
            )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

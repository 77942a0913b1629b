"""Hostile and damaged files given to `main.py import`: each is imported or refused cleanly,
within time and memory bounds.

    .venv/bin/python stress/fuzz_imports.py [--cases 300] [--seed 1]

Mutates the sample report's JSON, the printout text of ../shared/reference and the app's
own PDF of the sample (byte flips, cuts, repeated and inserted chunks, huge numbers, deep
nesting, control characters), writes each to a file and runs `main.py --db NEW import FILE`
in its own process. A case passes when the process either imports (exit 0, an id on stdout)
or refuses with one Thai line on stderr and exit 2 leaving no database behind, in at most
15 s and 500 MB. An "unexpected error" line is a bug and counts as a failure. Prints the
counts, the slowest case and the peak memory; exits 1 on any failure.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TIME_LIMIT_S = 15
MEMORY_LIMIT_MB = 500
UNEXPECTED = "เกิดข้อผิดพลาดที่ไม่คาดคิด"


def seeds() -> list[tuple[str, bytes]]:
    from forms.interchange import loads
    from forms.pdf import render_pdf

    sample = (ROOT / "tests" / "data" / "sample_report.json").read_bytes()
    printout = (
        ROOT.parent / "shared" / "reference" / "progress-report-printout-sample.txt"
    ).read_bytes()
    return [
        (".json", sample),
        (".txt", printout),
        (".pdf", render_pdf(loads(sample.decode("utf-8")))),
    ]


def mutate(data: bytes, suffix: str, rng: random.Random) -> bytes:
    data = bytearray(data)
    how = rng.choice(["flip", "cut", "repeat", "insert", "number", "nest", "control"])
    if how == "flip":
        for _ in range(rng.randint(1, 40)):
            data[rng.randrange(len(data))] = rng.randrange(256)
    elif how == "cut":
        data = data[: rng.randrange(len(data))]
    elif how == "repeat":
        start = rng.randrange(len(data))
        chunk = data[start : start + rng.randint(1, 4000)]
        data[start:start] = chunk * rng.randint(2, 200)
    elif how == "insert":
        at = rng.randrange(len(data))
        data[at:at] = rng.choice(
            [b"\x00" * 50, "๑๒๓ก่อน".encode() * 30, os.urandom(200), b"%PDF-1.7\n"]
        )
    elif how == "number" and suffix == ".json":
        text = data.decode("utf-8", errors="replace")
        data = bytearray(
            text.replace("180000", rng.choice(["1e999999999", "-1e400", "9" * 5000])).encode()
        )
    elif how == "nest" and suffix == ".json":
        depth = rng.choice([50, 5000, 100000])
        data = bytearray(b'{"rationale": ' + b"[" * depth + b"]" * depth + b"}")
    else:
        at = rng.randrange(len(data))
        data[at:at] = rng.choice(["\u2028", "\x1b[2J", "\ufeff", "\ud7ff"]).encode(
            "utf-8", "surrogatepass"
        )
    return bytes(data)


def run_case(path: Path, db: Path) -> tuple[str, float, float, str]:
    """(outcome, seconds, peak MB, detail)."""
    started = time.monotonic()
    child = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "--db", str(db), "import", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        out, err = child.communicate(timeout=TIME_LIMIT_S)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        return "timeout", TIME_LIMIT_S, 0.0, path.name
    seconds = time.monotonic() - started
    # the peak of the finished child (and of any PDF worker it started)
    import resource

    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    stderr = err.decode("utf-8", errors="replace")
    if child.returncode == 0 and out.strip().isdigit():
        return "imported", seconds, peak_mb, ""
    lines = [line for line in stderr.splitlines() if line.strip()]
    clean = (
        child.returncode == 2
        and len(lines) == 1
        and UNEXPECTED not in stderr
        and "Traceback" not in stderr
        and not db.exists()
    )
    return ("refused" if clean else "failed"), seconds, peak_mb, stderr.strip()[:300]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    counts = {"imported": 0, "refused": 0, "failed": 0, "timeout": 0}
    slowest, failures = (0.0, ""), []
    with tempfile.TemporaryDirectory() as folder:
        base = seeds()
        for n in range(args.cases):
            suffix, data = base[n % len(base)]
            path = Path(folder) / f"case{n}{suffix}"
            path.write_bytes(mutate(data, suffix, rng))
            db = Path(folder) / f"db{n}" / "drafts.db"
            outcome, seconds, _peak, detail = run_case(path, db)
            counts[outcome] += 1
            slowest = max(slowest, (seconds, path.name))
            if outcome in ("failed", "timeout"):
                failures.append(f"{path.name}: {outcome}: {detail}")
            path.unlink()
    import resource

    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    bad = counts["failed"] + counts["timeout"]
    print(
        f"fuzzed imports: {args.cases} cases — imported {counts['imported']},"
        f" refused cleanly {counts['refused']}, failed {counts['failed']},"
        f" over {TIME_LIMIT_S} s {counts['timeout']}; slowest {slowest[0]:.1f} s ({slowest[1]}),"
        f" peak memory of one import {peak:.0f} MB (limit {MEMORY_LIMIT_MB})"
    )
    for line in failures[:20]:
        print("  " + line)
    return 1 if bad or peak > MEMORY_LIMIT_MB else 0


if __name__ == "__main__":
    sys.exit(main())

"""kill -9 during saves, with command-line runs on the same database: is any save lost, is the
database ever damaged?

    .venv/bin/python stress/kill_during_saves.py [--runs 100] [--seed 1]

Each run starts a child that opens two stores on one database (as the window and its
autosave worker do) and saves a draft again and again through both, printing the number of
each save once its transaction has committed. Meanwhile `main.py list` and `export` run
against the database; a random 0.2–1.5 s after its first save the child is killed with SIGKILL. Then the
database must pass `PRAGMA integrity_check`, and the stored draft must hold the last number
the child reported (or a later one: the kill may land between the commit and the print).
Prints the counts; exits 1 when a database was damaged or a save lost.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from stress.after_kill import last_draft_name  # noqa: E402

CHILD = r"""
import sys
sys.path.insert(0, {root!r})
from forms.report import Report
from storage.drafts import DraftStore
window = DraftStore.open({db!r})
worker = DraftStore.open({db!r})
draft = window.create(Report(project_name="0"))
n = 0
while True:
    n += 1
    (worker if n % 2 else window).save(draft, Report(project_name=str(n), rationale=["ก" * 2000]))
    print(n, flush=True)
"""


def one_run(db: Path, rng: random.Random) -> tuple[bool, bool]:
    """(damaged, lost) for one killed child."""
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD.format(root=str(ROOT), db=str(db))],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    first = child.stdout.readline()  # the kill comes while saves are under way
    deadline = time.monotonic() + rng.uniform(0.2, 1.5)
    cli_runs = [["list"], ["export", "1", "--json", str(db.with_name("out.json"))]]
    while time.monotonic() < deadline:
        subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "--db", str(db), *rng.choice(cli_runs)],
            capture_output=True,
        )
    os.kill(child.pid, signal.SIGKILL)
    out, _ = child.communicate()
    reported = [int(line) for line in (first + out).split()]
    last = reported[-1] if reported else 0
    damaged, name = last_draft_name(db)  # the child makes one draft
    stored = int(name) if name and name.isdigit() else -1
    return damaged, stored < last


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    damaged = lost = 0
    started = time.monotonic()
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as folder:
            bad, gone = one_run(Path(folder) / "drafts.db", rng)
            damaged += bad
            lost += gone
    seconds = time.monotonic() - started
    print(
        f"kill -9 during saves (with list/export running): {args.runs} runs in {seconds:.0f} s,"
        f" databases damaged {damaged}, runs with a reported save lost {lost}"
    )
    return 1 if damaged or lost else 0


if __name__ == "__main__":
    sys.exit(main())

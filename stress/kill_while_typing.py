"""kill -9 while the clerk types in the window: what was typed more than 2 s before the kill
is in the database, the database is never damaged, and what it holds is what was typed.

    .venv/bin/python stress/kill_while_typing.py [--runs 20] [--seed 1]

Needs Xvfb and xdotool (Debian: xvfb xdotool). Each run starts `main.py` on a fresh database
on a virtual screen, presses Ctrl+N (a new draft, the project name box focused) and types
letters one xdotool call at a time, noting when each key was sent; after a random 2–8 s the
window is killed with SIGKILL. Then the database must pass `PRAGMA integrity_check`, the
draft's name must be a prefix of the typed letters, and it must hold every letter sent more
than 2.5 s before the kill (the autosave promises 2 s; 0.5 s for a loaded machine). Exits 1
when a run damaged the database or lost such a letter.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import string
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from stress.after_kill import last_draft_name  # noqa: E402

PROMISE_S = 2.5
PACE_S = 0.08  # between keys: a brisk typist, about 12 letters a second


def xdotool(display: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["xdotool", *args], env={**os.environ, "DISPLAY": display}, capture_output=True, text=True
    )


def one_run(display: str, folder: Path, rng: random.Random) -> tuple[bool, int, int, int]:
    """(damaged, letters lost beyond the promise, letters promised, letters sent)."""
    db = folder / "drafts.db"
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    window = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "--db", str(db)],
        env={**env, "DISPLAY": display},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        found = subprocess.run(
            [
                "timeout",
                "60",
                "xdotool",
                "search",
                "--sync",
                "--onlyvisible",
                "--name",
                "แบบรายงานโครงการ",
            ],
            env={**os.environ, "DISPLAY": display},
            capture_output=True,
            text=True,
        )
        wid = found.stdout.split()[0]
        xdotool(display, "windowfocus", "--sync", wid)
        xdotool(display, "key", "--window", wid, "ctrl+n")
        time.sleep(1.0)  # the new draft's form is built (nothing to wait on from outside)
        letters = "".join(rng.choice(string.ascii_lowercase) for _ in range(400))
        sent: list[float] = []
        kill_at = time.monotonic() + rng.uniform(2.0, 8.0)
        for letter in letters:
            if time.monotonic() >= kill_at:
                break
            xdotool(display, "type", "--delay", "0", letter)
            sent.append(time.monotonic())
            time.sleep(PACE_S)
        killed = time.monotonic()
    finally:
        os.kill(window.pid, signal.SIGKILL)
        window.wait()
    damaged, name = last_draft_name(db)
    saved = name or ""
    promised = sum(1 for t in sent if t <= killed - PROMISE_S)
    typed = letters[: len(sent)]
    if not typed.startswith(saved):
        return True, len(sent), promised, len(sent)  # not what was typed: as bad as damage
    return damaged, max(0, promised - len(saved)), promised, len(sent)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    for n in range(90, 140):
        if not Path(f"/tmp/.X11-unix/X{n}").exists():
            break
    display = f":{n}"
    screen = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    damaged = lost_runs = lost_letters = letters = promised_letters = 0
    try:
        time.sleep(1)  # the X server starts
        for _ in range(args.runs):
            with tempfile.TemporaryDirectory() as folder:
                bad, lost, promised, sent = one_run(display, Path(folder), rng)
            damaged += bad
            lost_runs += lost > 0
            lost_letters += lost
            letters += sent
            promised_letters += promised
    finally:
        screen.terminate()
    print(
        f"kill -9 while typing: {args.runs} runs, {letters} letters typed"
        f" ({promised_letters} of them over {PROMISE_S} s before the kill); databases damaged"
        f" {damaged}, runs losing a letter typed over {PROMISE_S} s before the kill {lost_runs}"
        f" ({lost_letters} letters)"
    )
    return 1 if damaged or lost_runs else 0


if __name__ == "__main__":
    sys.exit(main())

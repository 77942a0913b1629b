"""The district's "รวมรายงาน" window as a school PC shows it, with a collection of 40
generated reports (two read from a printout's text): 1366×768 at 100 % and 150 %, the
client area of a maximised window under Windows' taskbar and title bar.

    .venv/bin/python docs/screenshots/render_district.py [--out /tmp/district] [--report]

Each scale runs in its own process (Qt's scale factor is fixed at start) on the offscreen
platform; it saves `<out>-<percent>.png` (and with `--report`, the read-only view of the
first report that has problems as `<out>-<percent>-report.png`), and prints what would
hide something from the clerk: a window that needs more room than the screen has, a
table that scrolls sideways, or a column header cut short. Exit 1 when there is any.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TASKBAR, TITLE_BAR = 40, 31  # Windows 10/11 at 100 %; both grow with the scale

CHILD = r"""
import sys
from datetime import date
from pathlib import Path
root, out, width, height, folder, with_report = sys.argv[1:7]
sys.path.insert(0, root)
from benchmarks.bench_district_window import build_collection
from ui.app import application
from ui.district_open import open_window
app = application()
path = build_collection(Path(folder) / "district-2567.db", 40)
window = open_window(path)
window.setWindowState(window.windowState() & ~window.windowState().WindowMaximized)
window.resize(int(width), int(height))
window.model.set_today(date(2024, 6, 15))
window.show()
for _ in range(3):
    app.processEvents()
window.view.selectRow(2)
window.grab().save(f"{out}.png")
found = []
need = window.minimumSizeHint()
if need.width() > int(width) or need.height() > int(height):
    found.append(f"the window needs {need.width()}x{need.height()}")
if window.view.horizontalScrollBar().maximum() > 0:
    found.append("the table scrolls sideways")
header = window.view.horizontalHeader()
for column in range(window.model.columnCount()):
    if header.isSectionHidden(column):
        continue
    title = window.model.headerData(column, header.orientation())
    lines = str(title).split("\n")
    wide = max(header.fontMetrics().horizontalAdvance(t) for t in lines)
    if header.sectionSize(column) < wide + 8:
        found.append(f"column {title!r} is {header.sectionSize(column)} px, its title {wide} px")
if with_report == "1":
    row = next(r for r in range(window.model.rowCount()) if window.model.item_at(r).row.errors)
    view = window.open_row(row)
    view.resize(int(width) - 80, int(height) - 60)
    view.tabs.setCurrentIndex(3)
    for _ in range(3):
        app.processEvents()
    view.grab().save(f"{out}-report.png")
    view.tabs.setCurrentIndex(2)
    for _ in range(3):
        app.processEvents()
    view.grab().save(f"{out}-quarters.png")
print("\n".join(found))
window.close()
"""


def render(out: Path, percent: int, folder: str, with_report: bool) -> list[str]:
    scale = percent / 100
    width = int(1366 / scale)
    height = int((768 - TASKBAR * scale - TITLE_BAR * scale) / scale)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR=str(scale))
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            CHILD,
            str(ROOT),
            f"{out}-{percent}",
            str(width),
            str(height),
            folder,
            "1" if with_report else "0",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    return [line for line in done.stdout.splitlines() if line.strip()]


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "district")
    parser.add_argument("--report", action="store_true")
    args = parser.parse_args()
    bad = False
    with tempfile.TemporaryDirectory() as folder:
        for percent in (100, 150):
            found = render(args.out, percent, folder, args.report)
            print(f"{percent} %: {args.out}-{percent}.png" + ("".join(f"\n  {f}" for f in found)))
            bad |= bool(found)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

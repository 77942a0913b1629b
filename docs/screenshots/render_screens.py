"""Every tab of the window as a school PC shows it: 1366×768 at 100 %, 125 % and 150 %, and
1280×720 at 100 %, each with Windows' taskbar and title bar taken off the screen.

    .venv/bin/python docs/screenshots/render_screens.py [--out docs/screenshots/screens]

Each size runs in its own process (Qt's scale factor is fixed at start) on the offscreen
platform, opens the sample report in a demo database under a temporary folder, sizes the
window to the client area of a maximised window and saves one PNG per tab, named
`1366x768-150-tab3.png`. It prints, per size, what would hide a control from a clerk: a
window whose layout needs more room than the screen gives (a control off screen), and a
horizontal scroll bar in the progress table. Exit 1 when there is any.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCREENS = [(1366, 768, 100), (1366, 768, 125), (1366, 768, 150), (1280, 720, 100)]
# Windows 10/11 at 100 %: a 40 px taskbar and a 31 px title bar; both grow with the scale
TASKBAR, TITLE_BAR = 40, 31

CHILD = r"""
import json, os, sys
from pathlib import Path
root, out, width, height, percent, folder = sys.argv[1:7]
sys.path.insert(0, root)
from ui.app import application
from ui.main_window import MainWindow
from storage.drafts import DraftStore
from forms.interchange import loads
app = application()
db = Path(folder) / "drafts.db"
store = DraftStore.open(db)
store.create(loads((Path(root) / "tests" / "data" / "sample_report.json").read_text("utf-8")))
from PySide6.QtCore import Qt
window = MainWindow(store, db)
window.setWindowState(Qt.WindowState.WindowNoState)  # the client area of a maximised window
window.resize(int(width), int(height))
window.show()
app.processEvents()
window.form.build_all()
found = []
for index in range(window.form.count()):
    window.form.setCurrentIndex(index)
    for _ in range(3):
        app.processEvents()
    name = f"{out}-tab{index + 1}.png"
    window.grab().save(name)
    need = window.minimumSizeHint()
    if need.height() > int(height) or need.width() > int(width):
        found.append(f"tab {index + 1}: the window needs {need.width()}x{need.height()}")
    table = window.form.editors["progress_reports"].table
    if index == window.form.count() - 2 and table.horizontalScrollBar().isVisible():
        found.append(f"tab {index + 1}: the progress table scrolls sideways")
print(json.dumps(found))
window.finish()
store.close()
"""


def render(out: Path, width: int, height: int, percent: int) -> list[str]:
    scale = percent / 100
    client_w = round(width / scale)
    client_h = round((height - (TASKBAR + TITLE_BAR) * scale) / scale)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "QT_SCALE_FACTOR": f"{scale:g}",
        "XDG_CONFIG_HOME": "",
    }
    with tempfile.TemporaryDirectory() as folder:
        env["XDG_CONFIG_HOME"] = folder  # the window's remembered settings stay out
        run = subprocess.run(
            [
                sys.executable,
                "-c",
                CHILD,
                str(ROOT),
                str(out / f"{width}x{height}-{percent}"),
                str(client_w),
                str(client_h),
                str(percent),
                folder,
            ],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    if run.returncode != 0:
        raise SystemExit(run.stderr)
    return json.loads(run.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots" / "screens")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    problems = 0
    for width, height, percent in SCREENS:
        found = render(args.out, width, height, percent)
        problems += len(found)
        print(f"{width}x{height} at {percent} %: {'ok' if not found else '; '.join(found)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark typing that never lags (issue 10): the cost of one keystroke in the window,
what showing the problems after a pause costs, the first search keystroke after an
autosave, and the window's start when the database is not in the OS cache.

    .venv/bin/python benchmarks/bench_typing.py [--runs N] [--keys N] [--reports 10,60,300,1000]
                                                 [--drafts N] [--only typing,search,start]

- **Keystrokes** (offscreen, a 1366 x 768 window): `--keys` keys typed `--runs` times in
  the selected progress report's narrative, a rationale paragraph, the project name and a
  money cell (the selected report's budget used), with 10, 60, 300 and 1,000 progress
  reports. A keystroke is the key event and everything it sets off until the event loop is
  idle again (layout and painting included). The schema allows 240 reports; 300 and 1,000
  are stored directly (`DraftStore.create` does not apply the JSON import's limit) and the
  window opens them. Every report's narrative holds one misspelling, so the problems panel
  lists about as many problems as there are reports.
- **Problems after a pause**: the checker's run (the check, the panel, the marks on the
  tabs and the cells) and the painting after it.
- **First search keystroke after an autosave**, 5,000 drafts: a letter typed in the open
  draft's name, the autosave done, then the first letter typed in the search box.
- **Window start, 5,000 drafts, database evicted from the OS cache** (fsync, then
  `posix_fadvise(DONTNEED)` on the database and its -wal): process start to the window
  painted, as `bench_gui.py` measures it.

Budgets (median on the 2-core development machine, unless said): a keystroke <= 16 ms
median and <= 33 ms p95 at 300 reports, <= 16 ms p95 at 10 and 60; problems shown <= 50 ms
at 300 reports; the first search keystroke <= 30 ms; the start <= 1.0 s. 1,000 reports is
measured without a budget (four times the schema's limit). Exits 1 when a figure is over.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_gui import start_to_paint_ms  # noqa: E402
from benchmarks.bench_storage import SAMPLE, fill  # noqa: E402
from forms.interchange import loads  # noqa: E402
from forms.report import ProgressReport, Report  # noqa: E402

SENTENCE = "จัดประชุมเชิงปฏิบัติการพัฒนาคูณภาพการศึกษาของโรงเรียนในสังกัด ครั้งที่ 2/2566 "
TYPED = "ผลการดำเนินงานเป็นไปตามแผน "
# (median budget, p95 budget) in ms per keystroke, by number of progress reports
KEY_BUDGETS: dict[int, tuple[float | None, float | None]] = {
    10: (None, 16),
    60: (None, 16),
    300: (16, 33),
}
PROBLEMS_BUDGET_MS = {300: 50.0}
SEARCH_BUDGET_MS = 30.0
START_BUDGET_MS = 1000.0


def with_reports(count: int) -> Report:
    """The sample report with `count` progress reports, each narrative misspelled once."""
    report = loads(SAMPLE.read_text(encoding="utf-8"))
    report.progress_reports = [
        ProgressReport(
            no=n,
            date=date(2022, 10, 1) + timedelta(days=n),
            narrative=SENTENCE * 3,
            progress_percent=Decimal(min(100, n * 100 // count)),
            budget_used=Decimal(500),
            plan_status="on_plan",
            target_status="on_target",
        )
        for n in range(1, count + 1)
    ]
    report.budget_received = Decimal(500 * count)
    return report


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(len(ordered) * 0.95 + 0.5) - 1)]


def verdict(value: float, budget: float | None) -> str:
    if budget is None:
        return ""
    return f" budget {budget:g} ms: {'ok' if value <= budget else 'OVER'}"


def keystroke_line(name: str, times: list[float], count: int) -> bool:
    med_budget, p95_budget = KEY_BUDGETS.get(count, (None, None))
    med, high = statistics.median(times), p95(times)
    print(
        f"  {name:<34} median {med:6.1f} ms{verdict(med, med_budget)}"
        f" | p95 {high:6.1f} ms{verdict(high, p95_budget)}  (max {max(times):.1f}, {len(times)} keys)"
    )
    return (med_budget is None or med <= med_budget) and (p95_budget is None or high <= p95_budget)


def type_char(widget: object, char: str) -> None:
    """One key of a Thai keyboard layout (`QTest.keyClicks` knows ASCII only)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    key = Qt.Key.Key_unknown if not char.isascii() else Qt.Key(ord(char.upper()))
    QTest.sendKeyEvent(QTest.KeyAction.Click, widget, key, char, Qt.KeyboardModifier.NoModifier)


def typing(count: int, runs: int, keys: int) -> bool:
    """Keystroke costs with `count` progress reports, and the problems after a pause."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from storage.drafts import DraftStore
    from ui.app import application
    from ui.main_window import MainWindow

    app = application()
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "drafts.db"
        store = DraftStore.open(db)
        draft = store.create(with_reports(count))
        window = MainWindow(store, db)
        window.setWindowState(Qt.WindowState.WindowNoState)  # not maximised on a small screen
        window.resize(1366, 768)
        window.show()
        window.open_draft(draft)
        form = window.form
        assert form is not None
        form.build_all()
        window.checker.check_now()
        app.processEvents()
        progress = form.editors["progress_reports"]
        idle = app.processEvents

        def key(widget: object, press: Callable[[], None]) -> float:
            start = time.perf_counter()
            press()
            idle()
            return (time.perf_counter() - start) * 1000

        def type_text(widget: object) -> list[float]:
            return [key(widget, lambda c=c: type_char(widget, c)) for c in (TYPED * keys)[:keys]]

        def type_money(widget: object) -> list[float]:
            QTest.keyClick(widget, Qt.Key.Key_Home)
            times = []
            for n in range(keys):
                if n % 2:
                    times.append(key(widget, lambda: QTest.keyClick(widget, Qt.Key.Key_Backspace)))
                else:
                    times.append(key(widget, lambda: type_char(widget, "1")))
            return times

        fields: dict[str, list[float]] = {}
        problems_ms: list[float] = []
        for _ in range(runs):
            form.setCurrentIndex(5)
            progress.select_row(count // 2)
            idle()
            narrative = progress.editors["narrative"]
            narrative.setFocus()
            narrative.moveCursor(narrative.textCursor().MoveOperation.End)
            fields.setdefault("progress narrative", []).extend(type_text(narrative))
            money = progress.editors["budget_used"]
            money.setFocus()
            fields.setdefault("money cell (budget used)", []).extend(type_money(money))
            problems_ms.append(key(None, window.checker.check_now))
            form.setCurrentIndex(1)
            idle()
            paragraph = form.editors["rationale"].rows[-1].text
            paragraph.setFocus()
            paragraph.moveCursor(paragraph.textCursor().MoveOperation.End)
            fields.setdefault("rationale paragraph", []).extend(type_text(paragraph))
            form.setCurrentIndex(0)
            idle()
            name = form.editors["project_name"]
            name.setFocus()
            name.end(False)
            fields.setdefault("project name", []).extend(type_text(name))
            window.checker.check_now()
            idle()
        found = len(window.checker.problems)
        window.finish()
        window.close()
        store.close()
    ok = True
    print(f"{count} progress reports (keystroke, offscreen 1366 x 768):")
    for name, times in fields.items():
        ok &= keystroke_line(name, times, count)
    med = statistics.median(problems_ms)
    budget = PROBLEMS_BUDGET_MS.get(count)
    print(
        f"  {'problems shown after a pause':<34} median {med:6.1f} ms{verdict(med, budget)}"
        f"  ({found} problems, max {max(problems_ms):.1f})"
    )
    return ok and (budget is None or med <= budget)


def search_after_autosave(db: Path, runs: int) -> bool:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QLineEdit

    from storage.drafts import DraftStore
    from ui.app import application
    from ui.main_window import MainWindow

    app = application()
    assert isinstance(app, QApplication)
    store = DraftStore.open(db)
    window = MainWindow(store, db)
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    search = window.findChild(QLineEdit, "search")
    drafts = len(store.list())
    first, second = [], []
    for n in range(runs + 1):
        search.clear()
        app.processEvents()
        assert window.form is not None
        name = window.form.editors["project_name"]
        name.setFocus()
        type_char(name, "ก")
        window.autosaver.flush()  # the autosave, done (its daily backup included)
        app.processEvents()
        search.setFocus()
        for times, letter in ((first, "พ"), (second, "ั")):
            start = time.perf_counter()
            type_char(search, letter)
            app.processEvents()
            if n:  # the first round warms the caches of a fresh process
                times.append((time.perf_counter() - start) * 1000)
    window.finish()
    window.close()
    store.close()
    med = statistics.median(first)
    print(
        f"first search keystroke after an autosave, {drafts} drafts: median {med:.1f} ms"
        f"{verdict(med, SEARCH_BUDGET_MS)}  (max {max(first):.1f}; the next keystroke"
        f" {statistics.median(second):.1f})"
    )
    return med <= SEARCH_BUDGET_MS


def evict(db: Path) -> None:
    """Drop the database's pages from the OS cache, as after a reboot or a long idle."""
    for path in (db, db.with_name(db.name + "-wal")):
        if not path.exists():
            continue
        fd = os.open(path, os.O_RDONLY)  # a benchmark's own descriptor: no store is open here
        try:
            os.fsync(fd)
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)


def start_evicted(db: Path, drafts: int, runs: int) -> bool:
    cold, warm = [], []
    for _ in range(runs):
        warm.append(start_to_paint_ms(db))
        evict(db)
        cold.append(start_to_paint_ms(db))
    med = statistics.median(cold)
    print(
        f"window start to painted, {drafts:,} drafts, database evicted: median {med:.0f} ms"
        f"{verdict(med, START_BUDGET_MS)}  (min {min(cold):.0f}, max {max(cold):.0f};"
        f" in the OS cache {statistics.median(warm):.0f})"
    )
    return med <= START_BUDGET_MS


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keys", type=int, default=40, help="keys per field and run")
    parser.add_argument("--reports", default="10,60,300,1000")
    parser.add_argument("--drafts", type=int, default=5000)
    parser.add_argument("--only", default="typing,search,start")
    args = parser.parse_args()
    parts = set(args.only.split(","))
    ok = True
    if "typing" in parts:
        for count in (int(n) for n in args.reports.split(",")):
            ok &= typing(count, args.runs, args.keys)
    if parts & {"search", "start"}:
        with tempfile.TemporaryDirectory() as folder:
            db = Path(folder) / "drafts.db"
            fill(db, loads(SAMPLE.read_text(encoding="utf-8")), args.drafts)
            if "search" in parts:
                ok &= search_after_autosave(db, args.runs)
            if "start" in parts:
                ok &= start_evicted(db, args.drafts, args.runs)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

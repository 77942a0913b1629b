"""Benchmark a report at every list limit of the schema (`Field.max_items`): the window must
stay responsive there, since the limits exist so that no draft can make it unusable.

    .venv/bin/python benchmarks/bench_limits.py [--runs N]

Builds the largest report the form accepts in number of items (200 rationale paragraphs,
100 objectives, 100 + 100 targets, 240 progress reports; texts of realistic length, not the
length limits), then measures (median of N runs, milliseconds): reading it from JSON, saving
it, opening it in the window (offscreen; the first tab, then all the others, which are built
after the first is shown), one keystroke in its last paragraph, one keystroke
in a progress report's narrative, and exporting it to PDF.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from forms.interchange import dumps, loads  # noqa: E402
from forms.report import ProgressReport, Report  # noqa: E402
from forms.schema import FIELDS_BY_KEY  # noqa: E402

SENTENCE = "จัดประชุมเชิงปฏิบัติการพัฒนาคุณภาพการศึกษาของโรงเรียนในสังกัด ครั้งที่ 2/2566 "


def at_the_limits() -> Report:
    def items(key: str, length: int) -> list[str]:
        count = FIELDS_BY_KEY[key].max_items or 0
        return [f"{n}. " + (SENTENCE * 8)[:length] for n in range(1, count + 1)]

    reports = FIELDS_BY_KEY["progress_reports"].max_items or 0
    return Report(
        project_name="โครงการที่มีทุกรายการเต็มจำนวน",
        fiscal_year=2566,
        budget_received=Decimal("180000"),
        rationale=items("rationale", 400),
        objectives=items("objectives", 150),
        targets_quantity=items("targets_quantity", 150),
        targets_quality=items("targets_quality", 150),
        progress_reports=[
            ProgressReport(
                no=n,
                date=date(2022, 10, 1) + timedelta(days=7 * n),
                narrative=SENTENCE * 4,
                progress_percent=Decimal(min(100, n // 3)),
                budget_used=Decimal(500),
            )
            for n in range(1, reports + 1)
        ],
    )


def timed(fn) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from forms.pdf import render_pdf
    from storage.drafts import DraftStore
    from ui.app import application
    from ui.main_window import MainWindow

    report = at_the_limits()
    text = dumps(report)
    figures: dict[str, list[float]] = {}

    def note(name: str, ms: float) -> None:
        figures.setdefault(name, []).append(ms)

    app = application()
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "drafts.db"
        store = DraftStore.open(db)
        other = store.create(Report(project_name="ฉบับเล็ก"))
        for _ in range(runs):
            note("JSON import (loads)", timed(lambda: loads(text)))
            draft = store.create(report)
            note("save to SQLite", timed(lambda d=draft: store.save(d, report)))
        window = MainWindow(store, db)
        window.resize(1366, 768)
        window.show()
        for _ in range(runs):
            window.open_draft(other)
            app.processEvents()
            note(
                "open, first tab shown",
                timed(lambda: (window.open_draft(draft), app.processEvents())),
            )
            assert window.form is not None
            # the other tabs are built one per turn of the event loop, after the first shows
            note("every tab built", timed(window.form.build_all))
            paragraph = window.form.editors["rationale"].rows[-1].text
            paragraph.setFocus()
            note(
                "keystroke, last paragraph",
                timed(lambda p=paragraph: QTest.keyClick(p, Qt.Key.Key_A)),
            )
            narrative = window.form.editors["progress_reports"].editors["narrative"]
            window.form.editors["progress_reports"].select_row(200)
            note(
                "keystroke, report 201's narrative",
                timed(lambda n=narrative: QTest.keyClick(n, Qt.Key.Key_A)),
            )
            note("export PDF", timed(lambda: render_pdf(report)))
        window.finish()
        store.close()
    pages = render_pdf(report).count(b"/Type /Page\n") or "?"
    print(f"a report at every list limit ({len(text) / 1e6:.1f} MB of JSON, PDF {pages} pages):")
    for name, values in figures.items():
        print(f"  {name:36s} {statistics.median(values):8.1f} ms  (median of {len(values)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

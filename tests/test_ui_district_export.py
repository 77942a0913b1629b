"""The district's "รวมรายงาน" window: ส่งออก writes the rows the table shows, in its
order, in every summary format, and says why when it cannot."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from forms.export import SUMMARY_FORMATS, by_key
from tests.district_support import make_collection, shown_window
from ui import dialogs
from ui.district_columns import COLUMN


@pytest.fixture
def collection_path(tmp_path: Path) -> Path:
    return make_collection(tmp_path / "district.db")


@pytest.fixture
def window(qtbot, collection_path: Path):
    with shown_window(qtbot, collection_path) as win:
        yield win


def test_export_writes_the_rows_shown_in_their_order(qtbot, tmp_path, window, monkeypatch):
    window.search.setText("อบรม")
    window.view.sortByColumn(COLUMN["name"], Qt.SortOrder.AscendingOrder)
    target = tmp_path / "สรุป"
    asked = []
    monkeypatch.setattr(dialogs, "save_file", lambda *a: asked.append(a) or target)
    window.exporter.update_menu()
    assert "เฉพาะที่แสดง 2 จาก 5 โครงการ" in window.exporter.scope.text()
    future = window.exporter.export(by_key(SUMMARY_FORMATS, "csv"))
    assert future is not None
    qtbot.waitUntil(future.done)
    qtbot.waitUntil(lambda: not window.background.busy)
    written = tmp_path / "สรุป.csv"  # the suffix added
    rows = list(csv.reader(io.StringIO(written.read_bytes().decode("utf-8-sig"))))
    assert [r[4] for r in rows[1:]] == ["อบรมครู 2", "อบรมครู 10"]
    assert "ส่งออก 2 โครงการ" in window.statusBar().currentMessage()


@pytest.mark.parametrize("fmt", SUMMARY_FORMATS, ids=lambda f: f.key)
def test_every_summary_format_is_offered_and_written(qtbot, tmp_path, window, monkeypatch, fmt):
    assert window.exporter.actions[fmt.key].text() == f"{fmt.label}…"
    target = tmp_path / f"out{fmt.suffix}"
    monkeypatch.setattr(dialogs, "save_file", lambda *a: target)
    window.exporter.actions[fmt.key].trigger()
    qtbot.waitUntil(lambda: not window.background.busy, timeout=30000)
    magic = {"xlsx": b"PK", "csv": b"\xef\xbb\xbf", "pdf": b"%PDF"}[fmt.key]
    assert target.read_bytes().startswith(magic)


def test_an_export_that_cannot_be_written_says_why(qtbot, tmp_path, window, monkeypatch):
    said = []
    monkeypatch.setattr(dialogs, "save_file", lambda *a: tmp_path / "ไม่มีโฟลเดอร์นี้" / "x.csv")
    monkeypatch.setattr(dialogs, "inform", lambda *a, **k: said.append(a))
    window.exporter.export(by_key(SUMMARY_FORMATS, "csv"))
    qtbot.waitUntil(lambda: bool(said))
    assert said[0][1] == "ส่งออกไม่ได้"
    assert "ไม่มีโฟลเดอร์นี้" in said[0][2]

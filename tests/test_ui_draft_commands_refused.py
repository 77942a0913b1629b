"""The draft commands when the database refuses to be written (another program is writing
to it): each says so in Thai under its own title, and changes nothing."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from forms.report import Report
from storage.drafts import DraftStore
from storage.errors import DatabaseBusy
from ui import dialogs
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, tmp_path: Path, sample_report: Report) -> Iterator[tuple[MainWindow, Path]]:
    db = tmp_path / "drafts.db"
    store = DraftStore.open(db, busy_timeout=0.05)  # the refusal comes at once
    store.create(sample_report)
    binned = store.create(Report(project_name="ในถังขยะ"))
    store.delete(binned)
    win = MainWindow(store, db)
    win.show()
    qtbot.waitExposed(win)
    yield win, db
    win.close()
    store.close()


@pytest.fixture
def said(monkeypatch) -> list[tuple[str, str, bool]]:
    said: list[tuple[str, str, bool]] = []
    monkeypatch.setattr(
        dialogs,
        "inform",
        lambda _parent, title, text, error=False: said.append((title, text, error)),
    )
    monkeypatch.setattr(dialogs, "ask", lambda *_args, **_kwargs: True)  # the clerk agrees
    return said


@contextmanager
def another_program_writing(db: Path) -> Iterator[None]:
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # holds the write lock, as a second program saving
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


def drafts_and_bin(db: Path) -> tuple[list[tuple[int, str]], list[int]]:
    with DraftStore.open(db) as store:
        listed = [(d.id, d.project_name) for d in store.list()]
        return listed, [d.id for d in store.list_bin()]


def first_draft(win: MainWindow) -> int:
    return win.panel.model.drafts[0].id


def binned_draft(win: MainWindow) -> int:
    return win.store.list_bin()[0].id


COMMANDS: list[tuple[str, str, Callable[[MainWindow], object]]] = [
    ("new", "สร้างฉบับร่างไม่ได้", lambda w: w.new_draft()),
    ("duplicate", "คัดลอกฉบับร่างไม่ได้", lambda w: w.duplicate_draft(first_draft(w))),
    ("delete", "ลบฉบับร่างไม่ได้", lambda w: w.delete_draft(first_draft(w))),
    ("restore", "กู้คืนฉบับร่างไม่ได้", lambda w: w.restore_draft(binned_draft(w))),
    ("empty bin", "ล้างถังขยะไม่ได้", lambda w: w.empty_bin()),
]


@pytest.mark.parametrize(
    ("title", "command"), [c[1:] for c in COMMANDS], ids=[c[0] for c in COMMANDS]
)
def test_a_refused_write_is_said_and_changes_nothing(window, said, title, command):
    win, db = window
    before = drafts_and_bin(db)
    with another_program_writing(db):  # reading still works: only the write is refused
        command(win)
    assert said == [(title, str(DatabaseBusy(db)), True)]
    assert "ถูกโปรแกรมอื่นใช้งานอยู่" in said[0][1]
    assert drafts_and_bin(db) == before
    assert "แล้ว" not in win.statusBar().currentMessage()  # nothing said to be done

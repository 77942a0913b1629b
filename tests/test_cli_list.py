"""`list`: one tab-separated line per draft, newest change first, local time; no Qt."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from forms.report import Report
from storage.drafts import DraftStore
from tests.conftest import ROOT


def _cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", "--db", str(db), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )


def test_list_of_an_empty_database_prints_nothing(tmp_path: Path):
    DraftStore.open(tmp_path / "drafts.db").close()
    run = _cli(tmp_path / "drafts.db", "list")
    assert (run.returncode, run.stdout, run.stderr) == (0, "", "")


def test_list_prints_one_line_per_draft_newest_first(tmp_path: Path):
    db = tmp_path / "drafts.db"
    with DraftStore.open(db) as store:
        old = store.create(
            Report(
                project_name="พัฒนาคุณภาพ\tเครือข่าย", project_code="50280000-6851", fiscal_year=2566
            )
        )
        no_year = store.create(Report(project_name="ยังไม่มีปี"))
        binned = store.create(Report(project_name="ในถังขยะ"))
        store.delete(binned)
        store.save(old, store.load(old))  # now the most recent change
        stamps = {s.id: s.updated_at for s in store.list()}
    run = _cli(db, "list")
    assert run.returncode == 0 and run.stderr == ""
    lines = run.stdout.splitlines()
    assert run.stdout.endswith("\n") and len(lines) == 2
    rows = [line.split("\t") for line in lines]
    assert all(len(row) == 5 for row in rows)
    assert rows[0][:4] == [str(old), "2566", "50280000-6851", "พัฒนาคุณภาพ เครือข่าย"]
    assert rows[1][:4] == [str(no_year), "", "", "ยังไม่มีปี"]
    for row in rows:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", row[4])
        local = stamps[int(row[0])].astimezone().strftime("%Y-%m-%d %H:%M")
        assert row[4] == local
        datetime.strptime(row[4], "%Y-%m-%d %H:%M")


def test_default_database_is_in_the_user_data_folder(tmp_path: Path, user_folders: Path):
    sample = str(ROOT / "tests" / "data" / "sample_report.json")
    run = subprocess.run(
        [sys.executable, "main.py", "import", sample], cwd=ROOT, capture_output=True, text=True
    )
    assert (run.returncode, run.stdout, run.stderr) == (0, "1\n", "")
    assert list(user_folders.rglob("BMAProjectReport/drafts.db"))


def _imported_modules(stderr: str) -> set[str]:
    names = set()
    for line in stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip())
    return names


def test_list_does_not_import_qt_or_ui(tmp_path: Path):
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "main.py", "--db", str(tmp_path / "d.db"), "list"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    modules = _imported_modules(run.stderr)
    assert "storage.drafts" in modules  # the check sees real imports
    assert not {m for m in modules if m.split(".")[0] in ("PySide6", "shiboken6", "ui")}

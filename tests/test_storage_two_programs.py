"""The window and another program on one database: nothing the window saved is lost when a
command-line run (or any other SQLite user) opens and closes the same file meanwhile.

On POSIX, closing *any* descriptor of a file drops every fcntl lock the process holds on it
(SQLite's "How To Corrupt An SQLite Database File", 2.2). Had the second store opened the
file with Python to read its header, the command line would believe itself the last user,
checkpoint and delete the -wal, and the window's next saves would go into a deleted file."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from forms.report import Report
from storage.drafts import DraftStore
from tests.conftest import ROOT

# The window's process: its store, then the autosave worker's second store on the same file;
# it saves once more after the command line has run, then dies without closing anything.
WINDOW = textwrap.dedent(
    """
    import os, sys
    sys.path.insert(0, {root!r})
    from forms.report import Report
    from storage.drafts import DraftStore
    first = DraftStore.open({db!r})
    draft = first.create(Report(project_name="ก่อน"))
    second = DraftStore.open({db!r})
    second.save(draft, Report(project_name="ระหว่าง"))
    print("ready", flush=True)
    sys.stdin.readline()  # the command line runs now
    second.save(draft, Report(project_name="หลัง"))
    first.save(draft, Report(project_name="หลังสุด"))
    print("saved", flush=True)
    os._exit(0)
    """
)


@pytest.mark.parametrize("command", [["list"], ["export", "1", "--json", "out.json"]])
def test_saves_after_a_command_line_run_survive_a_killed_window(tmp_path: Path, command):
    db = tmp_path / "drafts.db"
    with subprocess.Popen(
        [sys.executable, "-c", WINDOW.format(root=str(ROOT), db=str(db))],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as window:
        assert window.stdout is not None and window.stdin is not None
        assert window.stdout.readline().strip() == "ready"
        cli = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "--db", str(db), *command],
            cwd=tmp_path,
            capture_output=True,
            text=True,
        )
        assert cli.returncode == 0, cli.stderr
        window.stdin.write("go\n")
        window.stdin.flush()
        assert window.stdout.readline().strip() == "saved"
        assert window.wait(timeout=30) == 0
    with DraftStore.open(db) as store:
        assert store.load(1).project_name == "หลังสุด"


def test_opening_a_second_store_reads_the_file_only_through_sqlite(tmp_path, monkeypatch):
    db = tmp_path / "drafts.db"
    with DraftStore.open(db) as store:
        store.create(Report(project_name="ก"))
    opened: list[str] = []
    real_open = Path.open

    def spy(self, *args, **kwargs):
        opened.append(str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", spy)
    with DraftStore.open(db) as first, DraftStore.open(db) as second:
        assert first.list() == second.list()
    assert [p for p in opened if p.startswith(str(db))] == []

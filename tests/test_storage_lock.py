"""One window per database: an AppLock held by another running process refuses a second."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from storage.errors import DatabaseLocked
from storage.lock import AppLock
from tests.conftest import ROOT

_HOLDER = """
import sys
from storage.lock import AppLock
lock = AppLock(sys.argv[1])
lock.acquire()
print("held", flush=True)
sys.stdin.read()  # hold until the test closes our stdin
lock.release()
print("released", flush=True)
"""


def test_lock_held_by_another_process_refuses_then_frees(tmp_path: Path):
    db_path = tmp_path / "drafts.db"
    with subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(db_path)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as holder:
        assert holder.stdout is not None and holder.stdin is not None
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(DatabaseLocked) as info:
            AppLock(db_path).acquire()
        assert str(db_path) in str(info.value)
        holder.stdin.close()
        assert holder.stdout.readline().strip() == "released"
    assert holder.returncode == 0
    with AppLock(db_path) as lock:
        assert lock.held


def test_lock_of_a_process_that_died_is_free(tmp_path: Path):
    db_path = tmp_path / "drafts.db"
    code = "import sys, os; from storage.lock import AppLock; AppLock(sys.argv[1]).acquire(); os._exit(0)"
    run = subprocess.run([sys.executable, "-c", code, str(db_path)], cwd=ROOT)
    assert run.returncode == 0
    assert (tmp_path / "drafts.db.lock").exists()
    lock = AppLock(db_path)
    lock.acquire()
    lock.release()
    assert not lock.held


def test_second_lock_in_the_same_process_is_refused_until_released(tmp_path: Path):
    first = AppLock(tmp_path / "drafts.db")
    first.acquire()
    try:
        with pytest.raises(DatabaseLocked):
            AppLock(tmp_path / "drafts.db").acquire()
    finally:
        first.release()
    with AppLock(tmp_path / "drafts.db"):
        pass

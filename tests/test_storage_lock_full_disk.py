"""The window's lock on a full disk: the process id cannot be written into the lock file, and
the lock is taken all the same (it was a crash dialog). A real full tmpfs, mounted in a user
namespace; nothing is faked."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

CHILD = r"""
import json, subprocess, sys
from pathlib import Path
root, folder = sys.argv[1:3]
sys.path.insert(0, root)
folder = Path(folder)
subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)], check=True)
filler = folder / "filler"
try:
    with open(filler, "wb", buffering=0) as f:
        while True:
            f.write(b"x" * 4096)
except OSError:
    pass
from storage.lock import AppLock
lock = AppLock(folder / "drafts.db")
lock.acquire()
held = lock.held
lock.release()
print(json.dumps({"held": held, "lock_file": (folder / "drafts.db.lock").exists()}))
"""


@pytest.mark.skipif(
    sys.platform != "linux" or not shutil.which("unshare"),
    reason="a full disk is made with a tmpfs in a Linux user namespace",
)
def test_the_lock_is_taken_on_a_full_disk(tmp_path: Path):
    folder = tmp_path / "เต็ม"
    folder.mkdir()
    run = subprocess.run(
        [
            "unshare",
            "--user",
            "--map-root-user",
            "--mount",
            sys.executable,
            "-c",
            CHILD,
            str(ROOT),
            str(folder),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout.strip().splitlines()[-1]) == {"held": True, "lock_file": True}

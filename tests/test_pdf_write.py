"""Saving the PDF: written beside the target and moved into place; a read-only folder, a
full disk or a target that may not be replaced gives a Thai message naming the file and
leaves the old file as it was. Failures are real OS failures: a read-only or tiny tmpfs
mounted in a user namespace, a folder or file the process has no right to."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from forms.pdf import (
    FolderMissing,
    PdfWriteError,
    TargetLocked,
    render_pdf,
    write_bytes_atomically,
    write_pdf,
)
from tests.conftest import DATA, ROOT

OLD = b"OLD PDF, KEEP ME"
NOBODY = 65534

# Runs write_pdf in a child process and reports what happened as JSON.
CHILD = r"""
import json, os, subprocess, sys
from pathlib import Path
root, mode, folder, sample = sys.argv[1:5]
sys.path.insert(0, root)
folder = Path(folder)
if mode in ("full", "readonly"):
    size = "size=16k" if mode == "full" else "size=1m"
    subprocess.run(["mount", "-t", "tmpfs", "-o", size, "tmpfs", str(folder)], check=True)
    (folder / "รายงาน_2566.pdf").write_bytes(b"OLD PDF, KEEP ME")
    if mode == "readonly":
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
from forms.interchange import loads
from forms.pdf import PdfWriteError, write_pdf
target = folder / "รายงาน_2566.pdf"
try:
    write_pdf(loads(Path(sample).read_text(encoding="utf-8")), target)
    result = {"error": None, "message": ""}
except PdfWriteError as e:
    result = {"error": type(e).__name__, "message": str(e)}
result["old"] = target.read_bytes()[:16].decode("latin-1")
result["files"] = sorted(os.listdir(folder))
print(json.dumps(result, ensure_ascii=False))
"""


def run_child(mode: str, folder: Path) -> dict:
    """Run CHILD in a user namespace: as its root to mount a tmpfs ("full", "readonly"),
    or ("plain") without the host root's power to ignore file permissions."""
    cmd = [
        sys.executable,
        "-c",
        CHILD,
        str(ROOT),
        mode,
        str(folder),
        str(DATA / "sample_report.json"),
    ]
    ns = ["--map-root-user", "--mount"] if mode in ("full", "readonly") else []
    run = subprocess.run(
        ["unshare", "--user", *ns, *cmd], capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout.strip().splitlines()[-1])


needs_namespaces = pytest.mark.skipif(
    sys.platform != "linux" or not shutil.which("unshare"),
    reason="real permission and disk failures are made with Linux user namespaces",
)


def test_writes_a_pdf_into_a_thai_folder_and_replaces_the_old_one(sample_report, tmp_path):
    folder = tmp_path / "รายงานโครงการ ปี 2566"
    folder.mkdir()
    target = folder / "50280000-6851_2566.pdf"
    target.write_bytes(OLD)
    write_pdf(sample_report, target)
    assert target.read_bytes().startswith(b"%PDF-")
    assert len(pypdf.PdfReader(target).pages) == 3
    assert os.listdir(folder) == [target.name]  # no temporary file left behind
    if sys.platform == "win32":  # Windows keeps only a read-only flag: the file is writable
        assert os.access(target, os.W_OK)
    else:  # a new file's mode, as any program's: 0o666 less the umask
        umask = os.umask(0)
        os.umask(umask)
        assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_bytes_already_rendered_are_saved_the_same_way(sample_report, tmp_path):
    """`write_bytes_atomically` is the public save for bytes rendered beforehand (the CLI
    renders every output before writing any): same file, same folder hygiene."""
    data = render_pdf(sample_report)
    target = tmp_path / "ส่งออก.pdf"
    target.write_bytes(OLD)
    target.chmod(0o640)
    write_bytes_atomically(data, target)
    assert target.read_bytes() == data
    if sys.platform == "win32":
        assert os.access(target, os.W_OK)
    else:  # the replaced file's mode is kept
        assert target.stat().st_mode & 0o777 == 0o640
    assert os.listdir(tmp_path) == [target.name]
    with pytest.raises(FolderMissing):
        write_bytes_atomically(data, tmp_path / "ไม่มี" / "r.pdf")


def test_missing_folder(sample_report, tmp_path):
    target = tmp_path / "ไม่มีโฟลเดอร์นี้" / "r.pdf"
    with pytest.raises(FolderMissing) as e:
        write_pdf(sample_report, target)
    assert "ไม่พบโฟลเดอร์" in str(e.value) and "ไม่มีโฟลเดอร์นี้" in str(e.value)


def test_a_folder_as_target_is_refused_and_kept(sample_report, tmp_path):
    target = tmp_path / "เป็นโฟลเดอร์.pdf"
    target.mkdir()
    (target / "inside.txt").write_bytes(OLD)
    with pytest.raises(PdfWriteError) as e:
        write_pdf(sample_report, target)
    assert "เป็นโฟลเดอร์" in str(e.value)
    assert (target / "inside.txt").read_bytes() == OLD
    assert os.listdir(tmp_path) == [target.name]


@needs_namespaces
def test_read_only_folder_keeps_the_old_file(tmp_path):
    result = run_child("readonly", tmp_path)
    assert result["error"] == "FolderReadOnly"
    assert "ห้ามเขียน" in result["message"] and "รายงาน_2566.pdf" in result["message"]
    assert result["old"] == OLD.decode()
    assert result["files"] == ["รายงาน_2566.pdf"]


@needs_namespaces
def test_full_disk_keeps_the_old_file(tmp_path):
    result = run_child("full", tmp_path)
    assert result["error"] == "DiskFull"
    assert "ไม่พอ" in result["message"] and "รายงาน_2566.pdf" in result["message"]
    assert result["old"] == OLD.decode()
    assert result["files"] == ["รายงาน_2566.pdf"]  # the partial temporary file is gone


@needs_namespaces
def test_folder_without_write_permission(tmp_path):
    target = tmp_path / "รายงาน_2566.pdf"
    target.write_bytes(OLD)
    tmp_path.chmod(0o555)
    try:
        result = run_child("plain", tmp_path)
    finally:
        tmp_path.chmod(0o755)
    assert result["error"] == "FolderReadOnly"
    assert result["old"] == OLD.decode()
    assert result["files"] == [target.name]


@pytest.mark.skipif(
    sys.platform != "win32" and not (hasattr(os, "geteuid") and os.geteuid() == 0),
    reason="needs Windows (a file held open) or root (to give the file to another user)",
)
def test_target_that_may_not_be_replaced_is_reported_locked(sample_report, tmp_path):
    """Windows: the file is open in a viewer. Linux: the file and its sticky folder (like
    /tmp) belong to another user, and the OS refuses to replace it (PermissionError)."""
    target = tmp_path / "รายงาน_2566.pdf"
    target.write_bytes(OLD)
    if sys.platform == "win32":
        with open(target, "rb"), pytest.raises(TargetLocked) as e:
            write_pdf(sample_report, target)
        message = str(e.value)
        files = os.listdir(tmp_path)
    else:
        os.chown(target, NOBODY, NOBODY)
        os.chown(tmp_path, NOBODY, NOBODY)
        tmp_path.chmod(0o1777)
        result = run_child("plain", tmp_path)
        assert result["error"] == "TargetLocked"
        message, files = result["message"], result["files"]
    assert "เปิดอยู่ในโปรแกรมอื่น" in message and "รายงาน_2566.pdf" in message
    assert target.read_bytes() == OLD
    assert files == [target.name]


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads Linux's /proc")
def test_a_new_files_mode_is_found_without_touching_the_process_umask(tmp_path, monkeypatch):
    # os.umask(0) even for an instant changes the mode of files other threads create
    from forms.pdf import writer

    expected = os.umask(0o022)
    os.umask(expected)
    writer._process_umask.cache_clear()

    def forbidden(_mask: int) -> int:
        raise AssertionError("os.umask called")

    monkeypatch.setattr(writer.os, "umask", forbidden)
    assert writer._mode_for(tmp_path / "new.pdf") == 0o666 & ~expected
    writer._process_umask.cache_clear()

"""`export`/`check` ID|FILE: ASCII digits alone are always a draft id, even in a folder
where a stray `check 1 2>1` left a file named `1`; that file is reached as `./1`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import DATA, ROOT

SAMPLE = DATA / "sample_report.json"
NOT_THE_DRAFT = {"project_name": "ไฟล์ชื่อ 1 ไม่ใช่ร่าง"}


def _cli_in(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`python main.py --db drafts.db ARGS...` run from `cwd`, as a clerk in that folder."""
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", "drafts.db", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )


def _folder_with_draft_1_and_file_1(tmp_path: Path) -> Path:
    imported = _cli_in(tmp_path, "import", str(SAMPLE))
    assert (imported.returncode, imported.stdout) == (0, "1\n"), imported.stderr
    (tmp_path / "1").write_text(json.dumps(NOT_THE_DRAFT, ensure_ascii=False), encoding="utf-8")
    return tmp_path


def test_digits_are_the_draft_even_when_a_file_has_that_name(tmp_path: Path):
    folder = _folder_with_draft_1_and_file_1(tmp_path)
    run = _cli_in(folder, "export", "1", "--json", "out.json")
    assert (run.returncode, run.stdout, run.stderr) == (0, "", "")
    assert (folder / "out.json").read_bytes() == SAMPLE.read_bytes()


def test_a_file_named_with_digits_is_given_as_dot_slash(tmp_path: Path):
    folder = _folder_with_draft_1_and_file_1(tmp_path)
    run = _cli_in(folder, "export", "./1", "--json", "out.json")
    assert (run.returncode, run.stdout, run.stderr) == (0, "", "")
    assert (
        json.loads((folder / "out.json").read_text(encoding="utf-8"))["project_name"]
        == (NOT_THE_DRAFT["project_name"])
    )


def test_check_reads_the_draft_too(tmp_path: Path):
    folder = _folder_with_draft_1_and_file_1(tmp_path)
    draft = _cli_in(folder, "check", "1")
    file = _cli_in(folder, "check", "./1")
    assert draft.returncode == 0, draft.stderr  # the sample has warnings only
    assert file.returncode == 1, file.stderr  # the near-empty file has errors
    assert draft.stdout != file.stdout


def test_digits_for_a_missing_draft_say_so_even_beside_the_file(tmp_path: Path):
    folder = _folder_with_draft_1_and_file_1(tmp_path)
    (folder / "7").write_text(json.dumps(NOT_THE_DRAFT), encoding="utf-8")
    run = _cli_in(folder, "export", "7", "--json", "out.json")
    assert run.returncode == 2 and run.stderr.count("\n") == 1, run.stderr
    assert "7" in run.stderr and "Traceback" not in run.stderr
    assert not (folder / "out.json").exists()


def test_a_json_file_in_thai_windows_code_page_is_read_as_the_window_reads_it(tmp_path):
    # the window's import read a cp874 file (with a warning); the command line refused it
    text = (DATA / "sample_report.json").read_text(encoding="utf-8")
    (tmp_path / "r.json").write_bytes(text.encode("cp874"))
    run = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "check", "r.json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert run.returncode == 0, run.stderr
    assert "คูณภาพ" in run.stdout  # the sample's misspelling, found: the report was read
    assert "874" in run.stderr  # and the warning the window gives

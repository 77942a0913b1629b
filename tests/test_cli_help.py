"""`--help` in Thai for the program and each subcommand; argparse's usage errors in Thai."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from main import COMMANDS
from tests.conftest import ROOT


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )


def _english_headings(text: str) -> list[str]:
    return [
        w for w in ("usage:", "positional arguments", "options:", "show this help") if w in text
    ]


def test_program_help_is_thai_and_lists_every_subcommand():
    run = _cli("--help")
    assert (run.returncode, run.stderr) == (0, "")
    assert run.stdout.startswith("วิธีใช้: main.py")
    assert "แบบรายงานโครงการ" in run.stdout and "แสดงวิธีใช้นี้แล้วจบ" in run.stdout
    assert _english_headings(run.stdout) == []
    for command in COMMANDS:
        assert f"    {command.name}  " in run.stdout
        assert " ".join(command.help.split()[:2]) in " ".join(run.stdout.split())


@pytest.mark.parametrize("command", [c.name for c in COMMANDS])
def test_each_subcommand_help_is_thai(command: str):
    run = _cli(command, "--help")
    assert (run.returncode, run.stderr) == (0, "")
    assert run.stdout.startswith(f"วิธีใช้: main.py {command}")
    assert "ตัวเลือก:" in run.stdout
    assert _english_headings(run.stdout) == []


def test_help_names_the_options_and_the_exit_codes():
    export = " ".join(_cli("export", "--help").stdout.split())
    assert "--pdf OUT" in export and "--json OUT" in export and "ID|FILE.json" in export
    check = " ".join(_cli("check", "--help").stdout.split())
    assert "ระดับ<TAB>ช่อง<TAB>ข้อความ" in check
    assert all(f" {code} เมื่อ" in check for code in "012")
    imported = " ".join(_cli("import", "--help").stdout.split())
    assert all(kind in imported for kind in (".json", ".txt", ".pdf"))


@pytest.mark.parametrize(
    ("args", "thai"),
    [
        (["export"], "ยังไม่ได้ระบุ ID|FILE.json"),
        (["list", "extra"], "ไม่รู้จัก extra"),
        (["frobnicate"], "ไม่มีคำสั่งย่อย 'frobnicate'"),
        (["export", "1", "--pdf"], "--pdf ต้องตามด้วยค่าหนึ่งค่า"),
        (["check", "abc"], '"abc" ไม่ใช่หมายเลขร่างหรือไฟล์ .json'),
    ],
)
def test_usage_errors_are_thai(tmp_path: Path, args: list[str], thai: str):
    run = _cli("--db", str(tmp_path / "d.db"), *args)
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr.count("\n") == 1 and run.stderr.startswith("คำสั่งไม่ถูกต้อง: ")
    assert thai in run.stderr, run.stderr
    assert not (tmp_path / "d.db").exists()

"""What the window's command line takes: `--version`, and a report file to open (how
Windows starts the app for an associated `.bmareport` file)."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import main
from tests.conftest import ROOT


def test_version_is_the_projects_and_needs_no_qt():
    run = subprocess.run(
        [sys.executable, "-c", "import sys, main; code = main.main(['--version'])"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    expected = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert (run.returncode, run.stdout, run.stderr) == (0, f"BMAProjectReport {expected}\n", "")
    assert main.version() == expected


@pytest.mark.parametrize(
    ("argv", "words", "file"),
    [
        ([], [], None),
        (["list"], ["list"], None),
        (["--db", "x.json", "list"], ["--db", "x.json", "list"], None),
        (["รายงาน.bmareport"], [], "รายงาน.bmareport"),
        (["--db", "d.db", "C:/งาน/ปี 66.JSON"], ["--db", "d.db"], "C:/งาน/ปี 66.JSON"),
        (["แบบพิมพ์.pdf", "--db", "d.db"], ["--db", "d.db"], "แบบพิมพ์.pdf"),
        (["frobnicate"], ["frobnicate"], None),  # a mistyped subcommand stays argparse's
    ],
)
def test_a_report_file_stands_where_a_subcommand_would(argv, words, file):
    assert main._split_open_file(argv) == (words, None if file is None else Path(file))


def test_an_existing_file_of_any_name_is_opened(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "report").write_text("{}")
    assert main._split_open_file(["report"]) == ([], Path("report"))


def test_a_file_and_a_subcommand_together_are_refused_in_thai(tmp_path):
    run = subprocess.run(
        [sys.executable, "main.py", "--db", str(tmp_path / "d.db"), "a.bmareport", "list"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert run.returncode == 2 and "a.bmareport" in run.stderr and "main.py --help" in run.stderr
    assert not (tmp_path / "d.db").exists()

"""Every CLI error: exit code 2, exactly one Thai line on stderr, no traceback, nothing
written, no draft created."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from forms.interchange import loads
from storage.drafts import DraftStore
from storage.summaries import DraftSummary
from tests.cli import run_cli as _cli
from tests.conftest import DATA


def _assert_one_line_error(run: subprocess.CompletedProcess[str], *words: str) -> str:
    assert run.returncode == 2, (run.stdout, run.stderr)
    assert run.stdout == ""
    assert "Traceback" not in run.stderr
    assert run.stderr.endswith("\n") and run.stderr.count("\n") == 1, run.stderr
    line = run.stderr.strip()
    assert any("\u0e01" <= ch <= "\u0e5b" for ch in line), line  # Thai
    for word in words:
        assert word in line, line
    return line


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A database holding the sample as draft 1."""
    path = tmp_path / "drafts.db"
    with DraftStore.open(path) as store:
        assert store.create(loads((DATA / "sample_report.json").read_bytes())) == 1
    return path


def _listing(db: Path) -> list[DraftSummary]:
    """What `list` shows (read in-process; `test_cli_list.py` checks the command itself)."""
    with DraftStore.open(db) as store:
        return store.list() + store.list_bin()


def _sample() -> dict:
    return json.loads((DATA / "sample_report.json").read_text(encoding="utf-8"))


def _with(**changes: object) -> str:
    data = _sample()
    data.update(changes)
    return json.dumps(data, ensure_ascii=False)


BAD_FILES = {
    "unknown key": (_with(projekt_name="สะกดผิด"), ["projekt_name"]),
    "unknown key in a progress report": (
        json.dumps({"progress_reports": [{"no": 1, "budget": 5}]}),
        ["progress_reports[1].budget"],
    ),
    "wrong type": (_with(fiscal_year="สองพันห้าร้อย"), ["fiscal_year", "สองพันห้าร้อย"]),
    "unreadable date": (_with(start_date="30/01/2566"), ["start_date", "30/01/2566"]),
    "money as text": (_with(budget_received="180,000"), ["budget_received", "180,000"]),
    "not JSON at all": ("นี่ไม่ใช่ JSON", ["JSON"]),
    "truncated JSON": (_with()[:500], ["JSON"]),
    "a JSON array": ("[1, 2, 3]", ["JSON"]),
    "empty file": ("", ["ว่างเปล่า"]),  # as the window says it (one reader)
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_bad_import_file(tmp_path: Path, db: Path, case: str):
    content, words = BAD_FILES[case]
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    before = _listing(db)
    _assert_one_line_error(_cli(db, "import", bad), *words)
    assert _listing(db) == before


def test_bad_import_into_a_new_database_creates_no_file(tmp_path: Path):
    bad = tmp_path / "bad.json"
    bad.write_text(_with(unknown=1), encoding="utf-8")
    new_db = tmp_path / "new.db"
    _assert_one_line_error(_cli(new_db, "import", bad), "unknown")
    assert not new_db.exists()


def test_import_of_bytes_that_are_not_utf8(tmp_path: Path, db: Path):
    bad = tmp_path / "bad.json"
    bad.write_bytes(b'{"project_name": "\xff\xfe\xa0"}')
    before = _listing(db)
    _assert_one_line_error(_cli(db, "import", bad))
    assert _listing(db) == before


def test_import_of_a_missing_file(tmp_path: Path, db: Path):
    before = _listing(db)
    _assert_one_line_error(_cli(db, "import", tmp_path / "ไม่มีไฟล์.json"), "ไม่มีไฟล์.json")
    assert _listing(db) == before


def test_import_of_a_folder(tmp_path: Path, db: Path):
    _assert_one_line_error(_cli(db, "import", tmp_path))


def _no_output(folder: Path, name: str) -> None:
    assert not (folder / name).exists()
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]  # no temporary file


@pytest.mark.parametrize("draft_id", ["2", "404"])
def test_export_of_an_unknown_id(tmp_path: Path, db: Path, draft_id: str):
    _assert_one_line_error(_cli(db, "export", draft_id, "--json", tmp_path / "out.json"), draft_id)
    _no_output(tmp_path, "out.json")


@pytest.mark.parametrize("draft_id", ["abc", "0", "-1", "1.5"])
def test_export_of_an_id_that_is_not_a_number(tmp_path: Path, db: Path, draft_id: str):
    _assert_one_line_error(_cli(db, "export", draft_id, "--json", tmp_path / "out.json"))
    _no_output(tmp_path, "out.json")


def test_failed_export_leaves_an_existing_output_untouched(tmp_path: Path, db: Path):
    out = tmp_path / "out.json"
    out.write_text("ของเดิม", encoding="utf-8")
    _assert_one_line_error(_cli(db, "export", "404", "--json", out))
    assert out.read_text(encoding="utf-8") == "ของเดิม"


def test_export_without_an_output(db: Path):
    _assert_one_line_error(_cli(db, "export", "1"), "--json")


def test_export_into_a_missing_folder(tmp_path: Path, db: Path):
    _assert_one_line_error(
        _cli(db, "export", "1", "--json", tmp_path / "no" / "such" / "out.json"), "no"
    )
    assert not (tmp_path / "no").exists()


def test_export_onto_a_folder(tmp_path: Path, db: Path):
    target = tmp_path / "folder"
    target.mkdir()
    _assert_one_line_error(_cli(db, "export", "1", "--json", target))
    assert list(target.iterdir()) == []
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary file


@pytest.mark.skipif(os.name != "posix", reason="read-only folder made with chattr/chmod")
def test_export_into_a_read_only_folder(tmp_path: Path, db: Path):
    folder = tmp_path / "ro"
    folder.mkdir()
    if os.geteuid() == 0:
        made = subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0
        if not made:
            pytest.skip("running as root without chattr +i: cannot make a folder read-only")
    else:
        folder.chmod(0o555)
    try:
        _assert_one_line_error(_cli(db, "export", "1", "--json", folder / "out.json"))
        assert list(folder.iterdir()) == []
    finally:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        else:
            folder.chmod(0o755)


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["import", str(DATA / "sample_report.json")],
        ["export", "1", "--json", "OUT"],
    ],
)
def test_damaged_database(tmp_path: Path, args: list[str]):
    damaged = tmp_path / "drafts.db"
    damaged.write_bytes(b"this is not a database\n" * 500)
    before = damaged.read_bytes()
    args = [str(tmp_path / "out.json") if a == "OUT" else a for a in args]
    _assert_one_line_error(_cli(damaged, *args), str(damaged), "เสียหาย")
    assert damaged.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["drafts.db"]


@pytest.mark.parametrize(
    "args", [["frobnicate"], ["import"], ["export"], ["list", "extra"], ["--nope"]]
)
def test_usage_errors(db: Path, args: list[str]):
    before = _listing(db)
    _assert_one_line_error(_cli(db, *args), "main.py --help")
    assert _listing(db) == before


def test_reading_commands_never_create_a_database(tmp_path: Path):
    db = tmp_path / "missing" / "drafts.db"
    listed = _cli(db, "list")
    assert listed.returncode == 0 and listed.stdout == ""
    assert str(db) in listed.stderr
    for args in (("export", "3", "--json", tmp_path / "x.json"), ("check", "3")):
        run = _cli(db, *args)
        assert run.returncode == 2 and "Traceback" not in run.stderr
        assert run.stderr.count("\n") == 1 and str(db) in run.stderr
    assert not db.parent.exists() and not (tmp_path / "x.json").exists()

"""`check ID|FILE.json`: one `severity<TAB>field<TAB>message` line per problem; exit 0 with
warnings only, 1 with errors, 2 when the report cannot be read (one Thai line on stderr)."""

from __future__ import annotations

import json
import subprocess
from datetime import date
from pathlib import Path

import pytest

from forms.interchange import dumps, loads
from forms.report import Report
from storage.drafts import DraftStore
from tests.cli import run_cli as _cli
from tests.conftest import DATA

SAMPLE = DATA / "sample_report.json"
MISSPELLED = [
    "project_name",
    "rationale[7]",
    "rationale[8]",
    "rationale[9]",
    "rationale[11]",
    "rationale[12]",
    "rationale[13]",
    "objectives[1]",
    "targets_quantity[1]",
    "targets_quality[1]",
]


def _problems(run: subprocess.CompletedProcess[str]) -> dict[str, list[tuple[str, str]]]:
    """path -> [(severity, message)], checking every line is three tab-separated cells."""
    out: dict[str, list[tuple[str, str]]] = {}
    assert run.stdout == "" or run.stdout.endswith("\n")
    for line in run.stdout.splitlines():
        severity, path, message = line.split("\t")
        assert severity in ("error", "warning"), line
        assert message and any("\u0e01" <= ch <= "\u0e5b" for ch in message), line
        out.setdefault(path, []).append((severity, message))
    return out


def _only(problems: dict[str, list[tuple[str, str]]], path: str) -> tuple[str, str]:
    assert len(problems[path]) == 1, problems[path]
    return problems[path][0]


def test_sample_file_lists_exactly_its_known_problems(tmp_path: Path):
    db = tmp_path / "drafts.db"
    run = _cli(db, "check", SAMPLE)
    assert run.returncode == 0, run.stderr
    problems = _problems(run)
    assert sorted(problems) == sorted(
        [
            *MISSPELLED,
            "budget_spent",
            "objectives[3]",
            "objectives[4]",
            "progress_reports[5].date",
            "progress_reports[5].progress_percent",
        ]
    )
    assert {s for found in problems.values() for s, _ in found} == {"warning"}
    _, overspend = _only(problems, "budget_spent")
    assert "25,090 บาท" in overspend and "113.94 %" in overspend
    _, undated = _only(problems, "progress_reports[5].date")
    assert "รายงานครั้งที่ 5" in undated
    _, drop = _only(problems, "progress_reports[5].progress_percent")
    assert "70.00" in drop and "0.00" in drop
    _, duplicate = _only(problems, "objectives[3]")
    assert "2.3" in duplicate and "2.2" in duplicate
    for path in MISSPELLED:
        _, message = _only(problems, path)
        assert "คูณภาพ" in message and "คุณภาพ" in message
    _, quotes = _only(problems, "objectives[4]")
    assert "?ครูดีเด่น?" in quotes
    assert run.stderr.count("\n") == 1 and "15" in run.stderr  # the counts, in Thai
    assert not db.exists()  # a file is checked without touching the database


def test_a_draft_is_checked_like_its_file(tmp_path: Path):
    db = tmp_path / "drafts.db"
    with DraftStore.open(db) as store:
        draft_id = store.create(loads(SAMPLE.read_bytes()))
    by_id = _cli(db, "check", str(draft_id))
    by_file = _cli(db, "check", SAMPLE)
    assert (by_id.returncode, by_id.stdout, by_id.stderr) == (0, by_file.stdout, by_file.stderr)
    assert by_id.stdout.count("\n") == 15


def _classic_mistakes() -> str:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data.update(project_code="5017-7342", fiscal_year=2024)
    data.update(start_date="2023-09-30", end_date="2023-01-01")
    data["progress_reports"][0]["progress_percent"] = 150
    return json.dumps(data, ensure_ascii=False)


def test_classic_mistakes_exit_1_and_name_each_field(tmp_path: Path):
    report = tmp_path / "รายงาน ผิด.json"
    report.write_text(_classic_mistakes(), encoding="utf-8")
    run = _cli(tmp_path / "drafts.db", "check", report)
    assert run.returncode == 1, run.stderr
    problems = _problems(run)
    errors = {
        path: message
        for path, found in problems.items()
        for severity, message in found
        if severity == "error"
    }
    assert sorted(errors) == [
        "end_date",
        "fiscal_year",
        "progress_reports[1].progress_percent",
        "project_code",
    ]
    assert "5017-7342" in errors["project_code"]
    assert "2024" in errors["fiscal_year"] and "2567" in errors["fiscal_year"]
    assert "วันสิ้นสุดโครงการ" in errors["end_date"] and "วันเริ่มต้นโครงการ" in errors["end_date"]
    assert "150" in errors["progress_reports[1].progress_percent"]
    assert "ข้อผิดพลาด 4 รายการ" in run.stderr and run.stderr.count("\n") == 1


def test_a_report_without_problems_prints_none(tmp_path: Path):
    clean = Report(
        project_name="พัฒนาคุณภาพเครือข่ายโรงเรียน",
        project_code="50280000-6851",
        fiscal_year=2566,
        start_date=date(2022, 10, 1),
        end_date=date(2023, 9, 30),
        agency_office="สำนักงานเขตบึงกุ่ม",
        objectives=["เพื่อพัฒนาคุณภาพการจัดการศึกษา"],
    )
    source = tmp_path / "clean.json"
    source.write_text(dumps(clean), encoding="utf-8")
    run = _cli(tmp_path / "drafts.db", "check", source)
    assert (run.returncode, run.stdout) == (0, "")
    assert run.stderr == "ไม่พบปัญหา\n"


def test_an_empty_report_has_errors(tmp_path: Path):
    source = tmp_path / "empty.json"
    source.write_text("{}", encoding="utf-8")
    run = _cli(tmp_path / "drafts.db", "check", source)
    assert run.returncode == 1
    errors = {p for p, found in _problems(run).items() if any(s == "error" for s, _ in found)}
    assert {"project_name", "project_code", "fiscal_year", "objectives"} <= errors


def _assert_one_line_error(run: subprocess.CompletedProcess[str], *words: str) -> None:
    assert run.returncode == 2, (run.stdout, run.stderr)
    assert run.stdout == ""
    assert "Traceback" not in run.stderr
    assert run.stderr.endswith("\n") and run.stderr.count("\n") == 1, run.stderr
    assert any("\u0e01" <= ch <= "\u0e5b" for ch in run.stderr)
    for word in words:
        assert word in run.stderr, run.stderr


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("bad.json", "นี่ไม่ใช่ JSON", ["JSON"]),
        ("bad.json", '{"projekt_name": "x"}', ["projekt_name"]),
        ("printout.txt", "แบบแสดงรายงานความก้าวหน้า", ["import"]),
    ],
)
def test_an_unreadable_file_exits_2(tmp_path: Path, name: str, content: str, words: list[str]):
    source = tmp_path / name
    source.write_text(content, encoding="utf-8")
    _assert_one_line_error(_cli(tmp_path / "drafts.db", "check", source), name, *words)
    assert not (tmp_path / "drafts.db").exists()


def test_a_missing_file_exits_2(tmp_path: Path):
    _assert_one_line_error(_cli(tmp_path / "drafts.db", "check", tmp_path / "ไม่มี.json"), "ไม่มี.json")


def test_an_unknown_draft_exits_2(tmp_path: Path):
    db = tmp_path / "drafts.db"
    with DraftStore.open(db) as store:
        store.create(Report())
    _assert_one_line_error(_cli(db, "check", "7"), "7")


@pytest.mark.parametrize("source", ["abc", "0", "ไม่มีไฟล์"])
def test_neither_a_draft_nor_a_file_exits_2(tmp_path: Path, source: str):
    _assert_one_line_error(_cli(tmp_path / "drafts.db", "check", source), source)

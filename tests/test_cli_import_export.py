"""`import` then `export` gives back the same report, for the sample and a long one."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from forms.interchange import dumps, loads
from forms.report import ProgressReport, Report
from tests.cli import run_cli as _cli
from tests.conftest import DATA
from tests.strategies import THAI


def _import(db: Path, file: Path) -> int:
    run = _cli(db, "import", file)
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    assert run.stdout.strip().isdigit() and run.stdout.count("\n") == 1  # the id alone
    return int(run.stdout)


def _export(db: Path, draft_id: int, out: Path) -> str:
    run = _cli(db, "export", draft_id, "--json", out)
    assert run.returncode == 0, run.stderr
    assert (run.stdout, run.stderr) == ("", "")
    return out.read_text(encoding="utf-8")


def _parsed(text: str) -> object:
    return json.loads(text, parse_float=Decimal)


def test_sample_round_trips_through_the_cli(tmp_path: Path):
    db = tmp_path / "drafts.db"
    sample = DATA / "sample_report.json"
    draft_id = _import(db, sample)
    exported = _export(db, draft_id, tmp_path / "out.json")
    assert _parsed(exported) == _parsed(sample.read_text(encoding="utf-8"))
    assert exported == sample.read_text(encoding="utf-8")  # byte for byte, here
    assert _parsed(exported)["budget_spent"] == 205090


def _long_report(seed: int = 2566) -> Report:
    rnd = random.Random(seed)

    def text(n: int) -> str:
        return "".join(rnd.choice(THAI + " ,.()\"'\\/-0123456789") for _ in range(n)).strip()

    start = date(2023, 10, 1)
    return Report(
        project_name=text(120),
        project_code="50280000-6851",
        fiscal_year=2567,
        start_date=start,
        end_date=date(2024, 9, 30),
        budget_received=Decimal("999999999999.99"),
        agency_office="สำนักงานเขตบึงกุ่ม",
        agency_division="ฝ่ายการศึกษา",
        agency_section=text(30),
        responsible_person=text(40),
        coordinator_name="ปาริตา ศรีลักษณ์",
        coordinator_phone="1549",
        rationale=[text(600) for _ in range(20)],
        objectives=[text(150) for _ in range(8)],
        targets_quantity=[text(100) for _ in range(5)],
        targets_quality=[text(100) for _ in range(5)],
        strategic_issue="**** การปฏิบัติงานประจำของหน่วยงาน ****",
        strategic_sub_issue=text(60),
        strategic_goal=text(60),
        indicator=text(60),
        progress_reports=[
            ProgressReport(
                no=i,
                date=None if i % 13 == 0 else date(2024, 2, 29) + timedelta(days=i),
                narrative=text(300) + "\nบรรทัดที่สอง\tมีแท็บ",
                progress_percent=None if i % 11 == 0 else Decimal(rnd.randint(0, 10000)) / 100,
                budget_used=Decimal(rnd.randint(0, 10**9)) / 100,
                plan_status=rnd.choice([None, "on_plan", "off_plan"]),
                target_status=rnd.choice([None, "on_target", "off_target"]),
            )
            for i in range(1, 61)
        ],
        signer_name=text(40),
        signer_position=text(40),
    )


def test_long_generated_report_round_trips_through_the_cli(tmp_path: Path):
    report = _long_report()
    assert len(report.progress_reports) == 60 and len(report.rationale) == 20
    source = tmp_path / "long.json"
    source.write_text(dumps(report), encoding="utf-8")
    db = tmp_path / "drafts.db"
    draft_id = _import(db, source)
    exported = _export(db, draft_id, tmp_path / "out.json")
    assert _parsed(exported) == _parsed(source.read_text(encoding="utf-8"))
    assert loads(exported) == report
    assert _parsed(exported)["budget_spent"] == report.budget_spent


def test_each_import_is_a_new_draft_and_export_picks_by_id(tmp_path: Path):
    db = tmp_path / "drafts.db"
    first = _import(db, DATA / "sample_report.json")
    long_file = tmp_path / "long.json"
    long_file.write_text(dumps(_long_report()), encoding="utf-8")
    second = _import(db, long_file)
    assert second != first
    assert loads(_export(db, first, tmp_path / "a.json")).project_code == "50280000-6851"
    assert loads(_export(db, second, tmp_path / "b.json")) == _long_report()


def test_export_replaces_an_existing_output_file(tmp_path: Path):
    db = tmp_path / "drafts.db"
    draft_id = _import(db, DATA / "sample_report.json")
    out = tmp_path / "out.json"
    out.write_text("old content", encoding="utf-8")
    _export(db, draft_id, out)
    assert loads(out.read_text(encoding="utf-8")).fiscal_year == 2566
    # no temporary file left (a read-only SQLite reader leaves the database's -wal/-shm)
    names = sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(("-wal", "-shm")))
    assert names == ["drafts.db", "out.json"]


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_import_reads_utf8_with_or_without_bom(tmp_path: Path, bom: bytes):
    source = tmp_path / "in.json"
    source.write_bytes(bom + (DATA / "sample_report.json").read_bytes())
    db = tmp_path / "drafts.db"
    draft_id = _import(db, source)
    assert loads(_export(db, draft_id, tmp_path / "out.json")).project_name.startswith("พัฒนา")

"""`main.py collect` and `main.py summary` (cli/district.py), and reading a folder of
reports (forms/district/collect.py): issue 11's folder of 60 reports, merging, refusals."""

from __future__ import annotations

import shutil
import time
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from forms.district.collect import (
    INPUT_COLLECTION,
    INPUT_EMPTY,
    INPUT_MISSING,
    INPUT_REPORT,
    _PdfPool,
    find_inputs,
    read_inputs,
    read_report_file,
)
from forms.district.summary import SOURCE_APP_PDF, SOURCE_JSON, SOURCE_PRINTOUT
from forms.interchange import dumps
from forms.report import ProgressReport, Report
from storage.collection import Collection
from tests.cli import run_cli
from tests.conftest import DATA

PRINTOUT = DATA / "progress-report-printout-sample.txt"


def report(i: int, reports: int = 3, year: int = 2566) -> Report:
    start = date(year - 544, 10, 1)
    return Report(
        project_name=f"โครงการส่งเสริมการอ่าน {i}",
        project_code=f"{50280000 + i:08d}-{7000 + i:04d}",
        fiscal_year=year,
        start_date=start,
        end_date=date(year - 543, 9, 30),
        budget_received=Decimal(100000 + i),
        agency_office="สำนักงานเขตบึงกุ่ม",
        agency_division="ฝ่ายการศึกษา",
        agency_section=f"โรงเรียนวัด {i}",
        progress_reports=[
            ProgressReport(
                no=n,
                date=start + timedelta(days=30 * n),
                narrative=f"ดำเนินการตามแผนครั้งที่ {n}",
                progress_percent=Decimal(20 * n),
                budget_used=Decimal(1000 * n),
                plan_status="off_plan" if i % 2 and n == reports else "on_plan",
                target_status="on_target",
            )
            for n in range(1, reports + 1)
        ],
    )


def write_json(path: Path, item: Report) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dumps(item), encoding="utf-8")


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[int, bytes]:
    """The app's PDFs of reports 1..20, rendered once for the module (rendering is slow)."""
    from forms.pdf import render_pdf

    return {i: render_pdf(report(i)) for i in range(1, 21)}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory, pdfs: dict[int, bytes]) -> Path:
    """Issue 11's folder of 60 report files: 20 app PDFs (one also sent earlier as an older
    JSON), one damaged PDF, 36 JSON (one of another fiscal year), two printout texts; and
    files that are no reports, which are not read."""
    root = tmp_path_factory.mktemp("reports")
    for i, data in pdfs.items():
        (root / "pdf").mkdir(exist_ok=True)
        (root / "pdf" / f"r{i:02d}.pdf").write_bytes(data)
    write_json(root / "pdf" / "r05-old.json", report(5, reports=2))  # sorted before r05.pdf
    (root / "pdf" / "z-damaged.pdf").write_bytes(pdfs[1][: len(pdfs[1]) // 2])
    for i in range(21, 56):
        write_json(root / "json" / "deep" / f"j{i}.json", report(i))
    shutil.move(root / "json" / "deep" / "j30.json", root / "json" / "deep" / "J30.JSON")
    shutil.move(root / "json" / "deep" / "j31.json", root / "json" / "deep" / "j31.bmareport")
    write_json(root / "json" / "next-year.json", report(56, year=2567))
    (root / "printouts").mkdir()
    sample = PRINTOUT.read_text(encoding="utf-8")
    (root / "printouts" / "sample.txt").write_text(sample, encoding="utf-8")
    other = sample.replace("50280000-6851", "50289999-0001").replace("เครือข่าย", "ชุมชน")
    (root / "printouts" / "other.txt").write_text(other, encoding="utf-8")
    (root / "printouts" / "notes.docx").write_bytes(b"PK\x03\x04 not a report")
    (root / "pdf" / ".DS_Store").write_bytes(b"\x00\x00")
    return root


def test_the_folder_of_sixty_reports_collects_with_exactly_its_outcomes(
    tmp_path: Path, folder: Path
) -> None:
    district = tmp_path / "district.db"
    done = run_cli(tmp_path / "drafts.db", "collect", "--into", district, "--year", "2566", folder)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    *lines, total = done.stdout.splitlines()
    assert len(lines) == 60
    outcome = {Path(line.split("\t")[1]).name: line.split("\t")[0] for line in lines}
    assert outcome.pop("r05.pdf") == "ปรับปรุง"  # replaced the older JSON sent before it
    assert outcome.pop("z-damaged.pdf") == "ไม่รับ"
    assert outcome.pop("next-year.json") == "ไม่รับ"
    assert set(outcome.values()) == {"เพิ่ม"} and len(outcome) == 57
    assert "J30.JSON" in outcome and "j31.bmareport" in outcome and "r05-old.json" in outcome

    said = {Path(line.split("\t")[1]).name: line.split("\t")[2] for line in lines}
    assert "r05-old.json" in said["r05.pdf"] and "เก็บเป็นประวัติ" in said["r05.pdf"]
    assert "ไม่สมบูรณ์" in said["z-damaged.pdf"]  # the reader's own reason
    assert "2567" in said["next-year.json"] and "2566" in said["next-year.json"]
    assert "ข้อความแบบพิมพ์" in said["sample.txt"] and "ข้อความแบบพิมพ์" not in said["r01.pdf"]
    assert total.startswith("รวม 60 ไฟล์: เพิ่ม 57 ปรับปรุง 1 ซ้ำ 0 เก็บเป็นประวัติ 0 ไม่รับ 2")
    assert total.endswith("มีรายงาน 57 โครงการ")

    with Collection.open_read_only(district) as collection:
        items = collection.items()
        kinds = {i.row.project_code: i.source_kind for i in items}
        assert len(items) == 57
        assert kinds["50280001-7001"] == SOURCE_APP_PDF
        assert kinds["50280021-7021"] == SOURCE_JSON
        assert kinds["50280000-6851"] == kinds["50289999-0001"] == SOURCE_PRINTOUT
        assert collection.get("50280005-7005", 2566).report == report(5)  # type: ignore[union-attr]
        assert [h.copy.source_kind for h in collection.history("50280005-7005", 2566)] == ["json"]
        assert collection.notes("50280000-6851", 2566)  # the printout's doubts kept

    again = run_cli(tmp_path / "drafts.db", "collect", "--into", district, folder)
    assert again.returncode == 0
    assert "เพิ่ม 0 ปรับปรุง 0 ซ้ำ 58 เก็บเป็นประวัติ 0 ไม่รับ 2" in again.stdout.splitlines()[-1]


def test_summary_prints_the_table_and_filters_it(tmp_path: Path, folder: Path) -> None:
    district = tmp_path / "district.db"
    with Collection.open(district) as collection:
        for i in (1, 2, 3):
            collection.add(report(i), f"school-{i}.json", SOURCE_JSON)
        collection.add(replace(report(4), budget_received=Decimal(10)), "over.json", SOURCE_JSON)
    drafts, before = tmp_path / "drafts.db", district.read_bytes()
    done = run_cli(drafts, "summary", district)
    assert done.returncode == 0, done.stderr
    header, *rows = done.stdout.splitlines()
    assert header.split("\t")[:3] == ["หน่วยงาน", "รหัสโครงการ", "ชื่อโครงการ"]
    assert len(rows) == 4 and done.stderr.strip() == "แสดง 4 จาก 4 โครงการ"
    first = rows[0].split("\t")
    assert first[0] == "สำนักงานเขตบึงกุ่ม / ฝ่ายการศึกษา / โรงเรียนวัด 1"
    assert first[3:10] == ["2566", "100001", "6000", "6.00", "3", "30/12/2565", "60"]
    # errors 1: no objectives (`forms.checks`); warnings 0
    assert first[10:] == ["ไม่เป็นไปตามแผน", "เป็นไปตามเป้าหมาย", "1", "0", "school-1.json"]

    behind = run_cli(drafts, "summary", district, "--behind-plan")
    assert [r.split("\t")[1] for r in behind.stdout.splitlines()[1:]] == [
        "50280001-7001",
        "50280003-7003",
    ]
    assert "ไม่เป็นไปตามแผน" in behind.stderr
    both = run_cli(drafts, "summary", district, "--behind-plan", "--overspent")
    assert both.stdout.splitlines()[1:] == []  # 4 is overspent but on plan: AND
    over = run_cli(drafts, "summary", district, "--overspent")
    assert [r.split("\t")[1] for r in over.stdout.splitlines()[1:]] == ["50280004-7004"]
    silent = run_cli(drafts, "summary", district, "--silent-days", "30")
    assert len(silent.stdout.splitlines()) == 5  # their last reports are from 2022
    assert district.read_bytes() == before  # only read


def test_summary_writes_every_output_or_none(tmp_path: Path) -> None:
    district = tmp_path / "district.db"
    with Collection.open(district) as collection:
        for i in (1, 2):
            collection.add(report(i), f"school-{i}.json", SOURCE_JSON)
    drafts, csv, xlsx = tmp_path / "drafts.db", tmp_path / "out.csv", tmp_path / "out.xlsx"
    failed = run_cli(
        drafts, "summary", district, "--csv", csv, "--xlsx", tmp_path / "no-such" / "a.xlsx"
    )
    assert failed.returncode == 2 and len(failed.stderr.splitlines()) == 1
    assert not csv.exists()  # the CSV was not written either

    done = run_cli(drafts, "summary", district, "--csv", csv, "--xlsx", xlsx, "--overspent")
    assert done.returncode == 0, done.stderr
    assert done.stdout == "" and "0 จาก 2 โครงการ" in done.stderr
    pdf = tmp_path / "out.pdf"
    done = run_cli(drafts, "summary", district, "--csv", csv, "--xlsx", xlsx, "--pdf", pdf)
    assert done.returncode == 0, done.stderr
    assert pdf.read_bytes().startswith(b"%PDF-")
    text = csv.read_bytes().decode("utf-8")
    assert text.startswith("\ufeff") and "50280001-7001" in text and "50280002-7002" in text
    import openpyxl

    book = openpyxl.load_workbook(xlsx, read_only=True)
    codes = {cell for row in book.worksheets[0].iter_rows(values_only=True) for cell in row}
    assert {"50280001-7001", "50280002-7002"} <= codes
    book.close()


def test_collections_merge_on_the_command_line(tmp_path: Path) -> None:
    one, two, everything = (
        tmp_path / "district-1.db",
        tmp_path / "district-2.db",
        tmp_path / "all.db",
    )
    with Collection.open(one) as collection:
        collection.add(report(1), "a/1.json", SOURCE_JSON)
        collection.add(report(2, reports=1), "a/2.json", SOURCE_JSON)
    with Collection.open(two) as collection:
        collection.add(report(2, reports=2), "b/2.json", SOURCE_JSON)
    from storage.drafts import DraftStore

    drafts = tmp_path / "drafts.db"
    DraftStore.open(drafts).close()
    done = run_cli(drafts, "collect", "--into", everything, one, two, drafts)
    assert done.returncode == 0, done.stderr
    lines = [line.split("\t") for line in done.stdout.splitlines()]
    assert [(word, Path(path).name) for word, path, _ in lines[:-1]] == [
        ("เพิ่ม", "district-1.db"),
        ("เพิ่ม", "district-1.db"),
        ("ปรับปรุง", "district-2.db"),
        ("ไม่รับ", "drafts.db"),
    ]
    assert "ไม่ใช่ชุดรวมรายงาน" in lines[3][2]  # the drafts database given by mistake
    assert "รวม 3 ไฟล์: เพิ่ม 2 ปรับปรุง 1" in lines[-1][0]


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["collect", "--into", "{drafts}", "{folder}"], "ไม่ใช่ชุดรวมรายงาน"),
        (["collect", "--into", "{tmp}", "{folder}"], "เป็นโฟลเดอร์"),
        (["collect", "--into", "{kept}", "--year", "2567", "{folder}"], "ปีงบประมาณ 2566"),
        (["collect", "--into", "{tmp}/x.db", "--year", "67", "{folder}"], "ปี พ.ศ. สี่หลัก"),
        (["summary", "{tmp}/missing.db"], "ไม่พบชุดรวมรายงาน"),
        (["summary", "{drafts}"], "ไม่ใช่ชุดรวมรายงาน"),
        (["summary", "{kept}", "--csv", "{tmp}/a.csv", "--xlsx", "{tmp}/a.csv"], "ซ้ำกัน"),
    ],
)
def test_what_cannot_be_done_is_one_thai_line(tmp_path: Path, args: list[str], said: str) -> None:
    from storage.drafts import DraftStore

    drafts, kept = tmp_path / "drafts.db", tmp_path / "kept.db"
    with DraftStore.open(drafts) as store:
        store.create(report(1))
    Collection.open(kept, fiscal_year=2566).close()
    write_json(tmp_path / "in" / "a.json", report(1))
    values = {"drafts": drafts, "folder": tmp_path / "in", "tmp": tmp_path, "kept": kept}
    done = run_cli(tmp_path / "other-drafts.db", *[a.format(**values) for a in args])
    assert done.returncode == 2
    assert len(done.stderr.splitlines()) == 1 and said in done.stderr
    assert "Traceback" not in done.stderr


def test_finding_files_walks_folders_in_order(tmp_path: Path) -> None:
    for name in ("b/2.pdf", "b/a/1.JSON", "a.txt", "c/x.bmareport", "c/skip.docx", "c/.hidden"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "empty").mkdir()
    Collection.open(tmp_path / "other.sqlite").close()
    names = ("b", "a.txt", "c", "b/2.pdf", "empty", "gone.pdf", "other.sqlite")
    found = find_inputs([tmp_path / name for name in names])
    assert [(i.path.relative_to(tmp_path).as_posix(), i.kind) for i in found] == [
        ("b/2.pdf", INPUT_REPORT),
        ("b/a/1.JSON", INPUT_REPORT),
        ("a.txt", INPUT_REPORT),
        ("c/x.bmareport", INPUT_REPORT),
        ("empty", INPUT_EMPTY),  # said, not silently skipped
        ("gone.pdf", INPUT_MISSING),
        ("other.sqlite", INPUT_COLLECTION),  # recognised by its content
    ]


def test_workers_read_as_the_import_does(tmp_path: Path, pdfs: dict[int, bytes]) -> None:
    for i in (1, 2, 3):
        (tmp_path / f"{i}.pdf").write_bytes(pdfs[i])
    (tmp_path / "4.pdf").write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50 + b"\n%%EOF\n")
    inputs = find_inputs([tmp_path])
    pooled = list(read_inputs(inputs, workers=2))
    alone = list(read_inputs(inputs, workers=0))  # each PDF in the import's bounded child
    assert pooled == alone
    assert [r.source_kind for r in pooled[:3]] == [SOURCE_APP_PDF] * 3
    assert pooled[0].report == report(1)
    assert "เสียหาย" in pooled[3].refusal


def test_a_worker_that_dies_or_hangs_costs_only_its_file(
    tmp_path: Path, pdfs: dict[int, bytes]
) -> None:
    for i in (1, 2):
        (tmp_path / f"{i}.pdf").write_bytes(pdfs[i])
    pool = _PdfPool(1)
    try:
        pool.submit([(0, tmp_path / "1.pdf")])
        pool._workers[0].process.kill()  # still starting: it cannot have answered
        died = pool.result(0)
        assert died == read_report_file(tmp_path / "1.pdf")  # read again the import's way
        assert died.report == report(1)
    finally:
        pool.close()
    pool = _PdfPool(1)
    try:
        pool._timeout = 0.05  # a worker takes far longer than this to start
        started = time.monotonic()
        pool.submit([(1, tmp_path / "2.pdf")])
        hung = pool.result(1)
        assert hung.report is None and "ไม่เสร็จภายใน" in hung.refusal
        assert time.monotonic() - started < 5
        assert pool._workers[0].process.is_alive()  # replaced, ready for the next file
    finally:
        pool.close()

"""The district's collection file (storage/collection.py): one row per project and fiscal
year, the later copy winning, every other copy in the history, merging, refusals."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from forms.district.summary import SOURCE_APP_PDF, SOURCE_JSON, SOURCE_PRINTOUT, summary_row
from forms.interchange import loads
from forms.report import ProgressReport, Report
from storage.collection import Collection
from storage.collection_errors import NotACollection, OtherFiscalYear
from storage.collection_outcomes import OutcomeKind
from storage.drafts import DraftStore
from storage.errors import DatabaseDamaged, StorageError

ADDED, UPDATED, SAME, OLDER, REFUSED = (
    OutcomeKind.ADDED,
    OutcomeKind.UPDATED,
    OutcomeKind.SAME,
    OutcomeKind.OLDER,
    OutcomeKind.REFUSED,
)


def report(i: int, reports: int = 3, year: int = 2566, office: str = "สำนักงานเขตบึงกุ่ม") -> Report:
    """Project i with `reports` monthly progress reports."""
    start = date(year - 544, 10, 1)
    return Report(
        project_name=f"โครงการพัฒนาคุณภาพ {i}",
        project_code=f"{50280000 + i:08d}-{6000 + i:04d}",
        fiscal_year=year,
        start_date=start,
        end_date=date(year - 543, 9, 30),
        budget_received=Decimal("180000.50") + i,
        agency_office=office,
        agency_division="ฝ่ายการศึกษา",
        agency_section=f"โรงเรียน {i}",
        progress_reports=[
            ProgressReport(
                no=n,
                date=start + timedelta(days=30 * n),
                narrative=f"ดำเนินการครั้งที่ {n}",
                progress_percent=Decimal(10 * n),
                budget_used=Decimal("1000.25") * n,
                plan_status="off_plan" if i % 2 and n == reports else "on_plan",
                target_status="on_target",
            )
            for n in range(1, reports + 1)
        ],
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "district.db"


def test_a_report_sent_again_is_one_row_and_the_later_copy_wins(db: Path) -> None:
    with Collection.open(db) as collection:
        first = collection.add(report(1, reports=2), "a/first.json", SOURCE_JSON)
        assert first.kind == ADDED and "50280001-6001" in first.message
        assert collection.add(report(1, reports=2), "b/again.json", SOURCE_JSON).kind == SAME

        later = collection.add(report(1, reports=3), "c/later.pdf", SOURCE_APP_PDF)
        assert later.kind == UPDATED
        assert "a/first.json" in later.message and "ครั้งที่ 3" in later.message  # said

        older = collection.add(report(1, reports=1), "d/older.json", SOURCE_JSON)
        assert older.kind == OLDER and "เก็บฉบับนี้เป็นประวัติ" in older.message

        (item,) = collection.items()
        assert (item.source, item.source_kind, item.row.latest_no) == ("c/later.pdf", "pdf", 3)
        history = collection.history("50280001-6001", 2566)
        assert [(h.copy.source, h.why) for h in history] == [
            ("d/older.json", "older"),
            ("a/first.json", "replaced"),
        ]
        assert history[1].copy.report == report(1, reports=2)
        # an identical copy of one already in the history changes nothing either
        assert collection.add(report(1, reports=1), "e/again.json", SOURCE_JSON).kind == SAME
        assert len(collection.history("50280001-6001", 2566)) == 2


def test_on_a_tie_a_printout_never_replaces_an_exact_copy(db: Path) -> None:
    exact, misread = report(2), report(2)
    misread.project_name = "โครงการพัฒนาคูณภาพ 2"  # what OCR makes of it
    with Collection.open(db) as collection:
        collection.add(exact, "school.pdf", SOURCE_APP_PDF)
        tie = collection.add(misread, "printout.txt", SOURCE_PRINTOUT)
        assert tie.kind == OLDER and "ข้อความแบบพิมพ์" in tie.message
        assert collection.get("50280002-6002", 2566).report == exact  # type: ignore[union-attr]
        # an exact copy with the same progress but other content is taken as a correction
        fixed = replace(exact, signer_name="นางสาวปาริตา ศรีลักษณ์")
        assert collection.add(fixed, "fixed.json", SOURCE_JSON).kind == UPDATED
        assert collection.get("50280002-6002", 2566).source == "fixed.json"  # type: ignore[union-attr]


def test_rows_come_from_columns_and_equal_the_reports_own(db: Path, sample_json_text: str) -> None:
    sample = loads(sample_json_text)
    with Collection.open(db) as collection:
        collection.add(sample, "sample.json", SOURCE_JSON, errors=1, warnings=15)
        for i in range(1, 6):
            collection.add(report(i, office="สำนักงานเขตบางกะปิ"), f"{i}.json", SOURCE_JSON)
        items = collection.items()
        assert all(item._report is None for item in items)  # no JSON parsed for the table
        assert [i.row.agency_office for i in items][:1] == ["สำนักงานเขตบางกะปิ"]  # by agency
        for item in items:
            assert item.row == summary_row(item.report, item.row.errors, item.row.warnings)
        row = next(i.row for i in items if i.row.project_code == "50280000-6851")
        assert (row.budget_spent, row.percent_spent, row.errors) == (205090, Decimal("113.94"), 1)
    with Collection.open_read_only(db) as collection:
        assert collection.items()[0].report.budget_received == Decimal("180001.50")


def test_checks_run_when_no_counts_are_given(db: Path, sample_json_text: str) -> None:
    from forms.checks import check_report

    sample = loads(sample_json_text)
    problems = check_report(sample)
    with Collection.open(db) as collection:
        collection.add(sample, "sample.json", SOURCE_JSON)
        (item,) = collection.items()
    assert item.row.errors + item.row.warnings == len(problems) > 0


def test_a_collection_kept_for_one_fiscal_year(db: Path) -> None:
    with Collection.open(db, fiscal_year=2566) as collection:
        assert collection.fiscal_year == 2566
        refused = collection.add(report(3, year=2567), "next-year.json", SOURCE_JSON)
        assert refused.kind == REFUSED
        assert "2567" in refused.message and "2566" in refused.message
        assert collection.add(report(3), "this-year.json", SOURCE_JSON).kind == ADDED
    with Collection.open(db) as collection:  # the year stays with the file
        assert collection.fiscal_year == 2566
        assert collection.add(report(4, year=2565), "x.json", SOURCE_JSON).kind == REFUSED
    with pytest.raises(OtherFiscalYear, match="2566"):
        Collection.open(db, fiscal_year=2567)


def test_a_year_cannot_be_set_on_a_collection_holding_others(tmp_path: Path) -> None:
    db = tmp_path / "mixed.db"
    with Collection.open(db) as collection:
        collection.add(report(1, year=2566), "a.json", SOURCE_JSON)
        collection.add(report(2, year=2567), "b.json", SOURCE_JSON)
    with pytest.raises(OtherFiscalYear, match="2566"):
        Collection.open(db, fiscal_year=2567)
    with Collection.open_read_only(db) as collection:
        assert collection.fiscal_year is None


def test_a_report_without_code_or_year_is_refused(db: Path) -> None:
    with Collection.open(db) as collection:
        no_code = collection.add(replace(report(1), project_code="  "), "a.json", SOURCE_JSON)
        assert no_code.kind == REFUSED and "รหัสโครงการ" in no_code.message
        no_year = collection.add(replace(report(1), fiscal_year=None), "b.json", SOURCE_JSON)
        assert no_year.kind == REFUSED and "ปีงบประมาณ" in no_year.message
        assert collection.items() == []


def test_an_add_that_fails_leaves_nothing_half_done(db: Path) -> None:
    with Collection.open(db) as collection:
        collection.add(report(1, reports=1), "first.json", SOURCE_JSON)
    # another program's rule that stops the update after the old copy went to the history
    conn = sqlite3.connect(db)
    conn.execute(
        "CREATE TRIGGER no_update BEFORE UPDATE ON reports BEGIN SELECT RAISE(ABORT, 'no'); END"
    )
    conn.commit()
    conn.close()
    with Collection.open(db) as collection:
        with pytest.raises(sqlite3.IntegrityError):
            collection.add(report(1, reports=2), "later.json", SOURCE_JSON)
        assert collection.history("50280001-6001", 2566) == []  # its first half rolled back
        assert collection.items()[0].source == "first.json"


def test_merging_collections(tmp_path: Path) -> None:
    one, two, everything = tmp_path / "d1.db", tmp_path / "d2.db", tmp_path / "all.db"
    with Collection.open(one) as collection:
        collection.add(report(1, reports=1), "d1/1-old.json", SOURCE_JSON)
        collection.add(report(1, reports=2), "d1/1.json", SOURCE_JSON)  # 1-old to history
        collection.add(report(2), "d1/2.json", SOURCE_JSON)
    with Collection.open(two) as collection:
        collection.add(report(2, reports=4), "d2/2-later.json", SOURCE_JSON)
        collection.add(report(3), "d2/3.json", SOURCE_JSON)
    one_bytes = one.read_bytes()
    with Collection.open(everything) as collection:
        assert [o.kind for o in collection.merge_from(one)] == [ADDED, ADDED]
        assert [o.kind for o in collection.merge_from(two)] == [UPDATED, ADDED]
        assert [o.kind for o in collection.merge_from(two)] == [SAME, SAME]
        assert [(i.row.project_code[-4:], i.source) for i in collection.items()] == [
            ("6001", "d1/1.json"),
            ("6002", "d2/2-later.json"),
            ("6003", "d2/3.json"),
        ]
        sources = [h.copy.source for h in collection.history("50280001-6001", 2566)]
        assert sources == ["d1/1-old.json"]  # the other file's history came along
        assert [h.copy.source for h in collection.history("50280002-6002", 2566)] == ["d1/2.json"]
        with pytest.raises(StorageError, match="กำลังรวมเข้าอยู่แล้ว"):
            collection.merge_from(everything)
    assert one.read_bytes() == one_bytes  # only read


def test_merging_into_a_collection_of_one_year(tmp_path: Path) -> None:
    mixed, kept = tmp_path / "mixed.db", tmp_path / "2566.db"
    with Collection.open(mixed) as collection:
        collection.add(report(1, year=2566), "a.json", SOURCE_JSON)
        collection.add(report(2, year=2567), "b.json", SOURCE_JSON)
    with Collection.open(kept, fiscal_year=2566) as collection:
        assert [o.kind for o in collection.merge_from(mixed)] == [ADDED, REFUSED]
        assert len(collection) == 1


def test_drafts_and_collections_are_never_taken_for_each_other(tmp_path: Path) -> None:
    drafts, district = tmp_path / "drafts.db", tmp_path / "district.db"
    with DraftStore.open(drafts) as store:
        store.create(report(1))
    Collection.open(district).close()
    drafts_bytes, district_bytes = drafts.read_bytes(), district.read_bytes()

    with pytest.raises(NotACollection) as refused:
        Collection.open(drafts)
    assert "ไม่ใช่ชุดรวมรายงาน" in str(refused.value)
    assert "ฐานข้อมูลร่างรายงาน" in str(refused.value)  # says what it is
    with pytest.raises(NotACollection):
        Collection.open_read_only(drafts)
    with pytest.raises(DatabaseDamaged, match="ชุดรวมรายงานของเขต"):
        DraftStore.open(district)
    with pytest.raises(DatabaseDamaged, match="ชุดรวมรายงานของเขต"):
        DraftStore.open_read_only(district)
    assert drafts.read_bytes() == drafts_bytes and district.read_bytes() == district_bytes


def test_a_damaged_or_foreign_file_is_refused_untouched(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    foreign = tmp_path / "other-program.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE things (x)")
    conn.commit()
    conn.close()
    for path in (junk, foreign):
        before = path.read_bytes()
        with pytest.raises(NotACollection, match="ไม่ใช่ชุดรวมรายงาน"):
            Collection.open(path)
        assert path.read_bytes() == before


def test_the_file_reads_well_in_other_tools(db: Path) -> None:
    """Datasette or any SQLite browser: readable columns, numbers that sort as numbers,
    every progress report in a view."""
    with Collection.open(db) as collection:
        collection.add(replace(report(1), budget_received=Decimal("9000")), "a.json", SOURCE_JSON)
        collection.add(replace(report(2), budget_received=Decimal("10000")), "b.json", SOURCE_JSON)
    conn = sqlite3.connect(db)
    stored = conn.execute("SELECT budget_received FROM reports ORDER BY id").fetchall()
    assert stored == [("9000",), ("10000",)]  # exact text
    by_budget = conn.execute(
        "SELECT project_code FROM summary ORDER BY budget_received DESC"
    ).fetchall()
    assert [code[-4:] for (code,) in by_budget] == ["6002", "6001"]  # 10,000 > 9,000
    rows = conn.execute("SELECT no, date, budget_used FROM progress ORDER BY project_code, no")
    assert rows.fetchall()[:3] == [
        (1, "2022-10-31", 1000.25),
        (2, "2022-11-30", 2000.5),
        (3, "2022-12-30", 3000.75),
    ]
    conn.close()

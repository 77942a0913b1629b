"""The drafts list is newest change first; search finds Thai names, codes, years and agencies."""

from __future__ import annotations

import sqlite3
from datetime import UTC
from pathlib import Path

import pytest

from forms.report import Report
from storage.drafts import DraftStore


def _report(name: str, code: str = "", year: int | None = None, **agency: str) -> Report:
    return Report(project_name=name, project_code=code, fiscal_year=year, **agency)


@pytest.fixture
def store(tmp_path: Path):
    with DraftStore.open(tmp_path / "drafts.db") as store:
        yield store


def test_list_is_newest_change_first(store: DraftStore):
    a = store.create(_report("ก"))
    b = store.create(_report("ข"))
    c = store.create(_report("ค"))
    assert [s.id for s in store.list()] == [c, b, a]
    store.save(a, _report("ก แก้ไข"))
    assert [s.id for s in store.list()] == [a, c, b]
    stamps = [s.updated_at for s in store.list()]
    assert stamps == sorted(stamps, reverse=True) and len(set(stamps)) == 3


def test_summary_carries_the_list_columns(store: DraftStore):
    draft_id = store.create(
        _report("พัฒนาคุณภาพ", "50280000-6851", 2566, agency_office="สำนักงานเขตบึงกุ่ม")
    )
    [summary] = store.list()
    assert (summary.id, summary.project_name, summary.project_code) == (
        draft_id,
        "พัฒนาคุณภาพ",
        "50280000-6851",
    )
    assert (summary.fiscal_year, summary.agency_office) == (2566, "สำนักงานเขตบึงกุ่ม")
    assert summary.updated_at.tzinfo is not None
    assert summary.updated_at.utcoffset() == UTC.utcoffset(None)
    assert summary.deleted_at is None


@pytest.fixture
def three(store: DraftStore) -> dict[str, int]:
    return {
        "school": store.create(
            _report(
                "พัฒนาคุณภาพเครือข่ายโรงเรียน",
                "50280000-6851",
                2566,
                agency_office="สำนักงานเขตบึงกุ่ม",
                agency_division="ฝ่ายการศึกษา",
            )
        ),
        "roads": store.create(
            _report(
                "ซ่อมแซมถนนในซอย",
                "50110000-0001",
                2567,
                agency_office="สำนักงานเขตบางรัก",
                agency_section="งานโยธา",
            )
        ),
        "english": store.create(_report("English Camp", "ABC-1", 2565)),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("เครือข่าย", {"school"}),  # inside the Thai name
        ("สำนักงานเขต", {"school", "roads"}),  # agency office
        ("ฝ่ายการศึกษา", {"school"}),  # division
        ("โยธา", {"roads"}),  # section
        ("6851", {"school"}),  # code
        ("2567", {"roads"}),  # fiscal year
        ("๒๕๖๖", {"school"}),  # fiscal year typed in Thai digits
        ("english", {"english"}),  # Latin letters ignore case
        ("บึงกุ่ม 2566", {"school"}),  # every word must match
        ("บึงกุ่ม 2567", set()),
        ("ไม่มีคำนี้", set()),
    ],
)
def test_search(store: DraftStore, three: dict[str, int], text: str, expected: set[str]):
    found = {s.id for s in store.search(text)}
    assert found == {three[key] for key in expected}


def test_empty_search_lists_everything(store: DraftStore, three: dict[str, int]):
    assert store.search("") == store.list()
    assert store.search("   ") == store.list()
    assert len(store.list()) == 3


def test_search_and_list_leave_out_the_bin(store: DraftStore, three: dict[str, int]):
    store.delete(three["school"])
    assert three["school"] not in {s.id for s in store.list()}
    assert store.search("เครือข่าย") == []


def test_search_text_is_data_not_sql(store: DraftStore, three: dict[str, int]):
    assert store.search("%") == []
    assert store.search("' OR 1=1 --") == []


def test_changes_made_through_another_connection_show_at_once(tmp_path: Path):
    db_path = tmp_path / "drafts.db"
    with DraftStore.open(db_path) as panel, DraftStore.open(db_path) as worker:
        assert panel.list() == []
        draft_id = worker.create(_report("ร่างจากอีกหน้าต่าง"))
        assert [s.id for s in panel.list()] == [draft_id]
        worker.save(draft_id, _report("ชื่อที่แก้จากเธรดบันทึก"))
        assert [s.project_name for s in panel.search("เธรดบันทึก")] == ["ชื่อที่แก้จากเธรดบันทึก"]
        worker.delete(draft_id)
        assert panel.list() == [] and [s.id for s in panel.list_bin()] == [draft_id]
        with sqlite3.connect(db_path) as raw:  # any other writer, not only a DraftStore
            raw.execute("UPDATE drafts SET project_name = 'แก้ตรง ๆ', deleted_at = NULL")
        raw.close()
        assert [s.project_name for s in panel.list()] == ["แก้ตรง ๆ"]

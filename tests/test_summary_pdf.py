"""The summary PDF of a collection (issue 11, item 5): a landscape A4 table whose every
project code and name, totals and header copy back exactly, with the shared probe
`thaipdf_probe.py` judging the text in poppler, PDFium and pypdf."""

from __future__ import annotations

import importlib.util
import os
import shutil
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pypdf
import pytest

from forms.district.summary import (
    SOURCE_APP_PDF,
    SOURCE_JSON,
    SOURCE_PRINTOUT,
    Collected,
    summary_row,
)
from forms.district.summary_pdf import EMPTY, MARGIN_X, PAGE_W, TITLE, render, story
from forms.district.summary_table import COLUMNS, TableRow, column_widths
from forms.export import SUMMARY_FORMATS, by_key, render_summary
from forms.interchange import loads
from forms.pdf.pages import paginate
from forms.report import ProgressReport, Report
from forms.thaidate import format_be_date, format_thai_long_date
from forms.thainum import format_money, format_percent
from tests.conftest import DATA, SHARED
from tests.pdf_samples import SENTENCES

TODAY = date(2023, 5, 15)
PDFJS = Path(os.environ.get("PDFJS_DIR", "/nonexistent")) / "node_modules" / "pdfjs-dist"
# pdf.js is measured too when a pdfjs-dist install is named by PDFJS_DIR
ENGINES = [
    "poppler",
    "pdfium",
    "pypdf",
    *(["pdfjs"] if PDFJS.is_dir() and shutil.which("node") else []),
]
DISTRICTS = ["สำนักงานเขตบึงกุ่ม", "สำนักงานเขตบางเขน", "สำนักงานเขตลาดพร้าว"]
SCHOOLS = ["โรงเรียนวัดบางเป้ง", "โรงเรียนคลองกุ่ม", "โรงเรียนสุเหร่าจรเข้ขบ", "ฝ่ายการศึกษา"]
NAMES = [
    "พัฒนาคุณภาพเครือข่ายโรงเรียน",
    "ส่งเสริมการอ่านของนักเรียนทุกๆ ระดับชั้น ด้วยห้องสมุดมีชีวิตและกิจกรรมสัปดาห์ห้องสมุด",
    "อาหารกลางวันนักเรียน",
    "ปรับปรุงซ่อมแซมอาคารเรียนและปั้มน้ำ ระบบประปา ระบบไฟฟ้า และห้องน้ำนักเรียน"
    " ของโรงเรียนในสังกัดสำนักงานเขต ให้ปลอดภัยและถูกสุขลักษณะตามมาตรฐานกรุงเทพมหานคร",
    "e-Budget ฝึกอบรมครูผู้สอนภาษาอังกฤษ (English Program)",
    "ค่ายคุณธรรม จริยธรรม ผู้เรียนกตัญญูต่อผู้มีพระคุณ",
]


def varied_report(i: int) -> Report:
    """Report `i` of a varied collection: names short and long, budgets with and without
    satang, none, overspent; zero to four progress reports with every status."""
    start = date(2022, 10, 1)
    progress = [
        ProgressReport(
            no=k + 1,
            date=start + timedelta(days=37 * k + i),
            narrative=SENTENCES[(i + k) % len(SENTENCES)],
            progress_percent=Decimal(min(100, 15 * (k + 1) + i % 9)).quantize(Decimal("0.01")),
            budget_used=Decimal(4000 * (k + 1) + 250 * i) + (Decimal("0.75") if i % 5 == 1 else 0),
            plan_status=None if (i + k) % 13 == 6 else ("off_plan" if i % 4 == 1 else "on_plan"),
            target_status="off_target" if i % 6 == 2 else "on_target",
        )
        for k in range(i % 5)
    ]
    budget = None if i % 17 == 9 else Decimal(20000 + 1500 * i)
    if i % 10 == 3:
        budget = Decimal(5000)  # overspent once reports come in
    return Report(
        project_name=f"{NAMES[i % len(NAMES)]} {i + 1}",
        project_code=f"5028{i:04d}-{6800 + i}",
        fiscal_year=2566,
        budget_received=budget,
        agency_office=DISTRICTS[i % len(DISTRICTS)],
        agency_division="ฝ่ายการศึกษา",
        agency_section=SCHOOLS[i % len(SCHOOLS)],
        progress_reports=progress,
    )


def collected(report: Report, i: int = 0) -> Collected:
    kind = (SOURCE_APP_PDF, SOURCE_JSON, SOURCE_PRINTOUT)[i % 3]
    row = summary_row(report, errors=int(i % 7 == 2) + int(i % 11 == 5) * 12, warnings=(i * 3) % 5)
    return Collected(report, row, f"รายงาน/{report.project_code}.pdf", kind)


def varied_items(n: int = 40) -> list[Collected]:
    sample = loads((DATA / "sample_report.json").read_text(encoding="utf-8"))
    return [collected(sample), *(collected(varied_report(i), i) for i in range(1, n))]


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(path).pages]


def squash(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="module")
def items() -> list[Collected]:
    return varied_items()


@pytest.fixture(scope="module")
def summary_pdf(tmp_path_factory: pytest.TempPathFactory, items: list[Collected]) -> Path:
    path = tmp_path_factory.mktemp("summary") / "summary.pdf"
    path.write_bytes(render(items, TODAY))
    return path


def test_the_registry_names_this_renderer(items: list[Collected]) -> None:
    data = render_summary(by_key(SUMMARY_FORMATS, "pdf"), items[:3], TODAY)
    assert data.startswith(b"%PDF-")
    assert data == render(items[:3], TODAY)  # the same input gives the same bytes


def test_pages_are_landscape_a4(summary_pdf: Path) -> None:
    for page in pypdf.PdfReader(summary_pdf).pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (842, 595)


def test_every_code_and_name_copies_back_exactly(summary_pdf: Path, items) -> None:
    text = "\n".join(page_texts(summary_pdf))
    for item in items:
        assert item.row.project_code in text
        # a wrapped name is cut at a line end only; the words themselves come back exactly
        assert squash(item.row.project_name) in squash(text)
    assert TITLE in text
    assert f"ข้อมูล ณ วันที่ {format_thai_long_date(TODAY)} ({len(items)} โครงการ)" in text


def test_the_probe_reads_every_text_exactly(summary_pdf: Path, items) -> None:
    spec = importlib.util.spec_from_file_location(
        "thaipdf_probe", SHARED / "tools" / "thaipdf_probe.py"
    )
    assert spec and spec.loader
    probe = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(probe)
    texts = [
        t for i in items for t in (i.row.project_code, i.row.project_name, i.row.agency_section)
    ]
    texts += [f"รวม {len(items)} โครงการ", "ไม่เป็นไปตามเป้าหมาย", "อ่านจากเอกสารพิมพ์"]
    for engine in ENGINES:
        total, found, exact, badbreak = probe.probe(str(summary_pdf), texts, engine)
        assert (found, exact, badbreak) == (total, total, 0), engine


def test_totals(summary_pdf: Path, items) -> None:
    received = sum((i.row.budget_received or 0 for i in items), Decimal(0))
    spent = sum((i.row.budget_spent for i in items), Decimal(0))
    last = page_texts(summary_pdf)[-1]
    assert f"รวม {len(items)} โครงการ" in last
    assert format_money(received) in last and format_money(spent) in last
    assert format_percent((spent * 100 / received).quantize(Decimal("0.01"))) in last


def test_many_rows_run_over_pages_each_with_the_header(summary_pdf: Path) -> None:
    pages = page_texts(summary_pdf)
    assert len(pages) >= 3
    for number, text in enumerate(pages, start=1):
        assert f"หน้า {number}/{len(pages)}" in text
        for col in COLUMNS:
            assert squash(col.title) in squash(text), (number, col.title)
    assert TITLE in pages[0]


def test_row_numbers_run_in_order_over_the_pages(summary_pdf: Path, items) -> None:
    """No row is lost or doubled at a page break."""
    reader = pypdf.PdfReader(summary_pdf)
    codes = [i.row.project_code for i in items]
    seen = []
    for page in reader.pages:
        text = page.extract_text()
        seen.extend(c for c in codes if c in text)
    assert seen == codes


def test_a_row_never_splits_across_pages(items) -> None:
    width = PAGE_W - 2 * MARGIN_X
    widths = column_widths(width)
    height = 400.0
    blocks = story(items, TODAY, widths, height)
    pages = paginate(blocks, width, height)
    placed = [p.block for page in pages for p in page if isinstance(p.block, TableRow)]
    assert len(placed) == len(items) + 1  # every report's row whole, and the totals
    assert len(pages) > 1


def test_a_row_taller_than_a_page_is_cut_between_lines_not_lost() -> None:
    """Fields at their length limits in a script without break opportunities: the one
    row that cannot move on whole is cut between lines, every line kept."""
    report = replace(
        varied_report(2),
        project_name="W" * 500,
        agency_office="M" * 200,
        agency_division="N" * 200,
        agency_section="Q" * 200,
    )
    width, height = 760.0, 300.0
    blocks = story([collected(report)], TODAY, column_widths(width), height)
    pages = paginate(blocks, width, height)
    *parts, totals = [p.block for page in pages for p in page if isinstance(p.block, TableRow)]
    assert len(parts) > 1 and len(pages) == len(parts)
    assert all(part.height <= height for part in parts)
    assert "".join(text for part in parts for text, _ts in part.lines()[1]) == (
        "M" * 200 + "N" * 200 + "Q" * 200
    )
    assert "".join(text for part in parts for text, _ts in part.lines()[3]) == "W" * 500
    assert totals.cells[0][0].text == "รวม 1 โครงการ"


def test_several_fiscal_years_show_the_year_under_the_code(tmp_path: Path) -> None:
    items = [collected(varied_report(1)), collected(replace(varied_report(2), fiscal_year=2567))]
    path = tmp_path / "years.pdf"
    path.write_bytes(render(items, TODAY))
    text = page_texts(path)[0]
    assert "ปีงบประมาณ พ.ศ. 2566, 2567" in text
    assert "ปีงบฯ 2567" in text


def test_statuses_and_problems_in_thai_words(summary_pdf: Path, items) -> None:
    text = "\n".join(page_texts(summary_pdf))
    for words in ("ไม่เป็นไปตามแผน", "เป็นไปตามเป้าหมาย", "ไม่เป็นไปตามเป้าหมาย", "ข้อผิดพลาด 1"):
        assert words in text
    assert "อ่านจากเอกสารพิมพ์" in text
    # the sample's latest report, dated as the report PDF dates reports
    assert format_be_date(items[0].row.latest_date) == "28/09/2566"
    assert "ครั้งที่ 10\n28/09/2566" in text


def test_an_empty_collection_says_there_is_nothing(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    path.write_bytes(render([], TODAY))
    pages = page_texts(path)
    assert len(pages) == 1
    assert TITLE in pages[0] and EMPTY in pages[0] and "หน้า 1/1" in pages[0]
    assert "รวม" not in pages[0]


def test_a_report_with_nothing_filled_in_still_has_its_row(tmp_path: Path) -> None:
    path = tmp_path / "blank.pdf"
    path.write_bytes(render([collected(Report()), collected(varied_report(1))], TODAY))
    text = page_texts(path)[0]
    assert "ยังไม่มี" in text and "รวม 2 โครงการ" in text
    assert "ปีงบประมาณ พ.ศ. 2566" in text and "ปีงบฯ" not in text  # one year: in the title

"""The app's own PDFs always import back (issue 12): one over the page limit is read from
its attachment, its pages skipped and said; a printout over the limit is still refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from forms.pdf import render_pdf
from forms.printout import PrintoutError, import_file, pdf_text
from forms.printout.pdf_text import read_pdf
from forms.report import Report
from tests.test_printout_files import pdf_bytes, printout_pages


@pytest.fixture
def one_page_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    # a 3,000-report export is hundreds of pages; the sample's three pages over a limit of
    # one stand for it (the limit is read when each PDF is read)
    monkeypatch.setattr(pdf_text, "MAX_PAGES", 1)


def test_an_app_pdf_over_the_page_limit_imports_whole_from_its_attachment(
    tmp_path: Path, sample_report: Report, one_page_limit: None
):
    path = tmp_path / "long.pdf"
    path.write_bytes(render_pdf(sample_report))
    result = import_file(path)
    assert result.report == sample_report
    assert result.warnings == [
        "ไฟล์ PDF นี้ยาวเกิน 500 หน้า จึงไม่ได้อ่านข้อความในหน้ามาเทียบ — นำเข้าจากข้อมูลรายงานที่แนบในไฟล์ซึ่งตรงทุกช่อง"
    ]


@pytest.mark.parametrize("in_process", [False, True])
def test_both_readers_skip_the_pages_of_a_long_app_pdf(
    tmp_path: Path, sample_report: Report, one_page_limit: None, in_process: bool
):
    path = tmp_path / "long.pdf"
    path.write_bytes(render_pdf(sample_report))
    content = read_pdf(path, in_process=in_process)
    assert (content.text, content.text_skipped) == ("", "pages")
    assert content.report_json is not None


def test_a_printout_over_the_page_limit_is_still_refused(tmp_path: Path, one_page_limit: None):
    path = tmp_path / "printout.pdf"
    path.write_bytes(pdf_bytes(printout_pages()))  # two pages, no attachment
    with pytest.raises(PrintoutError) as raised:
        import_file(path)
    assert "หน้า" in str(raised.value)

"""Pages that break like a typesetter's (issue 12): the certification never alone at the
top of the last page, a report cut across pages labelled `(ต่อ)` where it goes on, and the
section-2 heading kept with a long report's first lines rather than its whole height."""

from __future__ import annotations

import io
from dataclasses import replace

import pypdfium2 as pdfium
import pytest

from forms.interchange import loads
from forms.pdf import render_pdf
from forms.pdf.blocks import CONTINUED
from forms.printed import CERTIFICATION
from forms.report import Report
from tests.conftest import DATA
from tests.pdf_samples import SENTENCES


def _sample() -> Report:
    return loads((DATA / "sample_report.json").read_text(encoding="utf-8"))


def _pages(report: Report, justify: bool = False) -> list[str]:
    pdf = pdfium.PdfDocument(io.BytesIO(render_pdf(report, justify=justify)))
    return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]


def _with_reports(count: int) -> Report:
    report = _sample()
    log = report.progress_reports
    report.progress_reports = [replace(log[i % len(log)], no=i + 1) for i in range(count)]
    return report


@pytest.mark.parametrize("justify", [False, True])
def test_the_certification_never_stands_alone_for_1_to_40_reports(justify: bool):
    # before the fix it stood alone with 6, 15, 24 and 33 of the sample's reports
    for count in range(1, 41):
        pages = _pages(_with_reports(count), justify)
        last = pages[-1]
        assert CERTIFICATION[:20] in "".join(last.split()) or CERTIFICATION[:10] in last
        assert "รายงานครั้งที่" in last, (count, justify)
        for number, text in enumerate(pages, start=1):
            assert f"หน้า {number}/{len(pages)}" in text, (count, number)


def _long_narrative(characters: int) -> str:
    text = ""
    while len(text) < characters:
        text += SENTENCES[len(text) % len(SENTENCES)] + " "
    return text.strip()


def test_a_report_taller_than_a_page_goes_on_labelled_continued():
    report = _with_reports(4)
    report.progress_reports[3] = replace(
        report.progress_reports[3], narrative=_long_narrative(6000)
    )
    pages = _pages(report)
    with_report_4 = [text for text in pages if "รายงานครั้งที่4" in text.replace(" ", "")]
    assert len(with_report_4) >= 3  # starts, goes on over a whole page, ends
    assert CONTINUED not in with_report_4[0]
    assert all(CONTINUED in text for text in with_report_4[1:])


def test_the_section_heading_keeps_with_a_long_reports_first_lines_not_all_of_it():
    report = _with_reports(1)
    report.progress_reports[0] = replace(
        report.progress_reports[0], narrative=_long_narrative(9000)
    )
    pages = _pages(report)
    heading = next(i for i, text in enumerate(pages) if "2. รายงานความก้าวหน้า" in text)
    # the heading stays on the page where section 1 ends, the report starting under it
    # (before, both moved on to the next page, leaving this one's foot blank)
    assert "ตัวชี้วัด" in pages[heading]
    assert "รายงานครั้งที่1" in pages[heading].replace(" ", "")

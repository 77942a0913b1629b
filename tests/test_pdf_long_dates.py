"""The optional Thai long dates (`1 ตุลาคม 2565`) in the PDF, which FORM.md allows, and
which the printout reader reads back."""

from __future__ import annotations

from pathlib import Path

from forms.pdf import render_pdf
from forms.printout import extract_pdf_text, parse_printout_text


def _text(tmp_path: Path, data: bytes) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    return extract_pdf_text(path)


def test_the_official_look_is_the_default(tmp_path, sample_report):
    text = _text(tmp_path, render_pdf(sample_report))
    assert "2022-10-01 00:00:00" in text and ":: 30/01/2566 :" in text
    assert "ตุลาคม" not in text


def test_long_dates_print_every_date_in_thai_words(tmp_path, sample_report):
    text = _text(tmp_path, render_pdf(sample_report, long_dates=True))
    assert "เริ่มต้นโครงการ : 1 ตุลาคม 2565" in text
    assert "สิ้นสุดโครงการ : 30 กันยายน 2566" in text
    assert ":: 30 มกราคม 2566 :" in text
    assert "2022-10-01" not in text and "30/01/2566" not in text


def test_long_dates_are_read_back_from_the_pdf_text(tmp_path, sample_report):
    text = _text(tmp_path, render_pdf(sample_report, long_dates=True))
    back = parse_printout_text(text).report
    assert (back.start_date, back.end_date) == (sample_report.start_date, sample_report.end_date)
    assert [r.date for r in back.progress_reports] == [
        r.date for r in sample_report.progress_reports
    ]

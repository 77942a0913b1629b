"""Any report the JSON format admits exports, and every typed text comes back out of the
PDF (Hypothesis: random Thai text, marks in any order, empty and odd values)."""

from __future__ import annotations

import re
import subprocess
import unicodedata

from hypothesis import given, settings

from forms.pdf import render_pdf
from forms.pdf.fonts import face
from forms.pdf.paragraph import TextStyle, fill_lines
from forms.pdf.samples import field_texts
from forms.pdf.shaping import shape
from forms.report import ProgressReport, Report
from tests.strategies import reports


def squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


def poppler_text(data: bytes) -> str:
    run = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", "-", "-"],
        input=data,
        capture_output=True,
        check=True,
    )
    return run.stdout.decode("utf-8")


@settings(max_examples=25)
@given(reports())
def test_any_report_exports_and_copies_back(report):
    data = render_pdf(report)
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    flat = squash(poppler_text(data))
    for text in field_texts(report):
        assert squash(text) in flat, text


def test_odd_characters_print_without_loss():
    odd = ["a\tb", "x\r\ny\rz", "ก\u200bข", "ก\u00a0ข", "่่ก", "中文", "👍 ok", "ๆๆ"]
    report = Report(rationale=odd, progress_reports=[ProgressReport(narrative="\n".join(odd))])
    flat = squash(poppler_text(render_pdf(report)))
    for text in ["ab", "ก\u200bข".replace("\u200b", ""), "中文", "👍ok", "ๆๆ", "่่ก"]:
        assert squash(text) in flat.replace("\u200b", ""), text


def test_a_tab_takes_a_space_and_says_tab():
    clusters = shape(face(), "a\tb")
    assert [c.text for c in clusters] == ["a", "\t", "b"]
    assert clusters[1].units[0].glyphs == shape(face(), " ")[0].units[0].glyphs


def test_every_kind_of_line_break_ends_a_line():
    assert fill_lines("x\r\ny\rz\u2028w", TextStyle(), 300) == ["x", "y", "z", "w"]


def test_same_report_same_bytes_even_from_several_threads(sample_report):
    """Exports are reproducible, and the shared shaping caches hold under threads (the
    app may render a preview while exporting)."""
    from concurrent.futures import ThreadPoolExecutor

    from forms.pdf.samples import long_report

    reports = [sample_report, long_report(12, 4)] * 3
    expected = [render_pdf(r) for r in reports]
    with ThreadPoolExecutor(max_workers=3) as pool:
        assert list(pool.map(render_pdf, reports)) == expected

"""Any report the JSON format admits exports, and every typed text comes back out of the
PDF (Hypothesis: random Thai text, marks in any order, empty and odd values)."""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from threading import Barrier

import pytest
from hypothesis import given, settings
from reportlab import rl_config

from forms.pdf import render_pdf
from forms.pdf.fonts import face
from forms.pdf.paragraph import TextStyle, fill_lines
from forms.pdf.shaping import Unit, _unit, shape
from forms.report import ProgressReport, Report
from tests.pdf_samples import field_texts, long_report
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


def test_same_report_same_bytes_even_from_several_threads(sample_report, monkeypatch):
    """Exports are reproducible, and the shared shaping caches hold under threads (the
    app may render a preview while exporting); nor do concurrent renders leave ReportLab's
    process-wide settings changed."""
    reports = [sample_report, long_report(12, 4)] * 3
    expected = [render_pdf(r) for r in reports]
    for _round in range(5):
        monkeypatch.setattr(rl_config, "useA85", 1)  # ReportLab's default, every round
        with ThreadPoolExecutor(max_workers=3) as pool:
            assert list(pool.map(render_pdf, reports)) == expected
        assert rl_config.useA85 == 1


@pytest.mark.parametrize("a85", [0, 1])
def test_output_and_reportlab_settings_independent_of_each_other(sample_report, monkeypatch, a85):
    """ReportLab's stream encoding is a process-wide switch (`rl_config.useA85`, read while
    saving): a render must neither follow it (another thread may have it set either way)
    nor change it (setting it around the save raced: one render restored it while another
    was saving, whose pages then came out in ASCII85)."""
    expected = render_pdf(sample_report)
    monkeypatch.setattr(rl_config, "useA85", a85)
    data = render_pdf(sample_report)
    assert rl_config.useA85 == a85
    assert b"ASCII85Decode" not in data
    assert data == expected


def test_a_new_glyph_unit_is_one_object_across_threads():
    """Threads meeting the same new unit at once share one object (one glyph code per
    document); a get-then-set could hand out two. Thread switches are made very frequent
    so that an unsafe version fails here nearly every run."""
    workers = 8
    old_interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        for trial in range(100):
            barrier = Barrier(workers)
            key = (f"test-unit-{id(barrier)}-{trial}", ((1, 0, 0),), 500)

            def make(_n: int, barrier: Barrier = barrier, key: tuple = key) -> Unit:
                barrier.wait()
                return _unit(*key)

            with ThreadPoolExecutor(max_workers=workers) as pool:
                units = list(pool.map(make, range(workers)))
            assert len({u.uid for u in units}) == 1, trial
    finally:
        sys.setswitchinterval(old_interval)

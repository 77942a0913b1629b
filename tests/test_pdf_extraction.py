"""Copy and search: every typed text comes back out of the PDF character for character,
with no line break inside a word, in poppler, PDFium and pypdf (and pdf.js when
`PDFJS_DIR` holds pdfjs-dist), judged by the shared probe `thaipdf_probe.py`."""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path

import pytest

from forms.pdf import render_pdf
from forms.report import ProgressReport, Report
from forms.thaidate import format_thai_long_date
from tests.conftest import SHARED
from tests.pdf_samples import field_texts, long_report, stress_texts

PROBE_PATH = SHARED / "tools" / "thaipdf_probe.py"


def _load_probe():
    spec = importlib.util.spec_from_file_location("thaipdf_probe", PROBE_PATH)
    assert spec and spec.loader, PROBE_PATH
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _pdfjs_available() -> bool:
    folder = os.environ.get("PDFJS_DIR")
    return bool(
        folder and shutil.which("node") and (Path(folder) / "node_modules" / "pdfjs-dist").is_dir()
    )


probe = _load_probe()
# pdf.js is an optional engine: measured when a pdfjs-dist install is named by PDFJS_DIR.
ENGINES = ["poppler", "pdfium", "pypdf", *(["pdfjs"] if _pdfjs_available() else [])]


def probe_figures(pdf: Path, texts: list[str], engine: str) -> tuple[int, int, int, int]:
    return probe.probe(str(pdf), texts, engine)


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, tuple[Path, list[str]]]:
    folder = tmp_path_factory.mktemp("pdf")
    from forms.interchange import loads
    from tests.conftest import DATA

    sample = loads((DATA / "sample_report.json").read_text(encoding="utf-8"))
    long = long_report()
    stress = Report(project_name="ทดสอบ", rationale=stress_texts())
    out = {}
    for name, report, texts in [
        ("sample", sample, field_texts(sample)),
        ("long", long, field_texts(long)),
        ("stress", stress, stress_texts()),
    ]:
        for justify in (False, True):
            key = f"{name}-justified" if justify else name
            path = folder / f"{key}.pdf"
            path.write_bytes(render_pdf(report, justify=justify))
            out[key] = (path, texts)
    # both style choices at once, the long dates themselves among the texts probed
    path = folder / "sample-styled.pdf"
    path.write_bytes(render_pdf(sample, justify=True, long_dates=True))
    dates = [sample.start_date, sample.end_date, *(p.date for p in sample.progress_reports)]
    out["sample-styled"] = (path, field_texts(sample) + [format_thai_long_date(d) for d in dates])
    return out


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    "name",
    [
        "sample",
        "long",
        "stress",
        "sample-justified",
        "long-justified",
        "stress-justified",
        "sample-styled",
    ],
)
def test_every_text_copies_back_exactly(pdfs, name, engine):
    path, texts = pdfs[name]
    n, found, exact, bad = probe_figures(path, texts, engine)
    assert n == len([t for t in texts if t.strip()]) > 0
    assert (found, exact, bad) == (n, n, 0)


def flush_right_lines(path: Path) -> int:
    """Lines of page 1 that end at the right edge of the text frame (poppler's boxes)."""
    import re
    import subprocess

    from forms.pdf.report_pages import frame_box

    x, _y, w, _h = frame_box()
    html = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", "-bbox-layout", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    ends = [
        float(v) for v in re.findall(r'<line xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"', html)
    ]
    return sum(abs(e - (x + w)) < 0.05 for e in ends)


def test_justified_prose_fills_its_lines(pdfs):
    justified = flush_right_lines(pdfs["sample-justified"][0])
    assert justified >= flush_right_lines(pdfs["sample"][0]) + 5


def test_long_report_is_long(pdfs):
    import pypdf

    path, texts = pdfs["long"]
    assert len(pypdf.PdfReader(path).pages) >= 8
    assert sum("\n" in t for t in texts) >= 5  # narratives typed over several lines


def test_the_probe_can_fail(tmp_path):
    """A text the PDF does not hold is reported missing (the judge is not blind)."""
    report = Report(project_name="ที่ปี่", progress_reports=[ProgressReport(narrative="น้ำต่ำ")])
    path = tmp_path / "r.pdf"
    path.write_bytes(render_pdf(report))
    n, found, exact, _bad = probe_figures(path, ["ที่ปี่", "น้ำต่ำ", "น้าต่า"], "poppler")
    assert (n, found, exact) == (3, 2, 2)

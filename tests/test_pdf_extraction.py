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
from forms.pdf.samples import field_texts, long_report, stress_texts
from forms.report import ProgressReport, Report
from tests.conftest import SHARED

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
        path = folder / f"{name}.pdf"
        path.write_bytes(render_pdf(report))
        out[name] = (path, texts)
    return out


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", ["sample", "long", "stress"])
def test_every_text_copies_back_exactly(pdfs, name, engine):
    path, texts = pdfs[name]
    n, found, exact, bad = probe_figures(path, texts, engine)
    assert n == len([t for t in texts if t.strip()]) > 0
    assert (found, exact, bad) == (n, n, 0)


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

"""This app's own PDF export (`forms.pdf.render_pdf`) imports back through its text.

What the export's text cannot carry is stated by the strategy below, each with its reason;
everything else must come back field for field.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from forms.interchange import loads
from forms.pdf.document import render_pdf
from forms.printout import import_file
from forms.report import Report
from tests.conftest import DATA
from tests.test_printout_roundtrip import printable_reports

# The export joins `office / division / section` and `name / phone` leaving out empty
# parts, so an empty part followed by a filled one reads as the earlier part, a name of
# digits alone reads as a phone number, and a slash in a name without a phone as the split.
_PARTS = ("agency_office", "agency_division", "agency_section")


def _exportable(report: Report) -> Report:
    parts = [getattr(report, key) for key in _PARTS]
    for i, part in enumerate(parts):
        if not part:
            parts[i:] = [""] * (len(parts) - i)
            break
    name = report.coordinator_name.replace("/", "")  # `name / phone`, an empty phone left out
    if name and name.replace(" ", "").isdigit():
        name = f"ก{name}"
    return replace(report, **dict(zip(_PARTS, parts, strict=True)), coordinator_name=name)


# Paragraphs short enough for one line: where a long paragraph wraps, the export's text has
# nothing (no gap, no indent) to tell its wrapped line from the next paragraph.
# Codes and phones of ASCII digits: Sarabun has no glyphs for other scripts' digits.
# A tone mark on a tone mark (`็็`) is no Thai anyone types; its stack stands so tall that
# PDFium reads it as part of the line above.
_STACKED = re.compile(r"[\u0e47-\u0e4e]{2}|[\u0e31\u0e34-\u0e37\u0e47-\u0e4e]{3}")


def _typeable(report: Report) -> bool:
    return not _STACKED.search(repr(report))  # repr keeps Thai marks as they are


exportable_reports = st.builds(
    lambda report, code, phone: replace(
        _exportable(report), project_code=code, coordinator_phone=phone
    ),
    printable_reports.filter(lambda r: all(len(p) <= 40 for p in r.rationale)).filter(_typeable),
    st.from_regex(r"[0-9]{8}-[0-9]{4}", fullmatch=True) | st.just(""),
    st.from_regex(r"[0-9]{0,6}", fullmatch=True),
)


def _import_export(report: Report, folder: Path) -> Report:
    path = folder / "export.pdf"
    path.write_bytes(render_pdf(report))
    result = import_file(path)
    assert result.unused_lines == []
    assert result.warnings == []
    return result.report


@settings(max_examples=15)  # each example renders a PDF and starts the PDF reader
@given(report=exportable_reports)
def test_exported_pdf_imports_back_field_for_field(
    report: Report, tmp_path_factory: pytest.TempPathFactory
):
    assert _import_export(report, tmp_path_factory.mktemp("pdf")) == report


def test_sample_report_exported_and_imported(tmp_path: Path):
    report = loads((DATA / "sample_first_copy.json").read_text(encoding="utf-8"))
    back = _import_export(report, tmp_path)
    # Long paragraphs wrap (see above): the rationale comes back with no text lost, but
    # split at its line ends; every other field is exact.
    assert replace(back, rationale=report.rationale) == report
    assert "".join(back.rationale).replace(" ", "") == "".join(report.rationale).replace(" ", "")
    assert len(back.rationale) > len(report.rationale)

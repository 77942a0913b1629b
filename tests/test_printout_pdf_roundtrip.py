"""This app's own PDF export (`forms.pdf.render_pdf`) imports back.

`import_file` prefers the report JSON every export carries attached, which gives back any
report exactly. The text path (for official printouts, and app PDFs whose attachment was
lost) is proven here too, on the app's own exports: what the export's text cannot carry is
stated by the strategy below, each with its reason; everything else must come back field
for field.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from forms.interchange import loads
from forms.pdf.report_pages import render_pdf
from forms.printout import extract_pdf_text, import_file, parse_printout_text
from forms.report import ProgressReport, Report
from tests.conftest import DATA
from tests.strategies import reports
from tests.test_printout_roundtrip import _printable, printable_reports

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
# A mark with no letter under it (damage the checks flag) is drawn on a dotted circle, and
# extractors disagree on where such a mark belongs: such marks are dropped from the texts.
_ORPHAN_MARK = re.compile(r"(?:^|(?<=\s))[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]+")


def _without_orphan_marks(report: Report) -> Report:
    def fix(value: object) -> object:
        if isinstance(value, str):
            return _ORPHAN_MARK.sub("", value)
        if isinstance(value, list):  # a list item left empty is left out, as printed
            return [fixed for fixed in map(fix, value) if fixed]
        return value

    changed = {k: fix(v) for k, v in vars(report).items() if k != "progress_reports"}
    reports_ = [replace(r, narrative=fix(r.narrative)) for r in report.progress_reports]
    # A dropped mark can leave a space at an end or two spaces together ("0 ั" → "0 "),
    # which a printed line does not keep: the text is cleaned again as printed.
    return _printable(replace(report, **changed, progress_reports=reports_))


def _typeable(report: Report) -> bool:
    return not _STACKED.search(repr(report))  # repr keeps Thai marks as they are


exportable_reports = st.builds(
    lambda report, code, phone: replace(
        _exportable(_without_orphan_marks(report)), project_code=code, coordinator_phone=phone
    ),
    printable_reports.filter(lambda r: all(len(p) <= 40 for p in r.rationale)).filter(_typeable),
    st.from_regex(r"[0-9]{8}-[0-9]{4}", fullmatch=True) | st.just(""),
    st.from_regex(r"[0-9]{0,6}", fullmatch=True),
)


def _import_export(report: Report, folder: Path) -> Report:
    """The report read back from the exported PDF's text alone (its attachment ignored)."""
    path = folder / "export.pdf"
    path.write_bytes(render_pdf(report))
    result = parse_printout_text(extract_pdf_text(path))
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


@settings(max_examples=15)
@given(report=reports(max_reports=20))
def test_any_exported_report_imports_back_exactly_through_its_attachment(
    report: Report, tmp_path_factory: pytest.TempPathFactory
):
    path = tmp_path_factory.mktemp("pdf") / "export.pdf"
    path.write_bytes(render_pdf(report))
    result = import_file(path)
    assert result.report == report
    assert result.warnings == [] and result.unused_lines == []
    assert result.recognised[0] == ("pdf_attachment", "bma-project-report.json")


def test_sample_imports_back_exactly_from_the_app_pdf(tmp_path: Path):
    report = loads((DATA / "sample_first_copy.json").read_text(encoding="utf-8"))
    path = tmp_path / "รายงาน.pdf"
    path.write_bytes(render_pdf(report))
    assert import_file(path).report == report


def test_a_broken_attachment_falls_back_to_the_text_with_a_warning(tmp_path: Path):
    import io

    from pypdf import PdfReader, PdfWriter

    report = loads((DATA / "sample_first_copy.json").read_text(encoding="utf-8"))
    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(render_pdf(report))).pages:
        writer.add_page(page)
    writer.add_attachment("bma-project-report.json", b'{"no_such_field": 1}')
    path = tmp_path / "broken.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    result = import_file(path)
    assert "no_such_field" in result.warnings[0]
    assert result.report.project_code == report.project_code
    assert len(result.report.progress_reports) == 10


def test_dropping_an_orphan_mark_leaves_the_text_as_printed():
    # Found by CI: "0 ั" lost its mark and kept the space before it, which no line prints.
    report = _without_orphan_marks(Report(signer_position="0 ั", objectives=["ก  ั ข"]))
    assert (report.signer_position, report.objectives) == ("0", ["ก ข"])


def test_an_attachment_changed_after_export_is_not_taken_for_the_clerks_data(
    sample_report, tmp_path
):
    from io import BytesIO

    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    from forms.pdf import render_pdf

    writer = PdfWriter(clone_from=PdfReader(BytesIO(render_pdf(sample_report))))
    changed = 0
    for number in range(1, len(writer._objects) + 1):
        obj = writer.get_object(number)
        if hasattr(obj, "get_data") and obj.get("/Type") == NameObject("/EmbeddedFile"):
            data = obj.get_data()
            obj.set_data(data.replace(b"180000", b"980000"))  # the checksum stays the old one
            changed += 1
    assert changed == 1
    damaged = tmp_path / "แก้แล้ว.pdf"
    with damaged.open("wb") as out:
        writer.write(out)
    result = import_file(damaged)
    assert result.recognised[0][0] != "pdf_attachment"  # read from the page text instead
    assert "ไม่ตรงกับค่าตรวจสอบ" in result.warnings[0]
    assert result.report.budget_received == sample_report.budget_received


def test_pages_edited_after_export_are_flagged_where_they_differ(
    sample_report, tmp_path, monkeypatch
):
    import forms.pdf.report_pages as document
    from forms.interchange import dumps

    edited = replace(
        sample_report,
        budget_received=sample_report.budget_received + 100000,
        progress_reports=[
            replace(r, progress_percent=Decimal("99")) if r.no == 3 else r
            for r in sample_report.progress_reports
        ],
    )
    # the pages print `edited`, the attachment (with its valid checksum) still holds the
    # report as exported: what a PDF editor leaves behind
    monkeypatch.setattr(document, "dumps", lambda _report: dumps(sample_report))
    path = tmp_path / "แก้หน้าแล้ว.pdf"
    path.write_bytes(render_pdf(edited))
    monkeypatch.undo()
    result = import_file(path)
    assert result.report == sample_report  # the attachment is what is imported ...
    assert result.recognised[0][0] == "pdf_attachment"
    [budget, percent] = result.warnings  # ... and each difference is named
    assert budget.startswith("งบประมาณที่ได้รับ (บาท): ข้อมูลที่แนบใน PDF เป็น 180,000 บาท")
    assert "หน้า PDF พิมพ์ว่า 280,000 บาท" in budget
    assert percent.startswith('รายงานครั้งที่ 3 ช่อง "ความก้าวหน้า')
    assert "99.00 %" in percent and "ตรวจกับแบบพิมพ์" in percent


def test_many_differences_are_summed_up_in_the_last_warning():
    from forms.printout.agreement import MAX_WARNINGS, disagreements

    attached = Report(
        progress_reports=[ProgressReport(no=n, progress_percent=Decimal(n)) for n in range(1, 31)]
    )
    printed = Report(
        progress_reports=[
            ProgressReport(no=n, progress_percent=Decimal(n + 1)) for n in range(1, 31)
        ]
    )
    warnings = disagreements(attached, printed)
    assert len(warnings) == MAX_WARNINGS
    assert warnings[-1] == f"และอีก {30 - MAX_WARNINGS + 1:,} ช่องที่ไม่ตรงกัน"
    assert disagreements(attached, attached) == []

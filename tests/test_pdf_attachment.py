"""Every exported PDF carries the report's interchange JSON as an attached file, which
reads back to the very same report; reading it from any other file gives None."""

from __future__ import annotations

import io
import subprocess
import sys
import zlib
from dataclasses import replace

import pypdf
import pytest
from hypothesis import given, settings
from reportlab.pdfgen.canvas import Canvas

from forms.interchange import dumps, loads
from forms.pdf import REPORT_JSON_NAME, embedded_report_json, render_pdf
from forms.pdf.readback import MAX_JSON_BYTES, MAX_PDF_BYTES
from tests.conftest import ROOT
from tests.pdf_samples import long_report
from tests.strategies import reports


def test_the_sample_comes_back_exactly(sample_report):
    data = render_pdf(sample_report)
    text = embedded_report_json(data)
    assert text == dumps(sample_report)
    assert loads(text) == sample_report


def test_a_long_report_comes_back_exactly():
    report = long_report()
    assert loads(embedded_report_json(render_pdf(report))) == report


@settings(max_examples=30)
@given(reports())
def test_any_report_comes_back_exactly(report):
    assert loads(embedded_report_json(render_pdf(report))) == report


def test_the_attachment_is_declared_as_pdf_a3_does(sample_report):
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(sample_report)))
    root = reader.trailer["/Root"]
    name, spec_ref = root["/Names"]["/EmbeddedFiles"]["/Names"]
    spec = spec_ref.get_object()
    assert name == REPORT_JSON_NAME == spec["/F"] == spec["/UF"]
    assert spec["/Type"] == "/Filespec" and spec["/AFRelationship"] == "/Data"
    assert [ref.idnum for ref in root["/AF"]] == [spec_ref.idnum]
    stream = spec["/EF"]["/F"].get_object()
    assert stream["/Type"] == "/EmbeddedFile"
    assert stream["/Subtype"] == "/application/json"  # written /application#2Fjson
    assert stream["/Params"]["/Size"] == len(stream.get_data())
    assert list(reader.attachments) == [REPORT_JSON_NAME]


def test_same_report_same_bytes_with_the_attachment(sample_report):
    assert render_pdf(sample_report) == render_pdf(sample_report)


def test_the_attachment_follows_the_report(sample_report):
    changed = replace(sample_report, project_name="โครงการอื่น")
    assert loads(embedded_report_json(render_pdf(changed))).project_name == "โครงการอื่น"


def _plain_pdf() -> bytes:
    out = io.BytesIO()
    canv = Canvas(out, invariant=1)
    canv.drawString(72, 720, "no attachment here")
    canv.showPage()
    canv.save()
    return out.getvalue()


def _with_attachment(name: str, content: bytes) -> bytes:
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(_plain_pdf()))
    writer.add_attachment(name, content)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_another_files_attachment_of_the_same_name_is_read_as_is():
    """Only the name is matched; whether the text is a report is `loads`'s to say."""
    assert embedded_report_json(_with_attachment(REPORT_JSON_NAME, b'{"x": 1}')) == '{"x": 1}'


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda good: b"", id="empty"),
        pytest.param(lambda good: b"\x00\xff" * 4096, id="binary"),
        pytest.param(lambda good: b"%PDF-1.4\n" + b"garbage " * 100, id="pdf-header-only"),
        pytest.param(lambda good: good[: len(good) // 2], id="truncated"),
        pytest.param(lambda good: _plain_pdf(), id="no-attachment"),
        pytest.param(lambda good: _with_attachment("other.json", b"{}"), id="other-name"),
        pytest.param(lambda good: _with_attachment(REPORT_JSON_NAME, b"\xff\xfe{"), id="not-utf8"),
        pytest.param(lambda good: _with_attachment(REPORT_JSON_NAME, b""), id="empty-file"),
        pytest.param(
            lambda good: _with_attachment(REPORT_JSON_NAME, b" " * (MAX_JSON_BYTES + 1)),
            id="oversized-attachment",
        ),
        pytest.param(lambda good: good + b"\0" * (MAX_PDF_BYTES + 1), id="oversized-pdf"),
        pytest.param(
            lambda good: good.replace(REPORT_JSON_NAME.encode(), b"bma-project-report.txt"),
            id="renamed",
        ),
    ],
)
def test_anything_else_gives_none(sample_report, make):
    assert embedded_report_json(make(render_pdf(sample_report))) is None


def test_a_damaged_attachment_stream_gives_none(sample_report):
    """The compressed JSON overwritten in place: the file still parses, the stream not."""
    data = render_pdf(sample_report)
    packed = zlib.compress(dumps(sample_report).encode("utf-8"))
    at = data.find(packed[:64])
    assert at > 0, "the attachment is stored as one Flate stream"
    damaged = data[:at] + bytes(64) + data[at + 64 :]
    assert embedded_report_json(damaged) is None


def test_reading_back_does_not_load_the_writer():
    """An import reads the JSON without loading ReportLab, HarfBuzz or ICU (a CLI import
    has its own time budget); rendering loads them on first use."""
    code = (
        "import sys; from forms.pdf import embedded_report_json, PdfWriteError;"
        "heavy = {'reportlab', 'uharfbuzz', 'icu', 'icu4py', 'pypdfium2'};"
        "print(sorted(heavy & set(sys.modules)))"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert run.stdout.strip() == "[]"

"""The exported PDF as PDF/A-3b: header, dates, XMP, output intent, file identifier, the
attachment, colour and font widths (read with pypdf and fontTools). The tagged-PDF side (the
catalog's marking, the structure tree) is tested in `test_pdf_tagging`;
`docs/pdf-conformance.md` maps each test to its clause."""

from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from io import BytesIO

import pypdf
import pytest
from pypdf.generic import ContentStream

from forms.interchange import dumps
from forms.pdf import render_pdf
from forms.pdf.readback import CHECKSUM_KEY
from forms.report import Report
from tests.pdf_conformance import WHEN, read_pdf, sample_report_from_file

NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
}


@pytest.fixture(scope="module")
def sample_pdf(sample_report_module) -> bytes:
    return render_pdf(sample_report_module, when=WHEN)


@pytest.fixture(scope="module")
def sample_report_module() -> Report:
    return sample_report_from_file()


def _xmp(reader: pypdf.PdfReader) -> ET.Element:
    stream = reader.trailer["/Root"]["/Metadata"].get_object()
    assert "/Filter" not in stream  # readable without a PDF parser
    raw = stream.get_data()
    assert raw.startswith(b'<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?>')
    assert raw.rstrip().endswith(b'<?xpacket end="w"?>')
    return ET.fromstring(raw[raw.index(b"<x:xmpmeta") : raw.index(b"</x:xmpmeta>") + 12])


def _pdf_date_to_datetime(text: str) -> datetime:
    m = re.fullmatch(r"D:(\d{14})([+-])(\d\d)'(\d\d)'", text)
    assert m, text
    sign = 1 if m[2] == "+" else -1
    offset = timedelta(hours=int(m[3]), minutes=int(m[4])) * sign
    return datetime.strptime(m[1], "%Y%m%d%H%M%S").replace(tzinfo=timezone(offset))


# -- header, dates, metadata ------------------------------------------------------------


def test_header_says_pdf_1_7_with_a_binary_comment(sample_pdf):
    first, second = sample_pdf.split(b"\n")[:2]
    assert first == b"%PDF-1.7"
    assert second.startswith(b"%") and all(b > 127 for b in second[1:5])


def test_xmp_identifies_pdfa_3b_and_mirrors_the_info(sample_pdf, sample_report_module):
    reader = read_pdf(sample_pdf)
    info = reader.trailer["/Info"].get_object()
    desc = _xmp(reader).find("rdf:RDF/rdf:Description", NS)
    assert desc is not None
    assert desc.findtext("pdfaid:part", namespaces=NS) == "3"
    assert desc.findtext("pdfaid:conformance", namespaces=NS) == "B"
    title = desc.find("dc:title/rdf:Alt/rdf:li", NS)
    assert title is not None and title.text == info["/Title"] == sample_report_module.project_name
    assert title.get("{http://www.w3.org/XML/1998/namespace}lang") == "x-default"
    creator = desc.findtext("dc:creator/rdf:Seq/rdf:li", namespaces=NS)
    assert creator == info["/Author"] == sample_report_module.agency_office
    assert desc.findtext("dc:description/rdf:Alt/rdf:li", namespaces=NS) == info["/Subject"]
    assert desc.findtext("xmp:CreatorTool", namespaces=NS) == info["/Creator"]
    assert desc.findtext("pdf:Producer", namespaces=NS) == info["/Producer"]
    for xmp_key, info_key in [("xmp:CreateDate", "/CreationDate"), ("xmp:ModifyDate", "/ModDate")]:
        xmp_date = datetime.fromisoformat(desc.findtext(xmp_key, namespaces=NS) or "")
        assert xmp_date == _pdf_date_to_datetime(info[info_key]) == WHEN
        assert xmp_date.utcoffset() == timedelta(hours=7)
    # every Info entry has its XMP counterpart (none is written without one)
    assert set(info) == {
        "/Title", "/Author", "/Subject", "/Creator", "/Producer", "/CreationDate", "/ModDate"
    }  # fmt: skip


def test_the_info_dates_say_the_given_moment_in_its_time_zone(sample_pdf):
    info = read_pdf(sample_pdf).trailer["/Info"].get_object()
    assert info["/CreationDate"] == info["/ModDate"] == "D:20241204143005+07'00'"


def test_source_date_epoch_dates_the_file_in_utc(sample_report, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1733300000")
    info = read_pdf(render_pdf(sample_report)).trailer["/Info"].get_object()
    assert info["/CreationDate"] == "D:20241204081320+00'00'"
    assert render_pdf(sample_report) == render_pdf(sample_report)


def test_without_a_date_the_file_says_now_in_local_time(sample_report, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    before = datetime.now(UTC).replace(microsecond=0)
    info = read_pdf(render_pdf(sample_report)).trailer["/Info"].get_object()
    after = datetime.now(UTC)
    made = _pdf_date_to_datetime(info["/CreationDate"])
    assert before <= made <= after
    assert made.utcoffset() == datetime.now().astimezone().utcoffset()


def test_output_intent_is_srgb_with_its_icc_profile(sample_pdf):
    intents = read_pdf(sample_pdf).trailer["/Root"]["/OutputIntents"]
    assert len(intents) == 1
    intent = intents[0].get_object()
    assert intent["/S"] == "/GTS_PDFA1"
    assert intent["/OutputConditionIdentifier"] == "sRGB IEC61966-2.1"
    profile = intent["/DestOutputProfile"].get_object()
    assert profile["/N"] == 3
    icc = profile.get_data()
    assert int.from_bytes(icc[:4], "big") == len(icc)
    assert icc[36:40] == b"acsp" and icc[12:16] == b"mntr" and icc[16:20] == b"RGB "
    assert icc[8] in (2, 4)  # an ICC version PDF/A-3 accepts


def test_file_identifier_is_two_equal_16_byte_strings_that_differ_per_report(
    sample_pdf, sample_report_module
):
    ids = read_pdf(sample_pdf).trailer["/ID"]
    assert len(ids) == 2 and ids[0] == ids[1] and len(bytes(ids[0].original_bytes)) == 16
    other = render_pdf(replace(sample_report_module, project_name="อื่น"), when=WHEN)
    assert read_pdf(other).trailer["/ID"][0] != ids[0]


# -- attachment, colour and fonts ------------------------------------------------------


def test_attachment_is_associated_data_with_its_checksums(sample_pdf, sample_report_module):
    reader = read_pdf(sample_pdf)
    root = reader.trailer["/Root"]
    spec = root["/Names"]["/EmbeddedFiles"]["/Names"][1].get_object()
    assert spec["/AFRelationship"] == "/Data"
    assert spec["/F"] == spec["/UF"]
    assert [a.get_object() for a in root["/AF"]] == [spec]
    stream = spec["/EF"]["/F"].get_object()
    assert stream["/Subtype"] == "/application/json"
    data = stream.get_data()
    assert data == dumps(sample_report_module).encode("utf-8")
    params = stream["/Params"]
    assert params[f"/{CHECKSUM_KEY}"] == hashlib.sha256(data).hexdigest()
    assert params["/ModDate"] == reader.trailer["/Info"]["/ModDate"]


def test_only_device_gray_is_painted_under_the_rgb_output_intent(sample_pdf):
    """PDF/A-3 6.2.4.3: DeviceGray needs an output intent (present); DeviceRGB and CMYK and
    colour-space operators are not used at all."""
    reader = read_pdf(sample_pdf)
    used = {
        op
        for page in reader.pages
        for _operands, op in ContentStream(page.get_contents(), reader).operations
    }
    assert used.isdisjoint({b"rg", b"RG", b"k", b"K", b"cs", b"CS", b"sc", b"scn", b"SC"})
    assert b"G" in used  # the table's grey rules


def test_font_widths_agree_with_the_embedded_programs(sample_pdf):
    """PDF/A-3 6.2.11.5: each code's /W width is its glyph's advance in the font program."""
    from fontTools.ttLib import TTFont

    reader = read_pdf(sample_pdf)
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts[font.indirect_reference.idnum] = font.get_object()
    assert fonts
    for font in fonts.values():
        cid = font["/DescendantFonts"][0].get_object()
        program = TTFont(BytesIO(cid["/FontDescriptor"]["/FontFile2"].get_data()))
        scale = 1000 / program["head"].unitsPerEm
        order, hmtx = program.getGlyphOrder(), program["hmtx"]
        cmap = cid["/CIDToGIDMap"].get_data()
        first, widths = cid["/W"][0], cid["/W"][1]
        for i, width in enumerate(widths):
            gid = int.from_bytes(cmap[2 * (first + i) : 2 * (first + i) + 2], "big")
            assert abs(hmtx[order[gid]][0] * scale - float(width)) <= 1, (first + i, width)


def test_xmp_stays_well_formed_with_markup_and_control_characters(sample_report):
    name = 'โครงการ <ก> & "ข"\x0b\x01'
    reader = read_pdf(render_pdf(replace(sample_report, project_name=name), when=WHEN))
    title = _xmp(reader).find("rdf:RDF/rdf:Description/dc:title/rdf:Alt/rdf:li", NS)
    assert title is not None and title.text == 'โครงการ <ก> & "ข"'

"""The exported PDF as PDF/A-3b and tagged PDF (PDF/UA-1 in intent): header, dates, XMP,
output intent, attachment, catalog entries and the structure tree (read with pypdf and
poppler's `pdfinfo -struct-text`). `docs/pdf-conformance.md` maps each test to its clause."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from io import BytesIO
from pathlib import Path

import pypdf
import pytest
from pypdf.generic import BooleanObject, ContentStream

from forms.interchange import dumps
from forms.pdf import render_pdf
from forms.pdf.readback import CHECKSUM_KEY
from forms.report import Report

NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
}
BANGKOK = timezone(timedelta(hours=7))
WHEN = datetime(2024, 12, 4, 14, 30, 5, tzinfo=BANGKOK)
PAINTING = {b"Tj", b"TJ", b"'", b'"', b"re", b"S", b"s", b"f", b"F", b"B", b"b", b"Do", b"sh"}
needs_poppler = pytest.mark.skipif(not shutil.which("pdfinfo"), reason="poppler-utils")


@pytest.fixture(scope="module")
def sample_pdf(sample_report_module) -> bytes:
    return render_pdf(sample_report_module, when=WHEN)


@pytest.fixture(scope="module")
def sample_report_module() -> Report:
    from forms.interchange import loads
    from tests.conftest import DATA

    return loads((DATA / "sample_report.json").read_text(encoding="utf-8"))


def _reader(data: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(BytesIO(data))


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
    reader = _reader(sample_pdf)
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
    info = _reader(sample_pdf).trailer["/Info"].get_object()
    assert info["/CreationDate"] == info["/ModDate"] == "D:20241204143005+07'00'"


def test_source_date_epoch_dates_the_file_in_utc(sample_report, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1733300000")
    info = _reader(render_pdf(sample_report)).trailer["/Info"].get_object()
    assert info["/CreationDate"] == "D:20241204081320+00'00'"
    assert render_pdf(sample_report) == render_pdf(sample_report)


def test_without_a_date_the_file_says_now_in_local_time(sample_report, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    before = datetime.now(UTC).replace(microsecond=0)
    info = _reader(render_pdf(sample_report)).trailer["/Info"].get_object()
    after = datetime.now(UTC)
    made = _pdf_date_to_datetime(info["/CreationDate"])
    assert before <= made <= after
    assert made.utcoffset() == datetime.now().astimezone().utcoffset()


def test_output_intent_is_srgb_with_its_icc_profile(sample_pdf):
    intents = _reader(sample_pdf).trailer["/Root"]["/OutputIntents"]
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
    ids = _reader(sample_pdf).trailer["/ID"]
    assert len(ids) == 2 and ids[0] == ids[1] and len(bytes(ids[0].original_bytes)) == 16
    other = render_pdf(replace(sample_report_module, project_name="อื่น"), when=WHEN)
    assert _reader(other).trailer["/ID"][0] != ids[0]


# -- catalog and attachment -------------------------------------------------------------


def test_catalog_language_marking_and_title_display(sample_pdf):
    root = _reader(sample_pdf).trailer["/Root"]
    assert root["/Lang"] == "th-TH"
    assert root["/MarkInfo"]["/Marked"] == BooleanObject(True)
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] == BooleanObject(True)
    for page in _reader(sample_pdf).pages:
        assert page["/Tabs"] == "/S"


def test_attachment_is_associated_data_with_its_checksums(sample_pdf, sample_report_module):
    reader = _reader(sample_pdf)
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


# -- tagging ----------------------------------------------------------------------------


def _loose_painting(data: bytes) -> list[tuple[int, bytes]]:
    """Painting operators outside any marked-content sequence, per page."""
    reader = _reader(data)
    loose = []
    for n, page in enumerate(reader.pages):
        depth = 0
        for _operands, op in ContentStream(page.get_contents(), reader).operations:
            if op in (b"BDC", b"BMC"):
                depth += 1
            elif op == b"EMC":
                depth -= 1
                assert depth >= 0
            elif op in PAINTING and depth == 0:
                loose.append((n, op))
        assert depth == 0
    return loose


def test_everything_drawn_is_tagged_content_or_an_artifact(sample_pdf):
    assert _loose_painting(sample_pdf) == []


def test_every_mcid_on_a_page_has_its_element_in_the_parent_tree(sample_pdf):
    reader = _reader(sample_pdf)
    tree = reader.trailer["/Root"]["/StructTreeRoot"]
    nums = tree["/ParentTree"]["/Nums"]
    parents = {nums[i]: nums[i + 1] for i in range(0, len(nums), 2)}
    assert tree["/ParentTreeNextKey"] == len(reader.pages)
    for n, page in enumerate(reader.pages):
        key = page["/StructParents"]
        stream = page.get_contents().get_data()
        mcids = [int(m) for m in re.findall(rb"<<\s*/MCID (\d+)\s*>>", stream)]
        assert mcids == list(range(len(mcids))) and mcids, n
        elems = parents[key]
        assert len(elems) == len(mcids)
        for mcid, ref in enumerate(elems):
            elem = ref.get_object()
            kids = elem["/K"] if isinstance(elem["/K"], list) else [elem["/K"]]
            assert mcid in kids or any(
                getattr(k, "get", lambda _k: None)("/MCID") == mcid for k in kids
            )


def _struct_text(data: bytes, tmp_path: Path) -> str:
    pdf = tmp_path / "tagged.pdf"
    pdf.write_bytes(data)
    done = subprocess.run(
        ["pdfinfo", "-struct-text", str(pdf)], capture_output=True, text=True, check=True
    )
    assert done.stderr == ""  # no syntax error in any marked-content operator
    return done.stdout


def _roles(tree: str) -> list[tuple[int, str]]:
    """(indent, structure type) of each element line of `pdfinfo -struct-text`."""
    out = []
    for line in tree.splitlines():
        m = re.match(r"( *)([A-Z][A-Za-z0-9]*)( \(block\)|:|$)", line)
        if m:
            out.append((len(m[1]), m[2]))
    return out


@needs_poppler
def test_structure_tree_headings_lists_and_table(sample_pdf, sample_report_module, tmp_path):
    tree = _struct_text(sample_pdf, tmp_path)
    roles = [r for _i, r in _roles(tree)]
    assert roles[0] == "Document"
    assert roles[1] == "H1" and roles.count("H1") == 1  # the title on page 1 only
    assert roles.count("H2") == 2  # sections 1 and 2
    assert roles.count("H3") == 6  # 1.1 … 1.6
    r = sample_report_module
    assert roles.count("L") == 3  # objectives, quantity and quality targets
    assert (
        roles.count("LI")
        == roles.count("LBody")
        == (len(r.objectives) + len(r.targets_quantity) + len(r.targets_quality))
    )
    assert roles.count("Table") == 1
    reports = len(r.progress_reports)
    assert roles.count("TR") == 2 * reports  # each report: its narrative row, its figures row
    assert roles.count("TH") == reports
    assert roles.count("TD") == 6 * reports  # narrative + 2 empty status cells; 3 figures
    assert '"** แบบแสดงรายงานความก้าวหน้าและข้อมูลเกี่ยวกับโครงการ **"' in tree
    assert '"1.1 รหัสโครงการและชื่อโครงการ"' in tree
    for p in r.progress_reports:
        assert f'"รายงานครั้งที่{p.no}"' in tree
    assert "/Scope /Row" in tree and "/RowSpan 2" in tree


@needs_poppler
def test_page_furniture_is_not_in_the_tree(sample_pdf, tmp_path):
    tree = _struct_text(sample_pdf, tmp_path)
    pages = len(_reader(sample_pdf).pages)
    assert pages > 1
    assert "หน้า " not in tree  # the page numbers
    # the title is on every page, but in the tree once: the H1 of page 1
    assert tree.count("แบบแสดงรายงานความก้าวหน้าและข้อมูลเกี่ยวกับโครงการ") == 1


@needs_poppler
def test_tree_text_is_the_typed_text_exactly(sample_pdf, sample_report_module, tmp_path):
    """Each element's lines (one quoted line each) join into the exact typed value."""
    tree = _struct_text(sample_pdf, tmp_path)
    elements: list[str] = []  # the text of each element, its quoted lines joined
    for line in tree.splitlines():
        m = re.fullmatch(r' *"(.*)"', line)
        if m is None:
            elements.append("")
        else:
            elements[-1] += m[1]
    joined = "\n".join(elements)
    r = sample_report_module
    for text in [*r.rationale, *r.objectives, *r.targets_quality]:
        assert text in joined, text
    for p in r.progress_reports:
        if p.narrative:
            assert p.narrative in joined, p.narrative


@needs_poppler
def test_a_report_cut_over_pages_stays_one_row_and_its_label_repeat_is_an_artifact(
    sample_report, tmp_path
):
    first = replace(sample_report.progress_reports[0], narrative="การพัฒนาคุณภาพการศึกษา " * 300)
    report = replace(sample_report, progress_reports=[first])
    data = render_pdf(report, when=WHEN)
    tree = _struct_text(data, tmp_path)
    roles = [r for _i, r in _roles(tree)]
    assert roles.count("TR") == 2 and roles.count("TH") == 1
    assert "(ต่อ)" not in tree  # the continued label is an artifact…
    text = "".join(p.extract_text() for p in _reader(data).pages)
    assert "(ต่อ)" in text  # …yet still printed
    # the narrative TD holds marked content on each page it runs over
    reader = _reader(data)
    tds = [
        e
        for e in _all_elements(reader)
        if e["/S"] == "/TD" and isinstance(e.get("/K"), list) and len(e["/K"]) > 3
    ]
    assert len(tds) == 1
    page_of = {p.indirect_reference.idnum: n for n, p in enumerate(reader.pages)}
    pages = {page_of[k.raw_get("/Pg").idnum] for k in tds[0]["/K"] if isinstance(k, dict)}
    pages.add(page_of[tds[0].raw_get("/Pg").idnum])
    assert len(pages) >= 2
    assert _loose_painting(data) == []


def _all_elements(reader: pypdf.PdfReader) -> list:
    out = []
    todo = [reader.trailer["/Root"]["/StructTreeRoot"]["/K"].get_object()]
    while todo:
        e = todo.pop()
        out.append(e)
        kids = e.get("/K")
        for k in kids if isinstance(kids, list) else [kids]:
            obj = k.get_object() if hasattr(k, "get_object") else k
            if isinstance(obj, dict) and obj.get("/Type") == "/StructElem":
                todo.append(obj)
    return out


def test_an_untagged_canvas_still_draws_blocks(tmp_path):
    """The district summary draws the same blocks on a canvas with no tagger."""
    from forms.pdf.canvas import flate_only, new_canvas
    from forms.pdf.paragraph import TextStyle, ThaiParagraph

    out = BytesIO()
    canv = new_canvas(out, (595, 842))
    p = ThaiParagraph("ทดสอบ", TextStyle())
    p.wrap(400, 800)
    p.drawOn(canv, 50, 700)
    canv.showPage()
    flate_only(canv)
    canv.save()
    data = out.getvalue()
    assert b"/MCID" not in zlib_pages(data)
    assert "ทดสอบ" in _reader(data).pages[0].extract_text()


def zlib_pages(data: bytes) -> bytes:
    return b"".join(p.get_contents().get_data() for p in _reader(data).pages)


def test_only_device_gray_is_painted_under_the_rgb_output_intent(sample_pdf):
    """PDF/A-3 6.2.4.3: DeviceGray needs an output intent (present); DeviceRGB and CMYK and
    colour-space operators are not used at all."""
    reader = _reader(sample_pdf)
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

    reader = _reader(sample_pdf)
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


def test_a_paragraph_cut_over_pages_is_one_element(sample_report):
    long_text = "การพัฒนาคุณภาพการศึกษาของโรงเรียนในสังกัด " * 120
    reader = _reader(render_pdf(replace(sample_report, rationale=[long_text]), when=WHEN))
    page_of = {p.indirect_reference.idnum: n for n, p in enumerate(reader.pages)}
    spanning = [
        e
        for e in _all_elements(reader)
        if e["/S"] == "/P"
        and any(isinstance(k, dict) for k in e.get("/K", []))  # marked content on another page
    ]
    assert len(spanning) == 1
    kids = spanning[0]["/K"]
    pages = {page_of[k.raw_get("/Pg").idnum] for k in kids if isinstance(k, dict)}
    assert pages and page_of[spanning[0].raw_get("/Pg").idnum] not in pages


def test_xmp_stays_well_formed_with_markup_and_control_characters(sample_report):
    name = 'โครงการ <ก> & "ข"\x0b\x01'
    reader = _reader(render_pdf(replace(sample_report, project_name=name), when=WHEN))
    title = _xmp(reader).find("rdf:RDF/rdf:Description/dc:title/rdf:Alt/rdf:li", NS)
    assert title is not None and title.text == 'โครงการ <ก> & "ข"'

"""The exported PDF as tagged PDF (PDF/UA-1 in intent): the catalog's language, marking and
tab order, marked content, the parent tree and the structure tree (read with pypdf and
poppler's `pdfinfo -struct-text`). The PDF/A-3b side is tested in `test_pdf_standards`;
`docs/pdf-conformance.md` maps each test to its clause."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from io import BytesIO
from pathlib import Path

import pypdf
import pytest
from pypdf.generic import BooleanObject, ContentStream

from forms.pdf import render_pdf
from forms.report import Report
from tests.pdf_conformance import WHEN, read_pdf, sample_report_from_file

PAINTING = {b"Tj", b"TJ", b"'", b'"', b"re", b"S", b"s", b"f", b"F", b"B", b"b", b"Do", b"sh"}
needs_poppler = pytest.mark.skipif(not shutil.which("pdfinfo"), reason="poppler-utils")


@pytest.fixture(scope="module")
def sample_pdf(sample_report_module) -> bytes:
    return render_pdf(sample_report_module, when=WHEN)


@pytest.fixture(scope="module")
def sample_report_module() -> Report:
    return sample_report_from_file()


# -- catalog ---------------------------------------------------------------------------


def test_catalog_language_marking_and_title_display(sample_pdf):
    root = read_pdf(sample_pdf).trailer["/Root"]
    assert root["/Lang"] == "th-TH"
    assert root["/MarkInfo"]["/Marked"] == BooleanObject(True)
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] == BooleanObject(True)
    for page in read_pdf(sample_pdf).pages:
        assert page["/Tabs"] == "/S"


# -- tagging ----------------------------------------------------------------------------


def _loose_painting(data: bytes) -> list[tuple[int, bytes]]:
    """Painting operators outside any marked-content sequence, per page."""
    reader = read_pdf(data)
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
    reader = read_pdf(sample_pdf)
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
    pages = len(read_pdf(sample_pdf).pages)
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
    text = "".join(p.extract_text() for p in read_pdf(data).pages)
    assert "(ต่อ)" in text  # …yet still printed
    # the narrative TD holds marked content on each page it runs over
    reader = read_pdf(data)
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
    assert "ทดสอบ" in read_pdf(data).pages[0].extract_text()


def zlib_pages(data: bytes) -> bytes:
    return b"".join(p.get_contents().get_data() for p in read_pdf(data).pages)


def test_a_paragraph_cut_over_pages_is_one_element(sample_report):
    long_text = "การพัฒนาคุณภาพการศึกษาของโรงเรียนในสังกัด " * 120
    reader = read_pdf(render_pdf(replace(sample_report, rationale=[long_text]), when=WHEN))
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

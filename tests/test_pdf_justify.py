"""Justified prose (`export --pdf --justify`): the spaces grow first, then the gaps
between Thai clusters; digits and Latin words never part; short lines and a paragraph's
last line stay as typed; and every text still copies back exactly in every engine."""

from __future__ import annotations

import io
import itertools
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from forms.interchange import loads
from forms.pdf import render_pdf
from forms.pdf.fonts import face
from forms.pdf.paragraph import (
    JUSTIFY,
    MAX_CLUSTER_GAP,
    MAX_SPACE_GROW,
    TextStyle,
    fill_lines,
    justify_spacing,
)
from forms.pdf.report_pages import frame_box
from forms.pdf.shaping import shape_line
from forms.thaidate import format_thai_long_date
from tests.conftest import DATA
from tests.pdf_samples import field_texts, long_report
from tests.test_pdf_extraction import ENGINES, probe_figures

TS = TextStyle(align=JUSTIFY)
_LINE = re.compile(rb"/ActualText <FEFF([0-9A-F]*)>>> BDC BT .*? (Tj|TJ) ET EMC")


def spacing_of(text: str, avail: float) -> list[tuple[str, float]]:
    clusters = shape_line(face(TS.style), text)
    spacing = justify_spacing([TS.run(text)], TS, avail)
    return [(c.text, s) for c, s in zip(clusters, spacing, strict=True)]


def natural(text: str) -> float:
    return TS.width(text, trim=True)


def test_spaces_grow_before_thai_clusters():
    text = "จัดนิทรรศการเครือข่ายโรงเรียน มีผู้เข้าร่วม 1,250 คน ณ ห้องประชุม"
    spaced = spacing_of(text, natural(text) + 6.0)  # less than the spaces can take
    assert sum(s for _c, s in spaced) == pytest.approx(6.0)
    assert all(s == 0 for c, s in spaced if not c.isspace())
    assert max(s for _c, s in spaced) <= MAX_SPACE_GROW * TS.size


def test_then_thai_clusters_share_the_rest_but_digits_and_latin_never():
    text = "บันทึกข้อมูลลงระบบ e-Budget ครั้งที่ 2/2566 เมื่อวันที่ 1,234.50 บาทเรียบร้อยแล้ว"
    spaces = text.count(" ")
    extra = spaces * MAX_SPACE_GROW * TS.size + 12.0
    spaced = spacing_of(text, natural(text) + extra)
    assert sum(s for _c, s in spaced) == pytest.approx(extra)
    for (c, s), (nxt, _) in itertools.pairwise(spaced):
        if c.isspace():
            assert s == pytest.approx(MAX_SPACE_GROW * TS.size)
        elif s:  # a gap opened between two clusters: both Thai letters
            assert re.fullmatch(r"[\u0e01-\u0e3a\u0e40-\u0e4e]+", c + nxt), (c, nxt)
            assert s <= MAX_CLUSTER_GAP * TS.size
    digits_and_latin = "".join(c for c, s in spaced if s == 0 and re.match(r"[0-9A-Za-z,./-]", c))
    assert "1,234.5" in digits_and_latin and "Budget" in digits_and_latin


@pytest.mark.parametrize("text", ["28 พฤษภาคม 2566", ":: 28 พฤษภาคม 2566 :", "2566"])
def test_a_short_date_line_is_never_spread(text):
    # the issue's `2 8 พ ฤ ษ ภ า ค ม`: a date line that ended before a long word
    assert justify_spacing([TS.run(text)], TS, natural(text) * 1.4) == ()


def test_too_much_room_leaves_the_line_flush_left():
    text = "กำหนดให้หน่วยงานต้นสังกัดและสถานศึกษาจัดให้มีระบบประกันคุณภาพภายในสถานศึกษา"
    assert justify_spacing([TS.run(text)], TS, natural(text) / 0.85) == ()


def drawn_lines(pdf: bytes) -> list[tuple[str, bool]]:
    """Every text line of the PDF with whether it was spread (a TJ array)."""
    out = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        data = page.get_contents().get_data()
        for m in _LINE.finditer(data):
            out.append(
                (bytes.fromhex(m.group(1).decode()).decode("utf-16-be"), m.group(2) == b"TJ")
            )
    return out


@pytest.fixture(scope="module")
def sample():
    return loads((DATA / "sample_report.json").read_text(encoding="utf-8"))


def test_last_lines_and_dates_are_not_spread(sample):
    lines = drawn_lines(render_pdf(sample, justify=True, long_dates=True))
    spread = [text for text, tj in lines if tj]
    assert len(spread) >= 5  # justification still happens
    frame_w = frame_box()[2]
    last_lines = {str(fill_lines(p, TS, frame_w)[-1]) for p in sample.rationale}
    dates = [format_thai_long_date(p.date) for p in sample.progress_reports if p.date]
    for text in spread:
        assert text not in last_lines
        assert not any(d in text and len(text) < len(d) + 8 for d in dates), text
    assert last_lines <= {text for text, _tj in lines}


def test_justified_and_plain_lines_hold_the_same_text(sample):
    plain = [t for t, _ in drawn_lines(render_pdf(sample))]
    justified = [t for t, _ in drawn_lines(render_pdf(sample, justify=True))]
    assert plain == justified


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory, sample) -> dict[str, tuple[Path, list[str]]]:
    folder = tmp_path_factory.mktemp("justify")
    out = {}
    for name, report in [("sample", sample), ("long", long_report())]:
        for justify in (False, True):
            path = folder / f"{name}-{justify}.pdf"
            path.write_bytes(render_pdf(report, justify=justify))
            out[f"{name}-{justify}"] = (path, field_texts(report))
    return out


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", ["sample", "long"])
def test_justified_copies_back_as_well_as_plain(pdfs, name, engine):
    plain = probe_figures(*pdfs[f"{name}-False"], engine)
    justified = probe_figures(*pdfs[f"{name}-True"], engine)
    n, found, exact, bad = justified
    assert (found, exact, bad) == (n, n, 0)
    assert exact >= plain[2]


@pytest.mark.parametrize("text", ["28 พฤษภาคม 2566", ":: 28 พฤษภาคม 2566 : อยู่ระหว่าง"])
def test_a_nearly_full_date_line_spreads_at_its_spaces_not_its_digits(text):
    spaced = spacing_of(text, natural(text) / 0.9)
    assert spaced and all(s == 0 for c, s in spaced if c.isdigit())
    per_space = max(s for c, s in spaced if c.isspace())
    letters = [s for c, s in spaced if not c.isspace()]
    assert per_space > 0 and all(s <= MAX_CLUSTER_GAP * TS.size for s in letters)
    if any(letters):  # clusters open only once the spaces are as wide as they may grow
        assert per_space == pytest.approx(MAX_SPACE_GROW * TS.size)

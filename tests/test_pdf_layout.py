"""The printed layout: A4 portrait, the title and `หน้า X/Y` on every page, every label of
the form, values formatted as the official printout formats them, a report's two rows on
one page, the certification and signature together at the end."""

from __future__ import annotations

import io
import re
from datetime import date
from decimal import Decimal

import pypdf
import pypdfium2 as pdfium
import pytest

from forms.pdf import render_pdf
from forms.pdf.layout import BODY, numbered
from forms.printed import CERTIFICATION, PAGE_HEADER
from forms.report import ProgressReport, Report
from forms.schema import (
    FIELDS,
    FIELDS_BY_KEY,
    PLAN_CHOICES,
    PROGRESS_FIELDS_BY_KEY,
    TARGET_CHOICES,
)
from tests.pdf_samples import SENTENCES, long_report


def page_texts(data: bytes) -> list[str]:
    doc = pdfium.PdfDocument(data)
    # PDFium gives two typed spaces as one; the probe tests spacing exactly
    return [re.sub(" +", " ", p.get_textpage().get_text_range().replace("\r", "")) for p in doc]


@pytest.fixture(scope="module")
def sample_pages() -> list[str]:
    from forms.interchange import loads
    from tests.conftest import DATA

    report = loads((DATA / "sample_report.json").read_text(encoding="utf-8"))
    return page_texts(render_pdf(report))


@pytest.fixture(scope="module")
def long_pdf() -> bytes:
    return render_pdf(long_report())


def test_a4_portrait_with_sarabun_embedded_as_subsets(sample_report):
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(sample_report)))
    box = reader.pages[0].mediabox
    assert (round(float(box.width), 1), round(float(box.height), 1)) == (595.3, 841.9)
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert font["/Subtype"] == "/Type0"  # no stray non-embedded font (Helvetica)
            fonts[font["/BaseFont"]] = font
    assert sorted(n.split("+")[1] for n in fonts) == ["Sarabun-Bold", "Sarabun-Regular"]
    for name, font in fonts.items():
        assert re.fullmatch(r"/[A-Z]{6}\+Sarabun-\w+", name)
        cid = font["/DescendantFonts"][0].get_object()
        assert "/FontFile2" in cid["/FontDescriptor"]
        assert "/ToUnicode" in font
    assert BODY.size == 11.0 and BODY.leading >= 1.45 * BODY.size


def test_every_label_of_the_form_is_printed(sample_pages):
    text = "\n".join(sample_pages)
    labels = {f.label for f in FIELDS}
    labels |= {PROGRESS_FIELDS_BY_KEY[k].label for k in ("no", "progress_percent", "budget_used")}
    labels |= {label for _v, label in (*PLAN_CHOICES, *TARGET_CHOICES) if _v.startswith("on")}
    missing = sorted(label for label in labels if re.sub(" +", " ", label) not in text)
    assert missing == []


def test_headings_and_numbering_as_printed(sample_pages):
    text = "\n".join(sample_pages)
    for heading in [  # (two spaces after 2.1 etc. come back as one from PDFium)
        "1. ชื่อโครงการและหน่วยงานที่รับผิดชอบโครงการ",
        "1.1 รหัสโครงการและชื่อโครงการ",
        "1.2 หน่วยงานที่รับผิดชอบ",
        "1.3 หลักการและเหตุผล",
        "1.4 วัตถุประสงค์ของโครงการ",
        "1.5 เป้าหมายของโครงการ..",
        "1.6 สนับสนุนแผนพัฒนา กทม. ระยะ 20 ปี (ยุทธศาสตร์-ประเด็นยุทธศาสตร์-กลยุทธ์ตามแผนฯ /ตัวชี้วัด)",
        "2. รายงานความก้าวหน้าของโครงการและการใช้จ่ายงบประมาณ",
        "2.1 เพื่อพัฒนา",
        "2.4 เพื่อคัดเลือก",
        "3.1 ด้านปริมาณ",
        "3.1.3 เครือข่าย",
        "3.2 ด้านคุณภาพ",
        "3.2.1 เครือข่าย",
    ]:
        assert heading in text
    order = [text.index(h) for h in ["1.1 ", "1.2 ", "1.3 ", "1.4 ", "1.5 ", "1.6 ", "2. ราย"]]
    assert order == sorted(order)


def test_values_are_formatted_as_the_printout(sample_pages):
    text = "\n".join(sample_pages)
    for shown in [
        "ชื่อโครงการ/กิจกรรม : พัฒนาคูณภาพเครือข่ายโรงเรียน",
        "รหัสโครงการ... : 50280000-6851",
        "ปีงบประมาณ พ.ศ. : 2566",
        "เริ่มต้นโครงการ : 2022-10-01 00:00:00",
        "สิ้นสุดโครงการ : 2023-09-30 00:00:00",
        "งบประมาณที่ได้รับ : 180,000 บาท",
        "งบประมาณที่ใช้ไป : 205,090 บาท",
        "หน่วยงานที่รับผิดชอบ. : สำนักงานเขตบึงกุ่ม / ฝ่ายการศึกษา / ฝ่ายการศึกษา",
        "ผู้ประสานงาน สยป : ปาริตา ศรีลักษณ์ / 1549",
        "ตัวชี้วัด... : มิติที่ 1 ระดับความสำเร็จของงานประจำ",
        "รายงานครั้งที่1",
        ":: 30/01/2566 : อยู่ระหว่าง",
        ":: 28/03/2566 :",
        "= 70.00 %",
        "(ครั้งที่ 4) = 32,400 บาท",
        ": เป็นไปตามแผน",
        ": เป็นไปตามเป้าหมาย",
        "(ผู้รับผิดชอบโครงการ)",
    ]:
        assert shown in text.replace("\n", " ").replace("  :", " :"), shown


def test_title_and_page_number_on_every_page(long_pdf):
    pages = page_texts(long_pdf)
    assert len(pages) >= 8
    for number, text in enumerate(pages, start=1):
        assert PAGE_HEADER in text
        assert f"หน้า {number}/{len(pages)}" in text


def page_of(pages: list[str], pattern: str) -> list[int]:
    return [i for i, text in enumerate(pages) if re.search(pattern, text)]


def test_a_reports_two_rows_stay_on_one_page(long_pdf):
    pages = page_texts(long_pdf)
    spread = set()
    for no in range(1, 61):
        label_pages = page_of(pages, rf"รายงานครั้งที่{no}(?!\d)")
        figure_pages = page_of(pages, rf"\(ครั้งที่ {no}\)")
        assert len(label_pages) == 1 and label_pages == figure_pages, no
        spread.add(label_pages[0])
    assert len(spread) >= 3  # the log itself runs over several pages


def test_certification_and_signature_close_the_document_together(long_pdf):
    pages = page_texts(long_pdf)
    last = pages[-1].replace("\n", " ")
    assert CERTIFICATION in last
    assert "ลงชื่อ" in last and "(นายสมชาย ใจดี)" in last
    assert "ตำแหน่ง ผู้อำนวยการเขตบึงกุ่ม" in last
    assert last.index(CERTIFICATION) < last.index("ลงชื่อ") < last.index("ตำแหน่ง")
    assert "รายงานครั้งที่60" in "".join(pages[-2:])


def test_an_empty_report_prints_the_placeholders():
    pages = page_texts(render_pdf(Report()))
    text = " ".join(pages)
    assert len(pages) == 1
    assert "ลงชื่อ" in text and "(ผู้รับผิดชอบโครงการ)" in text
    assert re.search(r"ตำแหน่ง \.{5,}", text)
    assert "งบประมาณที่ใช้ไป : 0 บาท" in text


def test_a_report_without_date_and_money_with_satang():
    report = Report(
        budget_received=Decimal("1234.50"),
        progress_reports=[ProgressReport(no=1, date=None, progress_percent=Decimal(0))],
    )
    text = " ".join(page_texts(render_pdf(report)))
    assert "งบประมาณที่ได้รับ : 1,234.50 บาท" in text
    assert re.search(r"รายงานครั้งที่1\s*:: :", text)
    assert "= 0.00 %" in text


def test_a_narrative_taller_than_a_page_is_cut_between_its_lines():
    narrative = " ".join(SENTENCES * 30)
    report = Report(
        progress_reports=[
            ProgressReport(no=1, date=date(2023, 1, 30), narrative=narrative),
            ProgressReport(no=2, date=date(2023, 2, 28), narrative="สั้น"),
        ]
    )
    pages = page_texts(render_pdf(report))
    assert len(pages) >= 3
    squashed = re.sub(r"\s+", "", "".join(pages))
    # page furniture between the parts: the page's header and number, and the label
    # `รายงานครั้งที่1 (ต่อ)` of the part that goes on
    furniture = re.escape(re.sub(r"\s+", "", PAGE_HEADER)) + r"|หน้า\d+/\d+|รายงานครั้งที่1\(ต่อ\)"
    assert re.sub(r"\s+", "", narrative) in re.sub(furniture, "", squashed)


def test_a_paragraph_taller_than_a_page_splits_instead_of_failing():
    report = Report(rationale=[" ".join(SENTENCES * 40), "ย่อหน้าสุดท้าย"])
    pages = page_texts(render_pdf(report))
    assert len(pages) >= 3
    assert "ย่อหน้าสุดท้าย" in pages[-1] or "ย่อหน้าสุดท้าย" in pages[-2]


def _printed(report, key: str) -> str:
    """How the printout shows field `key` of `report` after its label."""
    from forms.printed import joined
    from forms.thaidate import format_printout_timestamp
    from forms.thainum import format_money

    r = report
    value = getattr(r, key)
    if key in ("start_date", "end_date"):
        return format_printout_timestamp(value)
    if key in ("budget_received", "budget_spent"):
        return f"{format_money(value)} บาท"
    if key.startswith("agency_"):
        return joined(r.agency_office, r.agency_division, r.agency_section)
    if key.startswith("coordinator_"):
        return joined(r.coordinator_name, r.coordinator_phone)
    return str(value)


def test_every_schema_field_has_its_place_in_the_pdf():
    """Each field of the schema is printed after its label (a new field fails here until
    the PDF gives it a place). Compared without white space: lines wrap anywhere ICU allows."""
    report = long_report(reports=3, paragraphs=2)
    text = squash(" ".join(page_texts(render_pdf(report))))
    for f in FIELDS:
        at = text.find(squash(f.label))
        assert at >= 0, f.key
        after = text[at:]
        if f.key == "progress_reports":
            for p in report.progress_reports:
                assert f"รายงานครั้งที่{p.no}" in after, f.key
        elif f.kind.name == "TEXT_LIST":
            pos = 0
            for i, item in enumerate(getattr(report, f.key), start=1):
                pos = after.find(
                    squash(f"{f.item_numbering}{i} {item}" if f.item_numbering else item), pos
                )
                assert pos >= 0, (f.key, i)
        elif f.key == "signer_name":
            assert after.startswith("ลงชื่อ") and squash(f"({report.signer_name})") in after[:80]
        elif f.key == "signer_position":  # printed `ตำแหน่ง .....`, no colon
            assert squash(f"{f.label} {report.signer_position}") in text
        else:
            assert squash(f"{f.label} : {_printed(report, f.key)}") in text, f.key


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _found_y(textpage, text: str, edge: int) -> float | None:
    """An edge (1 bottom, 3 top) of the first character of `text` on the page, if there."""
    searcher = textpage.search(text)
    found = searcher.get_next()
    searcher.close()
    return None if found is None else textpage.get_charbox(found[0])[edge]


@pytest.mark.parametrize("justify", [False, True])
def test_text_stays_inside_its_table_cell_and_the_margins(sample_report, justify):
    from forms.pdf.blocks import CELL_PAD
    from forms.pdf.layout import log_columns
    from forms.pdf.report_pages import MARGIN_X, PAGE_W, frame_box

    _x, frame_bottom, frame_width, frame_height = frame_box()
    cols = log_columns(frame_width)
    text_start = MARGIN_X + cols[0]
    text_end = text_start + cols[1]
    doc = pdfium.PdfDocument(render_pdf(sample_report, justify=justify))
    in_text_column, log_seen = 0, False
    for page in doc:
        textpage = page.get_textpage()
        heading = _found_y(textpage, "2. รายงานความก้าวหน้า", edge=1)
        log_seen = log_seen or heading is not None
        # the progress log runs from its heading (or the frame's top, below the title on
        # later pages) down to the certification
        frame_top = frame_bottom + frame_height
        table_top = heading if heading is not None else (frame_top if log_seen else 0)
        table_bottom = _found_y(textpage, "ขอรับรองว่า", edge=3) or 0
        for i in range(textpage.count_chars()):
            left, bottom, right, top = textpage.get_charbox(i)
            if right - left <= 0:
                continue  # spaces and marks with no width of their own
            assert right <= PAGE_W - MARGIN_X + 1
            if text_start < left < text_end and table_bottom < bottom and top < table_top:
                in_text_column += 1
                assert right <= text_end - CELL_PAD / 2, textpage.get_text_range(i, 1)
    assert in_text_column > 300  # the narratives were looked at


def test_item_numbers_are_followed_by_the_printouts_spaces():
    # the printout: `2.1  เพื่อพัฒนา…` (two spaces), `3.1.1 เครือข่าย…` (one)
    objective = numbered(["เพื่อพัฒนา"], FIELDS_BY_KEY["objectives"].item_numbering)[0]
    target = numbered(["เครือข่าย"], FIELDS_BY_KEY["targets_quantity"].item_numbering)[0]
    assert [run.text for run in objective.prefix] == ["2.1  "]
    assert [run.text for run in target.prefix] == ["3.1.1 "]

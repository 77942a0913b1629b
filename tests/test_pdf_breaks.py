"""Breaks the printout avoids although ICU allows them: a number alone at a line start
(`มาตรา|48`) and a last line of one short word (`แล้ว`, `บาท`), pulled down a word only
where the lines stay within the width; ICU still decides where a line may break."""

from __future__ import annotations

import pytest

from forms.pdf.linebreak import glued, segments
from forms.pdf.paragraph import TextStyle, ThaiParagraph, fill_lines
from tests.test_pdf_linebreak import icu_allowed

BODY = TextStyle()
RATIONALE = (
    "พระราชบัญญัติการศึกษาแห่งชาติ พ.ศ. 2542 แก้ไขเพิ่มเติม (ฉบับที่ 2) พ.ศ. 2545 "
    "และ (ฉบับที่ 3) พ.ศ. 2553 มาตรา 48"
)


def line_widths(lines: list[str]) -> list[float]:
    return [BODY.width(line, trim=True) for line in lines]


def assert_icu_breaks(text: str, lines: list[str]) -> None:
    assert "".join(lines) == text
    allowed, pos = icu_allowed(text), 0
    for line in lines[:-1]:
        pos += len(line)
        assert pos in allowed, (text[:pos], text[pos:])


def test_a_number_joins_the_piece_before_it():
    groups = glued(segments("มาตรา 48 และ 51 คน"))
    assert groups == (("มาตรา ", "48 "), ("และ ", "51 "), ("คน",))


@pytest.mark.parametrize("width", [w / 2 for w in range(160, 1040, 7)])
def test_no_line_starts_with_a_number_after_a_word(width):
    lines = fill_lines(RATIONALE, BODY, width)
    assert_icu_breaks(RATIONALE, lines)
    assert all(w <= width for w in line_widths(lines))
    assert not any(line[:1].isdigit() for line in lines[1:]), lines


def test_the_sample_rationale_keeps_its_section_number():
    # the full text width: without the rule `48` stood alone on the second line
    lines = fill_lines(RATIONALE, BODY, 510.2)
    assert lines[-1].endswith("มาตรา 48") and lines[-1] != "48"


def test_a_number_group_wider_than_the_line_still_breaks():
    text = "ปี 2561 2562 2563 2564 2565 2566 2567 2568 2569 2570"
    lines = fill_lines(text, BODY, 60.0)
    assert_icu_breaks(text, lines)
    assert len(lines) > 2 and all(w <= 60.0 for w in line_widths(lines))


@pytest.mark.parametrize(
    "text",
    [
        "ได้ซ่อมแซมปั้มน้ำของอาคารเรียนที่ชำรุดเรียบร้อยแล้ว",
        "ค่าใช้จ่ายในการซ่อมแซมปั้มน้ำของอาคารเรียน 12,345.75 บาท",
    ],
)
def test_a_lone_short_last_word_takes_the_word_before_it(text):
    for width in range(80, 400, 3):
        lines = fill_lines(text, BODY, float(width))
        assert_icu_breaks(text, lines)
        assert all(w <= width for w in line_widths(lines))
        if len(lines) > 1 and len(glued(segments(lines[-1]))) == 1:
            # allowed only when the word is long, or the one before it would not fit
            last = BODY.width(lines[-1], trim=True)
            before = glued(segments(lines[-2]))
            pulled = BODY.width("".join(before[-1])) + last
            assert last > width / 4 or pulled > width or len(before) < 2, (width, lines)


def test_the_widow_rule_moves_exactly_one_word():
    text = "ได้ซ่อมแซมปั้มน้ำของอาคารเรียนที่ชำรุดเรียบร้อยแล้ว"
    # the width at which plain greedy filling leaves `แล้ว` alone on the last line
    greedy = BODY.width(text[: -len("แล้ว")], trim=True)
    lines = fill_lines(text, BODY, greedy + 1)
    assert lines[-1] == "เรียบร้อยแล้ว"


def test_one_line_fields_print_pasted_line_breaks_as_spaces():
    p = ThaiParagraph("โครงการ\u2028พัฒนา\u2029คุณภาพ\nเครือข่าย", BODY, one_line=True)
    assert p.lines(500.0) == ["โครงการ พัฒนา คุณภาพ เครือข่าย"]
    multi = ThaiParagraph("ย่อหน้าแรก\u2028ย่อหน้าสอง", BODY)
    assert multi.lines(500.0) == ["ย่อหน้าแรก", "ย่อหน้าสอง"]

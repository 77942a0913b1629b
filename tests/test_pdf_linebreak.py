"""Thai line breaking: only where ICU allows, nothing added or lost, ๆ never first, only
an over-long word cut, and then between grapheme clusters; both ICU bindings agree."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from forms.pdf import linebreak
from forms.pdf.paragraph import TextStyle, fill_lines
from tests.pdf_samples import SENTENCES, syllables

BODY = TextStyle()
WORDS = ["บอกว่า", "ตั้งแต่", "กรุงเทพมหานคร", "ญี่ปุ่น", "เกี่ยว", "น้ำ", "ทุกๆ", "PDF", "2566", "กตัญญู"]


def icu_allowed(text: str) -> set[int]:
    import icu

    it = icu.BreakIterator.createLineInstance(icu.Locale("th"))
    it.setText(text)
    return set(it)


@pytest.mark.parametrize("engine", linebreak.BACKENDS)
def test_both_icu_bindings_load_and_agree(engine, sample_report):
    assert linebreak.backend(engine)[0] == engine
    for text in [*sample_report.rationale, *SENTENCES]:
        assert linebreak.segments(text, engine) == linebreak.segments(text, "PyICU")
        assert linebreak.graphemes(text, engine) == linebreak.graphemes(text, "PyICU")


def test_segments_are_icu_breaks_and_keep_every_character():
    text = "บอกว่าตั้งแต่ปี พ.ศ. 2542 กรุงเทพมหานคร  มีคุณภาพ"
    pieces = linebreak.segments(text)
    assert "".join(pieces) == text
    ends = {sum(len(p) for p in pieces[: i + 1]) for i in range(len(pieces))}
    assert ends <= icu_allowed(text)
    assert "บอก" in pieces and "ว่า" in pieces  # a real word boundary, no space needed
    assert "กรุงเทพมหานคร  " in pieces  # the two typed spaces stay with the word


def test_mai_yamok_never_starts_a_piece():
    for text in ["ทุก ๆ วัน", "ทุกๆ วัน", "เด็ก ๆ ทุก ๆ คน"]:
        for piece in (*linebreak.segments(text), *linebreak.graphemes(text)[1:]):
            assert not piece.lstrip().startswith("ๆ"), (text, piece)


def test_no_break_after_a_hyphen_inside_a_word():
    pieces = linebreak.segments("ระบบ e-Budget และ มิ.ย. - ก.ย.")
    assert "e-Budget " in pieces and "- " in pieces


def test_graphemes_keep_consonants_with_their_marks():
    assert linebreak.graphemes("ที่น้ำ") == ("ที่", "น้ำ")
    assert linebreak.graphemes("ทำ😀ก") == ("ทำ", "😀", "ก")


def test_utf16_offsets_become_string_indexes():
    text = "😀😀 กรุงเทพมหานคร"
    assert "".join(linebreak.segments(text)) == text
    assert linebreak.segments(text)[-1] == "กรุงเทพมหานคร"


def assert_good_lines(text: str, width: float) -> list[str]:
    lines = fill_lines(text, BODY, width)
    assert "".join(lines) == text  # no space added, none lost
    allowed = icu_allowed(text)
    pos = 0
    for line in lines[:-1]:
        pos += len(line)
        assert BODY.width(line.rstrip(" ")) <= width + 1e-6
        if pos not in allowed:  # only inside a word wider than the line
            seg_start = max(b for b in allowed | {0} if b < pos)
            seg_end = min(b for b in allowed if b > pos)
            assert BODY.width(text[seg_start:seg_end].rstrip(" ")) > width
            assert pos in set(_grapheme_ends(text))
    for line in lines[1:]:
        assert not line.startswith("ๆ")
    return lines


def _grapheme_ends(text: str) -> list[int]:
    ends, pos = [], 0
    for g in linebreak.graphemes(text):
        pos += len(g)
        ends.append(pos)
    return ends


@pytest.mark.parametrize("width", [60.0, 150.0, 300.0, 520.0])
def test_filled_lines_break_only_where_icu_allows(sample_report, width):
    for text in [*sample_report.rationale, *SENTENCES]:
        assert_good_lines(text, width)


def test_a_word_wider_than_the_line_breaks_between_clusters():
    word = "กรุงเทพมหานครบวรรัตนโกสินทร์มหินทรายุธยามหาดิลกภพนพรัตนราชธานีบุรีรมย์"
    lines = assert_good_lines(word, 80.0)
    assert len(lines) > 3
    assert all(line[0] not in "ิีึืัุู่้๊๋็์ำๆ" for line in lines)


def test_hard_line_breaks_end_lines():
    assert fill_lines("บรรทัดแรก\nบรรทัดสอง", BODY, 500) == ["บรรทัดแรก", "บรรทัดสอง"]
    assert fill_lines("", BODY, 500) == []


@given(st.lists(st.sampled_from([*WORDS, *syllables("ก")[:20], " ", "  ", "ๆ"]), max_size=60))
def test_any_thai_text_fills_without_loss_or_bad_breaks(words):
    text = "".join(words).lstrip("ๆ")
    assert_good_lines(text, 120.0)

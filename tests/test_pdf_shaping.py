"""HarfBuzz shaping into glyph codes: marks placed by the font, each code saying its own
characters in typed order, SARA AM whole, mark codes without width (pdf.js's rule)."""

from __future__ import annotations

import io
import unicodedata
from functools import cache

import pytest
from fontTools.ttLib import TTFont

from forms.pdf.embed import build_subset, to_unicode_cmap
from forms.pdf.fonts import Style, face
from forms.pdf.shaping import script_runs, shape
from tests.pdf_samples import CONSONANTS, stress_texts, syllables


@cache
def glyph_order(style: Style) -> tuple[str, ...]:
    """The font's glyph names by id (fontTools is a test tool: the app reads raw tables)."""
    with TTFont(face(style).path, lazy=True) as tt:
        return tuple(tt.getGlyphOrder())


def glyph_name(gid: int, style: Style = Style.REGULAR) -> str:
    return glyph_order(style)[gid]


def glyph_names(text: str, style: Style = Style.REGULAR) -> list[str]:
    f = face(style)
    return [glyph_name(g, style) for c in shape(f, text) for u in c.units for g, _x, _y in u.glyphs]


def unit_texts(text: str) -> list[str]:
    return [u.text for c in shape(face(), text) for u in c.units]


@pytest.mark.parametrize("style", list(Style))
def test_every_stress_syllable_codes_back_to_its_text(style):
    f = face(style)
    for consonant in CONSONANTS:
        for syl in syllables(consonant):
            units = [u for c in shape(f, syl) for u in c.units]
            assert "".join(u.text for u in units) == syl
            for u in units:
                if any(unicodedata.category(ch) == "Mn" for ch in u.text):
                    assert u.advance == 0, (syl, u)


def test_tone_mark_above_upper_vowel_takes_the_small_form():
    assert glyph_names("ที่") == ["uni0E17", "uni0E35", "uni0E48.small"]
    assert glyph_names("ปี่") == ["uni0E1B", "uni0E35.narrow", "uni0E48.small"]
    assert "uni0E49.small" in glyph_names("นั้น")
    assert glyph_names("ผู้") == ["uni0E1C", "uni0E39", "uni0E49"]


def test_tall_consonant_pushes_marks_left():
    # ป's ascender: HarfBuzz moves the tone mark left by GPOS
    f = face()
    (cluster, _m) = shape(f, "ปั้ม")
    tone = cluster.units[-1]
    assert tone.text == "้" and tone.glyphs[0][1] < -100


def test_tho_than_and_yo_ying_lose_their_tails_before_lower_vowels():
    assert glyph_names("ฐู")[0] == "thoThanthai.less"
    assert glyph_names("ญู")[0] == "yoYingthai.less"
    assert glyph_names("กตัญญู")[-2:] == ["yoYingthai.less", "uni0E39"]
    assert glyph_names("ญ")[0] == "uni0E0D"


def test_sara_am_is_one_code_saying_sara_am():
    assert unit_texts("ทำ") == ["ท", "ำ"]
    (cluster,) = shape(face(), "ทำ")
    am = cluster.units[1]
    assert [glyph_name(g) for g, _x, _y in am.glyphs] == ["uni0E4D", "uni0E32"]
    assert am.advance > 0 and am.glyphs[0][1] < 0  # nikhahit drawn over ท, left of า
    # with a tone mark the font ligates nikhahit and tone; the tone code comes first
    assert unit_texts("น้ำ") == ["น", "้", "ำ"]
    assert glyph_names("น้ำ") == ["uni0E19", "uni0E4D0E49", "uni0E32"]
    assert unit_texts("ต่ำ") == ["ต", "่", "ำ"]


def test_mixed_scripts_are_shaped_each_with_its_own_shaper():
    assert script_runs("PDF ที่ 12 ก") == [("Latn", "PDF "), ("Thai", "ที่ 12 ก")]
    assert unit_texts("PDF ที่ 12") == ["P", "D", "F", " ", "ท", "ี", "่", " ", "1", "2"]
    assert glyph_names("xที่")[1:] == ["uni0E17", "uni0E35", "uni0E48.small"]


def test_subset_font_holds_composites_where_harfbuzz_put_the_glyphs():
    f = face()
    units = [u for c in shape(f, "ทำ ที่") for u in c.units]
    keys = [(u.glyphs, u.advance, u.text) for u in units]
    data, gids, sources = build_subset(f, keys)
    names = [glyph_name(g) if g >= 0 else "new composite" for g in sources]
    tt = TTFont(io.BytesIO(data))
    order = tt.getGlyphOrder()
    am = tt["glyf"][order[gids[1]]]
    assert am.isComposite()
    parts = [(names[tt.getGlyphID(c.glyphName)], c.x, c.y) for c in am.components]
    assert parts == [("uni0E4D", -10, 0), ("uni0E32", 0, 0)]
    assert tt["hmtx"][order[gids[1]]][0] == units[1].advance
    assert names[gids[0]] == "uni0E17"
    assert len(order) == len(names) < 20  # a subset, not the whole font


def test_to_unicode_maps_each_code_to_its_text():
    cmap = to_unicode_cmap(["ท", "ำ", "ฤๅ"]).decode()
    assert "<0001> <0E17>" in cmap and "<0002> <0E33>" in cmap and "<0003> <0E240E45>" in cmap
    assert cmap.count("beginbfchar") == 1


def test_stress_texts_cover_every_consonant_vowel_and_tone():
    texts = stress_texts()
    joined = "".join(texts)
    for ch in [*CONSONANTS, "ำ", "ะ", "็", "์", "ๆ", "ฯ", "่", "้", "๊", "๋", "เ", "ไ"]:
        assert ch in joined
    assert len(texts) == len(CONSONANTS) + 1

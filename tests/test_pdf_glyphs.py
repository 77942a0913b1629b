"""No silent boxes: what Sarabun lacks is drawn from the bundled DejaVu Sans fallback inside
the same embedded font, with each code's exact text; what neither font has is exactly what
`forms.pdf.fallback.undrawable` names (and the check `missing_glyph` reports)."""

from __future__ import annotations

import importlib.util
import io
import re

import pypdf
import pytest
from fontTools.ttLib import TTFont

from forms.pdf import embedded_report_json, render_pdf
from forms.pdf.fallback import DRAWN_AS, FALLBACK_FILE, Source, drawable, font_of, undrawable
from forms.pdf.fonts import FONT_DIR, Style, face
from forms.pdf.shaping import shape
from forms.report import ProgressReport, Report
from tests.conftest import SHARED

# what Word and LINE paste: bullets, boxes, check marks, arrows, the numero sign, and
# Word's Symbol/Wingdings bullets as Private Use code points
PASTED = "● ○ □ ▪ ➢ ► ✓ ✔ ☐ № • \uf0b7 \uf0a7 \uf0d8 \uf076 \uf0fc ■ ◆ ★ → ☑ ✗ ❖"
SYMBOLS = [ch for ch in PASTED if ch != " "]
NOT_DRAWN = ["\U0001f64f", "\U0001f44d", "\U0001f3fd", "\u179f", "\u17d2", "\u1780", "\U0002000b"]
MIXED = [
    "\uf0b7 ส่งเสริมการอ่าน ● ○ □ ▪ ➢ ► ✓ ✔ ☐ № 12",
    "\uf0a7 นักเรียนผ่านเกณฑ์ ✓ ร้อยละ 80 ✔️ ดีมาก",
    "ครูดีเด่น ➢ ทั้งหมด ► ระดับเขต ☐ ยังไม่ได้ ☑ แล้ว",
    "ที่ กท ๑๒๓๔/๒๕๖๖ เลขที่ № 5 ✓ ตรวจแล้ว ★ ดีเด่น",
]


def _report(*texts: str) -> Report:
    return Report(
        project_name="โครงการทดสอบ ✓",
        objectives=list(texts),
        progress_reports=[ProgressReport(no=1, narrative="ผลการดำเนินงาน ● ครบ ✔ " + texts[0])],
    )


def _to_unicode(cmap: bytes) -> dict[int, str]:
    out = {}
    body = cmap.split(b"endcodespacerange", 1)[1]
    for code, text in re.findall(rb"<([0-9A-F]{4})> <([0-9A-F]+)>", body):
        out[int(code, 16)] = bytes.fromhex(text.decode()).decode("utf-16-be")
    return out


def _fonts(pdf: bytes) -> list[dict]:
    """Each embedded Type0 font: its name, code -> text, code -> glyph, widths, the font."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    seen, out = set(), []
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            if id(font) in seen or font.get("/Subtype") != "/Type0":
                continue
            seen.add(id(font))
            cid = font["/DescendantFonts"][0].get_object()
            gid_map = cid["/CIDToGIDMap"].get_object().get_data()
            gids = {
                c: int.from_bytes(gid_map[2 * c : 2 * c + 2], "big")
                for c in range(1, len(gid_map) // 2)
            }
            first, widths = cid["/W"][0], cid["/W"][1]
            ttf = cid["/FontDescriptor"]["/FontFile2"].get_object().get_data()
            out.append(
                {
                    "name": str(font["/BaseFont"]),
                    "text": _to_unicode(font["/ToUnicode"].get_object().get_data()),
                    "gid": gids,
                    "width": {first + i: float(w) for i, w in enumerate(widths)},
                    "font": TTFont(io.BytesIO(ttf)),
                }
            )
    return out


def _regular(pdf: bytes) -> dict:
    return next(f for f in _fonts(pdf) if f["name"].endswith("+Sarabun-Regular"))


def _glyph_bounds(font: TTFont, gid: int) -> tuple[int, int, int, int] | None:
    glyf = font["glyf"]
    glyph = glyf[font.getGlyphName(gid)]
    glyph.recalcBounds(glyf)
    if not glyph.numberOfContours:
        return None
    return glyph.xMin, glyph.yMin, glyph.xMax, glyph.yMax


@pytest.fixture(scope="module")
def mixed_pdf() -> bytes:
    return render_pdf(_report(*MIXED, " ".join(SYMBOLS)))


def test_every_pasted_symbol_is_drawn_with_a_real_glyph(mixed_pdf):
    """Each symbol's code draws a glyph with an outline, and the outline is the fallback's
    glyph of what it is drawn as (`\\uf0b7` as •), scaled to Sarabun's em."""
    fallback = TTFont(FONT_DIR / FALLBACK_FILE)
    fb_glyf, fb_cmap = fallback["glyf"], fallback.getBestCmap()
    k = 1000 / fallback["head"].unitsPerEm
    font = _regular(mixed_pdf)
    code_of = {text: code for code, text in font["text"].items()}
    for ch in SYMBOLS:
        assert ch in code_of, f"U+{ord(ch):04X} has no code of its own"
        gid = font["gid"][code_of[ch]]
        assert gid != 0, f"U+{ord(ch):04X} is drawn as .notdef"
        bounds = _glyph_bounds(font["font"], gid)
        assert bounds is not None, f"U+{ord(ch):04X} draws an empty glyph"
        drawn = DRAWN_AS.get(ch, ch)
        if font_of(ch) is Source.FALLBACK:  # (• ■ ◆ → are Sarabun's own)
            want = fb_glyf[fb_cmap[ord(drawn)]]
            want.recalcBounds(fb_glyf)
            expected = (want.xMin * k, want.yMin * k, want.xMax * k, want.yMax * k)
            assert bounds == pytest.approx(expected, abs=1.01), f"U+{ord(ch):04X}"


def test_fallback_widths_agree_with_the_font_program(mixed_pdf):
    """/W says what the embedded glyph's advance says (PDF/A asks for it; viewers space by
    one, draw by the other)."""
    font = _regular(mixed_pdf)
    hmtx = font["font"]["hmtx"]
    upem = font["font"]["head"].unitsPerEm
    for code, text in font["text"].items():
        if text in SYMBOLS:
            name = font["font"].getGlyphName(font["gid"][code])
            assert font["width"][code] == pytest.approx(hmtx[name][0] * 1000 / upem, abs=0.01)


def test_the_subset_font_is_whole(mixed_pdf):
    """Every glyph of each subset decompiles and its composites point at glyphs there."""
    for f in _fonts(mixed_pdf):
        ttf, glyf = f["font"], f["font"]["glyf"]
        order = ttf.getGlyphOrder()
        for name in order:
            glyph = glyf[name]
            if glyph.isComposite():
                assert all(c.glyphName in glyf for c in glyph.components)
            glyph.recalcBounds(glyf)
        assert ttf["maxp"].numGlyphs == len(order)


def test_text_copies_back_exactly_with_symbols(tmp_path, mixed_pdf):
    """The probe reads the Thai-and-symbol texts exactly, the Private Use bullets as typed."""
    spec = importlib.util.spec_from_file_location("probe", SHARED / "tools" / "thaipdf_probe.py")
    assert spec and spec.loader
    probe = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(probe)
    path = tmp_path / "mixed.pdf"
    path.write_bytes(mixed_pdf)
    for engine in ("poppler", "pdfium", "pypdf"):
        n, found, exact, bad = probe.probe(str(path), MIXED, engine)
        assert (found, exact, bad) == (n, n, 0), engine


def test_stored_text_stays_as_typed(mixed_pdf):
    """Only the drawing maps U+F0B7 to •: the attached report and the codes' text keep it."""
    attached = embedded_report_json(mixed_pdf)
    assert attached is not None
    assert "\uf0b7" in attached or "\\uf0b7" in attached.lower()
    texts = set(_regular(mixed_pdf)["text"].values())
    assert {"\uf0b7", "\uf0a7"} <= texts


def test_what_no_font_has_is_a_box_and_named():
    """Emoji Sarabun and DejaVu lack, Khmer, a CJK extension ideograph: .notdef, and named."""
    pdf = render_pdf(_report("อีโมจิ " + "".join(NOT_DRAWN) + " จบ"))
    font = _regular(pdf)
    glyf, order = font["font"]["glyf"], font["font"].getGlyphOrder()

    def is_box(gid: int) -> bool:  # .notdef, or a cluster of .notdefs (Khmer's coeng)
        glyph = glyf[order[gid]]
        return gid == 0 or (
            glyph.isComposite() and all(c.glyphName == order[0] for c in glyph.components)
        )

    boxes = {ch for code, t in font["text"].items() if is_box(font["gid"][code]) for ch in t}
    assert boxes == set(NOT_DRAWN)
    assert undrawable("ก" + "".join(NOT_DRAWN) + "✓") == NOT_DRAWN


@pytest.mark.parametrize("style", list(Style))
def test_coverage_is_what_shaping_draws(style):
    """`drawable` and the shaped glyphs agree for every character of the symbol blocks,
    Lao, Khmer, emoji, ignorables and Word's bullets, in every style: the check names a
    character exactly when the PDF draws it as .notdef."""
    chars = [chr(c) for c in range(0x2000, 0x2C00)]
    chars += [chr(c) for c in range(0x0E80, 0x0F00)] + [chr(c) for c in range(0x1780, 0x1800)]
    chars += [chr(c) for c in range(0x0590, 0x0700)]  # Hebrew, Arabic: boxes; Arabic digits
    chars += [chr(c) for c in range(0x1F300, 0x1F700)] + list(DRAWN_AS) + NOT_DRAWN
    chars += ["\u00ad", "\ufe0f", "\u200d", "\ufeff", "\u3164", "\ue000", "\uf0a8"]
    f = face(style)
    wrong = []
    for ch in chars:
        if not ("\u0e01" <= ch <= "\u0e7f"):
            clusters = shape(f, f"ก{ch}ก")
            boxed = any(g[0] == 0 for c in clusters for u in c.units for g in u.glyphs)
            if boxed == drawable(ch):
                wrong.append(f"U+{ord(ch):04X}")
    assert not wrong, wrong


def test_sarabun_styles_map_the_same_characters():
    """The coverage is read from Sarabun-Regular alone: the other styles must map the same."""
    regular = set(TTFont(FONT_DIR / "Sarabun-Regular.ttf").getBestCmap())
    for style in Style:
        assert set(TTFont(FONT_DIR / f"{style.value}.ttf").getBestCmap()) == regular, style


def test_thai_and_latin_stay_with_sarabun():
    for ch in "กขฃ่้๊๋ำะ abcXYZ019.,()“”–—…%฿•":
        assert font_of(ch) is Source.MAIN, f"U+{ord(ch):04X}"
    for ch in "●✓№\uf0b7ສ":
        assert font_of(ch) is Source.FALLBACK, f"U+{ord(ch):04X}"

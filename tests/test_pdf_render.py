"""Marks sit where HarfBuzz puts them: a line drawn by the PDF engine, rasterised by
poppler, matches the same line laid out by Pillow's raqm (HarfBuzz + FreeType), and does
not match a layout without Thai shaping (the comparison can tell)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont, features
from reportlab.pdfgen.canvas import Canvas

from forms.pdf.fonts import FONT_DIR, Style
from forms.pdf.textline import Run, draw_line

WORDS = "ที่ ปี่ นั้น ผู้ ญี่ปุ่น เกี่ยว ฐู ญู กตัญญู น้ำ ต่ำ ทำ ปั้ม ฟ้า PDF 2566"
SIZE, DPI, X, BASELINE = 24.0, 144, 10.0, 20.0


def pdf_raster(tmp_path: Path, style: Style) -> Image.Image:
    pdf = tmp_path / "line.pdf"
    canvas = Canvas(str(pdf), pagesize=(720, 60))
    draw_line(canvas, X, BASELINE, [Run(WORDS, style, SIZE)])
    canvas.showPage()
    canvas.save()
    out = tmp_path / "line"
    subprocess.run(
        ["pdftoppm", "-r", str(DPI), "-png", "-singlefile", "-gray", pdf, out], check=True
    )
    return Image.open(out.with_suffix(".png")).convert("L")


def reference(size: tuple[int, int], style: Style, engine: ImageFont.Layout) -> Image.Image:
    font = ImageFont.truetype(
        str(FONT_DIR / f"{style.value}.ttf"), SIZE * DPI / 72, layout_engine=engine
    )
    image = Image.new("L", size, 255)
    y = size[1] - BASELINE * DPI / 72
    ImageDraw.Draw(image).text((X * DPI / 72, y), WORDS, font=font, fill=0, anchor="ls")
    return image


def mark_zones(image: Image.Image) -> Image.Image:
    """Only what lies above the consonants' bodies or below the baseline: the marks."""
    out = image.copy()
    base = image.size[1] - BASELINE * DPI / 72
    em = SIZE * DPI / 72
    ImageDraw.Draw(out).rectangle([0, base - 0.6 * em, image.size[0], base + 2], fill=255)
    return out


def overlap(a: Image.Image, b: Image.Image) -> float:
    """Share of a's ink pixels that have b's ink within one pixel."""
    ink_a = a.point(lambda v: 255 if v < 128 else 0)
    ink_b = b.point(lambda v: 255 if v < 128 else 0).filter(ImageFilter.MaxFilter(3))
    hits = ImageChops.multiply(ink_a, ink_b)
    return hits.histogram()[255] / max(1, ink_a.histogram()[255])


@pytest.mark.skipif(not features.check("raqm"), reason="Pillow built without raqm")
@pytest.mark.parametrize("style", [Style.REGULAR, Style.BOLD])
def test_marks_are_placed_as_harfbuzz_places_them(tmp_path, style):
    drawn = pdf_raster(tmp_path, style)
    shaped = reference(drawn.size, style, ImageFont.Layout.RAQM)
    unshaped = reference(drawn.size, style, ImageFont.Layout.BASIC)
    assert overlap(drawn, shaped) > 0.97 and overlap(shaped, drawn) > 0.97
    marks, shaped_marks = mark_zones(drawn), mark_zones(shaped)
    assert overlap(marks, shaped_marks) > 0.97 and overlap(shaped_marks, marks) > 0.97
    # the comparison notices marks placed without Thai shaping
    assert min(overlap(marks, mark_zones(unshaped)), overlap(mark_zones(unshaped), marks)) < 0.9

"""The ReportLab canvas every PDF of this app is drawn on (the report, the district's
summary): reproducible bytes, Thai language tag, no stray initial font, and page streams
compressed with Flate only."""

from __future__ import annotations

from functools import cache
from typing import BinaryIO

from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfgen.canvas import Canvas


def new_canvas(out: BinaryIO, pagesize: tuple[float, float]) -> Canvas:
    """A canvas writing to `out`; `invariant` keeps the same input giving the same bytes.
    The header says PDF 1.7: the report uses its features (/ActualText, marked content,
    associated files) and PDF/A-3 is based on it."""
    return Canvas(
        out,
        pagesize=pagesize,
        invariant=1,
        pdfVersion=(1, 7),
        pageCompression=1,
        lang="th-TH",
        initialFontName=_no_initial_font(),
    )


class _NoFont:
    """Stands for the canvas's initial font. ReportLab starts every page by setting its
    initial font (Helvetica, not embedded, never used here) unless that font is a
    "dynamic" one, which it leaves to whoever draws with it; nobody draws with this."""

    fontName = "forms.pdf:no-initial-font"
    _dynamicFont = 1
    _multiByte = 0
    face = type("Face", (), {"name": fontName})


@cache
def _no_initial_font() -> str:
    pdfmetrics.registerFont(_NoFont())
    return _NoFont.fontName


def flate_only(canv: Canvas) -> None:
    """Give each page its content stream, Flate only, before the document is saved.

    ReportLab wraps page streams in ASCII85 by default, in pure Python: a quarter of the
    export time and a quarter more bytes, for 7-bit safety no PDF reader needs. Its switch
    is the module global `rl_config.useA85`, read while the document is saved; setting it
    around `save` raced between threads (a preview rendered during an export): one save
    restored the global while another was writing, which then came out in ASCII85 (and the
    global stayed changed for everyone). A page whose /Contents is already set is left as
    it is by ReportLab, so this document decides for itself and no global is touched.
    """
    for page in canv._doc.Pages.pages:
        page.Contents = pdfdoc.PDFStream(content=page.stream, filters=[pdfdoc.PDFZCompress])

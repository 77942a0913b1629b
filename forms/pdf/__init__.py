"""The official PDF of a report: ReportLab layout, HarfBuzz shaping, ICU Thai line breaks,
and text that copies back exactly as typed.

    render_pdf(report) -> bytes
    write_pdf(report, target)  # temp file + os.replace; PdfWriteError subclasses in Thai
"""

from __future__ import annotations

from forms.pdf.document import render_pdf

__all__ = ["render_pdf"]

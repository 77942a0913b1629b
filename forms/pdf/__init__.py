"""The official PDF of a report: ReportLab layout, HarfBuzz shaping, ICU Thai line breaks,
and text that copies back exactly as typed.

    render_pdf(report) -> bytes
    write_pdf(report, target)  # temp file beside target + os.replace; on failure raises a
                               # PdfWriteError subclass (Thai message), old file intact
"""

from __future__ import annotations

from forms.pdf.document import render_pdf
from forms.pdf.errors import DiskFull, FolderMissing, FolderReadOnly, PdfWriteError, TargetLocked
from forms.pdf.writer import write_pdf

__all__ = [
    "DiskFull",
    "FolderMissing",
    "FolderReadOnly",
    "PdfWriteError",
    "TargetLocked",
    "render_pdf",
    "write_pdf",
]

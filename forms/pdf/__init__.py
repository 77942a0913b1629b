"""The official PDF of a report: ReportLab layout, HarfBuzz shaping, ICU Thai line breaks,
and text that copies back exactly as typed.

    render_pdf(report) -> bytes
    write_pdf(report, target)  # temp file beside target + os.replace; on failure raises a
                               # PdfWriteError subclass (Thai message), old file intact
    write_bytes_atomically(data, target)  # the same save, for bytes already rendered
"""

from __future__ import annotations

from forms.pdf.document import render_pdf
from forms.pdf.errors import DiskFull, FolderMissing, FolderReadOnly, PdfWriteError, TargetLocked
from forms.pdf.writer import write_bytes_atomically, write_pdf

__all__ = [
    "DiskFull",
    "FolderMissing",
    "FolderReadOnly",
    "PdfWriteError",
    "TargetLocked",
    "render_pdf",
    "write_bytes_atomically",
    "write_pdf",
]

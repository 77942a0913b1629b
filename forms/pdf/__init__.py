"""The official PDF of a report: ReportLab layout, HarfBuzz shaping, ICU Thai line breaks,
and text that copies back exactly as typed.

    render_pdf(report) -> bytes  # the report's interchange JSON attached inside
    write_pdf(report, target)  # temp file beside target + os.replace; on failure raises a
                               # PdfWriteError subclass (Thai message), old file intact
    write_bytes_atomically(data, target)  # the same save, for bytes already rendered
    embedded_report_json(data) -> str | None  # that JSON back from a PDF's bytes

The writer (ReportLab, HarfBuzz, ICU, fonts) is imported on first use of a name that needs
it, so that reading a PDF back or catching a `PdfWriteError` stays cheap to import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from forms.lazy import lazy_getattr
from forms.pdf.errors import DiskFull, FolderMissing, FolderReadOnly, PdfWriteError, TargetLocked
from forms.pdf.readback import REPORT_JSON_NAME, embedded_report_json

if TYPE_CHECKING:
    from forms.pdf.report_pages import render_pdf
    from forms.pdf.writer import write_bytes_atomically, write_pdf

_LAZY = {
    "render_pdf": "forms.pdf.report_pages",
    "write_bytes_atomically": "forms.pdf.writer",
    "write_pdf": "forms.pdf.writer",
}

__all__ = [
    "REPORT_JSON_NAME",
    "DiskFull",
    "FolderMissing",
    "FolderReadOnly",
    "PdfWriteError",
    "TargetLocked",
    "embedded_report_json",
    "render_pdf",
    "write_bytes_atomically",
    "write_pdf",
]


__getattr__ = lazy_getattr(__name__, _LAZY)

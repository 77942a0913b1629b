"""Reading back the report a PDF of this app carries: its interchange JSON, attached to
the PDF as an embedded file (written by `forms.pdf.attachment`).

Text extraction cannot give back every field exactly (a wrapped line and a typed line
break read the same), so an import prefers this copy when it is there. Any PDF may be
handed in, so reading is bounded and never raises: anything missing, oversized or
unreadable is `None`, and the caller falls back to parsing the text.

This module imports only the standard library at load time (pypdfium2 when called), so an
import need not load the PDF writer (ReportLab, HarfBuzz) to read a file.
"""

from __future__ import annotations

REPORT_JSON_NAME = "bma-project-report.json"
JSON_SUBTYPE = "application/json"
MAX_PDF_BYTES = 20 * 1024 * 1024  # as large as any PDF the app imports
MAX_JSON_BYTES = 4 * 1024 * 1024  # a report of 1000 long progress entries is far less
MAX_ATTACHMENTS = 64  # looked at, in order; a PDF of this app has one


CHECKSUM_KEY = "BMAReportSHA256"  # in the attachment's /Params: the SHA-256 of its bytes, hex
DAMAGED = "damaged"  # `read_report_attachment`'s word for an attachment failing its checksum


def embedded_report_json(data: bytes) -> str | None:
    """The interchange JSON text attached to the PDF `data` as `REPORT_JSON_NAME`, or
    None: no such attachment, not a PDF, damaged, encrypted, too large, or not UTF-8."""
    text, _state = read_report_attachment(data)
    return text


def read_report_attachment(data: bytes) -> tuple[str | None, str]:
    """`embedded_report_json`'s text and what was found: "none", "ok", or `DAMAGED` (the
    attachment's bytes differ from the MD5 /CheckSum written with them; the text is then
    None, so a changed copy is never taken for the clerk's data).

    The text is not checked as a report: `forms.interchange.loads` does that. PDFium is not
    thread-safe, so call this from one thread at a time; it decodes an attachment before
    its size is known (PDFium caps a Flate stream at 1 GiB), so a caller that must bound
    memory strictly calls it in a memory-limited process, as text extraction is.
    """
    if not isinstance(data, bytes | bytearray | memoryview) or len(data) > MAX_PDF_BYTES:
        return None, "none"
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(bytes(data))
    except pdfium.PdfiumError:
        return None, "none"
    try:
        for index in range(min(pdf.count_attachments(), MAX_ATTACHMENTS)):
            attachment = pdf.get_attachment(index)
            if attachment.get_name() == REPORT_JSON_NAME:
                raw = _bounded_data(attachment)
                if raw is None:
                    return None, "none"
                if not _checksum_matches(attachment, raw):
                    return None, DAMAGED
                return raw.decode("utf-8"), "ok"
        return None, "none"
    except (pdfium.PdfiumError, UnicodeDecodeError):
        return None, "none"
    finally:
        pdf.close()


def _checksum_matches(attachment: object, raw: bytes) -> bool:
    """True unless the attachment carries a `CHECKSUM_KEY` that `raw` does not match (PDFs
    of earlier versions of the app carry none)."""
    import hashlib

    if not attachment.has_key(CHECKSUM_KEY):  # type: ignore[attr-defined]
        return True
    written = str(attachment.get_str_value(CHECKSUM_KEY)).strip().lower()  # type: ignore[attr-defined]
    return written == hashlib.sha256(raw).hexdigest()


def _bounded_data(attachment: object) -> bytes | None:
    """The attachment's bytes, or None if empty or over `MAX_JSON_BYTES`.

    pypdfium2's `get_data` would allocate whatever size the file declares; PDFium's own
    two-step call lets the size be checked before Python allocates a buffer for it.
    """
    import ctypes

    import pypdfium2.raw as pdfium_c

    size = ctypes.c_ulong()
    if not pdfium_c.FPDFAttachment_GetFile(attachment, None, 0, ctypes.byref(size)):
        return None
    if not 0 < size.value <= MAX_JSON_BYTES:
        return None
    buffer = ctypes.create_string_buffer(size.value)
    written = ctypes.c_ulong()
    if not pdfium_c.FPDFAttachment_GetFile(attachment, buffer, size.value, ctypes.byref(written)):
        return None
    if written.value != size.value:
        return None
    return buffer.raw

"""The report's interchange JSON attached to its PDF, so the PDF imports back exactly.

Written as PDF/A-3 and ZUGFeRD attach their data: an embedded file stream (/Type
/EmbeddedFile, /Subtype application/json) in a file specification with /AFRelationship
/Data, named in the catalog's /EmbeddedFiles name tree (where every reader lists
attachments) and listed in the catalog's /AF array (associated files, PDF 2.0). It adds
no page content, so text extraction and the printed pages are unchanged. ReportLab has no
attachment API; its document objects (`pdfdoc`) build these few dictionaries.
`forms.pdf.readback` reads the JSON back.
"""

from __future__ import annotations

import hashlib

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFString
from reportlab.pdfgen.canvas import Canvas

from forms.pdf.readback import CHECKSUM_KEY, JSON_SUBTYPE, REPORT_JSON_NAME

DESCRIPTION = "ข้อมูลแบบรายงานโครงการ (JSON) สำหรับนำเข้าโปรแกรมแบบรายงานโครงการ"


class _HexString(pdfdoc.PDFObject):
    """A PDF string written in hex (`<…>`): ReportLab's PDFString writes text, not bytes."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def format(self, _document: object) -> bytes:
        return b"<" + self.data.hex().upper().encode("ascii") + b">"


def attach_report_json(canv: Canvas, text: str, modified: str | None = None) -> None:
    """Attach `text` (the report's interchange JSON) to the document `canv` is drawing;
    `modified` (a PDF date string) is the attachment's /ModDate."""
    doc = canv._doc
    data = text.encode("utf-8")
    stream = pdfdoc.PDFStream(
        PDFDictionary(
            {
                "Type": PDFName("EmbeddedFile"),
                # PDFName does not escape "/", which a name must write as #2F
                "Subtype": "/" + JSON_SUBTYPE.replace("/", "#2F"),
                # /CheckSum is ISO 32000's MD5 of the bytes, for other tools; PDFium reads a
                # binary string only up to its first zero byte, so the import checks the
                # SHA-256 in text (CHECKSUM_KEY) to tell a damaged copy from the clerk's data
                "Params": PDFDictionary(
                    {
                        "Size": len(data),
                        "CheckSum": _HexString(hashlib.md5(data, usedforsecurity=False).digest()),
                        CHECKSUM_KEY: PDFString(hashlib.sha256(data).hexdigest()),
                        **({"ModDate": PDFString(modified)} if modified else {}),
                    }
                ),
            }
        ),
        data,
        filters=[pdfdoc.PDFZCompress],
    )
    stream_ref = doc.Reference(stream)
    spec = doc.Reference(
        PDFDictionary(
            {
                "Type": PDFName("Filespec"),
                "F": PDFString(REPORT_JSON_NAME),
                "UF": PDFString(REPORT_JSON_NAME),
                "Desc": PDFString(DESCRIPTION),
                "EF": PDFDictionary({"F": stream_ref, "UF": stream_ref}),
                "AFRelationship": PDFName("Data"),
            }
        )
    )
    tree = PDFDictionary({"Names": PDFArray([PDFString(REPORT_JSON_NAME), spec])})
    canv.setCatalogEntry("Names", PDFDictionary({"EmbeddedFiles": tree}))
    # ReportLab's catalog writes only the keys it lists (no /AF); the list is widened for
    # this one catalog object, leaving ReportLab's class as it is for other documents
    catalog = doc.Catalog
    catalog.__NoDefault__ = [*catalog.__NoDefault__, "AF"]
    catalog.AF = PDFArray([spec])

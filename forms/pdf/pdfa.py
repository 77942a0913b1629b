"""PDF/A-3b for the report PDF: document dates, the document information and its XMP
metadata, the sRGB output intent, the file identifier.

ReportLab writes none of XMP or an output intent and, in its `invariant` mode (kept for
reproducible bytes), dates every file 1 January 2000; this module sets those parts of the
document before it is saved. `docs/pdf-conformance.md` lists the clauses covered.

Dates: an explicit `when`, else `SOURCE_DATE_EPOCH` (seconds since 1970, in UTC: the
reproducible-builds convention, which the Windows smoke test uses to compare a Windows
export with a Linux one byte for byte), else now in the local time zone.
"""

from __future__ import annotations

import hashlib
import os
import re
from datetime import UTC, datetime
from functools import cache
from xml.sax.saxutils import escape

import reportlab
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFString
from reportlab.pdfgen.canvas import Canvas

import resources
from forms.pdf.tags import TRUE

PRODUCER = f"ReportLab PDF Library {reportlab.Version} (forms.pdf)"
SRGB = "sRGB IEC61966-2.1"
ICC_PROFILE = resources.folder("icc") / "sRGB.icc"
PDF_VERSION = (1, 7)  # the base of PDF/A-3 (ISO 32000-1)


def document_time(when: datetime | None = None) -> datetime:
    """The creation date the PDF records, to the second, with its UTC offset."""
    if when is None:
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
        if epoch.isdigit():
            when = datetime.fromtimestamp(int(epoch), UTC)
        else:
            when = datetime.now().astimezone()
    elif when.tzinfo is None:
        when = when.astimezone()
    return when.replace(microsecond=0)


def pdf_date(when: datetime) -> str:
    """`D:20241204143000+07'00'` (ISO 32000-1 7.9.4)."""
    offset = when.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    sign = "+" if minutes >= 0 else "-"
    hh, mm = divmod(abs(minutes), 60)
    return when.strftime("D:%Y%m%d%H%M%S") + f"{sign}{hh:02d}'{mm:02d}'"


# what XML 1.0 cannot hold even escaped (C0 controls but tab and line ends, surrogates, FFFE/F)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml(text: str) -> str:
    """`text` as XML character data (a pasted control character would break the packet)."""
    return escape(_NOT_XML.sub("", text))


def xmp_date(when: datetime) -> str:
    """`2024-12-04T14:30:00+07:00`, the same instant as `pdf_date`."""
    return when.isoformat()


class DocumentInfo(pdfdoc.PDFObject):
    """The Info dictionary with only the entries that have a value, each mirrored in the
    XMP (ReportLab's always writes an empty /Keywords and /Trapped)."""

    def __init__(self, entries: dict[str, str], when: datetime) -> None:
        self.entries = entries
        self.when = when
        self.invariant = 1  # set by ReportLab's save, as on its own PDFInfo

    def digest(self, md5object: object) -> None:
        """ReportLab's save feeds the Info to its file-ID digest; `make_pdfa` sets the ID."""

    def format(self, document: pdfdoc.PDFDocument) -> bytes:
        d: dict[str, object] = {k: PDFString(v) for k, v in self.entries.items() if v}
        d["CreationDate"] = d["ModDate"] = PDFString(pdf_date(self.when))
        return PDFDictionary(d).format(document)


def xmp_packet(
    *, title: str, author: str, subject: str, creator: str, lang: str, when: datetime
) -> bytes:
    """The XMP metadata: PDF/A identification (part 3, conformance B) and the Info's
    entries in their XMP forms. Only predefined schemas are used (no extension schema)."""
    date = xmp_date(when)

    def alt(value: str) -> str:
        return f'<rdf:Alt><rdf:li xml:lang="x-default">{_xml(value)}</rdf:li></rdf:Alt>'

    dc = [f"<dc:title>{alt(title)}</dc:title>", "<dc:format>application/pdf</dc:format>"]
    if author:
        dc.append(f"<dc:creator><rdf:Seq><rdf:li>{_xml(author)}</rdf:li></rdf:Seq></dc:creator>")
    if subject:
        dc.append(f"<dc:description>{alt(subject)}</dc:description>")
    dc.append(f"<dc:language><rdf:Bag><rdf:li>{_xml(lang)}</rdf:li></rdf:Bag></dc:language>")
    body = "\n".join(
        [
            '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
            '<rdf:Description rdf:about=""',
            ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
            ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
            ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
            ' xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">',
            *dc,
            f"<xmp:CreateDate>{date}</xmp:CreateDate>",
            f"<xmp:ModifyDate>{date}</xmp:ModifyDate>",
            f"<xmp:MetadataDate>{date}</xmp:MetadataDate>",
            f"<xmp:CreatorTool>{_xml(creator)}</xmp:CreatorTool>",
            f"<pdf:Producer>{_xml(PRODUCER)}</pdf:Producer>",
            "<pdfaid:part>3</pdfaid:part>",
            "<pdfaid:conformance>B</pdfaid:conformance>",
            "</rdf:Description>",
            "</rdf:RDF>",
            "</x:xmpmeta>",
        ]
    )
    # the packet wrapper lets XMP tools find and rewrite the metadata in place (PDF/A
    # forbids the deprecated `bytes` and `encoding` attributes, which are not written)
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        + body
        + "\n"
        + (" " * 99 + "\n") * 10
        + '<?xpacket end="w"?>'
    ).encode("utf-8")


@cache
def _icc_profile() -> bytes:
    return ICC_PROFILE.read_bytes()


def make_pdfa(
    canv: Canvas,
    *,
    title: str,
    author: str,
    subject: str,
    creator: str,
    when: datetime,
    identity: bytes,
) -> None:
    """Give the document `canv` draws its Info, XMP metadata, sRGB output intent, title
    display and file identifier (an MD5 of `identity`, the content that makes it unique).
    Call before `save`."""
    doc = canv._doc
    lang = "th-TH"
    doc.info = DocumentInfo(
        {
            "Title": title,
            "Author": author,
            "Subject": subject,
            "Creator": creator,
            "Producer": PRODUCER,
        },
        when,
    )
    xmp = xmp_packet(
        title=title, author=author, subject=subject, creator=creator, lang=lang, when=when
    )
    # not compressed: PDF/A wants the metadata readable by tools that do not parse PDF
    metadata = pdfdoc.PDFStream(
        PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}), xmp
    )
    icc = pdfdoc.PDFStream(PDFDictionary({"N": 3}), _icc_profile(), filters=[pdfdoc.PDFZCompress])
    intent = PDFDictionary(
        {
            "Type": PDFName("OutputIntent"),
            "S": PDFName("GTS_PDFA1"),
            "OutputConditionIdentifier": PDFString(SRGB),
            "Info": PDFString(SRGB),
            "RegistryName": PDFString("http://www.color.org"),
            "DestOutputProfile": doc.Reference(icc),
        }
    )
    catalog = doc.Catalog
    catalog.__NoDefault__ = [*catalog.__NoDefault__, "OutputIntents"]
    catalog.OutputIntents = PDFArray([intent])
    catalog.Metadata = doc.Reference(metadata)
    catalog.ViewerPreferences = PDFDictionary({"DisplayDocTitle": TRUE})
    digest = hashlib.md5(identity, usedforsecurity=False).hexdigest().upper()
    doc._ID = f"\n[<{digest}><{digest}>]\n".encode("ascii")

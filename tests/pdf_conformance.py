"""What the PDF/A and tagged-PDF tests share: the moment the sample's PDF is dated, the
sample report from `tests/data`, and a pypdf reader over a PDF's bytes."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from io import BytesIO

import pypdf

from forms.interchange import loads
from forms.report import Report
from tests.conftest import DATA

BANGKOK = timezone(timedelta(hours=7))
WHEN = datetime(2024, 12, 4, 14, 30, 5, tzinfo=BANGKOK)


def sample_report_from_file() -> Report:
    return loads((DATA / "sample_report.json").read_text(encoding="utf-8"))


def read_pdf(data: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(BytesIO(data))

"""Importing official printouts: text or PDF of `แบบแสดงรายงานความก้าวหน้าฯ`, or interchange JSON.

- `parse_printout_text(text)`: the report in a printout's text, tolerant of what text
  extraction and OCR do to it, reconciling several copies;
- `extract_pdf_text(path)`: a PDF's text, read in a time- and memory-bounded subprocess;
- `import_file(path)`: a `.json`, `.txt` or `.pdf` file to an `ImportResult`.
"""

from __future__ import annotations

from forms.printout.files import import_file
from forms.printout.parser import parse_printout_text
from forms.printout.pdf_text import extract_pdf_text
from forms.printout.result import ImportResult, PrintoutError, is_structure, recognised_label

__all__ = [
    "ImportResult",
    "PrintoutError",
    "extract_pdf_text",
    "import_file",
    "is_structure",
    "parse_printout_text",
    "recognised_label",
]

"""Importing official printouts: text or PDF of `แบบแสดงรายงานความก้าวหน้าฯ`, or interchange JSON.

- `parse_printout_text(text)`: the report in a printout's text, tolerant of what text
  extraction and OCR do to it, reconciling several copies;
- `extract_pdf_text(path)`: a PDF's text, read in a time- and memory-bounded subprocess;
- `import_file(path)`: a `.json`, `.txt` or `.pdf` file to an `ImportResult`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from forms.lazy import lazy_getattr

# the names load on first use (as `forms.checks` and `forms.pdf` do), so that a reader of
# one module (`forms.printout.labels`) does not import every reader
_HOMES = {
    "import_file": "forms.printout.files",
    "parse_printout_text": "forms.printout.parser",
    "extract_pdf_text": "forms.printout.pdf_text",
    "ImportResult": "forms.printout.result",
    "PrintoutError": "forms.printout.result",
    "is_structure": "forms.printout.result",
    "recognised_label": "forms.printout.result",
}

if TYPE_CHECKING:
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

__getattr__ = lazy_getattr(__name__, _HOMES)

"""What an import gives back (`ImportResult`) and the one error it raises (`PrintoutError`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from forms.errors import FormError
from forms.report import Report
from forms.schema import FIELDS_BY_KEY, PROGRESS_FIELDS_BY_KEY

_PATH = re.compile(r"([a-z_]+)(?:\[(\d+)\])?(?:\.([a-z_]+))?")
_STRUCTURE_LABELS = {
    "page_header": "หัวกระดาษที่ข้ามไป",
    "page_footer": "เลขหน้าที่ข้ามไป",
    "pdf_attachment": "ข้อมูลรายงานที่แนบในไฟล์ PDF",
}


class PrintoutError(FormError):
    """The file or text cannot be imported; the message is Thai and says what to do."""


@dataclass
class ImportResult:
    """A report read from a file or a printout, and an account of how it was read.

    - `recognised`: (field path, value as shown) for every field found, in printed order,
      plus `page_header` and `copy[k]` entries for the structure that was recognised;
    - `unused_lines`: (line number, text) of every non-empty line that was not used;
    - `warnings`: Thai, one per doubt: each field where another copy differs (both values),
      values that could not be read, text that had to be moved;
    - `copies_found`: how many copies of the report the text held.
    """

    report: Report
    recognised: list[tuple[str, str]] = field(default_factory=list)
    unused_lines: list[tuple[int, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    copies_found: int = 1


def recognised_label(path: str) -> str:
    """The Thai name of a `recognised` entry, as the clerk sees the field:
    `objectives[3]` -> `วัตถุประสงค์ของโครงการ ข้อ 2.3` (the CLI and the window both show it)."""
    m = _PATH.fullmatch(path)
    if m is None:
        return path
    key, number, sub_key = m.groups()
    if key in _STRUCTURE_LABELS:
        return _STRUCTURE_LABELS[key]
    if key == "copy" and number:
        return f"ฉบับที่ {number}"
    field_ = FIELDS_BY_KEY.get(key)
    if field_ is None:
        return path
    if number is None:
        return field_.title
    if sub_key == "no":
        return f"รายงานครั้งที่ {number}"
    if sub_key is not None:
        sub = PROGRESS_FIELDS_BY_KEY.get(sub_key)
        return f"รายงานครั้งที่ {number} {sub.title if sub else sub_key}"
    if field_.item_numbering:
        return f"{field_.title} ข้อ {field_.item_numbering}{number}"
    return f"{field_.label} ย่อหน้าที่ {number}"  # the rationale, as printed: no item numbers


def is_structure(path: str) -> bool:
    """A recognised page header, footer, attachment or copy of the report, not a field."""
    return path in _STRUCTURE_LABELS or path.startswith("copy[")

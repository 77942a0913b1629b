"""What an import gives back (`ImportResult`) and the one error it raises (`PrintoutError`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from forms.errors import FormError
from forms.report import Report


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

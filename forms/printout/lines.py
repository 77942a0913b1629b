"""Text lines as text extraction gives them, cleaned of markup, and how wrapped text joins.

Printout text arrives copied out of a PDF viewer, through OCR, or pasted into a Markdown
editor: `**bold**` marks, `#` headings and backslash escapes (`\\*\\*`), tabs, trailing
spaces. Markup is removed only when the text looks like Markdown, so a plain printout's
values (which may hold `**** ... ****` or a backslash) are left as printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARKDOWN_HINT = re.compile(r"\\[*_#]|^\s*\*\*\S|^\s{0,3}#{1,6}\s", re.MULTILINE)
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_BOLD_LINE = re.compile(r"\*\*(.*)\*\*")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_SPACES = re.compile(r"\s+")
_ONE_SPACE_END = re.compile(r"[^ ] $")  # not Markdown's two-space line break
_THAI = re.compile(r"[\u0e00-\u0e7f]")


@dataclass(frozen=True)
class Line:
    no: int  # 1-based line number in the input
    raw: str  # as given, without the line break
    text: str  # markup removed, trailing spaces stripped
    exact_breaks: bool = False  # the text keeps the space each line broke at (see below)

    @property
    def spaced_end(self) -> bool | None:
        """Whether a value wrapped after this line had a space at the break; None: unknown.

        PDF text extraction (PDFium) keeps the space a line broke at as the line's last
        character, so in such text a line without one broke inside a word. Text that never
        ends a line in a single space (the sample, most copies out of a viewer) says nothing.
        """
        if self.raw[-1:] == " ":
            return True
        return False if self.exact_breaks else None


def split_lines(text: str) -> list[Line]:
    """The input's lines, numbered from 1, each cleaned of markup."""
    markdown = bool(_MARKDOWN_HINT.search(text))
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    exact = any(_ONE_SPACE_END.search(raw) for raw in raw_lines)
    return [Line(i, raw, clean(raw, markdown), exact) for i, raw in enumerate(raw_lines, start=1)]


def clean(raw: str, markdown: bool) -> str:
    """One line without markup (when `markdown`), zero-width marks or trailing spaces."""
    text = raw.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "").rstrip()
    if not markdown:
        return text
    text = _MD_HEADING.sub("", text)
    bold = _MD_BOLD_LINE.fullmatch(text.strip())
    if bold:
        text = bold.group(1)
    return _MD_ESCAPE.sub(r"\1", text).rstrip()


def squash(text: str) -> str:
    """Runs of spaces and tabs as one space, ends stripped: how values are compared and kept."""
    return _SPACES.sub(" ", text).strip()


def join_wrapped(first: str, second: str, spaced: bool | None = None) -> str:
    """Two pieces of one value that a line break split.

    `spaced` says whether the break was at a space (`Line.spaced_end`). When that is not
    known: Thai writes no space between words, so a break between two Thai letters was a
    break inside running text and the pieces join directly (`...คุณภาพตาม` + `เกณฑ์...`);
    next to anything else (digits, Latin, brackets) the break is taken for a space.
    """
    first, second = squash(first), squash(second)
    if not first or not second:
        return first or second
    if spaced is None:
        spaced = not (_THAI.match(first[-1]) and _THAI.match(second[0]))
    return f"{first} {second}" if spaced else first + second

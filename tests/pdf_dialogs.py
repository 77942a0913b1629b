"""The window's dialogs replaced and its PDFs read back, for the PDF tests of the window.

`Answers` stands in for the file dialog, the question and the message box of `ui.dialogs`
(what they were asked, what they answer); `pdf_text` and `page_count` read a written PDF.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from ui import dialogs


class Answers:
    """What the replaced dialogs were asked, and what they answer."""

    def __init__(self, monkeypatch, save_to: Path | None = None, ask: bool = True) -> None:
        self.proposed: list[Path] = []
        self.questions: list[str] = []
        self.messages: list[tuple[str, str]] = []
        self.save_to, self.answer = save_to, ask
        monkeypatch.setattr(dialogs, "save_file", self.save_file)
        monkeypatch.setattr(dialogs, "ask", self.ask)
        monkeypatch.setattr(dialogs, "inform", self.inform)

    def save_file(self, parent, title, proposed, filter_):
        self.proposed.append(proposed)
        return self.save_to

    def ask(self, parent, title, text, **kwargs):
        self.questions.append(text)
        return self.answer

    def inform(self, parent, title, text, error=False):
        self.messages.append((title, text))


def pdf_text(path: Path) -> str:
    pdf = pdfium.PdfDocument(path)
    try:
        return "".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


def page_count(data: bytes) -> int:
    pdf = pdfium.PdfDocument(data)
    try:
        return len(pdf)
    finally:
        pdf.close()

"""Child process of `forms.printout.pdf_text`: a PDF's text as one JSON document.

usage: python -I _pdf_worker.py PDF MAX_PAGES MAX_CHARS MEMORY_BYTES [OUT]

The JSON goes into the file OUT (the parent waits for this process to end, never for the
end of a pipe), or to stdout when none is given.

Runs alone (`-I`, stdlib and pypdfium2 only) so the parent can kill it on a time-out and
its address space can be capped: PDFium is native code, and a damaged or hostile PDF can
loop or allocate without end where no Python-level check would ever run.
Output: {"text": ..., "report_json": ... or null, "attachment": "none"|"ok"|"damaged"}
(with "text_skipped": "pages"|"chars" and an empty text for an app PDF over the limits) or
{"error": "password"|"format"|"pages"|"chars", "detail": ...}. `report_json` is the
interchange JSON this app attaches to its own exports (`forms.pdf.readback`), read here so
that its decoding is bounded like the text's.
"""

from __future__ import annotations

import json
import sys


def _limit_memory(limit: int) -> None:
    try:
        import resource  # POSIX only; on Windows the parent's time-out is the bound
    except ImportError:
        return
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _extract(path: str, max_pages: int, max_chars: int) -> dict[str, str]:
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        kind = "password" if "password" in str(exc).lower() else "format"
        return {"error": kind, "detail": str(exc)}
    try:
        if len(doc) > max_pages:
            return {"error": "pages", "detail": str(len(doc))}
        pages: list[str] = []
        total = 0
        for index in range(len(doc)):
            page = doc[index]
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            textpage.close()
            page.close()
            total += len(text)
            if total > max_chars:
                return {"error": "chars", "detail": str(total)}
            pages.append(text)
        return {"text": "\n".join(pages)}
    finally:
        doc.close()


def _attached_report_json(path: str) -> tuple[str | None, str]:
    # loaded by file path: `-I` keeps the app's packages off sys.path, and readback.py needs
    # only the standard library and pypdfium2
    from importlib.util import module_from_spec, spec_from_file_location
    from pathlib import Path

    source = Path(__file__).resolve().parent.parent / "pdf" / "readback.py"
    spec = spec_from_file_location("_readback", source)
    if spec is None or spec.loader is None:
        return None, "none"
    module = module_from_spec(spec)
    spec.loader.exec_module(module)
    with open(path, "rb") as handle:
        return module.read_report_attachment(handle.read())


def with_attachment(
    result: dict[str, str | None], attachment: tuple[str | None, str]
) -> dict[str, str | None]:
    """`result` with the attached report added. A PDF of this app too long for its pages
    to be read (the page or character limit) is still read from its attachment: its text
    is then skipped (`text_skipped` says which limit), never a reason to refuse the file."""
    report_json, state = attachment
    if "text" not in result:
        if state != "ok" or result.get("error") not in ("pages", "chars"):
            return result
        result = {"text": "", "text_skipped": result["error"]}
    return {**result, "report_json": report_json, "attachment": state}


def main(argv: list[str]) -> int:
    path, max_pages, max_chars, memory = argv[1], int(argv[2]), int(argv[3]), int(argv[4])
    _limit_memory(memory)
    result: dict[str, str | None] = dict(_extract(path, max_pages, max_chars))
    if "text" in result or result.get("error") in ("pages", "chars"):
        result = with_attachment(result, _attached_report_json(path))
    text = json.dumps(result, ensure_ascii=True)
    if len(argv) > 5:
        with open(argv[5], "w", encoding="utf-8") as out:
            out.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

"""The rule on characters the PDF cannot draw: no bundled font (Sarabun, the DejaVu Sans
fallback) has them, so the page would show an empty box where they are.

Which characters those are is answered by `forms.pdf.fallback.undrawable`, the function the
PDF's shaping uses, so the check names exactly the boxes the export would draw. The fonts'
character maps are read once per process; a text Sarabun covers whole is one set lookup.
Control characters and U+FFFD are left to their own rules (`forms.checks.text`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from datetime import date

from forms.checks.context import Context, Finding
from forms.checks.paths import field_label, progress_label, progress_path
from forms.checks.show import show_text
from forms.pdf.fallback import undrawable
from forms.report import Report

SHOWN = 8  # characters named in one message; the rest are counted
_OWN_RULES = "\ufffd"  # reported by `replacement_characters`


def missing_glyphs(ctx: Context) -> Iterator[Finding]:
    """One finding per text with characters no font draws, naming each with its code point."""
    for path, label, text in _printed_texts(ctx):
        chars = _missing(text)
        if chars:
            yield Finding(path, message(label, text, chars))


def _printed_texts(ctx: Context) -> Iterator[tuple[str, str, str]]:
    for spot in ctx.texts:
        yield spot.path, spot.label, spot.text
    # text kept as typed in a date or number box is printed as typed
    for key, text in ctx.report.typed.items():
        yield key, field_label(key), text
    for r in ctx.report.progress_reports:
        for key, text in r.typed.items():
            yield progress_path(r.no, key), progress_label(r.no, key), text


def _missing(text: str) -> list[str]:
    return [
        ch for ch in undrawable(text) if ch not in _OWN_RULES and unicodedata.category(ch) != "Cc"
    ]


def describe(ch: str) -> str:
    """`"🙏" (U+1F64F)`: the character and its code point."""
    return f'"{ch}" (U+{ord(ch):04X})'


def message(label: str, text: str, chars: list[str]) -> str:
    named = ", ".join(describe(ch) for ch in chars[:SHOWN])
    more = f" และอีก {len(chars) - SHOWN} ตัว" if len(chars) > SHOWN else ""
    at = text.index(chars[0])
    where = show_text(text[max(0, at - 12) : at + 12], limit=44)
    return (
        f"{label} มีอักขระที่แบบอักษรของ PDF ไม่มี จะพิมพ์เป็นกล่องว่าง: {named}{more} ที่ {where}"
        " — ลบออก หรือเขียนเป็นคำภาษาไทยแทน (เครื่องหมายอย่าง • ● ▪ ✓ ☐ № พิมพ์ได้)"
    )


def export_warning(report: Report) -> str | None:
    """For the export's stderr: the characters drawn as boxes, in how many fields; None
    when there are none."""
    found: dict[str, None] = {}
    fields = 0
    for _path, _label, text in _printed_texts(Context(report, date.today())):
        chars = _missing(text)
        if chars:
            fields += 1
            found.update(dict.fromkeys(chars))
    if not found:
        return None
    chars = list(found)
    named = ", ".join(describe(ch) for ch in chars[:SHOWN])
    more = f" และอีก {len(chars) - SHOWN} ตัว" if len(chars) > SHOWN else ""
    return f"PDF พิมพ์อักขระ {len(chars)} ตัวใน {fields} ช่องเป็นกล่องว่าง เพราะแบบอักษรไม่มี: {named}{more}"

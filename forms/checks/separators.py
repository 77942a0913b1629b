"""The rule on line-breaking characters in one-line fields: LINE SEPARATOR (U+2028) and
PARAGRAPH SEPARATOR (U+2029), which Word and web pages leave in pasted text.

They are not control characters (that rule, `text.control_characters`, covers tab, LF and
CR), so nothing else reports them, yet they break the printed line. A one-line field can
hold a space there, which is what the PDF prints (`ThaiParagraph(one_line=True)`) and what
the one-click fix puts in their place.
"""

from __future__ import annotations

from collections.abc import Iterator

from forms.checks.context import Context, Finding
from forms.checks.problem import Fix

SEPARATORS = {"\u2028": "ตัวแบ่งบรรทัด", "\u2029": "ตัวแบ่งย่อหน้า"}


def _visible(text: str) -> str:
    for ch in SEPARATORS:
        text = text.replace(ch, f"<U+{ord(ch):04X}>")
    return text


def line_separators(ctx: Context) -> Iterator[Finding]:
    """One finding per one-line text and separator character, with a fix to a space."""
    for spot in ctx.texts:
        if spot.multiline:
            continue
        for ch, name in SEPARATORS.items():
            count = spot.text.count(ch)
            if not count:
                continue
            at = spot.text.index(ch)
            around = _visible(spot.text[max(0, at - 12) : at + 13])
            yield Finding(
                spot.path,
                f'{spot.label} มี{name} (U+{ord(ch):04X}) {count} ตัว ที่ "{around}" '
                "— ช่องนี้เป็นข้อความบรรทัดเดียว จึงพิมพ์ใน PDF เป็นช่องว่าง แก้เป็นช่องว่าง",
                Fix(spot.path, ch, " "),
            )

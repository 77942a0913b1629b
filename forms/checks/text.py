"""Rules on every text the clerk typed: known misspellings and characters that are almost
certainly damage (quotes turned into `?`, U+FFFD, control characters, Thai marks with no
base letter).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from forms.checks.context import Context, Finding
from forms.checks.paths import TextSpot
from forms.checks.problem import Fix
from forms.checks.show import show_text
from forms.checks.spelling import misspelling_pattern, misspellings

# A `?` right before a Thai letter and another right after a non-space: quotes (“ ”) that
# an encoding without them (TIS-620) replaced by `?`, as in the sample's `?ครูดีเด่น?`.
_DAMAGED_QUOTES = re.compile(r"\?([\u0E01-\u0E5B][^?\n]{0,200}?)(?<=\S)\?")
_REPLACEMENT = "\ufffd"
_CONTROL_ANY = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROL_MULTILINE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # tab, LF, CR allowed
# Thai vowel/tone marks (ั ิ-ฺ ็-๎) sit on a consonant (ก-ฮ), a tone also on a vowel mark;
# anywhere else (text start, after a space, after ำ as in `นำ้`, doubled) it has no base.
# Hand-written: grapheme segmentation (regex's \X) would accept a tone after ำ or a second
# tone, which fonts draw on a dotted circle; Thai's rule is this one character class.
_ORPHAN_MARK = re.compile(
    r"(?<![\u0E01-\u0E2E\u0E31\u0E34-\u0E3A\u0E47])[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]"
)
_CONTROL_NAMES = {"\t": "แท็บ", "\n": "ขึ้นบรรทัดใหม่", "\r": "ขึ้นบรรทัดใหม่ (CR)"}


def _context(text: str, start: int, end: int, pad: int = 12) -> str:
    return show_text(text[max(0, start - pad) : end + pad], limit=2 * pad + 20)


def misspelled_words(ctx: Context) -> Iterator[Finding]:
    """One finding per text and misspelled word; its fix corrects every occurrence there."""
    pattern, table = misspelling_pattern(), misspellings()
    for spot in ctx.texts:
        counts = Counter(m.group() for m in pattern.finditer(spot.text))
        for wrong, count in counts.items():
            right = table[wrong]
            times = f" {count} แห่ง" if count > 1 else ""
            yield Finding(
                spot.path,
                f'{spot.label} สะกดผิด: "{wrong}"{times} — ควรเป็น "{right}"',
                Fix(spot.path, wrong, right),
            )


def damaged_quotes(ctx: Context) -> Iterator[Finding]:
    """One finding per damaged pair, each with its own fix to “ ”."""
    for spot in ctx.texts:
        if "?" not in spot.text:
            continue
        for m in _DAMAGED_QUOTES.finditer(spot.text):
            quoted = f"“{m.group(1)}”"
            yield Finding(
                spot.path,
                f'{spot.label} มี "{m.group()}" — เครื่องหมาย ? น่าจะเป็นอัญประกาศที่เสียไป แก้เป็น {quoted}',
                Fix(spot.path, m.group(), quoted),
            )


def replacement_characters(ctx: Context) -> Iterator[Finding]:
    for spot in ctx.texts:
        count = spot.text.count(_REPLACEMENT)
        if count:
            at = spot.text.index(_REPLACEMENT)
            yield Finding(
                spot.path,
                f"{spot.label} มีอักขระเสีย (U+FFFD �) {count} ตัว ที่ {_context(spot.text, at, at + 1)} "
                "— ข้อความส่วนนี้เสียระหว่างคัดลอก พิมพ์ใหม่จากต้นฉบับ",
            )


def _control_pattern(spot: TextSpot) -> re.Pattern[str]:
    return _CONTROL_MULTILINE if spot.multiline else _CONTROL_ANY


def control_characters(ctx: Context) -> Iterator[Finding]:
    for spot in ctx.texts:
        found = _control_pattern(spot).findall(spot.text)
        if not found:
            continue
        first = found[0]
        at = spot.text.index(first)
        name = _CONTROL_NAMES.get(first, "อักขระควบคุม")
        why = " (ช่องนี้เป็นข้อความบรรทัดเดียว)" if first in _CONTROL_NAMES else ""
        yield Finding(
            spot.path,
            f"{spot.label} มี{name} (U+{ord(first):04X}) {len(found)} ตัว "
            f"ที่ {_context(spot.text, at, at + 1)} — ลบออก{why}",
        )


def too_long(ctx: Context) -> Iterator[Finding]:
    """A text longer than its field's limit: the window keeps it (nothing is cut), this
    says by how much, since neither a JSON file nor the online system would take it."""
    for spot in ctx.texts:
        if spot.limit is None or len(spot.text) <= spot.limit:
            continue
        over = len(spot.text) - spot.limit
        yield Finding(
            spot.path,
            f"{spot.label} ยาว {len(spot.text):,} ตัวอักษร เกินที่กรอกได้ {spot.limit:,} ตัวอักษร"
            f" — ย่อให้สั้นลงอีก {over:,} ตัวอักษร (ข้อความยาวเกินนี้ส่งออกเป็น JSON แล้วนำเข้ากลับไม่ได้)",
        )


def orphan_marks(ctx: Context) -> Iterator[Finding]:
    for spot in ctx.texts:
        found = list(_ORPHAN_MARK.finditer(spot.text))
        if not found:
            continue
        first = found[0]
        mark = first.group()
        yield Finding(
            spot.path,
            f'{spot.label} มีเครื่องหมาย "◌{mark}" (U+{ord(mark):04X}) ไม่มีพยัญชนะรองรับ '
            f"{len(found)} แห่ง ที่ {_context(spot.text, first.start(), first.end())} "
            "— ลบเครื่องหมายนั้นแล้วพิมพ์คำใหม่ (พยัญชนะ สระ แล้ววรรณยุกต์)",
        )

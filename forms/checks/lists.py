"""Rules on the numbered lists (rationale, objectives, targets): empty and repeated items."""

from __future__ import annotations

from collections.abc import Iterator

from forms.checks.context import Context, Finding
from forms.checks.paths import item_label, item_number_label, item_path
from forms.checks.show import show_text
from forms.schema import FIELDS, Kind

LIST_KEYS = tuple(f.key for f in FIELDS if f.kind is Kind.TEXT_LIST)


def _same_words(text: str) -> str:
    """Items compare equal when their words are equal (spacing and case do not count)."""
    return " ".join(text.split()).casefold()


def empty_items(ctx: Context) -> Iterator[Finding]:
    for key in LIST_KEYS:
        for n, text in enumerate(getattr(ctx.report, key), start=1):
            if not text.strip():
                yield Finding(item_path(key, n), f"{item_label(key, n)} ว่าง — พิมพ์ข้อความหรือลบข้อนี้ออก")


def duplicate_items(ctx: Context) -> Iterator[Finding]:
    for key in LIST_KEYS:
        first_seen: dict[str, int] = {}
        for n, text in enumerate(getattr(ctx.report, key), start=1):
            words = _same_words(text)
            if not words:
                continue
            if words in first_seen:
                earlier = first_seen[words]
                yield Finding(
                    item_path(key, n),
                    f"{item_label(key, n)} ซ้ำกับ{item_number_label(key, earlier)} "
                    f"ทุกคำ: {show_text(text)} — ลบข้อที่ซ้ำออก",
                )
            else:
                first_seen[words] = n

"""The rule on text typed into a date, year, money or percent box that cannot be read as
its value (`31/09/2567`, `256` as a fiscal year): the report keeps the text (`Report.typed`)
and this says, for each, the field, the text, why and what to type (`forms.typed`).
"""

from __future__ import annotations

from collections.abc import Iterator

from forms.checks.context import Context, Finding
from forms.checks.paths import field_label, progress_label, progress_path
from forms.checks.show import show_text
from forms.kinds import TYPED_KINDS, read_typed
from forms.schema import FIELDS_BY_KEY, PROGRESS_FIELDS_BY_KEY, Field
from forms.typed import NotReadable


def _finding(ctx: Context, path: str, label: str, field: Field, text: str) -> Finding:
    try:
        read_typed(field.kind, text, ctx.today)
    except NotReadable as why:
        return Finding(path, f"{label}: {show_text(text)} {why.reason} — {why.hint}")
    # text a later reading takes (or kept by hand) is still not the field's value
    return Finding(path, f"{label}: {show_text(text)} ยังไม่ได้เป็นค่าของช่องนี้ — พิมพ์ใหม่อีกครั้ง")


def unreadable(ctx: Context) -> Iterator[Finding]:
    for key, text in ctx.report.typed.items():
        field = FIELDS_BY_KEY.get(key)
        if field is not None and field.kind in TYPED_KINDS:
            yield _finding(ctx, key, field_label(key), field, text)
    for r in ctx.report.progress_reports:
        for key, text in r.typed.items():
            field = PROGRESS_FIELDS_BY_KEY.get(key)
            if field is not None and field.kind in TYPED_KINDS:
                yield _finding(
                    ctx, progress_path(r.no, key), progress_label(r.no, key), field, text
                )

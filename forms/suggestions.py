"""Texts offered while a field is typed (`forms/data/suggestions.tsv`): Bangkok's 50
district offices and its departments for the office, the divisions of a district office.
The clerk may always type anything else; a suggestion is never a check."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from forms.schema import FIELDS_BY_KEY, Kind

DATA_FILE = "data/suggestions.tsv"


class SuggestionsFileError(ValueError):
    """A malformed line in the suggestions file (the message names the line)."""


def parse_suggestions(text: str) -> dict[str, tuple[str, ...]]:
    """{field key: suggestions in the file's order}; a line naming no one-line text field,
    or a suggestion given twice, is an error naming the line."""
    table: dict[str, list[str]] = {}
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        key, _tab, suggestion = line.partition("\t")
        field = FIELDS_BY_KEY.get(key)
        if field is None or field.kind is not Kind.TEXT or not suggestion.strip():
            raise SuggestionsFileError(f"บรรทัด {n}: ต้องเป็น ชื่อช่องข้อความ<TAB>ข้อความ — {line!r}")
        if suggestion in table.get(key, []):
            raise SuggestionsFileError(f"บรรทัด {n}: {suggestion!r} ซ้ำกับบรรทัดก่อนหน้า")
        table.setdefault(key, []).append(suggestion)
    return {key: tuple(items) for key, items in table.items()}


@cache
def _table() -> dict[str, tuple[str, ...]]:
    return parse_suggestions((files("forms") / DATA_FILE).read_text(encoding="utf-8"))


def suggestions_for(key: str) -> tuple[str, ...]:
    """What to offer while field `key` is typed; empty for most fields."""
    return _table().get(key, ())

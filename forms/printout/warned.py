"""Which fields of an import's summary its warnings are about, so the window can mark them.

Warnings are sentences for the clerk; each names its field the one way `reconcile`,
`spelling` and `limits` write it: `ช่อง "<title>"` for a field, `ช่อง "<title>" ข้อ <n>`
for an item of a list, `รายงานครั้งที่ <no> ช่อง "<title>"` for a progress report's field.
Reading those names back here keeps the warnings plain text (the command line prints them
as they are) while the window still shows each doubt beside the value it doubts.
"""

from __future__ import annotations

import re

from forms.printout.result import ImportResult, is_structure
from forms.schema import FIELDS_BY_KEY, PROGRESS_FIELDS_BY_KEY

_PATH = re.compile(r"([a-z_]+)(?:\[(\d+)\])?(?:\.([a-z_]+))?")


def warned_paths(result: ImportResult) -> dict[str, list[int]]:
    """{recognised path: indexes of the warnings that name its field}, for the paths named."""
    found: dict[str, list[int]] = {}
    for path, _value in result.recognised:
        if is_structure(path):
            continue
        names = _names(path)
        hits = [i for i, w in enumerate(result.warnings) if any(n.search(w) for n in names)]
        if hits:
            found[path] = hits
    return found


def _names(path: str) -> list[re.Pattern[str]]:
    """How a warning names the field at `path`."""
    m = _PATH.fullmatch(path)
    if m is None:
        return []
    key, number, sub_key = m.groups()
    field_ = FIELDS_BY_KEY.get(key)
    if field_ is None:
        return []
    title = re.escape(field_.title)
    if number is None:  # a field: named, and not one item of it
        return [re.compile(rf'ช่อง "{title}"(?! ข้อ)')]
    if sub_key is None:
        item = re.compile(rf'ช่อง "{title}" ข้อ {number}(?!\d)')
        # a warning about the whole list (how many items) goes with its first item
        return [item, re.compile(rf'ช่อง "{title}":')] if number == "1" else [item]
    sub = PROGRESS_FIELDS_BY_KEY.get(sub_key)
    if sub is None:
        return [re.compile(rf"รายงานครั้งที่ {number}(?!\d)(?! ช่อง)")]
    return [re.compile(rf'รายงานครั้งที่ {number} ช่อง "{re.escape(sub.title)}"')]

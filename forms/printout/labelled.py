"""Finding the labelled values of a printout line (`ชื่อโครงการ/กิจกรรม : ...`).

A line holds one label and its value, or several when a grid row was read whole (each
label then ends its neighbour's value); a line that is a label alone has its value on a
later line. The labels are those of `forms.printout.labels.LABELLED`, matched fuzzily;
`forms.printout.copies` decides what the values fill.
"""

from __future__ import annotations

import re

from forms.printout.labels import LABELLED, key, label_of

_LABEL_PATTERN = re.compile(
    "|".join(
        re.escape(label.rstrip(". ")).replace(r"\ ", r"\s*") + r"[.\s]*:"
        for label in sorted(LABELLED, key=len, reverse=True)
    )
)
_LABEL_KEYS = {key(label): label for label in LABELLED}


def bare_label(text: str) -> str | None:
    """The label a line is, when it is a label alone (its value on a later line)."""
    return _LABEL_KEYS.get(key(text))


def label_pairs(text: str) -> list[tuple[str, str]]:
    """(label, value) pairs of a line: one, or several when a grid row was read whole."""
    if ":" not in text or text.startswith(":"):
        return []
    found = list(_LABEL_PATTERN.finditer(text))
    if len(found) >= 2 and found[0].start() == 0:
        pairs = []
        for here, after in zip(found, [*found[1:], None], strict=True):
            label = _LABEL_KEYS.get(key(here.group(0)))
            end = after.start() if after is not None else len(text)
            if label is not None:
                pairs.append((label, text[here.end() : end]))
        return pairs
    name, value = text.split(":", 1)
    label = label_of(name) if len(key(name)) <= 40 else None
    return [(label, value)] if label is not None else []


def value_and_pairs(text: str) -> tuple[str, list[tuple[str, str]]]:
    """A pending label's value, and the grid cells that follow it on the same line."""
    found = _LABEL_PATTERN.search(text)
    if found is None or (found.start() > 0 and not text[found.start() - 1].isspace()):
        return text, []
    return text[: found.start()], label_pairs(text[found.start() :].strip())

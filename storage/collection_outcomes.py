"""What collecting did, as `storage.collection` answers it: an `Outcome` for each copy of
a report added (its `OutcomeKind` and one Thai sentence), a `FileOutcome` for each file
collected. The window and `main.py collect` print them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class OutcomeKind(StrEnum):
    ADDED = "added"
    UPDATED = "updated"  # replaced the current copy, which went to the history
    SAME = "same"  # identical to a copy already kept: nothing changed
    OLDER = "older"  # older than the current copy: kept in the history
    REFUSED = "refused"

    @property
    def word(self) -> str:
        """The Thai word a line about it starts with."""
        return _WORDS[self]


_WORDS = {
    OutcomeKind.ADDED: "เพิ่ม",
    OutcomeKind.UPDATED: "ปรับปรุง",
    OutcomeKind.SAME: "ซ้ำ",
    OutcomeKind.OLDER: "เก็บเป็นประวัติ",
    OutcomeKind.REFUSED: "ไม่รับ",
}


@dataclass(frozen=True)
class Outcome:
    """What adding one report did, with one Thai sentence saying so."""

    kind: OutcomeKind
    message: str
    project_code: str = ""
    fiscal_year: int | None = None


@dataclass(frozen=True)
class FileOutcome:
    """What collecting one file did: one outcome for a report file (REFUSED for a file
    that gives none), one per current report for a merged collection."""

    path: Path
    outcomes: tuple[Outcome, ...]
    source_kind: str = ""
    notes: tuple[str, ...] = ()  # the reader's own warnings about the file
    merged: bool = False  # the file was another collection

"""The kinds of file the app reads, by name: one place where the command line, the window's
import, the printout reader and the Windows installer's file association agree."""

from __future__ import annotations

from pathlib import PurePath

# The interchange JSON of FORM.md. `.bmareport` is the same JSON under the app's own name,
# which the Windows installer associates with the app (`.json` and `.pdf` belong to others).
ASSOCIATED_SUFFIX = ".bmareport"
INTERCHANGE_SUFFIXES = (".json", ASSOCIATED_SUFFIX)
PRINTOUT_SUFFIXES = (".pdf", ".txt")
IMPORTABLE_SUFFIXES = INTERCHANGE_SUFFIXES + PRINTOUT_SUFFIXES


def is_interchange(path: PurePath | str) -> bool:
    """Whether `path` is named as an interchange JSON file."""
    return PurePath(path).suffix.lower() in INTERCHANGE_SUFFIXES


def is_importable(path: PurePath | str) -> bool:
    """Whether `path` is named as a file the app imports."""
    return PurePath(path).suffix.lower() in IMPORTABLE_SUFFIXES

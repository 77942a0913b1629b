"""The app's icons: small SVGs in `resources/icons/`, drawn for this app."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

import resources

ICON_DIR = resources.folder("icons")


@cache
def icon(name: str) -> QIcon:
    """`resources/icons/<name>.svg` as a QIcon (an empty icon if the file is missing)."""
    path = ICON_DIR / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()

"""The bundled Sarabun fonts: registered with Qt and made the application font.

The window must look the same on a PC without Thai fonts, so the fonts shipped in
`resources/fonts/` are registered at start instead of relying on the system.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

import resources

FONT_DIR = resources.folder("fonts")
FAMILY = "Sarabun"
POINT_SIZE = 11


def register_fonts(font_dir: Path = FONT_DIR) -> list[str]:
    """Register every .ttf in `font_dir`; the font families Qt now knows from them."""
    families: list[str] = []
    for path in sorted(font_dir.glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return sorted(set(families))


def app_font() -> QFont:
    font = QFont(FAMILY)
    font.setPointSize(POINT_SIZE)
    return font


def install(app: QApplication) -> bool:
    """Register the fonts and make Sarabun the application font; False if it is missing."""
    if FAMILY not in register_fonts():
        return False
    app.setFont(app_font())
    return True

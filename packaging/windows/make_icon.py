"""Render `resources/icons/app.svg` into `resources/icons/app.ico` (16–256 px), the icon of
the Windows shortcut, the installer and the associated `.bmareport` files.

Run by hand after changing the SVG (the .ico is kept in the repository so that a build
needs no renderer): `.venv/bin/python packaging/windows/make_icon.py`.
Qt renders the SVG (as the window does); Pillow writes the multi-size ICO.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[2] / "resources" / "icons"
SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data())))


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "app.svg"))
    images = [render(renderer, size) for size in SIZES]
    images[-1].save(ICONS / "app.ico", sizes=[(s, s) for s in SIZES], append_images=images[:-1])
    print(f"{ICONS / 'app.ico'}: {', '.join(map(str, SIZES))} px")
    return 0


if __name__ == "__main__":
    sys.exit(main())

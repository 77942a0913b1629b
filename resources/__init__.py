"""The app's bundled data files: the Sarabun fonts (SIL OFL), icons and translations.

A package only so that they travel inside the wheel and the Windows build as package data;
code finds them through `importlib.resources`, never relative to the source tree.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def folder(name: str) -> Path:
    """The bundled folder `name` (``fonts``, ``icons``, ``translations``) on disk.

    The app is always installed as plain files (wheel, editable checkout, Windows folder),
    so the traversable is a real path that Qt and HarfBuzz can open by name.
    """
    return Path(str(files(__name__) / name))

"""The app's bundled data files: the Sarabun fonts (SIL OFL), icons, translations and the
Thai guide, and the app's version.

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


def app_version() -> str:
    """The installed version; from `pyproject.toml` when run from a source checkout."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as dist_version

    try:
        return dist_version("bma-project-report")
    except PackageNotFoundError:
        import tomllib

        pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
        return str(tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"])

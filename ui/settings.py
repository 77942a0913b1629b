"""The window's small preferences: the last folder used to export and to import, the PDF's
style choices (Thai distributed justification, Thai long dates), and where the window was
(size, place, maximised, the drafts panel's width), the files imported last.

Kept in an INI file in the user's config folder (`platformdirs`, like the database's own
folder), opened at each use: the file's path is read from the environment every time, so
tests that point the config folder elsewhere each get their own, and the value is written
at once (`sync`), so a crash later loses nothing.
"""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_config_dir
from PySide6.QtCore import QByteArray, QSettings, QStandardPaths
from PySide6.QtWidgets import QMainWindow, QSplitter

from storage.paths import APP_NAME

FILE_NAME = "window.ini"


def settings_path() -> Path:
    return Path(user_config_dir(APP_NAME, appauthor=False)) / FILE_NAME


def _settings() -> QSettings:
    return QSettings(str(settings_path()), QSettings.Format.IniFormat)


def default_folder() -> Path:
    """The clerk's Documents folder, or the home folder when there is none."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def last_folder(kind: str) -> Path:
    """The folder last used for `kind` (`pdf`, `import`) if it still exists."""
    value = _settings().value(f"folders/{kind}", "")
    if isinstance(value, str) and value and Path(value).is_dir():
        return Path(value)
    return default_folder()


def remember_folder(kind: str, folder: Path) -> None:
    settings = _settings()
    settings.setValue(f"folders/{kind}", str(folder))
    settings.sync()


def pdf_choice(key: str) -> bool:
    """One of the PDF's style choices (`justify`, `long_dates`: the keywords of
    `forms.pdf.render_pdf`); off by default, which is the official printout's look."""
    value = _settings().value(f"pdf/{key}", "false")
    return str(value).lower() == "true"


def set_pdf_choice(key: str, on: bool) -> None:
    settings = _settings()
    settings.setValue(f"pdf/{key}", "true" if on else "false")
    settings.sync()


def restore_window(window: QMainWindow, splitter: QSplitter) -> bool:
    """Put `window` back where the clerk left it (size, place, maximised, the drafts panel's
    width); False the first time. A place on a screen no longer there is left to Qt, which
    moves the window onto the screen it has."""
    settings = _settings()
    geometry = settings.value("window/geometry")
    if not isinstance(geometry, QByteArray) or not window.restoreGeometry(geometry):
        return False
    split = settings.value("window/splitter")
    if isinstance(split, QByteArray):
        splitter.restoreState(split)
    return True


def remember_window(window: QMainWindow, splitter: QSplitter) -> None:
    settings = _settings()
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/splitter", splitter.saveState())
    settings.sync()


RECENT_IMPORTS = 8


def recent_imports() -> list[Path]:
    """The files imported last, newest first, those still there."""
    value = _settings().value("import/recent", [])
    names = [value] if isinstance(value, str) else list(value or [])
    return [Path(name) for name in names if name and Path(name).is_file()]


def remember_import(path: Path) -> None:
    settings = _settings()
    kept = [p for p in recent_imports() if p != path]
    settings.setValue("import/recent", [str(p) for p in [path, *kept][:RECENT_IMPORTS]])
    settings.sync()

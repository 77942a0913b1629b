"""The window's entry point: `run(db_path)` starts Qt, the fonts, the lock and the store.

`main.py` calls `run` for `python main.py [--db PATH]`. Known storage failures at start
(another copy running, a read-only or damaged file) get a Thai message box and exit code 2;
bugs later on get the crash dialog (`ui.dialogs.install_excepthook`).
"""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from storage.drafts import DraftStore
from storage.errors import StorageError
from storage.lock import AppLock
from ui import dialogs, fonts, icons, menus, translations
from ui.main_window import MainWindow

EXIT_STORAGE_ERROR = 2
# "Global\" prefix: seen from every session (a deployment tool running as SYSTEM, another user)
RUNNING_MUTEX = "Global\\BMAProjectReport.Running"  # the installer names it too


def application() -> QApplication:
    """The QApplication (created once), with the Sarabun font, Thai names and Qt's own
    strings in Thai."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("BMAProjectReport")
    app.setApplicationDisplayName(dialogs.APP_TITLE)
    app.setWindowIcon(icons.icon("app"))
    fonts.install(app)
    menus.install_style(app)
    if not any(isinstance(t, translations.ThaiQtTranslator) for t in app.children()):
        translations.install(app)
    return app


def _announce_running() -> None:
    # A named mutex, held until the process ends, by which the installer and uninstaller
    # (packaging/windows/installer.nsi) see that the window is open and ask to close it
    # first, instead of failing on files Windows keeps locked.
    if sys.platform == "win32":
        import ctypes

        ctypes.windll.kernel32.CreateMutexW(None, False, RUNNING_MUTEX)


def run(db_path: Path, open_file: Path | None = None) -> int:
    """Show the window on the drafts database `db_path`; the process exit code.

    `open_file` (a report given on the command line, as Windows passes an associated file)
    is imported as the window's first act, with the import summary, and opens as a new draft.
    """
    app = application()
    dialogs.install_excepthook()
    _announce_running()
    lock = AppLock(db_path)
    try:
        lock.acquire()
    except StorageError as error:
        # another window holds the database: a file given here goes to it (double-clicking
        # a .bmareport while the app is open), or that window comes to the front (the
        # Start-menu icon clicked again), and this copy ends
        if _hand_over(db_path, open_file):
            return 0
        message = str(error)
        if open_file is not None:
            message += f" — ไฟล์ “{open_file.name}” ให้ลากไปวางในหน้าต่างที่เปิดอยู่"
        dialogs.inform(None, "เปิดโปรแกรมไม่ได้", message, error=True)
        return EXIT_STORAGE_ERROR
    try:
        return _run_locked(app, db_path, open_file)
    finally:
        lock.release()


def _hand_over(db_path: Path, file: Path | None) -> bool:
    from ui import file_handoff  # QtNetwork, loaded only when there is a file to hand over

    return file_handoff.send_file(db_path, file)


def _receive_files(window: MainWindow, db_path: Path) -> None:
    from ui.file_handoff import FileReceiver

    receiver = FileReceiver(db_path, window)
    receiver.received.connect(partial(_take_file, window))
    receiver.raise_requested.connect(partial(_come_forward, window))


def _come_forward(window: MainWindow) -> None:
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.raise_()
    window.activateWindow()


def _take_file(window: MainWindow, path: Path) -> None:
    """A file another copy of the app was given: the window comes forward and imports it."""
    _come_forward(window)
    window.importer.import_path(path)


def _run_locked(app: QApplication, db_path: Path, open_file: Path | None) -> int:
    try:
        store = DraftStore.open(db_path)
    except StorageError as error:
        dialogs.inform(None, "เปิดฐานข้อมูลไม่ได้", str(error), error=True)
        return EXIT_STORAGE_ERROR
    try:
        try:
            window = MainWindow(store, db_path)
        except StorageError as error:
            # a large file is checked for damage in the background (storage.connection):
            # damage in the pages the drafts list reads shows here instead
            dialogs.inform(None, "เปิดฐานข้อมูลไม่ได้", str(error), error=True)
            return EXIT_STORAGE_ERROR
        # logging off or shutting down the PC: save before the session ends
        app.commitDataRequest.connect(lambda _manager: window.save_now())
        window.show()
        # after the first paint: QtNetwork costs the start some 30 ms
        QTimer.singleShot(0, window, partial(_receive_files, window, db_path))
        if open_file is not None:
            QTimer.singleShot(0, window, partial(window.importer.import_path, open_file))
        code = app.exec()
        # quitting without closing the window must not lose edits either: when the last save
        # fails and the clerk chooses to stay with the edit, the window comes back
        while not window.finish():
            window.show()
            code = app.exec()
        return code
    finally:
        store.close()

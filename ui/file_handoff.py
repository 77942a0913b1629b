"""Handing a report file to the window already open on the same database.

Windows starts a new copy of the app for every `.bmareport` file the clerk double-clicks
(and for "Open with"). Only one window may hold a database (`storage.lock`), so a second
copy given a file passes the file's path to the open window over a local socket (a named
pipe on Windows) and ends; the open window comes to the front and imports the file as if
it had been dropped on it. A second copy given no file (the clerk clicked the Start-menu
icon again) sends an empty line: the open window just comes to the front.

The socket's name is derived from the user and the database path, so two clerks on one PC,
or two databases, never reach each other's window.
"""

from __future__ import annotations

import getpass
import hashlib
import sys
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

TIMEOUT_MS = 10000  # an open window answers at once; a busy PC may take seconds
ACK = b"ok\n"


def server_name(db_path: Path) -> str:
    key = f"{getpass.getuser()}\0{Path(db_path).resolve()}"
    return "BMAProjectReport-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


def send_file(db_path: Path, file: Path | None, timeout_ms: int = TIMEOUT_MS) -> bool:
    """Give `file` to the window open on `db_path` (None: ask it to come to the front); True
    once that window has taken it."""
    if sys.platform == "win32":
        import ctypes

        # Windows lets only the foreground process bring a window forward: let the open one
        ctypes.windll.user32.AllowSetForegroundWindow(-1)  # ASFW_ANY
    socket = QLocalSocket()
    socket.connectToServer(server_name(db_path))
    if not socket.waitForConnected(timeout_ms):
        return False
    line = str(Path(file).resolve()) if file is not None else ""
    socket.write(line.encode("utf-8") + b"\n")
    if not socket.waitForBytesWritten(timeout_ms):
        return False
    answer = b""
    while len(answer) < len(ACK) and socket.waitForReadyRead(timeout_ms):
        answer += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    return answer == ACK


class FileReceiver(QObject):
    """Listens for files sent by `send_file`; start it only while holding the database lock
    (it replaces a stale socket left by a copy that crashed)."""

    received = Signal(Path)
    raise_requested = Signal()

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        name = server_name(db_path)
        self.server = QLocalServer(self)
        QLocalServer.removeServer(name)
        self.listening = self.server.listen(name)
        self.server.newConnection.connect(self._accept)

    def _accept(self) -> None:
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.readyRead.connect(partial(self._read, socket))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        line = bytes(socket.readLine().data()).decode("utf-8", errors="replace").strip()
        socket.write(ACK)
        socket.flush()
        if line:
            self.received.emit(Path(line))
        else:
            self.raise_requested.emit()

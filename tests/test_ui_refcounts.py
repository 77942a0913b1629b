"""PySide6 6.12.0 drops references to None/True on some calls (pyproject excludes it).

On CPython 3.11 that leak brings the count of `True` or `None` to zero after a few thousand
keystrokes and the interpreter aborts ("bool_dealloc"). 6.11.3 does not leak; this test
fails on any PySide6 that does, so a bad release is caught before a clerk meets it.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QStringListModel, Qt, Signal


class Emitter(QObject):
    ping = Signal(object)


def test_emitting_and_empty_model_data_keep_singleton_references(qapp):
    emitter = Emitter()
    model = QStringListModel(["ก"])
    index = model.index(0)
    before = {id(obj): sys.getrefcount(obj) for obj in (None, True)}
    for _ in range(2_000):
        emitter.ping.emit(1)
        index.data(Qt.ItemDataRole.DecorationRole)  # an invalid QVariant comes back as None
    for obj in (None, True):
        assert sys.getrefcount(obj) - before[id(obj)] > -100, obj

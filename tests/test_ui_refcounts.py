"""PySide6 6.12 drops references to None/True on some calls; `ui` keeps them alive.

Without `ui.refcount_guard` on CPython 3.11, the loops below bring the reference count of
`True` or `None` to zero and the interpreter aborts, which is what a clerk typing a long
report would have met.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QStringListModel, Qt, Signal

import ui  # noqa: F401 - importing ui installs the guard

FAR_FROM_ZERO = 2**30


class Emitter(QObject):
    ping = Signal(object)


def test_singletons_are_far_from_zero():
    for obj in (None, True, False):
        assert sys.getrefcount(obj) > FAR_FROM_ZERO


def test_many_leaky_calls_leave_the_singletons_alive(qapp):
    emitter = Emitter()
    model = QStringListModel(["ก"])
    index = model.index(0)
    for _ in range(20_000):  # more than the references True and None start with
        emitter.ping.emit(1)
        index.data(Qt.ItemDataRole.DecorationRole)  # an invalid QVariant: a borrowed None
    for obj in (None, True):
        assert sys.getrefcount(obj) > FAR_FROM_ZERO

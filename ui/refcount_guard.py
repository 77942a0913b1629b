"""Keep `None`, `True` and `False` alive under PySide6 6.12 on CPython 3.11.

PySide6 6.12.0 hands some objects back to Python without taking a reference to them:
`SignalInstance.emit()` returns `True` that way, and an invalid `QVariant` (a model's
`data()` returning None, `QComboBox.currentData()` with no data, ...) comes back as a
borrowed `None`. Each such call takes one reference away from the singleton; on CPython
3.11, where they are ordinary objects, a few thousand keystrokes bring the count to zero
and the interpreter aborts ("bool_dealloc" / "none_dealloc: deallocating None").

CPython 3.12 made these singletons immortal (PEP 683). `guard()` does the same by hand on
older versions: it adds 2**40 to their reference counts once, which no session can use
up. The singletons are never freed anyway, so an oversized count changes nothing else.
Written by hand because no library offers it; `tests/test_ui_refcounts.py` shows the leak
and the guard.
"""

from __future__ import annotations

import ctypes
import sys

MARGIN = 2**40
_SINGLETONS = (None, True, False)


def guard() -> None:
    """Make the singletons effectively immortal (a no-op on CPython 3.12+ and elsewhere)."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    for obj in _SINGLETONS:
        if sys.getrefcount(obj) < MARGIN:
            # ob_refcnt is the first field of every PyObject on CPython < 3.12
            ctypes.c_ssize_t.from_address(id(obj)).value += MARGIN

"""The Qt (PySide6) window over `forms` and `storage`.

Importing `ui` first protects the interpreter from a PySide6 6.12 reference-count bug
(`ui.refcount_guard`), before any Qt call can run into it.
"""

from ui.refcount_guard import guard

guard()

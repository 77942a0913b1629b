"""Opening a district's collection in its "รวมรายงาน" window (`ui.district_window`): from
the main window's แฟ้ม › รวมรายงานของเขต… (`open_district`: a collection file chosen or
named, the window already open over it brought to the front) or from a path
(`open_window`: a collection that cannot be written opens read only; one that cannot be
opened at all is said in Thai).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from storage.collection import Collection
from storage.collection_errors import CollectionReadOnly
from storage.errors import StorageError
from ui import dialogs, settings
from ui.district_window import DistrictWindow

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ui.host import DraftsWindow

COLLECTION_FILTER = "ชุดรวมรายงาน (*.db);;ทุกไฟล์ (*)"


def open_window(
    path: Path, main: DraftsWindow | None = None, parent: QWidget | None = None
) -> DistrictWindow | None:
    """The window over the collection at `path` (created when missing); None, after
    saying why in Thai, when it cannot be opened. A collection that cannot be written
    opens read only."""
    read_only = False
    try:
        try:
            collection = Collection.open(path)
        except CollectionReadOnly:
            if not Path(path).is_file():
                raise
            collection, read_only = Collection.open_read_only(path), True
    except StorageError as error:
        dialogs.inform(parent or main, "เปิดชุดรวมรายงานไม่ได้", str(error), error=True)
        return None
    try:
        return DistrictWindow(collection, read_only=read_only, main=main)
    except StorageError as error:
        collection.close()
        dialogs.inform(parent or main, "เปิดชุดรวมรายงานไม่ได้", str(error), error=True)
        return None


def open_district(main: DraftsWindow) -> DistrictWindow | None:
    """แฟ้ม › รวมรายงานของเขต…: ask for a collection file (an existing one, or a new name)
    and show it; a collection already open in a window comes to the front."""
    proposed = settings.last_folder("district") / "district.db"
    path = dialogs.open_or_create_file(
        main, "เปิดหรือสร้างชุดรวมรายงาน", proposed, COLLECTION_FILTER, ".db"
    )
    if path is None:
        return None
    settings.remember_folder("district", path.parent)
    for window in main.findChildren(DistrictWindow):
        if not window.closed and window.path == Path(path).expanduser().absolute():
            window.show()
            window.raise_()
            window.activateWindow()
            return window
    window = open_window(path, main=main)
    if window is not None:
        window.show()
    return window

"""Saving the PDF: write a temporary file beside the target, then move it into place.

`os.replace` is atomic on one volume, so a reader never sees half a file and a failure at
any step leaves the old file intact; each OS failure becomes a `PdfWriteError` subclass.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from forms.pdf.errors import DiskFull, FolderMissing, FolderReadOnly, PdfWriteError, TargetLocked
from forms.report import Report

_NO_ROOM = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_READ_ONLY = {errno.EACCES, errno.EPERM, errno.EROFS}


def write_pdf(
    report: Report, target: Path, *, justify: bool = False, long_dates: bool = False
) -> None:
    """Render `report` (as `render_pdf` does) and save it at `target`, replacing any file."""
    from forms.pdf.document import render_pdf  # the writer alone is cheap to import

    data = render_pdf(report, justify=justify, long_dates=long_dates)
    write_bytes_atomically(data, Path(target))


def write_bytes_atomically(data: bytes, target: Path) -> None:
    """Save `data` (a rendered PDF, or any export) at `target`, replacing any file there.

    The bytes go to a temporary file beside `target`, are flushed to disk, and the file
    is moved into place with `os.replace`; a replaced file keeps its permissions. On
    failure the temporary file is removed, any old file at `target` is left as it was,
    and a `PdfWriteError` is raised whose message says in Thai what to do: `FolderMissing`,
    `FolderReadOnly`, `DiskFull`, `TargetLocked` (open in a viewer, on Windows), or the
    base class for a target that is a folder or any other OS failure.
    """
    folder = target.parent
    if not folder.is_dir():
        raise FolderMissing(target)
    try:
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{target.stem}.", suffix=".tmp")
    except OSError as e:
        raise _folder_error(e, target) from e
    tmp = Path(tmp_name)
    try:
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.chmod(tmp, _mode_for(target))
        except OSError as e:
            raise _folder_error(e, target) from e
        try:
            os.replace(tmp, target)
        except PermissionError as e:  # Windows: the target is open in a viewer
            raise TargetLocked(target) from e
        except IsADirectoryError as e:
            raise PdfWriteError(
                target, f'"{target}" เป็นโฟลเดอร์ ไม่ใช่ไฟล์ — ตั้งชื่อไฟล์ในโฟลเดอร์นั้น เช่น รายงาน.pdf'
            ) from e
        except OSError as e:
            raise _folder_error(e, target) from e
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _mode_for(target: Path) -> int:
    """The replaced file's permissions, or the usual ones for a new file (mkstemp's 0600
    would hide the PDF from the other users of a shared folder)."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _folder_error(e: OSError, target: Path) -> PdfWriteError:
    if e.errno in _NO_ROOM:
        return DiskFull(target)
    if e.errno in _READ_ONLY:
        return FolderReadOnly(target)
    return PdfWriteError(
        target, f'บันทึกไฟล์ "{target.name}" ไม่ได้ ({e.strerror}) — ลองอีกครั้ง หรือเลือกโฟลเดอร์อื่น'
    )

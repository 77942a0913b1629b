"""Saving the PDF: write a temporary file beside the target, then move it into place.

`os.replace` is atomic on one volume, so a reader never sees half a file and a failure at
any step leaves the old file intact; each OS failure becomes a `PdfWriteError` subclass.
`write_all_atomically` does the same for several files at once (the CLI's `--pdf` with
`--json`): all are staged before any is moved into place.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from forms.pdf.errors import DiskFull, FolderMissing, FolderReadOnly, PdfWriteError, TargetLocked
from forms.report import Report

_NO_ROOM = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_READ_ONLY = {errno.EACCES, errno.EPERM, errno.EROFS}


def write_pdf(
    report: Report, target: Path, *, justify: bool = False, long_dates: bool = False
) -> None:
    """Render `report` (as `render_pdf` does) and save it at `target`, replacing any file."""
    from forms.pdf.report_pages import render_pdf  # the writer alone is cheap to import

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
    write_all_atomically([(target, data)])


def write_all_atomically(outputs: Sequence[tuple[Path, bytes]]) -> None:
    """Save several files together: all of them, or (on a failure while staging) none.

    Every output is first staged as a flushed temporary file beside its target; only when
    all are staged is each moved into place with `os.replace`. A failure while staging
    (missing or read-only folder, full disk, a target that is a folder) removes every
    staged file and raises that output's `PdfWriteError`, as `write_bytes_atomically`
    does, with no target touched. Only a failure of the final moves themselves (a target
    locked by a viewer on Windows) can leave the targets moved before it in place; undoing
    those would need a backup copy of each old file, which a nearly full disk may refuse.
    """
    staged: list[tuple[Path, Path]] = []  # (temporary file, target)
    try:
        for target, data in outputs:
            target = _through_links(target)
            staged.append((_stage(data, target), target))
        while staged:
            tmp, target = staged[0]
            _move_into_place(tmp, target)
            staged.pop(0)
    except BaseException:
        for tmp, _target in staged:
            with contextlib.suppress(OSError):
                tmp.unlink()
        raise


def _through_links(target: Path) -> Path:
    """The file a symbolic link names: `os.replace` on the link would replace the link
    itself with a plain file, and the file it pointed at would keep the old export."""
    return target.resolve() if target.is_symlink() else target


def _stage(data: bytes, target: Path) -> Path:
    """`data` in a flushed temporary file beside `target`, with the target's permissions."""
    folder = target.parent
    if not folder.is_dir():
        raise FolderMissing(target)
    if target.is_dir():  # found now, before any output is moved into place
        raise _is_a_folder(target)
    try:
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{target.stem}.", suffix=".tmp")
    except OSError as e:
        raise _folder_error(e, target) from e
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, _mode_for(target))
    except BaseException as e:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(e, OSError):
            raise _folder_error(e, target) from e
        raise
    return tmp


def _move_into_place(tmp: Path, target: Path) -> None:
    try:
        os.replace(tmp, target)
    except PermissionError as e:  # Windows: the target is open in a viewer
        raise TargetLocked(target) from e
    except IsADirectoryError as e:
        raise _is_a_folder(target) from e
    except OSError as e:
        raise _folder_error(e, target) from e


def _is_a_folder(target: Path) -> PdfWriteError:
    return PdfWriteError(
        target, f'"{target}" เป็นโฟลเดอร์ ไม่ใช่ไฟล์ — ตั้งชื่อไฟล์ในโฟลเดอร์นั้น เช่น รายงาน.pdf'
    )


def _mode_for(target: Path) -> int:
    """The replaced file's permissions, or the usual ones for a new file (mkstemp's 0600
    would hide the PDF from the other users of a shared folder)."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        return 0o666 & ~_process_umask()


@cache
def _process_umask() -> int:
    """The process's umask. Linux tells it (/proc/self/status); elsewhere the only way is
    to set it and set it back, which for an instant changes it for every thread (a file
    another thread creates then gets the wrong mode), so that is done once, then kept."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    umask = os.umask(0o022)
    os.umask(umask)
    return umask


def _folder_error(e: OSError, target: Path) -> PdfWriteError:
    if e.errno in _NO_ROOM:
        return DiskFull(target)
    if e.errno in _READ_ONLY:
        return FolderReadOnly(target)
    return PdfWriteError(
        target, f'บันทึกไฟล์ "{target.name}" ไม่ได้ ({e.strerror}) — ลองอีกครั้ง หรือเลือกโฟลเดอร์อื่น'
    )

"""Why a PDF could not be saved; every message is Thai, names the file or folder, and says
what to do. The old file at the target is always left as it was."""

from __future__ import annotations

from pathlib import Path


class PdfWriteError(OSError):
    """The PDF could not be saved at the target."""

    def __init__(self, target: Path, message: str) -> None:
        super().__init__(message)
        self.target = target
        self.message = message

    def __str__(self) -> str:
        return self.message


class TargetLocked(PdfWriteError):
    """The target file is open in another program (Windows locks it) or may not be replaced."""

    def __init__(self, target: Path) -> None:
        super().__init__(
            target,
            f'บันทึกทับไฟล์ "{target.name}" ไม่ได้ เพราะไฟล์นี้เปิดอยู่ในโปรแกรมอื่น (เช่น โปรแกรมอ่าน PDF) '
            "หรือไม่อนุญาตให้แก้ไข — ปิดไฟล์นั้นแล้วลองใหม่ หรือบันทึกเป็นชื่ออื่น",
        )


class FolderReadOnly(PdfWriteError):
    """The target folder does not allow new files."""

    def __init__(self, target: Path) -> None:
        super().__init__(
            target,
            f'บันทึกไฟล์ "{target.name}" ลงโฟลเดอร์ "{target.parent}" ไม่ได้ เพราะโฟลเดอร์นี้ห้ามเขียน '
            "— เลือกโฟลเดอร์อื่น เช่น โฟลเดอร์เอกสาร (Documents)",
        )


class FolderMissing(PdfWriteError):
    """The target folder does not exist."""

    def __init__(self, target: Path) -> None:
        super().__init__(
            target,
            f'ไม่พบโฟลเดอร์ "{target.parent}" สำหรับบันทึกไฟล์ "{target.name}" — เลือกโฟลเดอร์ที่มีอยู่',
        )


class DiskFull(PdfWriteError):
    """No room left on the target's disk."""

    def __init__(self, target: Path) -> None:
        super().__init__(
            target,
            f'พื้นที่ในดิสก์ของโฟลเดอร์ "{target.parent}" ไม่พอสำหรับไฟล์ "{target.name}" '
            "— ลบไฟล์ที่ไม่ใช้แล้ว หรือบันทึกลงไดรฟ์อื่น",
        )

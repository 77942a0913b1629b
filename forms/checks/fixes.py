"""`apply_fix`: the one-click fix of a problem, applied only when the clerk asks."""

from __future__ import annotations

from forms.checks.paths import get_text, with_text
from forms.checks.problem import Fix
from forms.report import Report


class FixNotApplicableError(ValueError):
    """The text changed since the check: the fix no longer fits (message in Thai)."""


def apply_fix(report: Report, fix: Fix) -> Report:
    """A new report with `fix` applied; `report` itself is left as it was.

    Raises FixNotApplicableError when the path names no text or the text no longer holds
    `fix.old_text` (the clerk edited it after the check), so a stale fix is never guessed.
    """
    text = get_text(report, fix.path)
    if text is None or fix.old_text not in text:
        raise FixNotApplicableError(
            f'แก้ "{fix.old_text}" ที่ {fix.path} ไม่ได้ เพราะข้อความเปลี่ยนไปแล้ว — ตรวจใหม่อีกครั้ง'
        )
    return with_text(report, fix.path, fix.apply_to(text))

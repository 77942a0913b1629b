"""Marking the widgets of fields that have problems: a coloured frame and the messages.

A widget is marked by a dynamic property `problem` (`error` / `warning`) that the
`MARK_STYLE` sheet of the form draws; a property rather than the widget's own style sheet,
because some editors set their own (the read-only total) and the two must not overwrite
each other. The messages are added to the
widget's tooltip, and its own tooltip comes back when the mark goes.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QStyle, QWidget
from shiboken6 import isValid

from forms.checks import Problem, Severity
from ui import plain

PROPERTY = "problem"
_OWN_TIP = "own_tooltip"
COLORS = {"error": QColor("#c0392b"), "warning": QColor("#e08a1e")}
# The focused box gets a plain blue frame the platform's thin focus line is too faint for
# (its tinted background still shows a mark while the clerk types in it).
MARK_STYLE = """
*[problem="error"] { border: 2px solid #c0392b; border-radius: 3px; background: #fdf0ef; }
*[problem="warning"] { border: 2px solid #e08a1e; border-radius: 3px; background: #fff8ec; }
QLineEdit:focus, QPlainTextEdit:focus { border: 2px solid #1f6fb2; border-radius: 3px; }
"""


@cache
def severity_icon(severity: Severity) -> QIcon:
    """The platform's own error or warning icon."""
    pixmap = (
        QStyle.StandardPixmap.SP_MessageBoxCritical
        if severity is Severity.ERROR
        else QStyle.StandardPixmap.SP_MessageBoxWarning
    )
    return QApplication.style().standardIcon(pixmap)


@cache
def badge_icon(severity: Severity, count: int) -> QIcon:
    """A tab's badge: the count of its problems in a red (errors) or orange disc."""
    text = str(count) if count < 100 else "99+"
    icon = QIcon()
    for size in (16, 32):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(COLORS[severity.value])
        painter.drawEllipse(QRectF(0, 0, size, size))
        font = QFont(QApplication.font())
        font.setBold(True)
        font.setPixelSize(
            round(size * (0.72 if len(text) == 1 else 0.56 if len(text) == 2 else 0.4))
        )
        painter.setFont(font)
        painter.setPen(Qt.GlobalColor.white)
        painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, text)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def severity_of(problems: Iterable[Problem]) -> Severity | None:
    """The worst severity of some problems (None for none)."""
    severities = {p.severity for p in problems}
    if Severity.ERROR in severities:
        return Severity.ERROR
    return Severity.WARNING if severities else None


def markable(widget: QWidget) -> QWidget:
    """The widget that shows the frame: the text box inside a compound editor."""
    line = getattr(widget, "line", None)  # ui.date_edit.BeDateEdit
    return line if isinstance(line, QLineEdit) else widget


def mark(widget: QWidget, problems: list[Problem]) -> None:
    """Show `problems` on `widget` (no problems: take the mark away)."""
    if not isValid(widget):
        return
    target = markable(widget)
    severity = severity_of(problems)
    value = severity.value if severity is not None else ""
    if target.property(_OWN_TIP) is None:
        target.setProperty(_OWN_TIP, target.toolTip())
    own = str(target.property(_OWN_TIP) or "")
    tips = [" ".join(p.message.split()) for p in problems]
    target.setToolTip(plain.tooltip("\n".join([*tips, own] if own else tips)))
    if (target.property(PROPERTY) or "") == value:
        return
    target.setProperty(PROPERTY, value)
    if not isinstance(target, QLineEdit | QPlainTextEdit):
        target.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    target.style().unpolish(target)
    target.style().polish(target)
    target.update()


def mark_of(widget: QWidget) -> str:
    """`error`, `warning` or '' (what tests and the screenshots check)."""
    return str(markable(widget).property(PROPERTY) or "")

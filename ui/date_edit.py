"""The Buddhist-Era date editor: typed as `30/01/2566` or picked from a BE calendar.

Qt's `QCalendar` has no Buddhist calendar, so `BeCalendar` hides the navigation bar of a
Gregorian `QCalendarWidget` and puts its own in its place: Thai month names and a year box
that shows the BE year. The only CE <-> BE conversion here is `_page_from_year_box` /
`_year_box_from_page`, through `forms.thaidate`, so 543 is added in exactly one place.
Typed text is read by `forms.typed`; text that is no date (`31/09/2567`) stays in the box as
typed and is the editor's value as `Unreadable` (the `unreadable` check says why).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QLocale, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from forms.kinds import entry_of
from forms.schema import Kind
from forms.thaidate import (
    FIRST_BE_YEAR,
    LAST_BE_YEAR,
    be_year,
    ce_year,
    format_be_date,
    thai_month_names,
)
from forms.typed import Unreadable
from ui.icons import icon
from ui.validators import DATE_KEYS, filter_keys

THAI_LOCALE = QLocale(QLocale.Language.Thai, QLocale.Country.Thailand)
MIN_YEAR_BE, MAX_YEAR_BE = FIRST_BE_YEAR, LAST_BE_YEAR


def to_qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def from_qdate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class BeCalendar(QWidget):
    """A month grid with a Thai month box and a BE year box; `picked` gives a `date`."""

    picked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QCalendarWidget()
        self.grid.setNavigationBarVisible(False)
        self.grid.setLocale(THAI_LOCALE)
        self.grid.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        # อา. จ. อ. พ. พฤ. ศ. ส.: one letter would give อ and พ twice
        self.grid.setHorizontalHeaderFormat(QCalendarWidget.HorizontalHeaderFormat.ShortDayNames)
        self.month_box = QComboBox()
        self.month_box.setObjectName("calendar_month")
        self.month_box.addItems(list(thai_month_names()))
        self.year_box = QSpinBox()
        self.year_box.setObjectName("calendar_year_be")
        self.year_box.setRange(MIN_YEAR_BE, MAX_YEAR_BE)
        self.year_box.setPrefix("พ.ศ. ")
        self.year_box.setGroupSeparatorShown(False)
        previous, following = QToolButton(), QToolButton()
        previous.setText("‹")
        previous.setToolTip("เดือนก่อน")
        following.setText("›")
        following.setToolTip("เดือนถัดไป")
        previous.clicked.connect(self.grid.showPreviousMonth)
        following.clicked.connect(self.grid.showNextMonth)

        bar = QHBoxLayout()
        bar.addWidget(previous)
        bar.addWidget(self.month_box, 1)
        bar.addWidget(self.year_box)
        bar.addWidget(following)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.grid)

        self.grid.currentPageChanged.connect(self._year_box_from_page)
        self.month_box.currentIndexChanged.connect(self._page_from_year_box)
        self.year_box.valueChanged.connect(self._page_from_year_box)
        self.grid.clicked.connect(lambda q: self.picked.emit(from_qdate(q)))
        self.grid.activated.connect(lambda q: self.picked.emit(from_qdate(q)))
        self._year_box_from_page(self.grid.yearShown(), self.grid.monthShown())

    def set_date(self, d: date | None, near: date | None = None) -> None:
        """Select `d`; when None, `near` (a day of the project) or else today. The day
        highlighted is always the one Enter picks."""
        shown = d or near or date.today()
        self.grid.setSelectedDate(to_qdate(shown))
        self.grid.setCurrentPage(shown.year, shown.month)

    def shown_year_be(self) -> int:
        return self.year_box.value()

    def _year_box_from_page(self, year_ce: int, month: int) -> None:
        for box in (self.year_box, self.month_box):
            box.blockSignals(True)
        self.year_box.setValue(be_year(year_ce))
        self.month_box.setCurrentIndex(month - 1)
        for box in (self.year_box, self.month_box):
            box.blockSignals(False)

    def _page_from_year_box(self) -> None:
        self.grid.setCurrentPage(ce_year(self.year_box.value()), self.month_box.currentIndex() + 1)


class BeDateEdit(QWidget):
    """A line edit for `dd/mm/yyyy` (BE) with a calendar button; `edited` gives a date,
    None, or `Unreadable` with the text typed."""

    edited = Signal(object)  # date | None | Unreadable, after the clerk typed or picked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._date: date | Unreadable | None = None
        self.line = QLineEdit()
        self.line.setPlaceholderText("วว/ดด/ปปปป เช่น 30/01/2566")
        # no maximum length: Qt would cut a longer paste silently
        filter_keys(self.line, DATE_KEYS)
        self.button = QToolButton()
        self.button.setObjectName("calendar_button")
        self.button.setIcon(icon("calendar"))
        self.button.setAccessibleName("ปฏิทิน")
        self.button.setToolTip("เลือกวันที่จากปฏิทิน (ปี พ.ศ.)")
        self.button.clicked.connect(self.open_calendar)
        # no Tab stop on every calendar button: Alt+Down or F4 in the box opens it
        self.button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        opener = QAction(self.line)
        opener.setShortcuts([QKeySequence("Alt+Down"), QKeySequence("F4")])
        opener.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        opener.triggered.connect(self.open_calendar)
        self.line.addAction(opener)
        # where an empty date's calendar opens (the form sets it to a day of the project)
        self.near: Callable[[], date | None] = lambda: None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.line)
        self.line.textEdited.connect(self._typed)
        self.popup: QFrame | None = None
        self.calendar: BeCalendar | None = None

    def value(self) -> date | Unreadable | None:
        return self._date

    def show_value(self, d: date | Unreadable | None) -> None:
        """Show `d` (from the model); does not emit `edited`."""
        self._date = d
        if entry_of(Kind.DATE, self.line.text()) != d:
            self.line.setText(d.text if isinstance(d, Unreadable) else format_be_date(d))

    def _typed(self, text: str) -> None:
        self._set_and_emit(entry_of(Kind.DATE, text))

    def _set_and_emit(self, value: date | Unreadable | None) -> None:
        if value != self._date:
            self._date = value
            self.edited.emit(value)

    def open_calendar(self) -> None:
        if self.popup is None:
            self.popup = QFrame(self, Qt.WindowType.Popup)
            self.popup.setFrameShape(QFrame.Shape.StyledPanel)
            self.calendar = BeCalendar(self.popup)
            QVBoxLayout(self.popup).addWidget(self.calendar)
            self.calendar.picked.connect(self.pick)
        assert self.calendar is not None
        self.calendar.set_date(self._date if isinstance(self._date, date) else None, self.near())
        self.popup.move(self.mapToGlobal(QPoint(0, self.height())))
        self.popup.show()
        self.calendar.grid.setFocus()

    def pick(self, d: date) -> None:
        """A day chosen in the calendar: shown, announced, and the calendar closed."""
        if self.popup is not None:
            self.popup.hide()
        self.line.setText(format_be_date(d))
        self._set_and_emit(d)

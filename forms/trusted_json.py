"""Reading back, fast, the interchange JSON this program wrote itself.

`forms.interchange.loads` checks every value against FORM.md's rules and says in Thai what
is wrong: right for a file from outside, and 0.36 ms a report (1.8 s for the 5,000 of a
district's Excel export). A collection (`storage.collection`) stores only JSON that it
wrote with `dumps` from a report it had read with `loads`; for that text `loads_trusted`
gives the same `Report` as `loads` (a test holds them equal) in about a fifth of the time:
each value's JSON type is still checked, with the keys, choices, dates and decimals, but
not the texts' lengths and characters. Anything unexpected raises `UntrustedJson`, and the
caller reads the text with `loads`, which names the problem.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from forms.codec import MAX_INT
from forms.district.summary import LogEntry, ProgressLog
from forms.report import ProgressReport, Report
from forms.schema import (
    FIELDS,
    FIELDS_BY_KEY,
    PROGRESS_FIELDS,
    PROGRESS_FIELDS_BY_KEY,
    Field,
    Kind,
)
from forms.thaidate import FIRST_BE_YEAR
from forms.typed import MAX_DIGITS

_MAX_AMOUNT = 10**MAX_DIGITS
# an ISO date of a year from 2400 on is refused (a BE year given as CE), as forms.codec
_FIRST_BE_YEAR = str(FIRST_BE_YEAR)


class UntrustedJson(ValueError):
    """The text is not what this program writes: read it with `forms.interchange.loads`."""


def _text(value: Any) -> str:
    if type(value) is str:
        return value
    if value is None:
        return ""
    raise UntrustedJson(value)


def _texts(value: Any) -> list[str]:
    if value is None:
        return []
    if type(value) is not list:
        raise UntrustedJson(value)
    return [_text(item) for item in value]


def _integer(value: Any) -> int | None:
    if value is None or (type(value) is int and -MAX_INT <= value <= MAX_INT):
        return value
    raise UntrustedJson(value)


def _date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    # `YYYY-MM-DD` (CE: a year from 2400 on is a BE year, which `loads` refuses)
    if type(value) is not str or len(value) != 10 or value[4] != "-" or value >= _FIRST_BE_YEAR:
        raise UntrustedJson(value)
    return date.fromisoformat(value)  # a ValueError for a day no calendar has


def _decimal(value: Any) -> Decimal | None:
    if value is None:
        return None
    if type(value) is Decimal:  # a number with a fraction (`1e999` too: refused here)
        if value.adjusted() < MAX_DIGITS:
            return value
    elif type(value) is int and -_MAX_AMOUNT < value < _MAX_AMOUNT:
        return Decimal(value)
    raise UntrustedJson(value)


def _choice(field: Field) -> Callable[[Any], str | None]:
    allowed = frozenset(code for code, _label in field.choices)

    def choice(value: Any) -> str | None:
        if value is None or value == "":
            return None
        if value in allowed:
            return value  # type: ignore[no-any-return]
        raise UntrustedJson(value)

    return choice


def _reader(field: Field) -> Callable[[Any], Any]:
    kind = field.kind
    if kind in (Kind.TEXT, Kind.PARAGRAPH):
        return _text
    if kind is Kind.TEXT_LIST:
        return _texts
    if kind in (Kind.YEAR_BE, Kind.INT):
        return _integer
    if kind is Kind.DATE:
        return _date
    if kind in (Kind.MONEY, Kind.PERCENT):
        return _decimal
    if kind is Kind.CHOICE:
        return _choice(field)
    raise TypeError(f"no reader for {kind}")


_REPORT_READERS = tuple(
    (f.key, _reader(f)) for f in FIELDS if not f.computed and f.kind is not Kind.REPORT_LIST
)
_PROGRESS_KEYS = frozenset(f.key for f in PROGRESS_FIELDS)
# each progress field but its number (which defaults to its place in the log)
_PROGRESS_READERS = tuple((f.key, _reader(f)) for f in PROGRESS_FIELDS if f.key != "no")
_PLAN = _choice(PROGRESS_FIELDS_BY_KEY["plan_status"])
_TARGET = _choice(PROGRESS_FIELDS_BY_KEY["target_status"])
_MAX_PROGRESS = FIELDS_BY_KEY["progress_reports"].max_items or MAX_INT


def loads_trusted(text: str) -> Report:
    """The report in `text`, which this program wrote with `forms.interchange.dumps`;
    raises `UntrustedJson` for any other text."""
    if "\\u" in text:  # an escape `dumps` writes only for characters `loads` refuses
        raise UntrustedJson("escape")
    try:
        data = json.loads(text, parse_float=Decimal)
        if type(data) is not dict or not data.keys() <= FIELDS_BY_KEY.keys():
            raise UntrustedJson("keys")
        values = {key: read(data[key]) for key, read in _REPORT_READERS if key in data}
        if "progress_reports" in data:
            values["progress_reports"] = _progress_reports(data["progress_reports"])
        return Report(**values)
    except (ValueError, TypeError, ArithmeticError) as exc:  # UntrustedJson is a ValueError
        raise UntrustedJson(str(exc)) from exc


def _progress_reports(raw: Any) -> list[ProgressReport]:
    """The progress log, each field read by its `_reader`."""
    if raw is None:
        return []
    if type(raw) is not list or len(raw) > _MAX_PROGRESS:
        raise UntrustedJson("progress_reports")
    reports = []
    for i, item in enumerate(raw, start=1):
        if type(item) is not dict or not item.keys() <= _PROGRESS_KEYS:
            raise UntrustedJson("progress_reports")
        get = item.get
        no = _integer(get("no"))
        values = {key: read(get(key)) for key, read in _PROGRESS_READERS}
        reports.append(ProgressReport(no=i if no is None else no, **values))
    return reports


def loads_trusted_log(text: str) -> ProgressLog:
    """The progress log (`forms.district.summary.ProgressLog`) of the report in `text`,
    which this program wrote with `dumps`, read without the rest of the report; the values
    checked as `loads_trusted` checks them. Raises `UntrustedJson` for any other text."""
    if "\\u" in text:
        raise UntrustedJson("escape")
    try:
        data = json.loads(text, parse_float=Decimal)
        if type(data) is not dict or not data.keys() <= FIELDS_BY_KEY.keys():
            raise UntrustedJson("keys")
        get = data.get
        return ProgressLog(
            _text(get("project_code")),
            _text(get("project_name")),
            _integer(get("fiscal_year")),
            _log_entries(get("progress_reports")),
        )
    except (ValueError, TypeError, ArithmeticError) as exc:
        raise UntrustedJson(str(exc)) from exc


def _log_entries(raw: Any) -> list[LogEntry]:
    """`_progress_reports` as tuples (no, date, progress, budget used, plan, target,
    narrative) rather than `ProgressReport`s, which the tables would take apart again."""
    if raw is None:
        return []
    if type(raw) is not list or len(raw) > _MAX_PROGRESS:
        raise UntrustedJson("progress_reports")
    entries = []
    for i, item in enumerate(raw, start=1):
        if type(item) is not dict or not item.keys() <= _PROGRESS_KEYS:
            raise UntrustedJson("progress_reports")
        get = item.get
        no = _integer(get("no"))
        entries.append(
            (
                i if no is None else no,
                _date(get("date")),
                _decimal(get("progress_percent")),
                _decimal(get("budget_used")),
                _PLAN(get("plan_status")),
                _TARGET(get("target_status")),
                _text(get("narrative")),
            )
        )
    return entries

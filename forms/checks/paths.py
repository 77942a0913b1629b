"""Field paths and the texts they name.

A path is the JSON key (`project_code`); a list item adds its 1-based number as printed
(`objectives[3]` is printed 2.3); a progress report is named by its `no`, as printed
(`progress_reports[5].date` is รายงานครั้งที่5). The window turns a path back into a tab,
a field and a table cell with `parse_path`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from forms.kinds import multiline
from forms.report import Report
from forms.schema import FIELDS, FIELDS_BY_KEY, PROGRESS_FIELDS, PROGRESS_FIELDS_BY_KEY, Kind

_PATH = re.compile(r"^([a-z_]+)(?:\[(-?\d+)\])?(?:\.([a-z_]+))?$")
_FIELD_ORDER = {f.key: i for i, f in enumerate(FIELDS)}
_PROGRESS_ORDER = {f.key: i for i, f in enumerate(PROGRESS_FIELDS)}


@dataclass(frozen=True)
class PathParts:
    key: str  # the report's field key
    number: int | None = None  # list item (1-based) or progress report `no`
    sub_key: str | None = None  # the progress report's field key


@dataclass(frozen=True)
class TextSpot:
    """One piece of text of a report, with the path and Thai name a message gives it."""

    path: str
    label: str
    text: str
    multiline: bool
    limit: int | None = None  # the field's `max_length`


def parse_path(path: str) -> PathParts | None:
    """The parts of a path made by the checks; None for anything else."""
    m = _PATH.match(path)
    if not m or m.group(1) not in FIELDS_BY_KEY:
        return None
    key, number, sub_key = m.group(1), m.group(2), m.group(3)
    if sub_key is not None and (key != "progress_reports" or sub_key not in PROGRESS_FIELDS_BY_KEY):
        return None
    return PathParts(key, int(number) if number is not None else None, sub_key)


def item_path(key: str, number: int) -> str:
    return f"{key}[{number}]"


def progress_path(no: int, key: str) -> str:
    return f"progress_reports[{no}].{key}"


def field_label(key: str) -> str:
    return f'ช่อง "{FIELDS_BY_KEY[key].title}"'


def item_number_label(key: str, number: int) -> str:
    """`ข้อ 2.3` as printed, or `ย่อหน้าที่ 3` for an unnumbered list (the rationale)."""
    numbering = FIELDS_BY_KEY[key].item_numbering
    return f"ข้อ {numbering}{number}" if numbering else f"ย่อหน้าที่ {number}"


def item_label(key: str, number: int) -> str:
    """`วัตถุประสงค์ของโครงการ ข้อ 2.3`, `หลักการและเหตุผล ย่อหน้าที่ 3`."""
    field = FIELDS_BY_KEY[key]
    name = field.title if field.item_numbering else field.label
    return f"{name} {item_number_label(key, number)}"


def progress_label(no: int, key: str | None = None) -> str:
    if key is None:
        return f"รายงานครั้งที่ {no}"
    return f'รายงานครั้งที่ {no} ช่อง "{PROGRESS_FIELDS_BY_KEY[key].title}"'


def path_label(path: str) -> str:
    """The Thai name a message gives the field at `path` (`ช่อง "ชื่อโครงการ/กิจกรรม"`,
    `วัตถุประสงค์ ข้อ 2.3`, `รายงานครั้งที่ 5 ช่อง "วันที่"`); the path itself when unknown."""
    parts = parse_path(path)
    if parts is None:
        return path
    if parts.sub_key is not None or (parts.key == "progress_reports" and parts.number):
        return progress_label(parts.number or 0, parts.sub_key)
    if parts.number is not None:
        return item_label(parts.key, parts.number)
    return field_label(parts.key)


def text_spots(report: Report) -> list[TextSpot]:
    """Every text the clerk typed, in printed order."""
    spots: list[TextSpot] = []
    for field in FIELDS:
        if field.kind in (Kind.TEXT, Kind.PARAGRAPH):
            text = getattr(report, field.key)
            spots.append(
                TextSpot(
                    field.key, field_label(field.key), text, multiline(field), field.max_length
                )
            )
        elif field.kind is Kind.TEXT_LIST:
            lines = multiline(field)
            for n, text in enumerate(getattr(report, field.key), start=1):
                label = item_label(field.key, n)
                spots.append(
                    TextSpot(item_path(field.key, n), label, text, lines, field.max_length)
                )
        elif field.kind is Kind.REPORT_LIST:
            limit = PROGRESS_FIELDS_BY_KEY["narrative"].max_length
            for r in report.progress_reports:
                path, label = progress_path(r.no, "narrative"), progress_label(r.no, "narrative")
                spots.append(TextSpot(path, label, r.narrative, True, limit))
    return spots


def get_text(report: Report, path: str) -> str | None:
    """The text at a path; None when the path names no text of this report."""
    parts = parse_path(path)
    if parts is None:
        return None
    field = FIELDS_BY_KEY[parts.key]
    if field.kind in (Kind.TEXT, Kind.PARAGRAPH) and parts.number is None:
        return getattr(report, parts.key)
    if field.kind is Kind.TEXT_LIST and parts.number is not None and parts.sub_key is None:
        items = getattr(report, parts.key)
        return items[parts.number - 1] if 1 <= parts.number <= len(items) else None
    if field.kind is Kind.REPORT_LIST and parts.sub_key == "narrative":
        for r in report.progress_reports:
            if r.no == parts.number:
                return r.narrative
    return None


def with_text(report: Report, path: str, text: str) -> Report:
    """A new report with the text at `path` replaced (the path must name a text)."""
    parts = parse_path(path)
    if parts is None or get_text(report, path) is None:
        raise KeyError(path)
    new = report.copy()
    if parts.sub_key == "narrative":
        for i, r in enumerate(new.progress_reports):
            if r.no == parts.number:
                new.progress_reports[i] = replace(r, narrative=text)
                break
    elif parts.number is not None:
        getattr(new, parts.key)[parts.number - 1] = text
    else:
        setattr(new, parts.key, text)
    return new


def path_order(path: str) -> tuple[int, int, int]:
    """Sort key: printed order of the field, then the item, then the report's field."""
    parts = parse_path(path)
    if parts is None:
        return (len(_FIELD_ORDER), 0, 0)
    return (
        _FIELD_ORDER[parts.key],
        parts.number or 0,
        _PROGRESS_ORDER.get(parts.sub_key or "", -1),
    )

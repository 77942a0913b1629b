"""Reading one copy of the printout: a state machine over its lines, section by section.

A copy runs from its heading `1. ชื่อโครงการ...` to the next copy's (or the end). Labelled
values (`ชื่อโครงการ/กิจกรรม : ...`) are found by fuzzy label matching wherever they are,
even split from their value by a page header; list sections take numbered items (the
numbering is dropped, wrapped items are joined back); section 2 goes to `ProgressLog`.
Every value records the line it came from; every line that gave nothing is kept as unused.

Finding the labels and their values within a line moved to `forms.printout.labelled`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from forms.printed import (
    CERTIFICATION,
    HEADINGS,
    REPORT_LABEL,
    REQUIRED_SECTIONS,
    SIGNER_PLACEHOLDER,
)
from forms.printout.labelled import bare_label, label_pairs, value_and_pairs
from forms.printout.labels import (
    LABELLED,
    POSITION_LABEL,
    SIGNER_LABEL,
    heading_of,
    key,
)
from forms.printout.lines import Line, join_wrapped, squash
from forms.printout.progress import ProgressLog
from forms.printout.values import (
    read_money,
    read_project_date,
    read_year,
    split_agency,
    split_coordinator,
)
from forms.report import Report
from forms.schema import FIELDS_BY_KEY

_OBJECTIVE = re.compile(r"2\.(\d+)\.?(?:\s+|$)(.*)")
_TARGET = re.compile(r"3\.([12])\.(\d+)\.?(?:\s+|$)(.*)")
_TARGET_LISTS = {"1": "targets_quantity", "2": "targets_quality"}
# the list an unnumbered line starts in each list section ("" where none: 1.5 before 3.1)
_LIST_OF_STATE = {
    "1.4": "objectives",
    "1.5": "",
    "3.1": "targets_quantity",
    "3.2": "targets_quality",
}
# what starts a line of its own, never the rest of a wrapped value
_STRUCTURE = re.compile(rf"::|{REPORT_LABEL}|^\d+(?:\.\d+)+\.?(?:\s|$)")
# a heading as printed (spaces and bold marks aside), and what follows it on its line
_HEADING_REST = {
    name: re.compile(r"[*#\s]*" + re.escape(squash(printed)).replace(r"\ ", r"\s+") + r"[*\s]*(.*)")
    for name, printed in HEADINGS.items()
}
_DOT_RUNS = re.compile(r"^[.…\s]{2,}|[.…\s]{2,}$")
_READERS = {
    "fiscal_year": read_year,
    "start_date": read_project_date,
    "end_date": read_project_date,
    "budget_received": read_money,
    "budget_spent": read_money,
}


@dataclass
class CopyParse:
    """What one copy gave: the report, where each field came from, doubts, unused lines."""

    first_line: int
    last_line: int
    report: Report
    lines: dict[str, int]  # field path -> line number
    sections: set[str]
    notes: list[str]
    unused: list[tuple[int, str]]
    printed_spent: Decimal | None = None

    @property
    def complete(self) -> bool:
        return all(s in self.sections for s in REQUIRED_SECTIONS) and "project_name" in self.lines


@dataclass
class CopyReader:
    """Feed lines with `feed` until it returns False (the line starts the next copy)."""

    first_line: int
    report: Report = field(default_factory=Report)
    lines: dict[str, int] = field(default_factory=dict)
    sections: set[str] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)
    unused: list[tuple[int, str]] = field(default_factory=list)
    state: str | None = None
    last_line: int = 0
    printed_spent: Decimal | None = None
    _pending: tuple[str, Line] | None = None  # a label whose value is on a later line
    _log: ProgressLog = field(default_factory=ProgressLog)
    _log_lines: list[Line] = field(default_factory=list)
    _last_item: str | None = None  # the list a wrapped line continues
    _item_line: Line | None = None  # the last line of that list's last item
    _open_label: tuple[str, str, Line, Line] | None = None  # label, value, first, last line

    def feed(self, line: Line, after_blank: bool = False) -> bool:
        """Take one non-empty line (`after_blank`: an empty line came before it); False
        when the line starts the next copy (it is then not taken)."""
        text = line.text.strip()
        continuing, self._open_label = self._open_label, None
        if after_blank:
            continuing = None  # a value wrapped in PDF text runs on without a gap
        if self._pending is not None:
            label, label_line = self._pending
            self._pending = None
            if text.startswith(":") and not text.startswith("::"):
                value, more = value_and_pairs(text[1:])
                self._set(label, value, line)
                for other, other_value in more:
                    self._set(other, other_value, line)
                last = more[-1] if more else (label, value)
                self._open_label = (*last, line, line)
                return self._used(line)
            self._set(label, "", label_line)
        if self.state == "2" and ("::" in text or REPORT_LABEL in text):
            return self._to_log(line)
        if key(text).startswith(key(CERTIFICATION)[:10]):
            self.state = "footer"
            return self._used(line)
        if text.startswith(SIGNER_LABEL) and self.state in ("2", "footer"):
            self.state = "footer"
            return self._signer(text[len(SIGNER_LABEL) :], line)
        pairs = label_pairs(text)
        if pairs:
            if any(LABELLED[label][0] == "project_name" for label, _ in pairs) and (
                "project_name" in self.lines
            ):
                return False
            for label, value in pairs:
                self._set(label, value, line)
            self._open_label = (*pairs[-1], line, line)
            return self._used(line)
        alone = bare_label(text)
        if alone is not None:
            self._pending = (alone, line)
            return self._used(line)
        if self.state in ("1.5", "3.1", "3.2") and self._target(text, line):
            return True
        if self.state == "1.4" and self._objective(text, line):
            return True
        heading = heading_of(text, self.state)
        if heading is not None:
            return self._heading(heading, line)
        return self._in_section(text, line, continuing)

    # -- structure ------------------------------------------------------------------------

    def _heading(self, heading: str, line: Line) -> bool:
        if heading == "doc" and (self.sections or self.lines):
            return False
        if heading in self.sections and heading in ("1.1", "1.2"):
            return False
        self.sections.add(heading)
        self.state = heading
        self._last_item = None
        # Text extraction may run the section's first line onto its heading (PDFium does
        # when stacked marks make a glyph tall): what follows the exact heading is content.
        rest = _HEADING_REST[heading].fullmatch(line.text)
        if rest and rest.group(1):
            return self._in_section(rest.group(1), line, None)
        return self._used(line)

    def _in_section(
        self, text: str, line: Line, continuing: tuple[str, str, Line, Line] | None
    ) -> bool:
        if self.state == "1.3":
            self._add_item("rationale", squash(text), line)
            return self._used(line)
        if self.state in _LIST_OF_STATE:
            if self._last_item is not None:
                self._continue_item(text, line)
                return self._used(line)
            list_key = _LIST_OF_STATE[self.state]
            if list_key:
                self._add_item(list_key, squash(text), line)
                return self._used(line)
        if self.state == "2":
            return self._to_log(line)
        if self.state == "footer":
            return self._footer(text, line)
        if continuing is not None and not _STRUCTURE.search(text):
            label, value, first, last = continuing
            value = join_wrapped(value, text, last.spaced_end)
            self._set(label, value, first, again=True)
            self._open_label = (label, value, first, line)
            return self._used(line)
        return self._unused(line)

    def _used(self, line: Line) -> bool:
        self.last_line = line.no
        return True

    def _unused(self, line: Line) -> bool:
        self.unused.append((line.no, line.text))
        return self._used(line)

    def _to_log(self, line: Line) -> bool:
        self._log.feed(line)
        self._log_lines.append(line)
        return self._used(line)

    # -- labelled values ------------------------------------------------------------------

    def _set(self, label: str, value: str, line: Line, again: bool = False) -> None:
        """Fill the fields of `label` (`again`: with a value grown by a wrapped line)."""
        keys = LABELLED[label]
        if keys[0] in self.lines and not again:
            self.notes.append(
                f'ช่อง "{FIELDS_BY_KEY[keys[0]].title}" พบซ้ำที่บรรทัด {self.lines[keys[0]]}'
                f" และ {line.no} — ใช้ค่าแรก ตรวจดูจากต้นฉบับ"
            )
            return
        if keys[0] == "agency_office":
            values: tuple[Any, ...] = split_agency(value)
        elif keys[0] == "coordinator_name":
            values = split_coordinator(value)
        else:
            values = (self._read(keys[0], value, line),)
        for field_key, typed in zip(keys, values, strict=True):
            self.lines[field_key] = line.no
            if field_key == "budget_spent":
                self.printed_spent = typed
            else:
                setattr(self.report, field_key, typed)

    def _read(self, field_key: str, value: str, line: Line) -> Any:
        reader = _READERS.get(field_key)
        if reader is None:
            return squash(value)
        try:
            return reader(value)
        except ValueError as exc:
            title = FIELDS_BY_KEY[field_key].title
            advice = "" if "—" in str(exc) else " — กรอกเองในแบบร่าง"
            self.notes.append(f'ช่อง "{title}" (บรรทัด {line.no}): {exc}{advice}')
            return None

    # -- lists ----------------------------------------------------------------------------

    def _objective(self, text: str, line: Line) -> bool:
        match = _OBJECTIVE.fullmatch(text)
        if match is None:
            return False
        self._add_item("objectives", match.group(2), line)
        return self._used(line)

    def _target(self, text: str, line: Line) -> bool:
        match = _TARGET.fullmatch(text)
        if match is None:
            return False
        self._add_item(_TARGET_LISTS[match.group(1)], match.group(3), line)
        return self._used(line)

    def _add_item(self, list_key: str, text: str, line: Line) -> None:
        items: list[str] = getattr(self.report, list_key)
        items.append(squash(text))
        self.lines[f"{list_key}[{len(items)}]"] = line.no
        self.lines.setdefault(list_key, line.no)
        self._last_item, self._item_line = list_key, line

    def _continue_item(self, text: str, line: Line) -> None:
        assert self._last_item is not None and self._item_line is not None
        items: list[str] = getattr(self.report, self._last_item)
        items[-1] = join_wrapped(items[-1], text, self._item_line.spaced_end)
        self._item_line = line

    # -- footer ---------------------------------------------------------------------------

    def _signer(self, rest: str, line: Line) -> bool:
        name = _DOT_RUNS.sub("", squash(rest)).strip()
        if name == SIGNER_PLACEHOLDER:
            name = ""
        elif name.startswith("(") and name.endswith(")"):
            name = name[1:-1].strip()
        self.report.signer_name = name
        self.lines["signer_name"] = line.no
        return self._used(line)

    def _footer(self, text: str, line: Line) -> bool:
        if text.startswith(POSITION_LABEL):
            self.report.signer_position = _DOT_RUNS.sub("", squash(text[len(POSITION_LABEL) :]))
            self.lines["signer_position"] = line.no
            return self._used(line)
        if (
            text.startswith("(")
            and text.endswith(")")
            and not self.report.signer_name
            and "signer_position" not in self.lines
        ):
            return self._signer(text, line)
        return self._unused(line)

    # -- result ---------------------------------------------------------------------------

    def finish(self) -> CopyParse:
        if self._pending is not None:
            label, label_line = self._pending
            self._set(label, "", label_line)
        log = self._log.finish()
        if self._log_lines:
            self.report.progress_reports = log.reports
            self.lines.update(log.lines)
            self.notes.extend(log.notes)
            self.unused.extend(
                (ln.no, ln.text) for ln in self._log_lines if ln.no not in log.used_lines
            )
        return CopyParse(
            first_line=self.first_line,
            last_line=self.last_line,
            report=self.report,
            lines=self.lines,
            sections=self.sections,
            notes=self.notes,
            unused=sorted(self.unused),
            printed_spent=self.printed_spent,
        )

"""The progress log (section 2) read as a stream of pieces, not as lines.

Each report prints as two table rows::

    รายงานครั้งที่1 | :: 30/01/2566 : <narrative>
                    | :: ความก้าวหน้าของงานฯ = 20.00 % งบประมาณที่เบิกใช้ (ครั้งที่ 1) = 0 บาท | : เป็นไปตามแผน | : เป็นไปตามเป้าหมาย

Text extraction keeps the cells but not always their rows: narratives wrap onto following
lines, cells of one report land on the line of the next one, a page header falls inside a
narrative. So the text is cut at `::` and at a line-starting `รายงานครั้งที่N` into pieces (a label, a
date-and-narrative piece, a figures piece, loose text) and the pieces are given to reports:
a date piece to the report whose label came last, a figures piece to the report its
`(ครั้งที่ N)` names, loose text after a label to the narrative still waiting for its figures
(with a warning, since that is a guess).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from forms.printed import REPORT_LABEL
from forms.printout.lines import Line, join_wrapped, squash
from forms.printout.values import (
    LONG_DATE,
    leading_number,
    read_be_date,
    read_money,
    read_percent,
    read_status,
)
from forms.report import ProgressReport
from forms.schema import PROGRESS_FIELDS_BY_KEY

T = TypeVar("T")

# the label cell starts its row; the same words inside a narrative are narrative
_LABEL = re.compile(rf"\s*{REPORT_LABEL}\s*(\d+)")
_FIGURES_START = re.compile(r"\s*ความก้าวหน้า")
# a report's date: `30/01/2566`, or a long date as the app prints it when asked
_DATE_PIECE = re.compile(
    rf"\s*(\d{{1,2}}\s*/\s*\d{{1,2}}\s*/\s*\d{{4}}|{LONG_DATE})?\s*(?::\s*)?(.*)",
    re.DOTALL,
)
_FIGURES = re.compile(
    r"ความก้าวหน้าของงาน\s*ฯ?\s*=?(?P<pct>.*?)"
    r"งบประมาณที่เบิกใช้\s*(?:\(\s*ครั้งที่\s*(?P<no>\d+)\s*\))?\s*=?"
    r"\s*(?P<money>[0-9๐-๙][0-9๐-๙,.]*)?\s*(?:บาท)?(?P<rest>.*)",
    re.DOTALL,
)
_FIGURES_NO_MONEY = re.compile(r"ความก้าวหน้าของงาน\s*ฯ?\s*=?(?P<pct>.*)", re.DOTALL)


@dataclass
class _Piece:
    kind: str  # "label" | "date" | "figures" | "free"
    parts: list[tuple[int, str]]  # (line number, text)
    number: int | None = None  # the N of a label
    after_label: bool = False  # loose text that followed a label
    used: bool = False

    @property
    def first_line(self) -> int:
        return self.parts[0][0]

    def text(self) -> str:
        return " ".join(text for _, text in self.parts)


@dataclass
class _Draft:
    report: ProgressReport
    dated: bool = False
    figured: bool = False
    lines: dict[str, int] = field(default_factory=dict)


@dataclass
class LogResult:
    reports: list[ProgressReport]
    lines: dict[str, int]  # field path -> line it was read from
    notes: list[str]
    used_lines: set[int]


class ProgressLog:
    """Collects the lines of one copy's section 2, then reads them (`finish`)."""

    def __init__(self) -> None:
        self._pieces: list[_Piece] = []
        self._spaced: dict[int, bool | None] = {}  # line -> `Line.spaced_end`
        self._open: _Piece | None = None
        self._drafts: dict[int, _Draft] = {}
        self._waiting: list[int] = []  # reports dated in order, some perhaps figured since
        self._highest = 0
        self._notes: list[str] = []

    def feed(self, line: Line) -> None:
        self._spaced[line.no] = line.spaced_end
        label = _LABEL.match(line.text)
        rest = line.text[label.end() :] if label else line.text
        head, *cells = rest.split("::")
        if label is not None:
            self._open = _Piece("label", [(line.no, label.group(0))], number=int(label.group(1)))
            self._pieces.append(self._open)
            if head.strip():
                self._pieces.append(_Piece("free", [(line.no, head)], after_label=True))
        elif head.strip():
            if self._open is not None and self._open.kind in ("date", "figures"):
                self._open.parts.append((line.no, head))
            else:
                after_label = self._open is not None and self._open.kind == "label"
                self._pieces.append(_Piece("free", [(line.no, head)], after_label=after_label))
        for body in cells:
            kind = "figures" if _FIGURES_START.match(body) else "date"
            self._open = _Piece(kind, [(line.no, body)])
            self._pieces.append(self._open)

    def finish(self) -> LogResult:
        current: int | None = None
        for piece in self._pieces:
            if piece.kind == "label":
                current = piece.number
                self._draft(current).lines.setdefault("no", piece.first_line)  # type: ignore[arg-type]
                piece.used = True
            elif piece.kind == "date":
                self._take_date(piece, current)
            elif piece.kind == "figures":
                self._take_figures(piece, current)
            else:
                self._take_free(piece)
        return self._result()

    # -- pieces ---------------------------------------------------------------------------

    def _draft(self, no: int) -> _Draft:
        if no not in self._drafts:
            self._drafts[no] = _Draft(ProgressReport(no=no))
            self._highest = max(self._highest, no)
        return self._drafts[no]

    def _take_date(self, piece: _Piece, current: int | None) -> None:
        if current is not None and not self._draft(current).dated:
            draft = self._draft(current)
        else:
            draft = self._draft(self._highest + 1)
        match = _DATE_PIECE.match(piece.parts[0][1])
        assert match is not None  # every group is optional
        date_text, narrative = match.group(1) or "", match.group(2)
        for (before, _), (_, more) in zip(piece.parts, piece.parts[1:], strict=False):
            narrative = join_wrapped(narrative, more, self._spaced[before])
        draft.report.date = self._value(read_be_date, date_text, draft, "date", piece)
        if not draft.figured:
            self._waiting.append(draft.report.no)
        draft.report.narrative = squash(narrative)
        draft.dated = True
        draft.lines.setdefault("date", piece.first_line)
        draft.lines.setdefault("narrative", piece.first_line)
        piece.used = True

    def _take_figures(self, piece: _Piece, current: int | None) -> None:
        text = piece.text()
        match = _FIGURES.search(text) or _FIGURES_NO_MONEY.search(text)
        assert match is not None  # the piece starts with ความก้าวหน้า
        groups = match.groupdict()
        no = int(groups["no"]) if groups.get("no") else self._figures_owner(current)
        if no is None:
            return
        draft = self._draft(no)
        if draft.figured:
            self._notes.append(
                f"รายงานครั้งที่ {no} (บรรทัด {piece.first_line}): พบแถวความก้าวหน้าและงบประมาณซ้ำ"
                " — ใช้แถวแรก ตรวจดูจากต้นฉบับ"
            )
            return
        report, line = draft.report, piece.first_line
        pct_text, stray = leading_number(groups["pct"])
        stray = squash(stray.replace("%", "").replace(":", ""))
        if stray:
            self._notes.append(
                f'รายงานครั้งที่ {no} (บรรทัด {line}): ตัดอักขระเกิน "{stray}" ที่ตามหลัง'
                f" ความก้าวหน้า {pct_text} ออก — ตรวจดูว่าตัวเลขถูกต้อง"
            )
        report.progress_percent = self._value(
            read_percent, pct_text, draft, "progress_percent", piece
        )
        if "money" in groups:
            money = groups["money"] or ""
            report.budget_used = self._value(read_money, money, draft, "budget_used", piece)
            self._take_statuses(groups["rest"], draft, piece)
        else:
            self._notes.append(f"รายงานครั้งที่ {no} (บรรทัด {line}): ไม่พบงบประมาณที่เบิกใช้")
        for key in ("progress_percent", "budget_used", "plan_status", "target_status"):
            draft.lines.setdefault(key, line)
        draft.figured = True
        piece.used = True

    def _figures_owner(self, current: int | None) -> int | None:
        if current is not None and not self._draft(current).figured:
            return current
        return self._waiting_for_figures()

    def _waiting_for_figures(self) -> int | None:
        """The last report with its date piece but not yet its figures."""
        while self._waiting:
            draft = self._drafts[self._waiting[-1]]
            if not draft.figured:
                return draft.report.no
            self._waiting.pop()  # figured since: never waiting again
        return None

    def _take_statuses(self, rest: str, draft: _Draft, piece: _Piece) -> None:
        for cell in rest.split(":"):
            if not cell.strip():
                continue
            status = read_status(cell)
            if status is None:
                self._notes.append(
                    f'รายงานครั้งที่ {draft.report.no} (บรรทัด {piece.first_line}): อ่านสถานะ "{squash(cell)}"'
                    " ไม่ได้ — เลือกสถานะเองในแบบร่าง"
                )
                continue
            setattr(draft.report, status[0], status[1])

    def _take_free(self, piece: _Piece) -> None:
        owner = self._waiting_for_figures() if piece.after_label else None
        if owner is None:
            return
        draft = self._drafts[owner]
        text = squash(piece.text())
        draft.report.narrative = join_wrapped(draft.report.narrative, text)
        self._notes.append(
            f'บรรทัด {piece.first_line}: ข้อความ "{text}" อยู่ผิดแถว จึงนำไปต่อท้ายผลการดำเนินงาน'
            f" ของรายงานครั้งที่ {owner} — ตรวจดูว่าถูกที่"
        )
        piece.used = True

    def _value(
        self, reader: Callable[[str], T], text: str, draft: _Draft, key: str, piece: _Piece
    ) -> T | None:
        try:
            return reader(text)
        except ValueError as exc:
            title = PROGRESS_FIELDS_BY_KEY[key].title
            advice = "" if "—" in str(exc) else " — แก้ในแบบร่าง"
            self._notes.append(
                f'รายงานครั้งที่ {draft.report.no} (บรรทัด {piece.first_line}) ช่อง "{title}":'
                f" {exc}{advice}"
            )
            return None

    # -- result ---------------------------------------------------------------------------

    def _result(self) -> LogResult:
        reports: list[ProgressReport] = []
        lines: dict[str, int] = {}
        for index, no in enumerate(sorted(self._drafts), start=1):
            draft = self._drafts[no]
            reports.append(draft.report)
            lines[f"progress_reports[{index}].no"] = min(draft.lines.values(), default=0)
            draft.lines.pop("no", None)
            for key, line in draft.lines.items():
                lines[f"progress_reports[{index}].{key}"] = line
            if draft.dated and not draft.figured:
                self._notes.append(
                    f"รายงานครั้งที่ {no}: ไม่พบแถวความก้าวหน้าและงบประมาณ — กรอกเองจากต้นฉบับ"
                )
        used = {no for piece in self._pieces if piece.used for no, _ in piece.parts}
        for piece in self._pieces:
            if not piece.used and piece.first_line in used:
                self._notes.append(
                    f'บรรทัด {piece.first_line}: ไม่ได้ใช้ข้อความ "{squash(piece.text())}" — ตรวจดูจากต้นฉบับ'
                )
        return LogResult(reports, lines, self._notes, used)

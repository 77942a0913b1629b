"""The summary PDF's table: its columns, the cells of one report's row, and the row block.

A cell is a few short paragraphs (agency office, division, section; or a code and a
fiscal year), each wrapped to the column with the report PDF's Thai line filling (ICU
breaks, HarfBuzz widths: `forms.pdf.paragraph.fill_lines`) and drawn with its line
drawer (`draw_block`: shaped glyphs, exact /ActualText). A row is one `Block` that moves
to the next page whole; only a row taller than a whole page (fields at their maximum
lengths, in a script with no break opportunities) is cut between its lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from forms.district.summary import SOURCE_PRINTOUT, Collected
from forms.pdf.fonts import Style
from forms.pdf.pages import Block
from forms.pdf.paragraph import CENTRE, RIGHT, TextStyle, draw_block, fill_lines
from forms.schema import PROGRESS_FIELDS_BY_KEY, choice_label
from forms.thaidate import format_be_date
from forms.thainum import format_money, format_percent

BODY = TextStyle(size=9.0, leading=13.5)  # 1.5 x size, as the report PDF: Thai marks
BOLD = replace(BODY, style=Style.BOLD)
CENTRED = replace(BODY, align=CENTRE)
NUMBER = replace(BODY, align=RIGHT)
NUMBER_BOLD = replace(NUMBER, style=Style.BOLD)
HEAD = replace(BODY, style=Style.BOLD, align=CENTRE)
CELL_PAD = 3.0
RULE = 0.5  # pt, the table's lines
RULE_GREY = 0.55
HEAD_SHADE, TOTAL_SHADE, STRIPE_SHADE = 0.86, 0.9, 0.95
PRINTOUT_NOTE = "อ่านจากเอกสารพิมพ์"  # the row was read from a printout's text: may be wrong
NO_REPORT = "ยังไม่มี"
NO_PROBLEM = "ไม่พบ"


@dataclass(frozen=True)
class Para:
    text: str
    ts: TextStyle = BODY


Cell = tuple[Para, ...]


@dataclass(frozen=True)
class Column:
    title: str  # `\n` where the header cell breaks its lines
    widest: str  # a value the column must hold on one line ("" for the name column)


COLUMNS = (
    Column("ที่", "999"),
    Column("หน่วยงาน", ""),
    Column("รหัสโครงการ", "50280000-6851"),
    Column("ชื่อโครงการ", ""),
    Column("งบประมาณ\nที่ได้รับ (บาท)", "999,999,999.99"),
    Column("ใช้ไป\n(บาท)", "999,999,999.99"),
    Column("ร้อยละ\nที่ใช้", "999.99"),
    Column("รายงาน\nล่าสุด", "30/01/2566"),
    Column("ความ\nก้าวหน้า\n(%)", "100.00"),
    Column("ผลการดำเนินงาน", ""),  # as wide as the longest plan/target status
    Column("ผลการตรวจ", PRINTOUT_NOTE),
)
AGENCY, NAME, STATUS = 1, 3, 9
AGENCY_SHARE = 0.42  # of what the name and agency columns share between them
TOTAL_SPAN = 4  # the totals row's label spans ที่ .. ชื่อโครงการ


def column_widths(frame_width: float) -> list[float]:
    """Each column fits its widest value and header line; name and agency share the rest."""
    pad = 2 * CELL_PAD + 1
    statuses = [
        text
        for key in ("plan_status", "target_status")
        for _v, text in PROGRESS_FIELDS_BY_KEY[key].choices
    ]
    widths = []
    for i, col in enumerate(COLUMNS):
        values = statuses if i == STATUS else [col.widest]
        texts = [ts.width(v) for v in values for ts in (BODY, BOLD)]  # bold: a warning
        texts += [HEAD.width(line) for line in col.title.split("\n")]
        widths.append(max(texts) + pad)
    rest = frame_width - sum(w for i, w in enumerate(widths) if i not in (AGENCY, NAME))
    widths[AGENCY] = rest * AGENCY_SHARE
    widths[NAME] = rest - widths[AGENCY]
    return widths


def header_cells() -> list[Cell]:
    return [(Para(col.title, HEAD),) for col in COLUMNS]


def report_cells(number: int, item: Collected, show_year: bool) -> list[Cell]:
    """The cells of one report's row; `show_year` adds its fiscal year under the code
    (when the collection spans several years; otherwise the title says it)."""
    row = item.row
    agency: list[str] = []
    for part in (row.agency_office, row.agency_division, row.agency_section):
        if part and part not in agency:  # a division and section often share a name
            agency.append(part)
    code = [Para(row.project_code)]
    if show_year and row.fiscal_year is not None:
        code.append(Para(f"ปีงบฯ {row.fiscal_year}"))
    money = NUMBER_BOLD if row.overspent else NUMBER
    latest = (
        (Para(f"ครั้งที่ {row.latest_no}", CENTRED), Para(format_be_date(row.latest_date), CENTRED))
        if row.latest_no is not None
        else (Para(NO_REPORT, CENTRED),)
    )
    status = (
        Para(_choice("plan_status", row.plan_status), BOLD if row.behind_plan else BODY),
        Para(_choice("target_status", row.target_status), BOLD if row.off_target else BODY),
    )
    checks = []
    if row.errors:
        checks.append(Para(f"ข้อผิดพลาด {row.errors}", BOLD))
    if row.warnings:
        checks.append(Para(f"คำเตือน {row.warnings}"))
    if not checks:
        checks.append(Para(NO_PROBLEM))
    if item.source_kind == SOURCE_PRINTOUT:
        checks.append(Para(PRINTOUT_NOTE))
    return [
        (Para(str(number), CENTRED),),
        tuple(Para(a) for a in agency),
        tuple(code),
        (Para(row.project_name),),
        (Para(format_money(row.budget_received), NUMBER),),
        (Para(format_money(row.budget_spent), money),),
        (Para(format_percent(row.percent_spent), money),),
        latest,
        (Para(format_percent(row.latest_progress), NUMBER),),
        status,
        tuple(checks),
    ]


def _choice(key: str, value: str | None) -> str:
    return choice_label(PROGRESS_FIELDS_BY_KEY[key], value)


def total_cells(
    count: int, received: Decimal | None, spent: Decimal, percent: Decimal | None
) -> list[Cell]:
    """The totals row: its label spans the first `TOTAL_SPAN` columns, its last cell the
    columns after the percent spent (see `total_widths`)."""
    return [
        (Para(f"รวม {count} โครงการ", BOLD),),
        (Para(format_money(received), NUMBER_BOLD),),
        (Para(format_money(spent), NUMBER_BOLD),),
        (Para(format_percent(percent), NUMBER_BOLD),),
        (),
    ]


def total_widths(widths: Sequence[float]) -> list[float]:
    return [sum(widths[:TOTAL_SPAN]), *widths[TOTAL_SPAN : TOTAL_SPAN + 3], sum(widths[7:])]


StyledLine = tuple[str, TextStyle]  # a filled line (`forms.pdf.shaping.Line`), its style


class TableRow(Block):
    """One row of cells side by side, with the table's rules and an optional shade."""

    def __init__(
        self,
        cells: Sequence[Cell],
        widths: Sequence[float],
        frame_height: float,
        shade: float | None = None,
    ) -> None:
        self.cells = list(cells)
        self.widths = list(widths)
        self.frame_height = frame_height  # a row no taller than this is never cut
        self.shade = shade
        self.leading = max((p.ts.leading for cell in cells for p in cell), default=BODY.leading)
        self._lines: list[list[StyledLine]] | None = None

    def lines(self) -> list[list[StyledLine]]:
        """Each cell's lines, each with the style it is drawn in."""
        if self._lines is None:
            self._lines = [
                [
                    (line, p.ts)
                    for p in cell
                    for line in (fill_lines(p.text, p.ts, w - 2 * CELL_PAD) or [""])
                ]
                for cell, w in zip(self.cells, self.widths, strict=True)
            ]
        return self._lines

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = sum(self.widths)
        rows = max((len(c) for c in self.lines()), default=0)
        self.height = max(rows, 1) * self.leading + 2 * CELL_PAD
        return self.width, self.height

    def min_height(self) -> float:
        if self.height <= self.frame_height:
            return self.height
        return self.leading + 2 * CELL_PAD  # a row cut anyway may start at a page's foot

    def split(self, avail_width: float, avail_height: float) -> list[Block]:
        """Only a row taller than a whole page is cut (between lines); others move on."""
        if self.height <= self.frame_height:
            return []
        fit = int((avail_height - 2 * CELL_PAD) // self.leading)
        if fit < 1:
            return []
        head, tail = self._part(slice(None, fit)), self._part(slice(fit, None))
        tail.keepWithNext = self.keepWithNext
        return [head, tail]

    def _part(self, lines: slice) -> TableRow:
        part = TableRow(self.cells, self.widths, self.frame_height, self.shade)
        part._lines = [cell[lines] for cell in self.lines()]
        return part

    def draw(self) -> None:
        c = self.canv
        xs = [sum(self.widths[:i]) for i in range(len(self.widths) + 1)]
        if self.shade is not None:
            c.saveState()
            c.setFillGray(self.shade)
            c.rect(0, 0, self.width, self.height, stroke=0, fill=1)
            c.restoreState()
        # cell by cell, top to bottom: extractors read a wrapped name as one run of text
        for x, w, cell in zip(xs, self.widths, self.lines(), strict=False):
            top = self.height - CELL_PAD
            for text, ts in cell:
                draw_block(c, x + CELL_PAD, top, w - 2 * CELL_PAD, [text], ts)
                top -= self.leading
        c.saveState()
        c.setLineWidth(RULE)
        c.setStrokeGray(RULE_GREY)
        c.rect(0, 0, self.width, self.height)
        for x in xs[1:-1]:
            c.line(x, 0, x, self.height)
        c.restoreState()

"""The report as a story of flowables, in the order and wording of the official printout
(`FORM.md`, "The printed layout"); labels come from the schema."""

from __future__ import annotations

from decimal import Decimal

from forms.pdf.blocks import CELL_PAD, Cell, Grid, ReportRows
from forms.pdf.fonts import Style
from forms.pdf.pages import Block, KeepTogether, Spacer
from forms.pdf.paragraph import CENTRE, JUSTIFY, TextStyle, ThaiParagraph
from forms.pdf.style import OFFICIAL, PdfStyle
from forms.report import ProgressReport, Report
from forms.schema import FIELDS_BY_KEY, PROGRESS_FIELDS_BY_KEY, choice_label
from forms.thainum import format_money, format_percent

BODY = TextStyle()
JUSTIFIED = TextStyle(align=JUSTIFY)
HEADING = TextStyle(Style.BOLD, space_before=4.0)
TITLE = TextStyle(Style.BOLD, size=12.0, leading=18.0, align=CENTRE)
TITLE_TEXT = "** แบบแสดงรายงานความก้าวหน้าและข้อมูลเกี่ยวกับโครงการ **"
CERTIFICATION = "ขอรับรองว่า ข้อมูลที่ปรากฏในเอกสารฉบับนี้ หน่วยงานได้จัดพิมพ์จากระบบงานจริง เพื่อเป็นหลักฐานไว้ตรวจสอบ"
SIGNER_PLACEHOLDER = "(ผู้รับผิดชอบโครงการ)"
DOTS = "." * 40


def label(key: str) -> str:
    return FIELDS_BY_KEY[key].label


def plabel(key: str) -> str:
    return PROGRESS_FIELDS_BY_KEY[key].label


def _money(value: Decimal | None) -> str:
    text = format_money(value)
    return f"{text} บาท" if text else ""


def heading(text: str) -> ThaiParagraph:
    """A numbered heading: `1.` a section (H2, under the form's title, H1), `1.1` (H3)."""
    p = ThaiParagraph(text, HEADING, keep_with_next=True)
    number = text.split(" ", 1)[0].rstrip(".")
    p.tag = "H3" if "." in number else "H2"
    return p


def field_line(label_text: str, value: str) -> ThaiParagraph:
    """`label : value`, the value's further lines lined up after the label."""
    return ThaiParagraph(
        value, BODY, prefix=[BODY.run(f"{label_text} : ")], hang=True, one_line=True
    )


def numbered(items: list[str], numbering: str, body: TextStyle = BODY) -> list[Block]:
    gap = item_gap(numbering)
    paras = [
        ThaiParagraph(
            text, body, prefix=[BODY.run(f"{numbering}{i}{gap}")], hang=True, one_line=True
        )
        for i, text in enumerate(items, start=1)
    ]
    group = object()  # one list in the structure tree (forms.pdf.tags)
    for item in paras:
        item.tag, item.tag_group = "LI", group
    return list(paras)


def item_gap(numbering: str) -> str:
    """The space after an item's number, as the printout has it: two after an objective's
    `2.1`, one after a target's `3.1.1`."""
    return " " if numbering.count(".") >= 2 else "  "


def joined(*parts: str) -> str:
    return " / ".join(p for p in parts if p)


def story(
    report: Report, frame_width: float, frame_height: float, style: PdfStyle = OFFICIAL
) -> list[Block]:
    """Everything below the page header, in printed order, in the clerk's `style`."""
    r = report
    prose = JUSTIFIED if style.justify else BODY
    out: list[Block] = [
        heading("1. ชื่อโครงการและหน่วยงานที่รับผิดชอบโครงการ"),
        heading("1.1 รหัสโครงการและชื่อโครงการ"),
        field_line(label("project_name"), r.project_name),
        field_line(label("project_code"), r.project_code),
        Grid(_grid_rows(r, style), BODY),
        heading("1.2 หน่วยงานที่รับผิดชอบ"),
        field_line(
            label("agency_office"), joined(r.agency_office, r.agency_division, r.agency_section)
        ),
        field_line(label("responsible_person"), r.responsible_person),
        field_line(label("coordinator_name"), joined(r.coordinator_name, r.coordinator_phone)),
        heading(f"1.3 {label('rationale')}"),
        *[ThaiParagraph(p, prose.spaced(4.0)) for p in r.rationale],
        heading(f"1.4 {label('objectives')}"),
        *numbered(r.objectives, FIELDS_BY_KEY["objectives"].item_numbering, prose),
        heading("1.5 เป้าหมายของโครงการ.."),
        ThaiParagraph(label("targets_quantity"), BODY, keep_with_next=True),
        *numbered(r.targets_quantity, FIELDS_BY_KEY["targets_quantity"].item_numbering, prose),
        ThaiParagraph(label("targets_quality"), BODY, keep_with_next=True),
        *numbered(r.targets_quality, FIELDS_BY_KEY["targets_quality"].item_numbering, prose),
        heading("1.6 สนับสนุนแผนพัฒนา กทม. ระยะ 20 ปี (ยุทธศาสตร์-ประเด็นยุทธศาสตร์-กลยุทธ์ตามแผนฯ /ตัวชี้วัด)"),
        field_line(label("strategic_issue"), r.strategic_issue),
        field_line(label("strategic_sub_issue"), r.strategic_sub_issue),
        field_line(label("strategic_goal"), r.strategic_goal),
        field_line(label("indicator"), r.indicator),
        heading(f"2. {label('progress_reports')}"),
    ]
    cols = log_columns(frame_width)
    rows = [report_rows(p, cols, frame_height, prose, style) for p in r.progress_reports]
    out.extend(rows)
    for f in out:
        if isinstance(f, ThaiParagraph):
            f.whole_up_to = frame_height
    closing = Spacer(8)
    if rows:
        # the certification never stands alone at the top of the last page: the last
        # report goes over with it
        rows[-1].keepWithNext = closing.keepWithNext = True
    out.append(closing)
    out.append(_signature(r, frame_height))
    return out


def _grid_rows(r: Report, style: PdfStyle) -> list[list[Cell]]:
    left, right = Cell("", 0.0, 0.5), Cell("", 0.5, 0.5)

    def cell(base: Cell, key: str, value: str) -> Cell:
        return Cell(f"{label(key)} : {value}", base.x, base.w)

    return [
        [cell(right, "fiscal_year", "" if r.fiscal_year is None else str(r.fiscal_year))],
        [
            cell(left, "start_date", style.project_date(r.start_date)),
            cell(right, "budget_received", _money(r.budget_received)),
        ],
        [
            cell(left, "end_date", style.project_date(r.end_date)),
            cell(right, "budget_spent", _money(r.budget_spent)),
        ],
    ]


def log_columns(frame_width: float) -> list[float]:
    """Label, text, plan status, target status: the status columns fit their longest
    choice, the label column `รายงานครั้งที่999`, the text column takes the rest."""
    pad = 2 * CELL_PAD + 1

    def widest(field_key: str) -> float:
        f = PROGRESS_FIELDS_BY_KEY[field_key]
        return max(BODY.width(f": {text}") for _v, text in f.choices) + pad

    label_w = BODY.width(f"{plabel('no')}999") + pad
    plan_w, target_w = widest("plan_status"), widest("target_status")
    return [label_w, frame_width - label_w - plan_w - target_w, plan_w, target_w]


def report_texts(p: ProgressReport, style: PdfStyle = OFFICIAL) -> tuple[str, str, list[str]]:
    """The label, the first row's text and the second row's three cells of one report."""
    when = style.report_date(p.date)
    first = (f":: {when} :" if when else ":: :") + (f" {p.narrative}" if p.narrative else "")
    percent = format_percent(p.progress_percent)
    money = format_money(p.budget_used)
    # two lines, so that the narrow text column never breaks inside either label
    figures = (
        f":: {plabel('progress_percent')} = {percent} %\n"
        f"{plabel('budget_used')} (ครั้งที่ {p.no}) = {money} บาท"
    )
    plan = ": " + choice_label(PROGRESS_FIELDS_BY_KEY["plan_status"], p.plan_status)
    target = ": " + choice_label(PROGRESS_FIELDS_BY_KEY["target_status"], p.target_status)
    return f"{plabel('no')}{p.no}", first, [figures, plan.rstrip(" "), target.rstrip(" ")]


def report_rows(
    p: ProgressReport,
    cols: list[float],
    frame_height: float,
    ts: TextStyle = BODY,
    style: PdfStyle = OFFICIAL,
) -> ReportRows:
    label_text, first, second = report_texts(p, style)
    return ReportRows(label_text, first, second, cols, ts, frame_height)


def _signature(r: Report, frame_height: float) -> Block:
    """Certification, signature and position: kept together, closing the document."""
    name = f"({r.signer_name})" if r.signer_name else SIGNER_PLACEHOLDER
    return KeepTogether(
        [
            ThaiParagraph(CERTIFICATION, TextStyle(space_after=14.0)),
            ThaiParagraph(f"{label('signer_name')}{DOTS}{name}", TextStyle(align=CENTRE)),
            ThaiParagraph(
                f"{label('signer_position')} {r.signer_position or DOTS}", TextStyle(align=CENTRE)
            ),
        ],
        frame_height,
    )

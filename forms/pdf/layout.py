"""The report as a story of flowables, in the order and wording of the official printout
(`FORM.md`, "The printed layout"); labels come from the schema."""

from __future__ import annotations

from forms.kinds import TYPES
from forms.pdf.blocks import CELL_PAD, Cell, Grid, ReportRows
from forms.pdf.fonts import Style
from forms.pdf.pages import Block, KeepTogether, Spacer
from forms.pdf.paragraph import CENTRE, JUSTIFY, TextStyle, ThaiParagraph
from forms.pdf.style import OFFICIAL, PdfStyle
from forms.printed import (
    CERTIFICATION,
    GRID,
    GRID_KEYS,
    HEADINGS,
    HEADINGS_BEFORE,
    JOINED,
    LABEL_HEADINGS,
    SIGNATURE,
    SIGNATURE_DOTS,
    SIGNER_PLACEHOLDER,
    joined,
)
from forms.report import ProgressReport, Report
from forms.schema import FIELDS, FIELDS_BY_KEY, PROGRESS_FIELDS_BY_KEY, Field, Kind, choice_label
from forms.thainum import format_money, format_percent

BODY = TextStyle()
JUSTIFIED = TextStyle(align=JUSTIFY)
HEADING = TextStyle(Style.BOLD, space_before=4.0)
TITLE = TextStyle(Style.BOLD, size=12.0, leading=18.0, align=CENTRE)


def label(key: str) -> str:
    return FIELDS_BY_KEY[key].label


def plabel(key: str) -> str:
    return PROGRESS_FIELDS_BY_KEY[key].label


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


def story(
    report: Report, frame_width: float, frame_height: float, style: PdfStyle = OFFICIAL
) -> list[Block]:
    """Everything below the page header, in printed order, in the clerk's `style`: each
    field of the schema in its order, under the headings `forms.printed` puts before it,
    the closing block of certification and signature last."""
    prose = JUSTIFIED if style.justify else BODY
    out: list[Block] = []
    rows: list[ReportRows] = []
    for f in FIELDS:
        out.extend(_heading(name) for name in HEADINGS_BEFORE.get(f.key, ()))
        if f.key in GRID_KEYS:
            if f.key == _FIRST_GRID_KEY:
                out.append(Grid(_grid_rows(report, style), BODY))
        elif f.kind is Kind.REPORT_LIST:
            cols = log_columns(frame_width)
            rows = [
                report_rows(p, cols, frame_height, prose, style) for p in report.progress_reports
            ]
            out.extend(rows)
        elif f.kind is Kind.TEXT_LIST:
            out.extend(_list_items(f, getattr(report, f.key), prose))
        elif f.key not in _PRINTED_ELSEWHERE:
            keys = JOINED.get(f.key, (f.key,))
            values = (_value_text(FIELDS_BY_KEY[k], getattr(report, k)) for k in keys)
            out.append(field_line(f.label, joined(*values)))
    for block in out:
        if isinstance(block, ThaiParagraph):
            block.whole_up_to = frame_height
    closing = Spacer(8)
    if rows:
        # the certification never stands alone at the top of the last page: the last
        # report goes over with it
        rows[-1].keepWithNext = closing.keepWithNext = True
    out.append(closing)
    out.append(_signature(report, frame_height))
    return out


_FIRST_GRID_KEY = next(f.key for f in FIELDS if f.key in GRID_KEYS)
# printed elsewhere: with the first field of their line, or under the certification
_PRINTED_ELSEWHERE = frozenset({k for keys in JOINED.values() for k in keys[1:]} | set(SIGNATURE))


def _heading(name: str) -> ThaiParagraph:
    """A numbered heading of `forms.printed.HEADINGS`; a list's label as a plain line."""
    if name in LABEL_HEADINGS:
        return ThaiParagraph(HEADINGS[name], BODY, keep_with_next=True)
    return heading(HEADINGS[name])


def _list_items(f: Field, items: list[str], prose: TextStyle) -> list[Block]:
    """A list's items: paragraphs, or numbered `2.1`, `3.1.1` as the field declares."""
    if f.paragraphs:
        return [ThaiParagraph(p, prose.spaced(4.0)) for p in items]
    return numbered(items, f.item_numbering, prose)


def _value_text(f: Field, value: object) -> str:
    return value if isinstance(value, str) else TYPES[f.kind].show(f, value)


def _grid_rows(r: Report, style: PdfStyle) -> list[list[Cell]]:
    """`forms.printed.GRID`: two columns, each cell `label : value`."""
    rows = []
    for keys in GRID:
        row = []
        for key, x in zip(keys, (0.0, 0.5), strict=True):
            if key is not None:
                f = FIELDS_BY_KEY[key]
                row.append(Cell(f"{f.label} : {_grid_value(f, getattr(r, key), style)}", x, 0.5))
        rows.append(row)
    return rows


def _grid_value(f: Field, value: object, style: PdfStyle) -> str:
    if f.kind is Kind.DATE:
        return style.project_date(value)  # type: ignore[arg-type]
    return TYPES[f.kind].show(f, value)


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
            ThaiParagraph(f"{label('signer_name')}{SIGNATURE_DOTS}{name}", TextStyle(align=CENTRE)),
            ThaiParagraph(
                f"{label('signer_position')} {r.signer_position or SIGNATURE_DOTS}",
                TextStyle(align=CENTRE),
            ),
        ],
        frame_height,
    )

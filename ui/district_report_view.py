"""One collected report, read only: its fields, progress log, quarterly figures and the
problems its checks find, with "คัดลอกไปเป็นฉบับร่าง" to make it a draft of the clerk's own.

Why not the editor (`ui.report_form.ReportForm`): its widgets write to a document with
every keystroke, the checks' fixes and the list buttons change it, and it has no
read-only switch; a district officer reading a school's report must not be led to think
an edit there goes anywhere. So this is a plain view: the fields as text (which can be
selected and copied), the tables read only. What opens it for the "รวมรายงาน" window
(`ui.district_reports`) reads the report and runs the checks; this module only shows what
it is given.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from forms.checks import Problem, Severity
from forms.district.summary import SOURCE_PRINTOUT, Collected, QuarterFigure, quarter_figures
from forms.export.tables import SOURCE_WORDS
from forms.kinds import TYPES
from forms.printed import TAB_HEADINGS
from forms.report import Report, entry
from forms.schema import FIELDS, PROGRESS_FIELDS_BY_KEY, SECTIONS, Field, Kind, choice_label
from forms.thaidate import format_be_date
from forms.thainum import format_money, format_percent
from forms.typed import Unreadable
from ui import screen
from ui.district_columns import PRINTOUT_MARK, agency_text
from ui.icons import icon
from ui.marks import severity_icon
from ui.problems_panel import FIX_COLUMN, MESSAGE_COLUMN, ProblemsModel, count_text

QUARTER_MONTHS = ("ต.ค.–ธ.ค.", "ม.ค.–มี.ค.", "เม.ย.–มิ.ย.", "ก.ค.–ก.ย.")
PROGRESS_HEADERS = (
    "ครั้งที่",
    "วันที่",
    "ความก้าวหน้า (%)",
    "เบิกใช้ (บาท)",
    "ตามแผน",
    "ตามเป้าหมาย",
    "ผลการดำเนินงาน",
)
QUARTER_HEADERS = (
    "ไตรมาส",
    "สิ้นไตรมาส",
    "รายงานครั้งที่",
    "ความก้าวหน้า (%)",
    "เพิ่มขึ้นจากไตรมาสก่อน",
    "ใช้งบประมาณถึงสิ้นไตรมาส (บาท)",
)


def value_text(field: Field, value: object) -> str:
    """A field's value as the form prints it; text that could not be read, as typed."""
    if isinstance(value, Unreadable):
        return f"{value.text} (อ่านค่าไม่ได้)"
    return TYPES[field.kind].show(field, value)


def fields_html(report: Report) -> str:
    """Every field but the progress log, under the form's headings (user text escaped)."""
    out = []
    for section in SECTIONS:
        if section.key == "progress":
            continue
        out.append(f"<h3>{html.escape(TAB_HEADINGS[section.key])}</h3>")
        rows = []
        for field in FIELDS:
            if field.section != section.key:
                continue
            if field.kind == Kind.TEXT_LIST:
                items = list(getattr(report, field.key))
                if field.section != "rationale":
                    rows.append(_row(field.title, "" if items else "—"))
                rows += [
                    _row(f"{field.item_numbering}{n}" if field.item_numbering else "", text)
                    for n, text in enumerate(items, start=1)
                ]
                continue
            rows.append(_row(field.title, value_text(field, entry(report, field.key)) or "—"))
            if field.key == "budget_spent" and report.budget_remaining is not None:
                rows.append(
                    _row("งบประมาณคงเหลือ (บาท)", f"{format_money(report.budget_remaining)} บาท")
                )
        out.append(f"<table cellspacing='0' cellpadding='3'>{''.join(rows)}</table>")
    return "".join(out)


def _row(title: str, text: str) -> str:
    body = html.escape(text).replace("\n", "<br>")
    return (
        f"<tr><td valign='top' style='color:#566573; padding-right:12px'>{html.escape(title)}</td>"
        f"<td valign='top'>{body}</td></tr>"
    )


def quarter_rows(figures: Sequence[QuarterFigure], today: date) -> list[tuple[str, ...]]:
    """The quarterly table's texts: one row per quarter of the report's fiscal year; a
    quarter that has not begun by `today` says so rather than repeat the last figures."""
    rows = []
    started = True
    for n, figure in enumerate(figures):
        name = f"ไตรมาส {figure.quarter} ({QUARTER_MONTHS[figure.quarter - 1]})"
        if n > 0:
            started = figures[n - 1].end < today
        if not started:
            rows.append((name, format_be_date(figure.end), "ยังไม่ถึง", "", "", ""))
            continue
        change = figure.progress_change
        rows.append(
            (
                name,
                format_be_date(figure.end),
                str(figure.report_no or "ยังไม่มี"),
                format_percent(figure.progress_percent),
                "" if change is None else f"{'+' if change > 0 else ''}{format_percent(change)}",
                format_money(figure.budget_used),
            )
        )
    return rows


class CollectedReportView(QWidget):
    """A top-level window over one collected report."""

    copy_requested = Signal(object)  # the Report, to become a draft

    def __init__(
        self,
        item: Collected,
        report: Report,
        problems: list[Problem],
        notes: Sequence[str] = (),
        history: int = 0,
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("district_report_view")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.item, self.report, self.problems = item, report, problems
        self.today = today or date.today()
        name = report.project_name or "(ไม่มีชื่อโครงการ)"
        self.setWindowTitle(f"{name} — รายงานที่รวมไว้ (อ่านอย่างเดียว)")
        screen.fit(self, 1040, 720)

        layout = QVBoxLayout(self)
        title = QLabel(name)
        title.setObjectName("report_title")
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setWordWrap(True)
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        title.setFont(font)
        layout.addWidget(title)
        layout.addWidget(_plain_label(self._details(history), "report_details"))
        if item.source_kind == SOURCE_PRINTOUT:
            mark = _plain_label(
                f"⚠ {PRINTOUT_MARK}: ค่าเหล่านี้อ่านจากข้อความของแบบพิมพ์ ไม่ใช่ข้อมูลที่แนบมากับไฟล์",
                "printout_mark",
            )
            mark.setStyleSheet("color: #9a5b00; font-weight: bold;")
            layout.addWidget(mark)
        if notes:
            layout.addWidget(
                _plain_label("คำเตือนจากการอ่านไฟล์:\n" + "\n".join(f"• {n}" for n in notes), "notes")
            )
        self.tabs = QTabWidget()
        self.tabs.setObjectName("report_tabs")
        self.fields = QTextBrowser()
        self.fields.setObjectName("report_fields")
        self.fields.setOpenLinks(False)
        self.fields.setHtml(fields_html(report))
        self.tabs.addTab(self.fields, "ข้อมูลโครงการ")
        self.progress = self._progress_table(report)
        self.tabs.addTab(self.progress, f"ความก้าวหน้า ({len(report.progress_reports):,} ครั้ง)")
        self.quarters = self._quarter_table(report)
        self.tabs.addTab(self.quarters, "รายไตรมาส")
        self.problems_view, problems_page = self._problems_page(problems)
        errors = sum(p.is_error for p in problems)
        problems_tab = self.tabs.addTab(problems_page, f"ปัญหา ({len(problems):,})")
        if problems:
            worst = Severity.ERROR if errors else Severity.WARNING
            self.tabs.setTabIcon(problems_tab, severity_icon(worst))
        layout.addWidget(self.tabs, 1)

        self.copy_button = QPushButton(icon("copy"), "คัดลอกไปเป็นฉบับร่าง (&C)")
        self.copy_button.setObjectName("copy_to_drafts")
        self.copy_button.setToolTip(
            "สร้างฉบับร่างใหม่ของคุณจากรายงานนี้ แล้วเปิดในหน้าต่างหลัก (ชุดรวมรายงานไม่เปลี่ยนแปลง)"
        )
        self.copy_button.clicked.connect(lambda: self.copy_requested.emit(self.report.copy()))
        close = QPushButton("ปิด")
        close.setObjectName("close_report")
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)

    def _details(self, history: int) -> str:
        row = self.item.row
        lines = [
            f"รหัสโครงการ {row.project_code or '-'} · ปีงบประมาณ {row.fiscal_year or '-'}"
            f" · {agency_text(row) or 'ไม่ระบุหน่วยงาน'}",
            f"ไฟล์ต้นทาง: {self.item.source} ({SOURCE_WORDS.get(self.item.source_kind, '')})",
            f"ผลการตรวจ: {count_text(self.problems)}",
        ]
        if history:
            lines.append(f"มีฉบับอื่นของโครงการนี้เก็บเป็นประวัติ {history:,} ฉบับ")
        return "\n".join(lines)

    def _progress_table(self, report: Report) -> QTableWidget:
        plan = PROGRESS_FIELDS_BY_KEY["plan_status"]
        target = PROGRESS_FIELDS_BY_KEY["target_status"]
        rows = [
            (
                str(r.no),
                value_text(PROGRESS_FIELDS_BY_KEY["date"], entry(r, "date")),
                value_text(
                    PROGRESS_FIELDS_BY_KEY["progress_percent"], entry(r, "progress_percent")
                ),
                format_money(r.budget_used)
                if "budget_used" not in r.typed
                else r.typed["budget_used"],
                choice_label(plan, r.plan_status),
                choice_label(target, r.target_status),
                r.narrative,
            )
            for r in report.progress_reports
        ]
        table = _table(PROGRESS_HEADERS, rows, numeric=(0, 2, 3), wrap_last=True)
        table.setObjectName("report_progress")
        return table

    def _quarter_table(self, report: Report) -> QTableWidget:
        table = _table(
            QUARTER_HEADERS, quarter_rows(quarter_figures(report), self.today), numeric=(2, 3, 4, 5)
        )
        table.setObjectName("report_quarters")
        return table

    def _problems_page(self, problems: list[Problem]) -> tuple[QTableView, QWidget]:
        model = ProblemsModel(self)
        model.set_problems(problems)
        view = QTableView()
        view.setObjectName("report_problems")
        view.setModel(model)
        view.setColumnHidden(FIX_COLUMN, True)  # a fix is for the clerk's own draft
        view.verticalHeader().hide()
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setWordWrap(True)
        view.setShowGrid(False)
        view.setAlternatingRowColors(True)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(MESSAGE_COLUMN, QHeaderView.ResizeMode.Stretch)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 4, 0, 0)
        say = (
            "ไม่พบปัญหา ✓"
            if not problems
            else f"พบ {len(problems):,} รายการ — {count_text(problems)}"
        )
        box.addWidget(_plain_label(say, "problems_count"))
        box.addWidget(view, 1)
        return view, page


def _plain_label(text: str, name: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)  # user data (ui.plain)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    numeric: Sequence[int] = (),
    wrap_last: bool = False,
) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setWordWrap(wrap_last)
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
    left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
    for r, texts in enumerate(rows):
        for c, text in enumerate(texts):
            cell = QTableWidgetItem(text)
            cell.setTextAlignment(right if c in numeric else left)
            table.setItem(r, c, cell)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if wrap_last:
        # rows as tall as their wrapped text, at whatever width the window gives
        header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    else:
        header.setStretchLastSection(True)
    return table

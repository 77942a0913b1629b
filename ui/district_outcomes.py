"""The panel under the district's table that says what the last collect did, file by file:
added, updated, the same, kept as history, or refused with its reason (the same words and
messages as `main.py collect`, from `storage.collection_outcomes.FileOutcome`).

It fills while the files are read (one row per outcome as each file is done) and stays
until the clerk hides it, so the reasons for refused files can be read at leisure.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from forms.checks import Severity
from forms.district.summary import SOURCE_PRINTOUT
from storage.collection_outcomes import FileOutcome, Outcome, OutcomeKind
from ui import plain
from ui.marks import COLORS, severity_icon

HEADERS = ("ผล", "ไฟล์", "รายละเอียด")
PRINTOUT_NOTE = "อ่านจากข้อความแบบพิมพ์ (ไม่มีข้อมูลแนบ) — ตรวจค่ากับต้นฉบับอีกครั้ง"


def one_line(text: str) -> str:
    return " ".join(str(text).split())


def outcome_text(done: FileOutcome, outcome: Outcome) -> str:
    """The message of one outcome, with what the reader said about the file."""
    parts = [one_line(outcome.message)]
    if outcome.kind != OutcomeKind.REFUSED:
        if done.source_kind == SOURCE_PRINTOUT:
            parts.append(PRINTOUT_NOTE)
        parts += [one_line(note) for note in done.notes]
    return " — ".join(parts)


def counts_text(counts: Counter[str]) -> str:
    return " · ".join(f"{kind.word} {counts[kind]:,}" for kind in OutcomeKind)


class OutcomesPanel(QWidget):
    """One row per outcome; the counts above them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("district_outcomes")
        self.counts: Counter[str] = Counter()
        self.files = 0
        self.summary = QLabel()
        self.summary.setObjectName("outcomes_summary")
        self.summary.setWordWrap(True)
        self.hide_button = QPushButton("ซ่อนผลการรวม")
        self.hide_button.setObjectName("outcomes_hide")
        self.hide_button.clicked.connect(self.hide)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setObjectName("outcomes_table")
        self.table.setHorizontalHeaderLabels(list(HEADERS))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.resizeSection(1, 220)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.hide_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def start(self) -> None:
        """A new run: the last run's rows go."""
        self.counts.clear()
        self.files = 0
        self.table.setRowCount(0)
        self.summary.setText("กำลังรวมรายงาน…")
        self.show()

    def add(self, done: FileOutcome) -> None:
        self.files += 1
        outcomes = done.outcomes or (
            Outcome(OutcomeKind.SAME, "ชุดรวมรายงานนี้ไม่มีรายงาน") if done.merged else None,
        )
        for outcome in outcomes:
            if outcome is None:
                continue
            self.counts[outcome.kind] += 1
            self._add_row(done.path, outcome.kind, outcome_text(done, outcome))
        self.summary.setText(
            f"กำลังรวมรายงาน… อ่านแล้ว {self.files:,} ไฟล์: {counts_text(self.counts)}"
        )

    def finish(self, failure: str = "") -> None:
        done = f"รวมรายงานแล้ว {self.files:,} ไฟล์: {counts_text(self.counts)}"
        if failure:
            done = f"หยุดรวมรายงานหลังอ่าน {self.files:,} ไฟล์: {failure}"
        self.summary.setText(done)

    def rows(self) -> list[tuple[str, str, str]]:
        """Every row's three texts (what tests and the clerk read)."""
        return [
            tuple(self.table.item(r, c).text() for c in range(len(HEADERS)))  # type: ignore[misc]
            for r in range(self.table.rowCount())
        ]

    def _add_row(self, path: Path, kind: OutcomeKind, message: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        word = QTableWidgetItem(kind.word)
        if kind == OutcomeKind.REFUSED:
            word.setIcon(severity_icon(Severity.ERROR))
            word.setForeground(COLORS["error"])
        file_item = QTableWidgetItem(path.name or str(path))
        file_item.setToolTip(plain.tooltip(str(path)))
        text = QTableWidgetItem(message)
        text.setToolTip(plain.tooltip(message))
        for column, item in enumerate((word, file_item, text)):
            item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, column, item)
        self.table.scrollToBottom()
